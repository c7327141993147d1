/// Where a value came from: a file and a 1-based line and column, so every diagnostic and every
/// finding can point back at the YAML key or the log line behind it.
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// The file, as the project names it (see `DisplayPaths`).
    public let path: String
    /// 1-based line; 0 when the whole file is meant.
    public let line: Int
    /// 1-based column; 0 when unknown.
    public let column: Int
    /// The sheet of a workbook (`.xlsx`) log, whose line is a row number; nil for text files.
    public let sheet: String?

    /// A location in a file.
    public init(path: String, line: Int = 0, column: Int = 0, sheet: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.sheet ?? "", lhs.line, lhs.column) < (rhs.path, rhs.sheet ?? "", rhs.line, rhs.column)
    }
}
