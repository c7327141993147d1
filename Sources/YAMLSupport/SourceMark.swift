/// A 1-based line and column in a source file, so diagnostics can point where a user can look.
///
/// Columns count Unicode scalars (characters as libyaml counts them), starting at 1.
public struct SourceMark: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line, because editors and compilers number lines from 1.
    public let line: Int
    /// The 1-based column in characters, so a caret lands under the right character.
    public let column: Int

    /// Creates a mark from 1-based coordinates, for composers and for tests that state positions.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders marks by line, then column, so problems can be sorted by position.
    public static func < (lhs: SourceMark, rhs: SourceMark) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`, the form diagnostics print.
    public var description: String { "\(line):\(column)" }
}
