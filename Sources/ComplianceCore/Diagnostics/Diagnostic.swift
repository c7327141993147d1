/// A problem found in the user's input: a value with a stable code, not a string, so that tests,
/// JSON output and documentation all speak of the same thing.
public struct Diagnostic: Hashable, Sendable, Error {
    /// How bad it is.
    ///
    /// Errors make a run untrustworthy (exit 2) or reject a record.
    public enum Level: String, Sendable, Hashable, Comparable {
        case error, warning, note

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
    }

    /// error, warning or note.
    public let level: Level
    /// Stable dotted kebab-case code, for example `rule.unknown-key` (from `DiagnosticCatalogue`).
    public let code: String
    /// One sentence for a person, written in the project language when printed.
    public let text: Message
    /// Where; nil for run-wide problems (a bad command-line option).
    public let location: SourceLocation?
    /// Secondary places, for example the first definition of a duplicate id.
    public let related: [SourceLocation]
    /// Non-zero only for the entry that stands for diagnostics left out of a list (SPEC §10.6):
    /// how many more of this code and path there were.
    public let omitted: Int

    /// A diagnostic value.
    public init(
        _ level: Level, _ code: DiagnosticCode, _ message: Message, at location: SourceLocation? = nil,
        related: [SourceLocation] = []
    ) {
        self.level = level
        self.code = code.rawValue
        self.text = message
        self.location = location
        self.related = related
        omitted = 0
    }

    /// The entry that stands for `count` diagnostics of `code` in `path` left out of a list.
    public init(omitted count: Int, level: Level, code: String, path: String?) {
        self.level = level
        self.code = code
        text = Message(.moreLikeThis, ["count": String(count)])
        // After every listed diagnostic of its file, so stable order puts it at the end of its group.
        location = path.map { SourceLocation(path: $0, line: Int.max, column: Int.max) }
        related = []
        omitted = count
    }

    /// An error.
    public static func error(
        _ code: DiagnosticCode, _ message: Message, at location: SourceLocation? = nil, related: [SourceLocation] = []
    ) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, related: related)
    }

    /// A warning.
    public static func warning(_ code: DiagnosticCode, _ message: Message, at location: SourceLocation? = nil)
        -> Diagnostic
    {
        Diagnostic(.warning, code, message, at: location)
    }

    /// A note.
    public static func note(_ code: DiagnosticCode, _ message: Message, at location: SourceLocation? = nil)
        -> Diagnostic
    {
        Diagnostic(.note, code, message, at: location)
    }

    /// A saved diagnostic read back (a result file): its code and message as they were written.
    public init(saved level: Level, code: String, message: String, at location: SourceLocation?) {
        self.level = level
        self.code = code
        text = .verbatim(message)
        self.location = location
        related = []
        omitted = 0
    }

    /// The same diagnostic at another level (`validate --strict` reports warnings as errors).
    public func reported(as level: Level) -> Diagnostic {
        Diagnostic(level, DiagnosticCode.named(code), text, at: location, related: related)
    }

    /// The message in English (tests, and where no project language is known yet).
    public var message: String { text.english }

    /// The message in `language` (SPEC §10.9).
    public func message(in language: Language) -> String { text.text(in: language) }

    /// Orders diagnostics by place, then code, so output is stable whatever order loading ran in.
    public static func stableOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let la = a.location ?? SourceLocation(path: "")
        let lb = b.location ?? SourceLocation(path: "")
        if la != lb { return la < lb }
        if a.level != b.level { return a.level < b.level }
        if a.code != b.code { return a.code < b.code }
        return a.message < b.message
    }
}

/// Collects diagnostics while loading goes on after an error (SPEC §2: every problem in one run).
public struct DiagnosticBag: Sendable {
    /// Everything reported so far, in report order.
    public private(set) var all: [Diagnostic] = []

    /// An empty bag.
    public init() {}

    /// Adds one.
    public mutating func add(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    /// Adds many.
    public mutating func add(contentsOf diagnostics: [Diagnostic]) { all.append(contentsOf: diagnostics) }

    /// Whether any error was reported.
    public var hasErrors: Bool { all.contains { $0.level == .error } }
}
