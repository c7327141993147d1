import ComplianceCore

/// Checks one raw record against the registry, the date forms and the vocabulary (SPEC §4), with
/// every repeated string — unit ids, types, field names, attribute values — looked up once and then
/// interned, so a record costs a few hash probes instead of normalising and parsing each field.
struct RecordValidator {
    /// What a field name means, resolved once per CSV header (or per distinct JSON/YAML key).
    enum Column {
        case id, unit, type, date
        /// An attribute, by interned name.
        case attribute(Int32)
        /// A name that normalises to nothing: the field is dropped.
        case skip
    }

    /// A record that passed every check, ready to be appended.
    struct Accepted {
        let id: String
        let unit: Int32
        let type: Int32
        let day: Day
    }

    private let ingestor: LogIngestor
    /// Display paths by file index, for "first accepted at" messages.
    private let displays: [String]
    /// Unit ids; key `i` is registry unit `i`.
    private var unitKeys = ByteKeyTable(capacity: 1024)
    /// Whether an interned value's text is empty (such attributes are dropped).
    private var emptyValue: [Bool] = []
    /// Field names seen so far (raw), and what they mean.
    private var rawNames: [String: Column] = [:]
    /// The vocabulary's entry per interned type, looked up once per type.
    private var typeInfo: [TypeInfo?] = []
    private var typeInfoKnown: [Bool] = []

    /// A vocabulary entry with names resolved to interned field indices.
    private struct TypeInfo {
        let definition: Vocabulary.EventType
        let requires: [(name: String, field: Int32?)]
        var attributeTypes: [Int32: Vocabulary.AttributeType?] = [:]
    }

    // The record being gathered.
    private var id: String?
    private var unit: String?
    private var type: String?
    private var date: String?
    private var attributes: [(name: Int32, value: Int32)] = []

    init(ingestor: LogIngestor, displays: [String]) {
        self.ingestor = ingestor
        self.displays = displays
        for id in ingestor.registry.ids { _ = unitKeys.insert(id) }
    }

    /// The columns of a CSV header.
    mutating func columns(for names: [String], table: inout EventTable) -> [Column] {
        names.map { column(named: $0, table: &table) }
    }

    /// What a raw field name means.
    mutating func column(named name: String, table: inout EventTable) -> Column {
        if let known = rawNames[name] { return known }
        let key = TextNormalization.normalize(name)
        let column: Column
        switch key {
        case "id": column = .id
        case "unit": column = .unit
        case "type": column = .type
        case "date": column = .date
        case "": column = .skip
        default: column = .attribute(table.internField(key))
        }
        rawNames[name] = column
        return column
    }

    /// Starts a new record.
    mutating func beginRecord() {
        id = nil
        unit = nil
        type = nil
        date = nil
        attributes.removeAll(keepingCapacity: true)
    }

    /// Adds one present field of the record.
    mutating func add(_ column: Column, _ value: String, table: inout EventTable) {
        switch column {
        case .id: id = Self.normalize(value)
        case .unit: unit = Self.normalize(value)
        case .type: type = Self.normalize(value)
        case .date: date = Self.normalize(value)
        case .skip: break
        case .attribute(let name):
            let v = intern(value, table: &table)
            if !emptyValue[Int(v)] { attributes.append((name, v)) }
        }
    }

    /// The interned value a raw text normalises to: plain ASCII without surrounding white space is
    /// already normalised and is looked up by its bytes; anything else is normalised first.
    private mutating func intern(_ raw: String, table: inout EventTable) -> Int32 {
        var text = raw
        let index =
            text.withUTF8 { Self.isPlain($0) ? table.internValue(normalized: $0) : nil }
            ?? table.internValue(AttributeValue(raw))
        while emptyValue.count <= Int(index) { emptyValue.append(table.values[emptyValue.count].text.isEmpty) }
        return index
    }

    /// Whether bytes are ASCII with no white space at either end (normalisation leaves them as they are).
    private static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first, let last = b.last else { return true }
        if isSpace(first) || isSpace(last) { return false }
        for byte in b where byte >= 0x80 { return false }
        return true
    }

    /// NFC and trimmed, without the Unicode work for plain ASCII that needs no trimming.
    private static func normalize(_ text: String) -> String {
        var copy = text
        return copy.withUTF8(isPlain) ? text : TextNormalization.normalize(text)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Checks the gathered record; nil after recording the rejection's diagnostic.
    ///
    /// The checks run in the order SPEC §4's diagnostics are documented: missing fields, unit, date,
    /// vocabulary, duplicate id. An accepted record's id is claimed in the table: `append` must follow.
    mutating func validate(
        at: SourceLocation, table: inout EventTable, stage: inout LogIngestor.FileStage
    ) -> Accepted? {
        guard let id, !id.isEmpty, let unit, !unit.isEmpty, let type, !type.isEmpty, let date, !date.isEmpty
        else {
            let name =
                (id?.isEmpty ?? true)
                ? "id" : (unit?.isEmpty ?? true) ? "unit" : (type?.isEmpty ?? true) ? "type" : "date"
            stage.diagnostics.append(
                .error("log.missing-field", "the record lacks the required field '\(name)'", at: at))
            return nil
        }
        let registry = ingestor.registry
        var unitText = unit
        guard let unitIndex = unitText.withUTF8({ unitKeys.index(of: $0) }) else {
            stage.diagnostics.append(
                .error(
                    "log.unknown-unit", "unknown unit '\(unit)'" + Suggestions.hint(for: unit, in: registry.ids),
                    at: at))
            return nil
        }
        guard let day = parseDate(date, at: at, stage: &stage) else { return nil }
        let typeIndex = table.internType(type)
        if let vocabulary = ingestor.vocabulary {
            guard let info = info(for: typeIndex, name: type, vocabulary: vocabulary, table: table) else {
                stage.diagnostics.append(
                    .error(
                        "log.unknown-type",
                        "unknown event type '\(type)'" + Suggestions.hint(for: type, in: vocabulary.eventTypes.keys),
                        at: at))
                return nil
            }
            for field in info.requires {
                let present: Bool
                switch field.name {
                case "id", "unit", "type", "date": present = true
                default:
                    present =
                        (field.field ?? table.fieldIndex(field.name)).map { f in
                            attributes.contains { $0.name == f }
                        } ?? false
                }
                if !present {
                    stage.diagnostics.append(
                        .error("log.missing-field", "a '\(type)' record needs the field '\(field.name)'", at: at))
                    return nil
                }
            }
            guard checkAttributes(typeIndex, info.definition, type: type, at: at, table: table, stage: &stage) else {
                return nil
            }
        }
        var idText = id
        if let first = idText.withUTF8({ table.claim(id: $0) }) {
            let path = displays[Int(table.files[first])]
            let line = Int(table.lines[first])
            stage.diagnostics.append(
                .error(
                    "log.duplicate-id", "duplicate event id '\(id)' (first accepted at \(path):\(line))", at: at,
                    related: [SourceLocation(path: path, line: line, column: 1)]))
            return nil
        }
        return Accepted(id: id, unit: Int32(unitIndex), type: typeIndex, day: day)
    }

    /// Appends an accepted record (its id claimed by `validate`) with the attributes gathered for it.
    mutating func append(_ event: Accepted, fileIndex: Int32, line: Int, evaluable: Bool, to table: inout EventTable) {
        table.append(
            unit: event.unit, type: event.type, day: event.day, file: fileIndex, line: Int32(truncatingIfNeeded: line),
            attributes: attributes, evaluable: evaluable)
    }

    /// `YYYY-MM-DD` read straight from the bytes; any other form goes through `DateText`.
    private func parseDate(_ text: String, at: SourceLocation, stage: inout LogIngestor.FileStage) -> Day? {
        var copy = text
        let fast = copy.withUTF8 { b -> Day? in
            guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
            var parts = [0, 0, 0]
            for (part, range) in [(0, 0..<4), (1, 5..<7), (2, 8..<10)] {
                for i in range {
                    let d = b[i] &- UInt8(ascii: "0")
                    guard d < 10 else { return nil }
                    parts[part] = parts[part] * 10 + Int(d)
                }
            }
            return Day(year: parts[0], month: parts[1], day: parts[2])
        }
        if let fast { return fast }
        switch DateText.parseEventDate(Substring(text), zone: ingestor.zone) {
        case .success(let d): return d
        case .failure(let why):
            let detail: String
            switch why {
            case .impossible: detail = "no such date or time"
            case .missingOffset: detail = "a datetime needs Z or an offset such as +07:00"
            case .malformed: detail = "expected YYYY-MM-DD, D/M/YYYY (day first) or YYYY-MM-DDTHH:MM[:SS]±HH:MM"
            }
            stage.diagnostics.append(.error("log.bad-date", "bad date '\(text)': \(detail)", at: at))
            return nil
        }
    }

    /// The vocabulary's entry for an interned type, looked up once.
    private mutating func info(for type: Int32, name: String, vocabulary: Vocabulary, table: EventTable)
        -> TypeInfo?
    {
        let t = Int(type)
        while typeInfo.count <= t {
            typeInfo.append(nil)
            typeInfoKnown.append(false)
        }
        if !typeInfoKnown[t] {
            typeInfoKnown[t] = true
            typeInfo[t] = vocabulary.eventTypes[name].map { def in
                TypeInfo(definition: def, requires: def.requires.map { ($0, table.fieldIndex($0)) })
            }
        }
        return typeInfo[t]
    }

    /// Attribute types against the vocabulary: a wrong type rejects the record, an undeclared name is
    /// a warning once per file.
    private mutating func checkAttributes(
        _ type: Int32, _ definition: Vocabulary.EventType, type typeName: String, at: SourceLocation,
        table: EventTable,
        stage: inout LogIngestor.FileStage
    ) -> Bool {
        let t = Int(type)
        for (name, valueIndex) in attributes {
            let declared: Vocabulary.AttributeType?
            if let cached = typeInfo[t]?.attributeTypes[name] {
                declared = cached
            } else {
                declared = definition.attributes[table.fieldNames[Int(name)]]
                typeInfo[t]?.attributeTypes[name] = .some(declared)
            }
            let nameText = table.fieldNames[Int(name)]
            if let declared {
                let value = table.values[Int(valueIndex)]
                if !declared.accepts(value) {
                    stage.diagnostics.append(
                        .error(
                            "log.bad-attribute",
                            "attribute '\(nameText)' must be a \(declared.rawValue), found '\(value.text)'", at: at))
                    return false
                }
            } else if nameText != "ref" && nameText != "period"
                && stage.warnedAttributes.insert(Int64(type) << 32 | Int64(name)).inserted
            {
                let hint = Suggestions.hint(for: nameText, in: definition.attributes.keys)
                stage.diagnostics.append(
                    .warning(
                        "log.unknown-attribute",
                        "attribute '\(nameText)' is not declared for event type '\(typeName)' in the vocabulary (first in this file)"
                            + hint, at: at))
            }
        }
        return true
    }
}
