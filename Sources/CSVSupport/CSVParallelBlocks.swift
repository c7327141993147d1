/// The records of the rest of a CSV file, parsed in blocks on other threads and handed back in file
/// order with their true line numbers.
///
/// A block is parsed speculatively, as if it began outside quotes (as DuckDB's parallel reader
/// does). The guess is confirmed in order: the first block starts at a record boundary, and a
/// block that parsed without a single skipped row ended at one too (a quoted field still open at
/// its last line feed would have been an unterminated, skipped row). At the first block that is
/// not confirmed — an open quote, a malformed or non-UTF-8 row, a read error, an over-long line —
/// reading goes back to that block's start and on sequentially, so every diagnostic and position is
/// the sequential reader's own.
final class CSVParallelBlocks {
    /// A block's records (lines counted from 1 at its start) and how many line feeds it held.
    private typealias Parsed = (batches: [CSVBatch], lines: Int)

    private let pipeline: LineBlockPipeline<Parsed>
    private let source: ChunkSource
    /// The line the next block starts on.
    private var line: Int
    /// Batches of the block being handed out, their lines already made absolute.
    private var ready: [CSVBatch] = []
    private var nextReady = 0

    /// What `next` gives.
    enum Step {
        case batch(CSVBatch)
        /// The end of the file, at `offset`, on `line`.
        case end(offset: Int, line: Int)
        /// Read on sequentially from `offset`, the start of the record on `line`.
        case sequential(offset: Int, line: Int)
    }

    /// Starts at `offset`, the start of the record on `line`.
    init(source: ChunkSource, limits: CSVLimits, offset: Int, line: Int, blockBytes: Int, depth: Int) {
        self.source = source
        self.line = line
        pipeline = LineBlockPipeline(
            offset: offset, observedUpTo: source.observedCount, blockBytes: blockBytes, depth: depth,
            maxLineBytes: limits.maxRecordBytes,
            read: { [source] start, count in
                let bytes = source.readBlock(at: start, count: count)
                return bytes.isEmpty && source.readError != nil ? nil : bytes
            },
            observer: source.observer,
            parse: { bytes, _ in Self.parse(bytes, limits: limits) })
    }

    /// The next batch in file order, the end, or where sequential reading must take over.
    func next() -> Step {
        while true {
            if nextReady < ready.count {
                defer { nextReady += 1 }
                return .batch(ready[nextReady])
            }
            ready = []
            nextReady = 0
            let step = pipeline.next()
            source.markObserved(upTo: pipeline.observedUpTo)
            switch step {
            case .end(let offset):
                return .end(offset: offset, line: line)
            case .sequential(let offset):
                return .sequential(offset: offset, line: line)
            case .parsed(let parsed, _):
                let shift = line - 1
                ready = parsed.batches.map { batch in
                    var batch = batch
                    batch.shiftLines(by: shift)
                    return batch
                }
                line += parsed.lines
            }
        }
    }

    /// A block's records, lines counted from its start; nil when a row had to be skipped (the block
    /// may not start at a record boundary, and the sequential reader words skipped rows itself).
    private static func parse(_ bytes: [UInt8], limits: CSVLimits) -> Parsed? {
        var parser = CSVParser(
            source: ChunkSource(bytes: bytes), chunkSize: max(bytes.count, 1), maxRecordBytes: limits.maxRecordBytes)
        parser.applyLimits(limits)
        // Not the file's start: three bytes EF BB BF here are data, not a byte-order mark.
        parser.started = true
        var batches: [CSVBatch] = []
        while true {
            var batch = CSVBatch()
            switch parser.readBatch(into: &batch) {
            case .full:
                batches.append(batch)
            case .end:
                if batch.count > 0 { batches.append(batch) }
                return (batches, parser.line - 1)
            case .skipped:
                return nil
            }
        }
    }
}
