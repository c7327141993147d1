/// The bounds a workbook must stay within (SPEC §10.7, `SECURITY.md`): a hostile ZIP or XML part is
/// refused before it can take the machine's memory or time.
public struct WorkbookLimits: Sendable {
    /// The largest workbook file, compressed.
    public var maxFileBytes: Int = 256 << 20
    /// The largest part once inflated.
    public var maxPartBytes: Int = 1 << 30
    /// The largest inflated-to-compressed size ratio of any part.
    public var maxRatio: Int = 100
    /// The most parts (ZIP entries).
    public var maxParts: Int = 10_000
    /// The longest XML tag, comment or text run held at once (Excel's cells hold at most 32,767
    /// characters; a megabyte is far beyond any real tag or cell).
    public var maxTokenBytes: Int = 1 << 20
    /// The most shared strings' bytes held (the one table kept in memory).
    public var maxSharedStringBytes: Int = 512 << 20

    /// The limits of SPEC §10.7.
    public init() {}
}
