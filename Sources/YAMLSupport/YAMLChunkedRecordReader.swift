import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a large YAML log in chunks cut where a line starts an item of the `events` list, each
/// chunk parsed by its own libyaml parser on another thread, and hands the records back in file
/// order: libyaml's parsing is the floor of a YAML log's reading, so both cores share it.
///
/// A cut is a guess (a line of the list's indentation starting `- `) checked afterwards: the chunk
/// before it must parse to a clean end exactly at the cut, which a cut inside a quoted or flow
/// scalar never does. A chunk after the first is parsed behind the line `events:`, its marks
/// counting from its first line in the file, so records, refusals, lines and columns are those of
/// the sequential reading. A chunk's items are handed on once the next chunk has parsed cleanly too.
/// At a chunk that does not end cleanly (a bad cut, or any file error), the file is read
/// sequentially from its start, passing over the items already handed on, so errors are always
/// found and worded by the one sequential parser, after the records it would have handed on.
public final class YAMLChunkedRecordReader {
    /// What the reader gives: a batch of records (keys numbered for the whole file) or an event.
    public enum Item {
        case batch(YAMLRecordBatch)
        case event(YAMLRecordEvent)
    }

    /// One chunk and its parse, filled in by a worker.
    private final class Chunk: @unchecked Sendable {
        let isFirst: Bool
        let isLast: Bool
        /// The 0-based lines at which the chunk starts and after which it ends.
        let startLine: Int
        let endLine: Int
        let done = DispatchSemaphore(value: 0)
        var parsed: Parsed?

        init(isFirst: Bool, isLast: Bool, startLine: Int, endLine: Int) {
            self.isFirst = isFirst
            self.isLast = isLast
            self.startLine = startLine
            self.endLine = endLine
        }
    }

    /// A chunk's items, keys numbered by the chunk's own reader.
    private struct Parsed {
        var items: [Item] = []
        var keyNames: [String] = []
        var itemCount = 0
        var clean = false
        var endLine: Int?
    }

    private let path: String
    private let observer: ((UnsafeRawBufferPointer) -> Void)?
    private let chunkBytes: Int
    private let depth: Int
    /// Once reading is sequential: the reader, and its key ids in the file's numbering.
    private var sequential: YAMLRecordReader?
    private var sequentialIDs: [Int32] = []
    private var descriptor: Int32 = -1
    /// The next byte to read, the bytes the observer saw, the bytes after the last cut, and the
    /// lines before them.
    private var readOffset = 0
    private var observedUpTo = 0
    private var carry: [UInt8] = []
    private var linesBeforeCarry = 0
    private var readAll = false
    /// The list's indentation, and where the first item starts (no cut before it).
    private var indent = 0
    private var firstItem = 0
    private var chunks: [Chunk] = []
    private var chunkCount = 0
    private var pending: [Item] = []
    /// The last chunk read, held back until the next one parses cleanly: libyaml decodes up to
    /// 16 KiB ahead of its parse, so the sequential reading stops that much before invalid UTF-8
    /// and hands on fewer records before the file error (which the checker would intern).
    private var held: Parsed?
    private var pendingIndex = 0
    /// Items (records and refusals) handed on so far.
    private var handedItems = 0
    private var keys = YAMLKeyTable()
    private var finished = false

    /// Reads `path`, in chunks of about `chunkBytes` when it holds at least `minimumBytes` and starts
    /// plainly (`events:` then an item line), else sequentially; `observer` sees each byte once, in
    /// order.
    public init(
        path: String, observer: ((UnsafeRawBufferPointer) -> Void)? = nil, chunkBytes: Int = 1 << 20,
        minimumBytes: Int = 4 << 20, depth: Int = 4
    ) {
        self.path = path
        self.observer = observer
        // Well over libyaml's read-ahead, so the chunk held back covers it (see `held`).
        self.chunkBytes = max(chunkBytes, 1 << 16)
        self.depth = max(depth, 1)
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) >= minimumBytes else {
            startSequential()
            return
        }
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, let head = readBlock(), let start = Self.listStart(head) else {
            startSequential()
            return
        }
        (indent, firstItem) = start
        observe(head)
        carry = head
    }

    deinit {
        for chunk in chunks { chunk.done.wait() }
        if descriptor >= 0 { close(descriptor) }
    }

    /// The next batch or event, nil at the end.
    public func next() -> Item? {
        while true {
            if pendingIndex < pending.count {
                defer { pendingIndex += 1 }
                return pending[pendingIndex]
            }
            pending = []
            pendingIndex = 0
            if let reader = sequential {
                guard !reader.isFinished else { return nil }
                readSequentially(reader)
                continue
            }
            if finished { return nil }
            schedule()
            guard !chunks.isEmpty else {
                finished = true
                return nil
            }
            let chunk = chunks.removeFirst()
            chunk.done.wait()
            guard let parsed = chunk.parsed, parsed.clean, chunk.isLast || parsed.endLine == chunk.endLine else {
                // The chunk held back is dropped too: the sequential reader reads it again.
                held = nil
                fallBack()
                continue
            }
            if let previous = held { handOn(previous) }
            held = parsed
            if chunk.isLast {
                handOn(parsed)
                held = nil
                finished = true
            }
        }
    }

    /// Queues a chunk's items, its keys renumbered for the file (in file order, so ids are those of
    /// the sequential reading).
    private func handOn(_ parsed: Parsed) {
        let ids = parsed.keyNames.map { keys.id(ofName: $0) }
        pending += parsed.items.map { item in
            guard case .batch(var batch) = item else { return item }
            batch.renumber(ids, names: keys.names)
            return .batch(batch)
        }
        handedItems += parsed.itemCount
    }

    /// Starts chunks until `depth` are in flight or the file is cut to its end.
    private func schedule() {
        while chunks.count < depth && !readAll {
            guard let block = readBlock() else {
                // A read error: a chunk that never parses sends reading the sequential way, which
                // reports it.
                readAll = true
                let failed = Chunk(isFirst: false, isLast: false, startLine: 0, endLine: 0)
                failed.done.signal()
                chunks.append(failed)
                return
            }
            observe(block)
            carry += block
            let bytes: [UInt8]
            let isLast: Bool
            if block.isEmpty {
                readAll = true
                guard !carry.isEmpty else { return }
                bytes = carry
                carry = []
                isLast = true
            } else if let cut = lastCut() {
                bytes = Array(carry[..<cut])
                carry = Array(carry[cut...])
                isLast = false
            } else {
                continue
            }
            let lines = Self.lineBreaks(bytes)
            let chunk = Chunk(
                isFirst: chunkCount == 0, isLast: isLast, startLine: linesBeforeCarry,
                endLine: linesBeforeCarry + lines)
            linesBeforeCarry += lines
            chunkCount += 1
            chunks.append(chunk)
            DispatchQueue.global().async {
                chunk.parsed = Self.parse(bytes, chunk: chunk)
                chunk.done.signal()
            }
        }
    }

    /// Reads the next block of the file (empty at its end, nil on an error).
    private func readBlock() -> [UInt8]? {
        var block = [UInt8](repeating: 0, count: chunkBytes)
        var count = 0
        while count < chunkBytes {
            let n = block.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress.map { $0 + count }, chunkBytes - count, off_t(readOffset + count))
            }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            count += n
        }
        readOffset += count
        block.removeSubrange(count...)
        return block
    }

    private func observe(_ bytes: [UInt8]) {
        observedUpTo += bytes.count
        guard let observer, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { observer($0) }
    }

    /// The last place in `carry` where a line starts an item at the list's indentation (after the
    /// first item), with the character after the dash already read.
    private func lastCut() -> Int? {
        let floor = chunkCount == 0 ? firstItem + 1 : 1
        var end = carry.count
        while let newline = carry[..<end].lastIndex(of: 0x0A) {
            let start = newline + 1
            if start < floor { return nil }
            let dash = start + indent
            if dash + 1 < carry.count, carry[dash] == UInt8(ascii: "-"),
                carry[start..<dash].allSatisfy({ $0 == 0x20 }),
                [0x20, 0x0A, 0x0D].contains(carry[dash + 1])
            {
                return start
            }
            end = newline
        }
        return nil
    }

    /// Parses one chunk on a worker.
    private static func parse(_ bytes: [UInt8], chunk: Chunk) -> Parsed {
        let reader =
            chunk.isFirst
            ? YAMLRecordReader(bytes: bytes)
            : YAMLRecordReader(bytes: Array("events:\n".utf8) + bytes, firstLine: chunk.startLine - 1)
        var parsed = Parsed()
        while !reader.isFinished {
            var batch = YAMLRecordBatch()
            let event = reader.read(into: &batch)
            if batch.count > 0 {
                parsed.itemCount += batch.count
                parsed.items.append(.batch(batch))
            }
            guard let event else { continue }
            switch event {
            case .record, .rejected:
                parsed.itemCount += 1
                parsed.items.append(.event(event))
            case .failed, .empty:
                return Parsed()
            }
        }
        parsed.keyNames = reader.keyTable.names
        parsed.clean = true
        parsed.endLine = reader.endLine
        return parsed
    }

    /// Reads on sequentially from the start of the file, past the items already handed on.
    private func fallBack() {
        for chunk in chunks { chunk.done.wait() }
        chunks = []
        pending = []
        pendingIndex = 0
        readAll = true
        startSequential()
    }

    private func startSequential() {
        let observed = observedUpTo
        var seen = 0
        let forward = observer.map { observer in
            { (bytes: UnsafeRawBufferPointer) in
                let end = seen + bytes.count
                if end > observed { observer(UnsafeRawBufferPointer(rebasing: bytes[max(observed - seen, 0)...])) }
                seen = end
            }
        }
        let reader = YAMLRecordReader(path: path, observer: forward)
        reader.itemsToSkip = handedItems
        sequential = reader
    }

    /// Queues the sequential reader's next batch (keys renumbered for the file) and event.
    private func readSequentially(_ reader: YAMLRecordReader) {
        var batch = YAMLRecordBatch()
        let event = reader.read(into: &batch)
        pending = []
        pendingIndex = 0
        if batch.count > 0 {
            while sequentialIDs.count < batch.keyNames.count {
                sequentialIDs.append(keys.id(ofName: batch.keyNames[sequentialIDs.count]))
            }
            batch.renumber(sequentialIDs, names: keys.names)
            pending.append(.batch(batch))
        }
        if let event { pending.append(.event(event)) }
    }

    /// Where the list starts when the file opens plainly: an optional BOM, `events:` (a comment may
    /// follow), blank or comment lines, then an item line `- ` at some indentation; nil otherwise.
    static func listStart(_ b: [UInt8]) -> (indent: Int, firstItem: Int)? {
        var i = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard b[i...].starts(with: Array("events:".utf8)) else { return nil }
        i += 7
        while i < b.count, b[i] == 0x20 { i += 1 }
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: "#") {
            while i < b.count, b[i] != 0x0A { i += 1 }
        }
        guard i < b.count, b[i] == 0x0A || (b[i] == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A) else { return nil }
        i += b[i] == 0x0D ? 2 : 1
        while i < b.count {
            let lineStart = i
            while i < b.count, b[i] == 0x20 { i += 1 }
            guard i + 1 < b.count else { return nil }
            switch b[i] {
            case 0x0A, UInt8(ascii: "#"):
                while i < b.count, b[i] != 0x0A { i += 1 }
                i += 1
            case 0x0D where b[i + 1] == 0x0A:
                i += 2
            case UInt8(ascii: "-") where [0x20, 0x0A, 0x0D].contains(b[i + 1]):
                return (i - lineStart, lineStart)
            default:
                return nil
            }
        }
        return nil
    }

    /// The line breaks in `bytes` as libyaml counts them: LF, CR, CRLF once, NEL, LS and PS (a wrong
    /// count only costs the chunks: the check at the cut then fails).
    static func lineBreaks(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { b in
            var count = 0
            var i = 0
            while i < b.count {
                switch b[i] {
                case 0x0A:
                    count += 1
                case 0x0D:
                    count += 1
                    if i + 1 < b.count, b[i + 1] == 0x0A { i += 1 }
                case 0x85 where i > 0 && b[i - 1] == 0xC2:
                    count += 1
                case 0xA8, 0xA9:
                    if i > 1, b[i - 1] == 0x80, b[i - 2] == 0xE2 { count += 1 }
                default:
                    break
                }
                i += 1
            }
            return count
        }
    }
}
