import CSVSupport

/// JSON Lines logs: one flat object per non-blank line (SPEC §4).
struct JSONLinesRecordSource: RawRecordSource {
    private let lines: LineReader
    private var finished = false
    private var sawContent = false

    init(path: String) { lines = LineReader(path: path) }

    mutating func next() -> RawItem? {
        if finished { return nil }
        if let error = lines.openError {
            finished = true
            return .fileError(line: 0, column: 0, code: "log.unreadable", message: "cannot read the log: \(error)")
        }
        while let next = lines.next() {
            let n = lines.lineNumber
            guard case .text(var line) = next else {
                sawContent = true
                if case .tooLong(let bytes) = next {
                    return .rejected(
                        line: n, column: 1, code: "log.malformed-row",
                        message:
                            "the line is \(bytes) bytes long, over the limit of \(LineReader.defaultMaxLineBytes) bytes"
                    )
                }
                continue
            }
            if n == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            if n == 1, line.starts(with: [0xFF, 0xFE]) || line.starts(with: [0xFE, 0xFF]) {
                finished = true
                return .fileError(
                    line: 1, column: 1, code: "log.invalid-utf8", message: "the file is UTF-16; logs must be UTF-8")
            }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            sawContent = true
            if line.withUnsafeBufferPointer({ UTF8Check.firstInvalidIndex(in: $0) }) != nil {
                let offset = lines.lineOffset + Self.firstInvalidUTF8(line)
                return .rejected(
                    line: n, column: 1, code: "log.invalid-utf8",
                    message: "the line is not valid UTF-8 (byte offset \(offset))")
            }
            do {
                return .record(RawRecord(line: n, fields: try FlatJSONObject.parse(line)))
            } catch {
                return .rejected(line: n, column: error.column, code: "log.malformed-row", message: error.message)
            }
        }
        finished = true
        return sawContent ? nil : .empty
    }

    /// Index (from the line's start) of the first byte that breaks UTF-8, for the diagnostic.
    static func firstInvalidUTF8(_ line: ArraySlice<UInt8>) -> Int {
        var decoder = UTF8()
        var iterator = line.makeIterator()
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): consumed += UTF8.width(scalar)
            case .emptyInput: return consumed
            case .error: return consumed
            }
        }
    }
}
