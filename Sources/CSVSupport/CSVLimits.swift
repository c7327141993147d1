/// Budgets for one CSV record, so a stray quote, a line of commas or a binary file handed over as a
/// log costs a rejected record instead of all the memory.
public struct CSVLimits: Sendable, Equatable {
    /// Longest record (one line, or several when a quoted field holds line breaks), in bytes.
    public var maxRecordBytes = 16 << 20
    /// Longest single field, in bytes after unquoting.
    public var maxFieldBytes = 1 << 20
    /// Most cells in one record, the header included.
    public var maxColumns = 1_000

    /// The defaults: 16 MiB per record, 1 MiB per field, 1,000 cells.
    public init() {}

    /// Limits with chosen values (each at least 1), for `--csv-*` style overrides and for tests.
    public init(maxRecordBytes: Int, maxFieldBytes: Int, maxColumns: Int) {
        self.maxRecordBytes = max(maxRecordBytes, 1)
        self.maxFieldBytes = max(maxFieldBytes, 1)
        self.maxColumns = max(maxColumns, 1)
    }
}
