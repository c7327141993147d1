import CSVSupport
import ComplianceCore

/// JSON Lines logs: one flat object per non-blank line (SPEC §4).
///
/// Records come out in `KeyedBatch`es; a line refused on its own (too long, not UTF-8, not a flat
/// object) ends the batch before it, so items stay in line order.
struct JSONLinesRecordSource: RawRecordSource {
    private let lines: LineReader
    private var scanner = JSONRecordScanner()
    private var finished = false
    private var sawContent = false
    /// Items to hand out before reading on.
    private var queue = ItemQueue()

    init(path: String, observer: ((UnsafeRawBufferPointer) -> Void)? = nil) {
        lines = LineReader(path: path)
        lines.observer = observer
    }

    mutating func next() -> RawItem? {
        while true {
            if let item = queue.pop() { return item }
            if finished { return nil }
            var batch = KeyedBatch()
            let stop = readLines(into: &batch)
            if batch.count > 0 {
                batch.keyNames = scanner.names
                queue.append(.keyedBatch(batch))
            }
            if let stop { queue.append(stop) }
        }
    }

    /// Reads lines into `batch` until it is full, a line is refused or the file ends; returns the
    /// item that stopped it (a refused line, a file error, an empty file), which follows the batch.
    private mutating func readLines(into batch: inout KeyedBatch) -> RawItem? {
        if let error = lines.openError {
            finished = true
            return .fileError(
                line: 0, column: 0, code: .logUnreadable, message: Message(.cannotReadLog, ["why": "\(error)"]))
        }
        while !batch.isFull {
            guard let next = lines.next() else {
                finished = true
                return sawContent ? nil : .empty
            }
            let n = lines.lineNumber
            guard case .text(var line) = next else {
                sawContent = true
                if case .tooLong(let bytes) = next {
                    return .rejected(
                        line: n, column: 1, code: .logMalformedRow,
                        message:
                            Message(
                                .lineTooLong, ["bytes": String(bytes), "limit": String(LineReader.defaultMaxLineBytes)])
                    )
                }
                continue
            }
            if n == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            if n == 1, line.starts(with: [0xFF, 0xFE]) || line.starts(with: [0xFE, 0xFF]) {
                finished = true
                return .fileError(
                    line: 1, column: 1, code: .logInvalidUtf8, message: Message(.logIsUTF16))
            }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            sawContent = true
            if let invalid = line.withUnsafeBufferPointer({ UTF8Check.firstInvalidIndex(in: $0) }) {
                return .rejected(
                    line: n, column: 1, code: .logInvalidUtf8,
                    message: Message(.lineNotUTF8, ["offset": String(lines.lineOffset + invalid)]))
            }
            if let failure = scanner.scan(line, number: n, into: &batch) {
                return .rejected(
                    line: n, column: failure.column, code: .logMalformedRow,
                    message: Message(.jsonMalformed, ["detail": failure.message]))
            }
        }
        return nil
    }
}
