import Foundation

/// Reads the log files one after another on a reading thread and checks their records on a
/// checking thread, while the ingesting thread stores the records checked before: parsing (and its
/// parallel blocks), checking and interning use both cores, and the next file is opened and parsed
/// while the last records of the one before are still being checked and stored.
///
/// Items come out file by file, in the order each file's source produced them, and the checker
/// sees them in that order too (its interning never depends on timing). Each stage holds at most
/// `maxBatches` batches of about `batchSize` records, so memory stays bounded however many files
/// there are and however fast each stage runs.
final class PrefetchedRecordSource {
    /// One piece of the stream between the stages: an item, or the end of the current file.
    private enum Piece {
        case item(RawItem)
        case endOfFile
    }

    private let raw: Channel<Piece>
    private let checked: Channel<Piece>
    /// The digest each file's reader feeds; read by the ingesting thread once the file has ended.
    let digests: [FileDigest]
    /// The display paths of the files, in order.
    let displays: [String]
    private let stopped = DispatchGroup()
    private let output: ChannelReader<Piece>
    /// Whether the last `next` met the current file's end.
    private var atEnd = false
    private let batchSize: Int
    private let maxBatches: Int
    /// Whether the checking thread was started.
    private var checking = false

    /// Starts reading `files` in the background, checking them with `checker`; `source(path,
    /// digest)` opens one file's reader.
    convenience init(
        files: [(path: String, display: String)], checker: RecordChecker.Box,
        source: @escaping @Sendable (String, FileDigest) -> any RawRecordSource, batchSize: Int = 1024,
        maxBatches: Int = 8
    ) {
        self.init(files: files, source: source, batchSize: batchSize, maxBatches: maxBatches)
        check(with: checker)
    }

    /// Starts reading and parsing `files` in the background before their checker exists (while the
    /// registry it needs is loaded): up to `readAhead` batches wait for `check(with:)`.
    init(
        files: [(path: String, display: String)],
        source: @escaping @Sendable (String, FileDigest) -> any RawRecordSource,
        batchSize: Int = 1024, maxBatches: Int = 8, readAhead: Int? = nil
    ) {
        let raw = Channel<Piece>(maxBatches: readAhead ?? maxBatches)
        let checked = Channel<Piece>(maxBatches: maxBatches)
        let digests = files.map { _ in FileDigest() }
        (self.raw, self.checked, self.digests) = (raw, checked, digests)
        (self.batchSize, self.maxBatches) = (batchSize, maxBatches)
        output = ChannelReader(channel: checked)
        let paths = files.map(\.path)
        displays = files.map(\.display)
        // Named threads, so profilers tell the reading, checking and ingesting threads apart.
        Self.start("dvcheck-read", stopped) {
            var out = Batcher<Piece>(channel: raw, batchSize: batchSize)
            for (path, digest) in zip(paths, digests) {
                var reader = source(path, digest)
                while let item = reader.next() {
                    guard out.push(.item(item), records: item.recordCount) else { return }
                    // A file error ends the file: nothing after it is read (or checked).
                    if case .fileError = item { break }
                }
                guard out.push(.endOfFile, records: 0), out.flush() else { return }
            }
            raw.close()
        }
    }

    /// Starts checking what is read with `checker` (once); from then on the reading thread keeps
    /// at most `maxBatches` batches ahead.
    func check(with checker: RecordChecker.Box) {
        precondition(!checking, "a log reading is checked once")
        checking = true
        raw.limit(maxBatches)
        let (raw, checked, batchSize, displays) = (raw, checked, batchSize, displays)
        Self.start("dvcheck-check", stopped) {
            var out = Batcher<Piece>(channel: checked, batchSize: batchSize)
            let input = ChannelReader(channel: raw)
            for display in displays {
                var file = CheckedRecordSource(FileItems(input: input), checker: checker, display: display)
                while let item = file.next() {
                    guard out.push(.item(item), records: item.recordCount) else { return }
                }
                guard out.push(.endOfFile, records: 0), out.flush() else { return }
            }
            checked.close()
        }
    }

    deinit {
        raw.cancel()
        checked.cancel()
    }

    /// The next checked item of the current file; nil at its end (the next call reads the next file).
    func next() -> RawItem? {
        guard let piece = output.next(), case .item(let item) = piece else {
            atEnd = true
            return nil
        }
        atEnd = false
        return item
    }

    /// Passes over what is left of the current file (after a file error, nothing but its end), so
    /// that the next `next` reads the next file.
    func endFile() {
        while !atEnd, next() != nil {}
        atEnd = false
    }

    /// Stops both threads and waits until they have let go of the checker, whose interned names the
    /// ingestor then takes (a reading never checked stops at once).
    func finish() {
        raw.cancel()
        checked.cancel()
        stopped.wait()
    }

    private static func start(_ name: String, _ group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
        group.enter()
        let thread = Thread {
            defer { group.leave() }
            Thread.current.name = name
            body()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// One file's raw items, taken from the reading thread's stream up to the file's end.
    private struct FileItems: RawRecordSource {
        let input: ChannelReader<Piece>
        private var ended = false

        init(input: ChannelReader<Piece>) { self.input = input }

        mutating func next() -> RawItem? {
            guard !ended, let piece = input.next(), case .item(let item) = piece else {
                ended = true
                return nil
            }
            return item
        }
    }
}

extension RawItem {
    /// How many records the item holds: a batch counts as its records, so a stage's memory stays
    /// bounded whatever the batches hold.
    fileprivate var recordCount: Int {
        switch self {
        case .csvBatch(let held): held.count
        case .keyedBatch(let held): held.count
        case .records(let held): held.count
        case .checked(let held): held.count
        default: 1
        }
    }
}

/// Gathers pieces into batches of about `batchSize` records before they cross to another thread
/// (one lock per batch, not per item).
private struct Batcher<Element> {
    let channel: Channel<Element>
    let batchSize: Int
    private var batch: [Element] = []
    private var records = 0

    init(channel: Channel<Element>, batchSize: Int) {
        self.channel = channel
        self.batchSize = batchSize
    }

    /// Adds a piece; false once the consumer has gone away.
    mutating func push(_ element: Element, records count: Int) -> Bool {
        batch.append(element)
        records += count
        return records >= batchSize ? flush() : true
    }

    /// Hands on what was gathered; false once the consumer has gone away.
    mutating func flush() -> Bool {
        defer {
            batch = []
            records = 0
        }
        return channel.push(batch)
    }

}

/// Takes a channel's batches apart, piece by piece (used by one thread).
private final class ChannelReader<Element> {
    let channel: Channel<Element>
    private var current: [Element] = []
    private var position = 0

    init(channel: Channel<Element>) { self.channel = channel }

    func next() -> Element? {
        while position == current.count {
            guard let batch = channel.pop() else { return nil }
            current = batch
            position = 0
        }
        defer { position += 1 }
        return current[position]
    }
}

/// A bounded queue of batches from one thread to another.
private final class Channel<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private var head = 0
    private var closed = false
    private var cancelled = false
    private var maxBatches: Int

    init(maxBatches: Int) { self.maxBatches = maxBatches }

    /// Holds at most `batches` batches from now on (the ones already queued stay).
    func limit(_ batches: Int) {
        condition.lock()
        maxBatches = batches
        condition.unlock()
    }

    /// Queues a batch, waiting while the queue is full; false once the consumer has gone away.
    func push(_ batch: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count - head >= maxBatches && !cancelled { condition.wait() }
        if cancelled { return false }
        if !batch.isEmpty { batches.append(batch) }
        condition.broadcast()
        return true
    }

    /// The next batch, waiting for one; nil when the producer is done (or the queue cancelled).
    func pop() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while head == batches.count && !closed && !cancelled { condition.wait() }
        guard head < batches.count, !cancelled else { return nil }
        let batch = batches[head]
        batches[head] = []
        head += 1
        if head > 64 {
            batches.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return batch
    }

    /// Marks the end of the stream.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stops both sides: the producer's next push and the consumer's next pop fail.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
