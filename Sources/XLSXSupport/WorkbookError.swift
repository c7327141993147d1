/// Why a workbook cannot be read: the whole file is refused (SPEC §10.7).
public struct WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, which decides the diagnostic code.
    public enum Kind: Sendable, Equatable {
        /// Over one of the limits of `WorkbookLimits` (`log.limit`).
        case limit
        /// Not a ZIP, not an Office Open XML workbook, or broken XML inside (`log.bad-workbook`).
        case malformed
    }

    public let kind: Kind
    /// One sentence for a person; it never quotes the file's bytes unchecked.
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    static func malformed(_ message: String) -> WorkbookError { WorkbookError(.malformed, message) }
    static func limit(_ message: String) -> WorkbookError { WorkbookError(.limit, message) }
}
