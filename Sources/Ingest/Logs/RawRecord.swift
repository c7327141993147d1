import CSVSupport
import ComplianceCore

/// A log record as a format reader produced it, before it is checked against units, dates and the vocabulary.
///
/// Keeping readers this dumb lets one validator serve CSV, JSON Lines and YAML alike.
struct RawRecord {
    /// 1-based line where the record starts.
    var line: Int
    /// Present fields in source order (absent ones — empty CSV cells, nulls — are left out).
    var fields: [(name: String, value: String)]
    /// Where each field's value starts (parallel to `fields`; empty when unknown), for diagnostics
    /// about one field (SPEC §10.0).
    var positions: [FieldPosition] = []
}

/// The physical line and column where a field's value starts.
struct FieldPosition: Sendable, Equatable {
    let line: Int32
    let column: Int32

    init(line: Int, column: Int) {
        self.line = Int32(truncatingIfNeeded: line)
        self.column = Int32(truncatingIfNeeded: column)
    }
}

/// What a format reader yields.
enum RawItem {
    /// Records read by name (YAML, inline), in order: a batch, so that checking and appending cost
    /// no allocation per record.
    case records([RawRecord])
    /// A CSV file's header: the names of the cells of every batch that follows.
    case header([String])
    /// CSV records read as bytes, their cells under the last `header`.
    case csvBatch(CSVBatch)
    /// JSON Lines records read as bytes, fields named by key id.
    case keyedBatch(KeyedBatch)
    /// A batch of any of the above as the checker left it: verdicts, and the rows to store.
    case checked(CheckedRows)
    /// A record the reader already refused (malformed, invalid UTF-8, nested value…).
    case rejected(line: Int, column: Int, code: DiagnosticCode, message: Message)
    /// A problem that stops the file: it contributes nothing and counts once against --max-rejected.
    case fileError(line: Int, column: Int, code: DiagnosticCode, message: Message)
    /// The file holds nothing at all (a warning, not an error).
    case empty
    /// The records that follow come from this sheet of a workbook (their lines are its rows).
    case sheet(String)
    /// Something the reader skipped that the user should know of (a sheet without a header row).
    case warning(line: Int, column: Int, code: DiagnosticCode, message: Message)
}

/// A streaming source of raw records for one log file.
protocol RawRecordSource {
    /// The next item, nil at the end.
    mutating func next() -> RawItem?
}

/// A record given inline rather than in a log file (rule tests' timelines).
public struct InlineRecord: Sendable {
    /// The line it is written on.
    public let line: Int
    /// Its fields (absent ones left out).
    public let fields: [(name: String, value: String)]

    /// An inline record.
    public init(line: Int, fields: [(name: String, value: String)]) {
        self.line = line
        self.fields = fields
    }
}

/// Replays records held in memory.
struct InlineRecordSource: RawRecordSource {
    var items: [RawItem]
    var position = 0

    mutating func next() -> RawItem? {
        guard position < items.count else { return nil }
        defer { position += 1 }
        return items[position]
    }
}

/// Items a reader has read ahead and must hand out, in order, before it reads on (a batch split
/// around the records it refused).
struct ItemQueue {
    private var items: [RawItem] = []
    private var head = 0

    /// Whether every queued item was handed out.
    var isEmpty: Bool { head == items.count }

    mutating func append(_ item: RawItem) { items.append(item) }

    /// The next queued item, nil when none is left (the storage is then reused).
    mutating func pop() -> RawItem? {
        guard head < items.count else {
            items.removeAll(keepingCapacity: true)
            head = 0
            return nil
        }
        defer { head += 1 }
        return items[head]
    }
}
