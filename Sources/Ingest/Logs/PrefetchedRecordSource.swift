import Foundation

/// Reads and checks a log file's records on a second thread while the ingestor stores the previous
/// batch, so parsing and checking (CSV, JSON, YAML) and interning use both cores.
///
/// Records come out in the order the wrapped source produced them; at most `maxBatches` batches wait
/// in memory, so streaming stays constant-memory.
final class PrefetchedRecordSource: RawRecordSource {
    private let channel: Channel
    private var current: [RawItem] = []
    private var position = 0
    private let done: DispatchSemaphore
    private var finished = false

    /// Starts reading `source` in the background.
    init(_ source: any RawRecordSource, batchSize: Int = 1024, maxBatches: Int = 8) {
        let channel = Channel(maxBatches: maxBatches)
        self.channel = channel
        let box = SourceBox(source)
        let done = DispatchSemaphore(value: 0)
        self.done = done
        let thread = Thread {
            defer { done.signal() }
            // Named, so profilers tell the reading thread from the ingesting one.
            Thread.current.name = "dvcheck-read"
            var batch: [RawItem] = []
            var records = 0
            while let item = box.source.next() {
                batch.append(item)
                // A record batch counts as the records it holds, so memory stays bounded either way.
                switch item {
                case .csvBatch(let held): records += held.count
                case .keyedBatch(let held): records += held.count
                case .records(let held): records += held.count
                case .checked(let held): records += held.count
                default: records += 1
                }
                if records >= batchSize {
                    guard channel.push(batch) else { return }
                    batch = []
                    records = 0
                }
            }
            _ = channel.push(batch)
            channel.close()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    deinit { channel.cancel() }

    /// Stops reading and waits until the reading thread has let go of the wrapped source, so whatever
    /// it shares (the record checker) may be used by the next file's thread.
    func finish() {
        guard !finished else { return }
        finished = true
        channel.cancel()
        done.wait()
    }

    func next() -> RawItem? {
        while position == current.count {
            guard let batch = channel.pop() else { return nil }
            current = batch
            position = 0
        }
        defer { position += 1 }
        return current[position]
    }

    /// The wrapped source, handed to the reading thread (which alone uses it from then on).
    private final class SourceBox: @unchecked Sendable {
        var source: any RawRecordSource
        init(_ source: any RawRecordSource) { self.source = source }
    }

    /// A bounded queue of batches between the reading thread and the validator.
    private final class Channel: @unchecked Sendable {
        private let condition = NSCondition()
        private var batches: [[RawItem]] = []
        private var head = 0
        private var closed = false
        private var cancelled = false
        private let maxBatches: Int

        init(maxBatches: Int) { self.maxBatches = maxBatches }

        /// Queues a batch, waiting while the queue is full; false once the reader has gone away.
        func push(_ batch: [RawItem]) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while batches.count - head >= maxBatches && !cancelled { condition.wait() }
            if cancelled { return false }
            if !batch.isEmpty { batches.append(batch) }
            condition.broadcast()
            return true
        }

        /// The next batch, waiting for one; nil when the source is exhausted.
        func pop() -> [RawItem]? {
            condition.lock()
            defer { condition.unlock() }
            while head == batches.count && !closed { condition.wait() }
            guard head < batches.count else { return nil }
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

        /// Marks the end of the source.
        func close() {
            condition.lock()
            closed = true
            condition.broadcast()
            condition.unlock()
        }

        /// Stops the reading thread (the validator stopped early, at a file error).
        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
