import CSVSupport
import Foundation

/// CSV logs: a header row names the fields; every later row is one record (SPEC §4).
struct CSVRecordSource: RawRecordSource {
    private let reader: CSVReader?
    private let openError: String?
    private var header: [String]?
    private var headerLine = 0
    private var missingColumns: [String] = []
    private var finished = false
    private var started = false
    private let path: String

    init(path: String) {
        self.path = path
        do {
            reader = try CSVReader(path: path)
            openError = nil
        } catch {
            reader = nil
            openError = "\(error)"
        }
    }

    mutating func next() -> RawItem? {
        if finished { return nil }
        guard let reader else {
            finished = true
            return .fileError(
                line: 0, column: 0, code: "log.unreadable", message: "cannot read the log: \(openError ?? "")")
        }
        if !started {
            started = true
            if let prefix = Self.prefixBytes(path),
                prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF])
            {
                finished = true
                return .fileError(
                    line: 1, column: 1, code: "log.invalid-utf8", message: "the file is UTF-16; logs must be UTF-8")
            }
        }
        while let row = reader.next() {
            switch row {
            case .invalidUTF8(let line, let offset):
                if header == nil {
                    finished = true
                    return .fileError(
                        line: line, column: 1, code: "log.invalid-utf8",
                        message: "the header is not valid UTF-8 (byte offset \(offset))")
                }
                return .rejected(
                    line: line, column: 1, code: "log.invalid-utf8",
                    message: "the record is not valid UTF-8 (byte offset \(offset))")
            case .malformed(let line, let column, let message):
                if header == nil {
                    finished = true
                    return .fileError(
                        line: line, column: column, code: "log.malformed-row", message: "malformed header: \(message)")
                }
                return .rejected(line: line, column: column, code: "log.malformed-row", message: message)
            case .row(let line, let fields):
                // A line of nothing but white space is a blank line (SPEC §4: skipped, not a record).
                if fields.count == 1 && fields[0].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
                guard let header else {
                    let names = fields.map { $0.trimmingCharacters(in: .whitespaces) }
                    if names.count == 1 && names[0].isEmpty { continue }
                    var seen: Set<String> = []
                    for n in names where !seen.insert(n).inserted {
                        finished = true
                        return .fileError(
                            line: line, column: 1, code: "log.malformed-row",
                            message: "the header names column '\(n)' twice")
                    }
                    self.header = names
                    headerLine = line
                    missingColumns = ["id", "unit", "type", "date"].filter { !names.contains($0) }
                    return .header(names)
                }
                if !missingColumns.isEmpty {
                    return .rejected(
                        line: line, column: 1, code: "log.missing-field",
                        message:
                            "the header (line \(headerLine)) lacks the required column(s) \(missingColumns.joined(separator: ", ")); every row is rejected"
                    )
                }
                guard fields.count == header.count else {
                    return .rejected(
                        line: line, column: 1, code: "log.malformed-row",
                        message: "the row has \(fields.count) cells but the header has \(header.count)")
                }
                return .cells(line: line, cells: fields)
            }
        }
        finished = true
        if let error = reader.readError {
            return .fileError(line: 0, column: 0, code: "log.unreadable", message: "reading stopped: \(error)")
        }
        if header == nil { return .empty }
        return nil
    }

    private static func prefixBytes(_ path: String) -> [UInt8]? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        return [UInt8](h.readData(ofLength: 2))
    }
}
