/// Reads RFC 4180 CSV in chunks, byte by byte, with exact physical line numbers, so a log loader can
/// stream a file of any size and point at the line a record starts on.
///
/// Inside a quoted field a CRLF is kept as `"\r\n"` and a lone CR as `"\r"`; outside quotes a record
/// ends at LF, CRLF or the end of the file, and a lone CR is data.
public final class CSVReader {
    /// The default chunk size: large enough for speed, small enough for constant memory.
    static let defaultChunkSize = 1 << 20

    /// All parsing state, as one struct so that the hot loops need no dynamic exclusivity checks.
    private var parser: CSVParser
    /// The blocks parsed on other threads, from `readRestInParallel` until the end or a fallback.
    private var blocks: CSVParallelBlocks?
    /// The limits the parser was given (for the blocks' parsers).
    private var limits = CSVLimits()

    /// Whether the file began with a UTF-8 byte-order mark (skipped).
    public var sawBOM: Bool { parser.sawBOM }
    /// How many bytes of the input have been consumed so far, for progress and accounting.
    public var bytesRead: Int { parser.chunkStart + parser.pos }
    /// The read error that ended the file early, if any (reading then stops as at the end).
    public var readError: CSVFileError? { parser.source.readError }

    /// Opens `path`; throws `CSVFileError` when it cannot be opened or is a directory.
    public convenience init(path: String) throws(CSVFileError) {
        try self.init(path: path, chunkSize: Self.defaultChunkSize)
    }

    /// Reads a CSV held in memory, for tests and small inputs.
    public convenience init(bytes: [UInt8]) {
        self.init(bytes: bytes, chunkSize: max(bytes.count, 1))
    }

    /// Opens `path` with chosen record, field and column limits; throws `CSVFileError` when it cannot
    /// be opened or is not a regular file.
    public convenience init(path: String, limits: CSVLimits) throws {
        try self.init(path: path, chunkSize: Self.defaultChunkSize, maxRecordBytes: limits.maxRecordBytes)
        parser.applyLimits(limits)
        self.limits = limits
    }

    /// Reads a CSV held in memory with chosen limits (fuzzing and tests).
    public convenience init(bytes: [UInt8], limits: CSVLimits) {
        self.init(bytes: bytes, chunkSize: max(bytes.count, 1), maxRecordBytes: limits.maxRecordBytes)
        parser.applyLimits(limits)
        self.limits = limits
    }

    /// Opens `path` with a chosen chunk size (tests use tiny ones to cross chunk boundaries).
    init(path: String, chunkSize: Int, maxRecordBytes: Int = CSVParser.defaultMaxRecordBytes)
        throws(CSVFileError)
    {
        parser = CSVParser(
            source: try ChunkSource(path: path), chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
    }

    /// Reads `bytes` in chunks of `chunkSize` under `limits` (tests of the limits across chunks).
    convenience init(bytes: [UInt8], chunkSize: Int, limits: CSVLimits) {
        self.init(bytes: bytes, chunkSize: chunkSize, maxRecordBytes: limits.maxRecordBytes)
        parser.applyLimits(limits)
        self.limits = limits
    }

    /// Reads `bytes` in chunks of `chunkSize`, as a file would be read.
    init(bytes: [UInt8], chunkSize: Int, maxRecordBytes: Int = CSVParser.defaultMaxRecordBytes) {
        parser = CSVParser(
            source: ChunkSource(bytes: bytes), chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
    }

    /// Shows `observer` each byte of the file once, in order, as it is read (for a digest made while
    /// reading, SPEC §10.5).
    public func observeBytes(_ observer: @escaping (UnsafeRawBufferPointer) -> Void) {
        parser.source.observer = observer
    }

    /// The next row or skipped record, nil at the end; blank lines produce nothing.
    public func next() -> CSVRow? {
        parser.next()
    }

    /// The next record without building a `String` per cell, for readers that work on bytes: nil at
    /// the end, `.row` with no fields for a well-formed record (read its cells with
    /// `withRecordBytes` before the next call), `.invalidUTF8` or `.malformed` for a skipped one.
    ///
    /// Ten million records make eighty million cells; not allocating a string for each is most of the
    /// cost of reading a log.
    public func nextRecordBytes() -> CSVRow? {
        switch parser.nextRecord() {
        case nil: return nil
        case .complete(let line): return .row(line: line, fields: [])
        case .skipped(let row): return row
        }
    }

    /// Reads well-formed records into `batch` until it is full, a record has to be skipped, or the
    /// input ends; says which.
    ///
    /// Records with no quotes whose line is already in memory are copied in
    /// one go, the rest go through the full parser.
    public func readBatch(into batch: inout CSVBatch) -> CSVBatchStop {
        if let blocks {
            switch blocks.next() {
            case .batch(let parsed):
                batch = parsed
                return .full
            case .end(let offset, let line):
                // The parser takes over at the end, so whatever is asked next finds nothing more.
                self.blocks = nil
                _ = parser.rewind(to: offset, line: line)
                return .end
            case .sequential(let offset, let line):
                self.blocks = nil
                if !parser.rewind(to: offset, line: line) { return .end }
            }
        }
        return parser.readBatch(into: &batch)
    }

    /// Parses the rest of the file in blocks on other threads (both cores on one file).
    ///
    /// From the next record on, when at least `minimumBytes` remain; `readBatch` hands the records
    /// out in order, exactly as it would have read them itself. Meant to be called once the header
    /// is read. Blocks are cut at line feeds and parsed as if outside quotes; the first block whose
    /// guess cannot be confirmed sends reading back to its start, sequentially (see
    /// `CSVParallelBlocks`).
    public func readRestInParallel(blockBytes: Int = 1 << 20, depth: Int = 4, minimumBytes: Int = 4 << 20) {
        guard blocks == nil, parser.source.readError == nil else { return }
        let offset = parser.chunkStart + parser.pos
        guard let size = parser.source.size, size - offset >= minimumBytes else { return }
        // Bytes the parser read ahead were shown to the observer already; the blocks show the rest.
        blocks = CSVParallelBlocks(
            source: parser.source, limits: limits, offset: offset, line: parser.line, blockBytes: blockBytes,
            depth: depth)
    }

    /// Calls `body` with the record last returned by `nextRecordBytes`: its unescaped bytes, and
    /// where each cell ends in them (cell `i` is `bytes[ends[i - 1] ..< ends[i]]`, from 0 for the first).
    public func withRecordBytes<R>(_ body: (UnsafeBufferPointer<UInt8>, [Int]) throws -> R) rethrows -> R {
        try parser.record.withUnsafeBufferPointer { try body($0, parser.fieldEnds) }
    }
}

/// The reader's state and its byte-level state machine.
struct CSVParser {
    let source: ChunkSource
    let chunkSize: Int
    /// The longest record kept in memory; longer ones are malformed, so a stray quote cannot make the
    /// reader hold the rest of a huge file.
    let maxRecordBytes: Int
    /// The default for `maxRecordBytes`: 16 MiB, far above any real log record.
    static let defaultMaxRecordBytes = CSVLimits().maxRecordBytes
    /// The longest field kept; longer ones make the record malformed.
    private(set) var maxFieldBytes = CSVLimits().maxFieldBytes
    /// The most cells a record may have; more make it malformed.
    private(set) var maxColumns = CSVLimits().maxColumns
    /// Where the field being read starts in `record`, for the field-length limit.
    var fieldBase = 0
    /// The bytes being parsed; `chunk[pos]` is the next unread byte.
    var chunk: [UInt8] = []
    var pos = 0
    /// The file offset of `chunk[0]`.
    var chunkStart = 0
    /// The current 1-based physical line, and the file offset where it starts.
    var line = 1
    /// The line the record being read starts on.
    var recordLine = 1
    var lineStart = 0
    /// Characters of the current line dropped with earlier chunks (used when `lineStart < chunkStart`).
    var carriedCharacters = 0
    /// The current record's unescaped bytes, where each field ends in them, and each field's raw
    /// file offset and quoting (to locate bad UTF-8).
    var record: [UInt8] = []
    var fieldEnds: [Int] = []
    var fieldStarts: [Int] = []
    var fieldQuoted: [Bool] = []
    /// Where each field of the current record starts: physical line and character column (the
    /// opening quote of a quoted field), for diagnostics about one field.
    var fieldPositions: [CSVCellPosition] = []
    var started = false
    /// Whether the input began with a UTF-8 byte-order mark (skipped).
    private(set) var sawBOM = false

    /// Parses what `source` hands out, `chunkSize` bytes at a time.
    init(source: ChunkSource, chunkSize: Int, maxRecordBytes: Int) {
        self.source = source
        self.chunkSize = max(chunkSize, 1)
        self.maxRecordBytes = maxRecordBytes
    }

    /// Takes the field and column limits (the record limit is set at creation).
    mutating func applyLimits(_ limits: CSVLimits) {
        maxFieldBytes = limits.maxFieldBytes
        maxColumns = limits.maxColumns
    }

    /// The next row or skipped record, nil at the end; blank lines produce nothing.
    mutating func next() -> CSVRow? {
        switch nextRecord() {
        case nil: return nil
        case .complete(let line): return buildRow(line: line)
        case .skipped(let row): return row
        }
    }

    /// The next record left in `record`/`fieldEnds`, or why it was skipped; nil at the end.
    mutating func nextRecord() -> RecordStep? {
        guard skipToRecord() else { return nil }
        return readRecord()
    }

    /// Skips the byte-order mark and blank lines before the next record; false at the end.
    mutating func skipToRecord() -> Bool {
        if !started {
            started = true
            skipBOM()
        }
        while true {
            guard let byte = peekByte() else { return false }
            if byte == ASCII.lf {
                pos += 1
                newLine()
            } else if byte == ASCII.cr {
                guard ensure(2) else {
                    pos += 1
                    return false
                }
                guard chunk[pos + 1] == ASCII.lf else { return true }
                pos += 2
                newLine()
            } else {
                return true
            }
        }
    }

    /// Skips a UTF-8 byte-order mark at the start of the input.
    private mutating func skipBOM() {
        _ = ensure(3)
        if chunk.count - pos >= 3, chunk[pos] == 0xEF, chunk[pos + 1] == 0xBB, chunk[pos + 2] == 0xBF {
            pos += 3
            lineStart = chunkStart + pos
            sawBOM = true
        }
    }
}

/// The bytes the reader reacts to.
enum ASCII {
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")
    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
}
