import ComplianceCore

/// The evaluation choices of one `check` run (SPEC §9), independent of where inputs came from.
public struct RunOptions: Sendable {
    /// The evaluation date.
    public var asOf: Day
    /// `--from`.
    public var from: Day?
    /// `--to`.
    public var to: Day?
    /// `--unit` ids (each with its descendants); empty = all.
    public var units: [String] = []
    /// `--rule` ids; empty = all.
    public var rules: [String] = []
    /// Report language.
    public var language: Language = .vi
    /// Whether `calendar.outside-range` may be reported (only when a calendar file was given).
    public var calendarFileGiven = false
    /// The calendar file's display path, named by `calendar.outside-range`.
    public var calendarPath: String?
    /// Where every diagnostic the work items find goes, uncapped and in item order
    /// (`--diagnostics FILE`); the result's `diagnostics` stay capped (SPEC §10.6).
    public var diagnosticSink: (any ItemDiagnosticSink)?

    /// Options for an as-of date.
    public init(asOf: Day) { self.asOf = asOf }
}

/// Counts of SPEC §8's `summary`.
public struct RunSummary: Sendable, Equatable {
    /// Rules evaluated (after `--rule`).
    public var rules = 0
    /// Units with at least one applicable rule.
    public var units = 0
    /// All findings, satisfied included.
    public var evaluated = 0
    /// Satisfied findings.
    public var satisfied = 0
    /// Violated findings.
    public var violated = 0
    /// Pending findings.
    public var pending = 0
    /// Waived findings.
    public var waived = 0
    /// Silent units (SPEC §10.3).
    public var silentUnits = 0

    /// An all-zero summary.
    public init() {}
}

/// One row of the unit × rule matrix.
public struct MatrixRow: Sendable, Equatable {
    /// Rule id.
    public let rule: String
    /// Unit id.
    public let unit: String
    /// Counts by status.
    public var satisfied = 0, violated = 0, pending = 0, waived = 0

    /// A row with no counts yet.
    public init(rule: String, unit: String) {
        self.rule = rule
        self.unit = unit
    }
}

/// What evaluation produced: every finding in report order, the summary, the matrix, and the
/// diagnostics evaluation itself raised (missing keys, calendar range, waivers).
public struct EvaluationResult: Sendable {
    /// All findings (satisfied included), in SPEC §8 order.
    public var findings: [Finding] = []
    /// Counts.
    public var summary = RunSummary()
    /// One row per (rule, unit) with at least one finding.
    public var matrix: [MatrixRow] = []
    /// Diagnostics raised while evaluating: first the work items' (`itemDiagnosticCount` of them,
    /// capped per code and file with `omitted` entries), then the run's own (calendar range,
    /// waivers, silent units).
    public var diagnostics: [Diagnostic] = []
    /// How many of `diagnostics` come from the work items: with `RunOptions.diagnosticSink`, the
    /// sink received every one of those (uncapped), so a writer of all diagnostics skips them here.
    public var itemDiagnosticCount = 0
    /// Missing-key triggers/targets (counted against --max-rejected).
    public var missingKeys = 0
    /// The silent units' ids (SPEC §10.3), in code-point order.
    public var silentUnits: [String] = []
    /// Set when the findings went to the caller's block sink in report order instead of `findings`.
    public var streamed = false

    /// An empty result.
    public init() {}
}
