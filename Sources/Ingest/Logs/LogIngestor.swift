import CSVSupport
import ComplianceCore
import Foundation

/// Per-file accounting: every record read is accepted or rejected (SPEC §4).
public struct LogFileStats: Sendable {
    /// Display path.
    public let path: String
    /// Records read.
    public var read = 0
    /// Records accepted.
    public var accepted = 0
    /// Records rejected.
    public var rejected = 0
    /// Accepted records not evaluated (after the as-of date, or outside their unit's life).
    public var ignored = 0
    /// True when a file error stopped reading (it then counts once against --max-rejected).
    public var fileError = false
    /// The file's SHA-256 (hex), made while it was read (SPEC §10.5); nil when it could not be read.
    public var sha256: String?
}

/// Reads every log file and turns raw records into accepted events or rejections with diagnostics.
///
/// Accepted events go straight into an `EventTable` (interned columns), never into one `Event`
/// value per record, so a national log of ten million events stays well under a gigabyte.
public struct LogIngestor {
    /// Inputs the checks need.
    let registry: UnitRegistry
    let vocabulary: Vocabulary?
    let zone: ZoneConverter
    let asOf: Day

    /// What ingestion produced.
    public struct Result: Sendable {
        /// Accepted events; the non-evaluable ones (ignored) are kept but flagged.
        public var events = EventTable()
        /// One entry per file, in input order.
        public var files: [LogFileStats] = []
        /// Diagnostics.
        public var diagnostics: [Diagnostic] = []
        /// Rejected records plus file errors (for --max-rejected).
        public var rejectedCount: Int { files.reduce(0) { $0 + $1.rejected + ($1.fileError ? 1 : 0) } }
    }

    /// Where every diagnostic goes as it is found (`--diagnostics FILE`), if anywhere.
    let stream: DiagnosticStream?
    /// How large CSV and JSON Lines logs are read (tests compare the readings).
    var blocks = LogBlocks.standard

    /// An ingestor for one run.
    public init(
        registry: UnitRegistry, vocabulary: Vocabulary?, zone: ZoneConverter, asOf: Day,
        stream: DiagnosticStream? = nil
    ) {
        self.registry = registry
        self.vocabulary = vocabulary
        self.zone = zone
        self.asOf = asOf
        self.stream = stream
    }

    /// The log formats by file extension.
    public static let extensions: Set<String> = ["csv", "jsonl", "ndjson", "yaml", "yml", "xlsx"]

    /// Reads files `(absolute path, display path)` in order.
    public func ingest(files: [(path: String, display: String)]) -> Result {
        ingest(LogReading(files: files, blocks: blocks, readAhead: nil))
    }

    /// Starts reading and parsing files `(absolute path, display path)` on other threads before the
    /// ingestor that checks them can exist (while the registry loads); `ingest(_:)` takes it on.
    public static func startReading(files: [(path: String, display: String)]) -> LogReading {
        LogReading(files: files, blocks: .standard, readAhead: LogReading.readAheadBatches)
    }

    /// Checks and stores what `reading` reads, in order.
    public func ingest(_ reading: LogReading) -> Result {
        let files = reading.files
        var result = Result()
        // Bounded per code and file (SPEC §10.6): a log of millions of bad records keeps a thousand.
        var diagnostics = BoundedDiagnostics()
        let checker = RecordChecker.Box(
            RecordChecker(
                registry: registry, vocabulary: vocabulary, zone: zone, streamsEveryDiagnostic: stream != nil))
        var appender = RowAppender(registry: registry, asOf: asOf)
        let displays = files.map(\.display)
        let sizes = files.map { Self.size(of: $0.path) }
        var reserved = false
        // The files are read and checked ahead, in order, on two other threads (bounded memory).
        let logs = reading.logs
        logs.check(with: checker)
        for (fileIndex, file) in files.enumerated() {
            if !reserved, result.events.count >= 1000 {
                reserved = true
                Self.reserve(
                    &result.events, readBytes: sizes[..<fileIndex].reduce(0, +), allBytes: sizes.reduce(0, +))
            }
            var staged = FileStage(
                stats: LogFileStats(path: file.display), firstRow: result.events.count, displays: displays,
                diagnostics: BoundedDiagnostics(stream: stream), fileDiagnostics: BoundedDiagnostics(stream: stream))
            var items: any RawRecordSource = FileOfLogs(logs: logs)
            readFile(
                &items, file: file.display, fileIndex: Int32(fileIndex), appender: &appender, table: &result.events,
                into: &staged)
            // A file error stops the file: what is left of it (its end) is passed over.
            logs.endFile()
            // The reading thread is done with the file's digest once its end came through; a file
            // error may have stopped it early.
            staged.stats.sha256 = logs.digests[fileIndex].finish(path: file.path)
            if staged.stats.fileError {
                // A file error: the file contributes nothing (SPEC §4).
                result.events.truncate(to: staged.firstRow)
                var stats = LogFileStats(path: file.display)
                stats.fileError = true
                stats.sha256 = staged.stats.sha256
                result.files.append(stats)
                diagnostics.absorb(staged.fileDiagnostics)
                continue
            }
            result.files.append(staged.stats)
            diagnostics.absorb(staged.diagnostics)
        }
        // The checking thread must let go of the checker before its interned names are taken.
        logs.finish()
        result.diagnostics = diagnostics.all
        checker.checker.interned.move(into: &result.events, values: appender.values)
        // No more ids will be claimed: the index of ten million ids is 128 MB better spent elsewhere.
        result.events.dropIDIndex()
        return result
    }

    /// Sizes the table for all the logs from what the files read so far held per row, so the columns
    /// are allocated once instead of doubling (the saving is most of a gigabyte at ten million events).
    private static func reserve(_ table: inout EventTable, readBytes: Int, allBytes: Int) {
        guard readBytes > 0 else { return }
        let rows = Double(table.count) * Double(allBytes) / Double(readBytes) * 1.02
        let perRow = Double(table.attributeNames.count) / Double(table.count)
        let idBytes = table.idByteCount / table.count + 1
        table.reserve(rows: Int(rows), idBytes: idBytes, attributes: Int(rows * perRow))
    }

    /// A file's size in bytes, 0 when unknown.
    private static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Reads records written inline (rule tests' timelines) as if they were one log file.
    public func ingest(inline records: [InlineRecord], display: String) -> Result {
        var result = Result()
        let checker = RecordChecker.Box(
            RecordChecker(
                registry: registry, vocabulary: vocabulary, zone: zone, streamsEveryDiagnostic: stream != nil))
        var appender = RowAppender(registry: registry, asOf: asOf)
        var stage = FileStage(stats: LogFileStats(path: display), firstRow: 0, displays: [display])
        var source: any RawRecordSource = CheckedRecordSource(
            InlineRecordSource(items: [.records(records.map { RawRecord(line: $0.line, fields: $0.fields) })]),
            checker: checker, display: display)
        readFile(&source, file: display, fileIndex: 0, appender: &appender, table: &result.events, into: &stage)
        checker.checker.interned.move(into: &result.events, values: appender.values)
        result.files = [stage.stats]
        result.diagnostics = stage.diagnostics.all + stage.fileDiagnostics.all
        return result
    }

    /// Log files being read and parsed on other threads, not yet checked.
    public final class LogReading {
        /// How many batches (of about a thousand records each) may be read ahead of the checker:
        /// some 0.3 s of parsing and 100 MB for ten-million-event logs, done while the registry of
        /// their 45,000 units loads; far below the peak the stored events reach later.
        static let readAheadBatches = 1024
        let files: [(path: String, display: String)]
        let logs: PrefetchedRecordSource

        init(files: [(path: String, display: String)], blocks: LogBlocks, readAhead: Int?) {
            self.files = files
            logs = PrefetchedRecordSource(
                files: files,
                source: { path, digest in LogIngestor.source(for: path, digest: digest, blocks: blocks) },
                readAhead: readAhead)
        }
    }

    /// One file's checked items from the logs read ahead (nil at the file's end).
    private struct FileOfLogs: RawRecordSource {
        let logs: PrefetchedRecordSource
        mutating func next() -> RawItem? { logs.next() }
    }

    static func source(for path: String, digest: FileDigest? = nil, blocks: LogBlocks = .standard)
        -> any RawRecordSource
    {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        let observer = digest.map { d in { (bytes: UnsafeRawBufferPointer) in d.update(bytes) } }
        switch ext {
        case "csv": return CSVRecordSource(path: path, observer: observer, blocks: blocks)
        case "jsonl", "ndjson": return JSONLinesRecordSource(path: path, observer: observer, blocks: blocks)
        // A workbook is read by its ZIP directory, not front to back: FileDigest reads it once more.
        case "xlsx": return XLSXRecordSource(path: path)
        default: return YAMLLogRecordSource(path: path, blocks: blocks, observer: observer)
        }
    }

    /// One file's accounting and diagnostics, held until the file is known to be readable to the end.
    struct FileStage {
        var stats: LogFileStats
        /// The table's row count when the file started (its rows are dropped on a file error).
        let firstRow: Int
        /// Display paths of all the files, by index (for "first accepted at").
        let displays: [String]
        var diagnostics = BoundedDiagnostics()
        var fileDiagnostics = BoundedDiagnostics()
        /// The workbook sheet being read (nil for text logs).
        var sheet: String?
        var warnedAfterAsOf = false
        var warnedOutsideLife = false
    }

    private func readFile(
        _ source: inout any RawRecordSource, file: String, fileIndex: Int32, appender: inout RowAppender,
        table: inout EventTable, into stage: inout FileStage
    ) {
        while let item = source.next() {
            switch item {
            case .empty:
                stage.diagnostics.append(
                    .warning(
                        .logEmptyFile, Message(.logFileEmpty), at: SourceLocation(path: file, line: 1, column: 1)))
            case .fileError(let line, let column, let code, let message):
                stage.stats.fileError = true
                stage.fileDiagnostics.append(
                    .error(
                        code, message + Message(.fileIsSkipped),
                        at: SourceLocation(
                            path: file, line: max(line, 1), column: max(column, 1), sheet: line > 0 ? stage.sheet : nil)
                    ))
                return
            case .rejected(let line, let column, let code, let message):
                stage.stats.read += 1
                stage.stats.rejected += 1
                stage.diagnostics.append(
                    .error(
                        code, message,
                        at: SourceLocation(path: file, line: line, column: max(column, 1), sheet: stage.sheet)))
            case .warning(let line, let column, let code, let message):
                stage.diagnostics.append(
                    .warning(
                        code, message,
                        at: SourceLocation(path: file, line: max(line, 1), column: max(column, 1), sheet: stage.sheet)))
            case .sheet(let name):
                stage.sheet = name
                table.beginSheet(name, file: fileIndex)
            case .checked(let rows):
                appender.append(rows, fileIndex: fileIndex, table: &table, stage: &stage)
            case .header, .csvBatch, .keyedBatch, .records:
                preconditionFailure("log records reach the ingestor checked")
            }
        }
    }
}
