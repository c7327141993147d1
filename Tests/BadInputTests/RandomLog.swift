import ComplianceTestSupport

/// What the reader must make of one generated record.
enum Fate: Equatable {
    /// Accepted and evaluated: the event must reach the evaluator exactly once.
    case evaluated(id: String)
    /// Accepted but dated after the as-of date: counted as ignored, never evaluated.
    case ignored
    /// Rejected with an error diagnostic at the record's line.
    case rejected
}

/// One way a record is damaged (or not).
enum Damage: CaseIterable {
    case none, unknownUnit, impossibleDate, missingID, duplicateID, afterAsOf
    case invalidUTF8, nulByte, malformed, nested, yamlAlias

    /// Whether the damage can be written in `format` as a per-record problem (in YAML, bad bytes stop the
    /// whole file, so they are not record damage there).
    func applies(to format: LogFormat) -> Bool {
        switch (self, format) {
        case (.invalidUTF8, .yaml), (.nulByte, .yaml): return false
        case (.yamlAlias, .csv), (.yamlAlias, .jsonl), (.nested, .csv): return false
        default: return true
        }
    }
}

/// The three log formats.
enum LogFormat: String, CaseIterable {
    case csv, jsonl, yaml
}

/// A generated log file: its bytes and, per record, its first line and what must become of it.
struct GeneratedLog {
    let name: String
    var bytes: [UInt8] = []
    var records: [(line: Int, fate: Fate)] = []
    private var line = 1

    /// Writes a log of `count` records in `format` with damage drawn from `rng`; `accepted` carries ids
    /// already accepted by earlier files (for duplicates) and gains this file's.
    init(name: String, format: LogFormat, count: Int, rng: inout SplitMix64, accepted: inout [String]) {
        self.name = name
        switch format {
        case .csv: emit("id,unit,type,date,note\n")
        case .jsonl: break
        case .yaml: emit("events:\n")
        }
        for index in 0..<count {
            if Int.random(in: 0..<6, using: &rng) == 0 { emit(format == .yaml ? "\n  # a comment\n" : "\n") }
            let damages = Damage.allCases.filter { $0.applies(to: format) }
            let damage = Bool.random(using: &rng) ? Damage.none : damages.randomElement(using: &rng) ?? .none
            let usable = damage == .duplicateID && accepted.isEmpty ? Damage.none : damage
            let id = usable == .duplicateID ? accepted.randomElement(using: &rng) ?? "" : "\(name)-\(index)"
            let multiline = format == .csv && usable == .none && Int.random(in: 0..<4, using: &rng) == 0
            let start = line
            write(format: format, damage: usable, id: id, multiline: multiline)
            let fate: Fate
            switch usable {
            case .none:
                fate = .evaluated(id: id)
                accepted.append(id)
            case .afterAsOf:
                fate = .ignored
                accepted.append(id)
            default:
                fate = .rejected
            }
            records.append((start, fate))
        }
    }

    /// Appends text, counting lines.
    private mutating func emit(_ text: String) { emit(Array(text.utf8)) }

    /// Appends bytes, counting lines.
    private mutating func emit(_ raw: [UInt8]) {
        bytes += raw
        line += raw.count { $0 == UInt8(ascii: "\n") }
    }

    /// Writes one record with its damage.
    private mutating func write(format: LogFormat, damage: Damage, id: String, multiline: Bool) {
        let unit = damage == .unknownUnit ? "zz-nowhere" : (id.utf8.count % 2 == 0 ? "bk" : "pn")
        let date = damage == .impossibleDate ? "2024-02-30" : damage == .afterAsOf ? "2025-06-01" : "2024-03-15"
        let shownID = damage == .missingID ? "" : id
        var note: [UInt8] = Array("ghi chú".utf8)
        if damage == .invalidUTF8 { note += [0xFF, 0xFE] }
        if damage == .nulByte { note += [0x00] }
        switch format {
        case .csv:
            let cells =
                damage == .malformed
                ? "\(shownID),\(unit),citizen-reception" : "\(shownID),\(unit),citizen-reception,\(date),"
            emit(cells)
            if damage != .malformed {
                emit(multiline ? Array("\"a, \"\"quoted\"\"\nsecond line\"".utf8) : note)
            }
            emit("\n")
        case .jsonl:
            let idField = damage == .missingID ? "" : "\"id\":\"\(id)\","
            emit("{\(idField)\"unit\":\"\(unit)\",\"type\":\"citizen-reception\",\"date\":\"\(date)\",\"note\":")
            if damage == .nested {
                emit("{\"a\":1}}\n")
            } else {
                emit("\"")
                emit(note)
                emit(damage == .malformed ? "\"\n" : "\"}\n")
            }
        case .yaml:
            let idField = damage == .missingID ? "" : "id: \(id), "
            let anchor = damage == .yamlAlias ? "&r\(line) " : ""
            switch damage {
            case .malformed: emit("  - just a scalar\n")
            case .nested:
                emit("  - { \(idField)unit: \(unit), type: citizen-reception, date: \(date), note: [1, 2] }\n")
            default:
                emit("  - \(anchor){ \(idField)unit: \(unit), type: citizen-reception, date: \(date), note: ")
                emit(note)
                emit(" }\n")
            }
        }
    }
}
