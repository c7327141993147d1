import CSVSupport
import ComplianceCore
import Foundation

/// JSON Lines logs: one flat object per non-blank line (SPEC §4).
///
/// Records come out in `KeyedBatch`es; a line refused on its own (too long, not UTF-8, not a flat
/// object) ends the batch before it, so items stay in line order. After the first line, a large
/// file is read in blocks parsed on other threads (`LineBlockPipeline`): every line stands alone,
/// so any line feed is a record boundary; a block's keys are renumbered and its lines shifted as it
/// is handed on, so the items are those of the sequential reading.
struct JSONLinesRecordSource: RawRecordSource {
    private var lines: LineReader
    private var scanner = JSONRecordScanner()
    private var finished = false
    private var sawContent = false
    /// Items to hand out before reading on.
    private var queue = ItemQueue()
    private let path: String
    private let observer: ((UnsafeRawBufferPointer) -> Void)?
    /// The blocks parsed in parallel, from the second line on, and the line each next block starts on.
    private var blocks: LineBlockPipeline<Block>?
    private var blockLine = 0
    private var triedBlocks = false
    /// Whether blocks are used, their size, and how much of the file must be left for them.
    private let blockSettings: LogBlocks

    init(path: String, observer: ((UnsafeRawBufferPointer) -> Void)? = nil, blocks: LogBlocks = .standard) {
        self.path = path
        self.observer = observer
        self.blockSettings = blocks
        lines = LineReader(path: path)
        lines.observer = observer
    }

    mutating func next() -> RawItem? {
        while true {
            if let item = queue.pop() { return item }
            if finished { return nil }
            if blocks != nil {
                nextBlock()
                continue
            }
            if !triedBlocks && lines.lineNumber >= 1 {
                triedBlocks = true
                startBlocks()
                if blocks != nil { continue }
            }
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
                line: 0, column: 0, code: .logUnreadable, message: Message(.cannotReadLog, nested: ["why": error]))
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
            if let refusal = Self.read(
                line, number: n, offset: lines.lineOffset, scanner: &scanner, into: &batch, sawContent: &sawContent)
            {
                return refusal
            }
        }
        return nil
    }

    /// Reads one line (without its terminator) as record `number` into `batch`; returns the refusal
    /// when the line is refused (`offset`: where the line starts in the file).
    private static func read(
        _ line: ArraySlice<UInt8>, number n: Int, offset: Int, scanner: inout JSONRecordScanner,
        into batch: inout KeyedBatch, sawContent: inout Bool
    ) -> RawItem? {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        sawContent = true
        if let invalid = line.withUnsafeBufferPointer({ UTF8Check.firstInvalidIndex(in: $0) }) {
            return .rejected(
                line: n, column: 1, code: .logInvalidUtf8,
                message: Message(.lineNotUTF8, ["offset": String(offset + invalid)]))
        }
        if let failure = scanner.scan(line, number: n, into: &batch) {
            return .rejected(
                line: n, column: failure.column, code: .logMalformedRow,
                message: Message(.jsonMalformed, ["detail": failure.message]))
        }
        return nil
    }

    /// A block's items, read on its own: lines counted from 1 at its start, keys numbered from 0.
    private struct Block {
        var items: [RawItem] = []
        var keyNames: [String] = []
        var lineFeeds = 0
        var sawContent = false
    }

    /// Starts the parallel blocks when enough of the file is left to be worth it.
    private mutating func startBlocks() {
        let offset = lines.nextLineOffset
        guard blockSettings.enabled, lines.openError == nil, let size = lines.fileSize,
            size - offset >= blockSettings.minimumBytes
        else { return }
        let reader = lines
        blockLine = lines.lineNumber + 1
        blocks = LineBlockPipeline(
            offset: offset, observedUpTo: lines.observedUpTo, blockBytes: blockSettings.blockBytes,
            maxLineBytes: LineReader.defaultMaxLineBytes,
            read: { reader.readBlock(at: $0, count: $1) }, observer: observer,
            parse: { bytes, start in Self.parseBlock(bytes, start: start) })
    }

    /// Queues the next block's items, or ends the file, or hands reading back to a line reader.
    private mutating func nextBlock() {
        guard let pipeline = blocks else { return }
        switch pipeline.next() {
        case .end:
            blocks = nil
            finished = true
            if !sawContent { queue.append(.empty) }
        case .sequential(let offset):
            blocks = nil
            lines = LineReader(
                path: path, offset: offset, linesBefore: blockLine - 1, observedUpTo: pipeline.observedUpTo)
            lines.observer = observer
        case .parsed(let block, _):
            let ids = block.keyNames.map { scanner.id(of: $0) }
            // Usually the block met the keys in the order the file did: the ids stay as they are.
            let sameIDs = ids.indices.allSatisfy { ids[$0] == Int32($0) }
            let shift = blockLine - 1
            for item in block.items {
                switch item {
                case .keyedBatch(var batch):
                    batch.renumber(keys: sameIDs ? nil : ids, names: scanner.names, shiftingLines: shift)
                    queue.append(.keyedBatch(batch))
                case .rejected(let line, let column, let code, let message):
                    queue.append(.rejected(line: line + shift, column: column, code: code, message: message))
                default:
                    queue.append(item)
                }
            }
            blockLine += block.lineFeeds
            sawContent = sawContent || block.sawContent
        }
    }

    /// Reads a block that starts at file offset `start` (a line start, not the file's first line);
    /// nil when a line is too long to keep (the sequential reader words that refusal).
    private static func parseBlock(_ bytes: [UInt8], start: Int) -> Block? {
        var block = Block()
        var scanner = JSONRecordScanner()
        var batch = KeyedBatch()
        var lineStart = 0
        var n = 0
        while lineStart < bytes.count {
            n += 1
            let newline = Self.lineFeed(in: bytes, from: lineStart)
            let end = newline ?? bytes.count
            if end - lineStart > LineReader.defaultMaxLineBytes { return nil }
            var line = bytes[lineStart..<end]
            if let last = line.last, last == 0x0D { line = line.dropLast() }
            if let refusal = read(
                line, number: n, offset: start + lineStart, scanner: &scanner, into: &batch,
                sawContent: &block.sawContent)
            {
                if batch.count > 0 { block.items.append(.keyedBatch(batch)) }
                batch = KeyedBatch()
                block.items.append(refusal)
            } else if batch.isFull {
                block.items.append(.keyedBatch(batch))
                batch = KeyedBatch()
            }
            if newline != nil { block.lineFeeds += 1 }
            lineStart = end + 1
        }
        if batch.count > 0 { block.items.append(.keyedBatch(batch)) }
        block.keyNames = scanner.names
        return block
    }

    /// The index of the first line feed at or after `from`, by libc's vectorised `memchr`.
    private static func lineFeed(in bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            guard from < b.count, let base = b.baseAddress, let found = memchr(base + from, 0x0A, b.count - from)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }
}
