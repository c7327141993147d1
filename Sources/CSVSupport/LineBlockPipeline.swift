import Dispatch

/// Reads a file ahead in blocks cut after a line feed, parses each block on another thread, and
/// hands the results back in file order: both cores on one log (CSV and JSON Lines).
///
/// The file is read once, block after block, on the consuming thread, which also shows each byte to
/// the observer (the file's digest) in order. A block's parse may decline (return nil): the caller
/// then reads on sequentially from that block's start, as it does after a read error or a line
/// longer than `maxLineBytes`, so unusual input is always read the sequential way.
public final class LineBlockPipeline<Parsed> {
    /// One block and its parse, filled in by a worker.
    private final class Block: @unchecked Sendable {
        let start: Int
        let done = DispatchSemaphore(value: 0)
        var parsed: Parsed?

        init(start: Int) { self.start = start }
    }

    /// What `next` gives.
    public enum Step {
        /// The next block's parse, and where the block starts in the file.
        case parsed(Parsed, start: Int)
        /// The end of the file, at `offset`.
        case end(offset: Int)
        /// Read on sequentially from `offset`, a line start.
        case sequential(offset: Int)
    }

    private let read: (Int, Int) -> [UInt8]?
    private let observer: ((UnsafeRawBufferPointer) -> Void)?
    private let parse: @Sendable ([UInt8], Int) -> Parsed?
    private let blockBytes: Int
    private let depth: Int
    private let maxLineBytes: Int
    /// The next byte to read, and the bytes read after the last line feed of the last block.
    private var readOffset: Int
    private var carry: [UInt8] = []
    private var readAll = false
    private var blocks: [Block] = []
    private var head = 0
    /// How many bytes from the start of the file the observer has seen.
    public private(set) var observedUpTo: Int

    /// Starts at `offset` (a line start), the observer having seen the first `observedUpTo` bytes;
    /// `read(offset, count)` gives up to `count` bytes (empty at the end, nil on an error);
    /// `parse(bytes, offset)` parses a block that starts at `offset`.
    public init(
        offset: Int, observedUpTo: Int, blockBytes: Int = 1 << 20, depth: Int = 4, maxLineBytes: Int,
        read: @escaping (Int, Int) -> [UInt8]?, observer: ((UnsafeRawBufferPointer) -> Void)?,
        parse: @escaping @Sendable ([UInt8], Int) -> Parsed?
    ) {
        self.readOffset = offset
        self.observedUpTo = observedUpTo
        self.blockBytes = max(blockBytes, 1)
        self.depth = max(depth, 1)
        self.maxLineBytes = maxLineBytes
        self.read = read
        self.observer = observer
        self.parse = parse
    }

    /// The next block's parse in file order, the end, or where sequential reading must take over.
    public func next() -> Step {
        while blocks.count - head < depth, let block = readBlock() { blocks.append(block) }
        guard head < blocks.count else { return .end(offset: readOffset) }
        let block = blocks[head]
        head += 1
        if head >= 64 {
            blocks.removeFirst(head)
            head = 0
        }
        block.done.wait()
        guard let parsed = block.parsed else {
            // The blocks read ahead are dropped (their parses finish unseen).
            readAll = true
            blocks = []
            head = 0
            return .sequential(offset: block.start)
        }
        return .parsed(parsed, start: block.start)
    }

    /// Reads the next block (up to and including its last line feed), shows it to the observer and
    /// starts its parse; nil after the end of the file.
    private func readBlock() -> Block? {
        guard !readAll else { return nil }
        var bytes = carry
        carry = []
        let block = Block(start: readOffset - bytes.count)
        while true {
            guard let more = read(readOffset, blockBytes) else {
                // A read error: the sequential reader meets it again and reports it where it stands.
                readAll = true
                block.done.signal()
                return block
            }
            observe(more, at: readOffset)
            readOffset += more.count
            if more.isEmpty {
                readAll = true
                guard !bytes.isEmpty else { return nil }
                break
            }
            let searchFrom = bytes.count
            bytes += more
            if let lastLF = bytes[searchFrom...].lastIndex(of: 0x0A) {
                carry = Array(bytes[(lastLF + 1)...])
                bytes.removeSubrange((lastLF + 1)...)
                break
            }
            if bytes.count > maxLineBytes + blockBytes {
                // A line longer than any record may be: the sequential reader words the refusal.
                readAll = true
                block.done.signal()
                return block
            }
        }
        let (parse, start, text) = (parse, block.start, bytes)
        DispatchQueue.global(qos: .userInitiated).async {
            block.parsed = parse(text, start)
            block.done.signal()
        }
        return block
    }

    /// Shows the observer the bytes it has not seen yet, in order.
    private func observe(_ bytes: [UInt8], at offset: Int) {
        guard let observer, offset + bytes.count > observedUpTo, offset <= observedUpTo else { return }
        bytes.withUnsafeBytes { observer(UnsafeRawBufferPointer(rebasing: $0[(observedUpTo - offset)...])) }
        observedUpTo = offset + bytes.count
    }
}
