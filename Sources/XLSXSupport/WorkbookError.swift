/// Why a workbook cannot be read: the whole file is refused (SPEC §10.7).
public struct WorkbookError: Error, Sendable, Equatable {
    /// What went wrong, which decides the diagnostic code.
    public enum Kind: Sendable, Equatable {
        /// Over one of the limits of `WorkbookLimits` (`log.limit`).
        case limit
        /// Not a ZIP, not an Office Open XML workbook, or broken XML inside (`log.bad-workbook`).
        case malformed
    }

    public let kind: Kind
    /// What is wrong, with its parameters; it never quotes the file's bytes unchecked.
    public let problem: WorkbookProblem

    public init(_ kind: Kind, _ problem: WorkbookProblem) {
        self.kind = kind
        self.problem = problem
    }

    static func malformed(_ problem: WorkbookProblem) -> WorkbookError { WorkbookError(.malformed, problem) }
    static func limit(_ problem: WorkbookProblem) -> WorkbookError { WorkbookError(.limit, problem) }
}
