import ComplianceCore

/// A rule as reports show it: its texts, severity, source and where it is defined — what the JSON
/// result records (`rules`), so a saved result renders without the rule files (SPEC §10.5).
public struct ReportRule: Sendable, Equatable {
    /// Unique id.
    public let id: String
    /// Kind name (`frequency`, …).
    public let kind: String
    /// Title in vi/en.
    public let title: LocalizedText
    /// The message template as written, if any.
    public let message: LocalizedText?
    /// Rationale.
    public let description: LocalizedText?
    /// Severity.
    public let severity: Severity
    /// `binding` (SPEC §10.9): `law` or `guidance`.
    public let binding: Binding
    /// Legal source.
    public let source: RuleSource
    /// Where the rule's definition starts (display path, line, column).
    public let location: SourceLocation
    /// The last line of the rule's YAML item.
    public let endLine: Int

    /// A rule entry.
    public init(
        id: String, kind: String, title: LocalizedText, message: LocalizedText?, description: LocalizedText?,
        severity: Severity, binding: Binding, source: RuleSource, location: SourceLocation, endLine: Int
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.message = message
        self.description = description
        self.severity = severity
        self.binding = binding
        self.source = source
        self.location = location
        self.endLine = endLine
    }

    /// The entry of a loaded rule.
    public init(_ rule: Rule) {
        self.init(
            id: rule.id, kind: rule.kind, title: rule.title, message: rule.message?.text, description: rule.description,
            severity: rule.severity, binding: rule.binding, source: rule.source, location: rule.location,
            endLine: max(rule.endLine, rule.location.line))
    }
}

/// Where an evidence event was read: its date and its position in its log (SPEC §10.5 `events`).
public struct EvidenceEvent: Sendable, Equatable {
    /// The event's civil date.
    public let date: Day
    /// The log's display path.
    public let path: String
    /// 1-based line of the record (a workbook's row).
    public let line: Int
    /// 1-based column of the record's start (a workbook's column number).
    public let column: Int
    /// The worksheet of an `.xlsx` log (SPEC §10.7); nil for text logs.
    public let sheet: String?

    /// An evidence position.
    public init(date: Day, path: String, line: Int, column: Int, sheet: String? = nil) {
        self.date = date
        self.path = path
        self.line = line
        self.column = column
        self.sheet = sheet
    }
}
