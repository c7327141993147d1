/// One kind of obligation a rule can state, for example "at least N events per period".
///
/// The engine, the reports and `explain` know a kind only through this protocol: how it evaluates,
/// which units it evaluates, the reasons its findings carry and their sentences, and how `explain`
/// retraces a finding. A kind is one file in `Sources/RuleKit/Kinds/` plus its line in `Kinds.all`.
public protocol Obligation: Sendable {
    /// The `kind:` value, e.g. `frequency`.
    static var kindName: String { get }

    /// The reasons its findings may carry, each with its label and sentence.
    static var reasons: [FindingReason] { get }

    /// The event types the rule names, for vocabulary checks and documentation.
    var eventTypes: [String] { get }

    /// Every event pattern the rule states, each with the rule key that states it (`trigger`,
    /// `extensions.event`), for `explain`'s events a `where` clause rejected.
    var eventPatterns: [(key: String, pattern: EventPattern)] { get }

    /// The attribute names the rule's patterns and keys read, for vocabulary checks.
    var attributeNames: [String] { get }

    /// The id of the rule whose findings this rule reads instead of events (a `ratio`'s `of`);
    /// nil for the kinds that read events. The engine evaluates that rule first.
    var baseRule: String? { get }

    /// Whether a unit whose window is empty (it ended before the rule began) is still evaluated:
    /// true for a kind whose due date is fixed and may lie outside the window.
    var evaluatesEmptyWindow: Bool { get }

    /// Findings for one unit over its evaluation window; pure and deterministic.
    func evaluate(_ context: EvaluationContext, into output: inout EvaluationOutput)

    /// Writes the tool's words for a finding after "title: unit (id)", when the rule has no
    /// message template.
    static func describe(_ finding: Finding, in language: Language, into sentence: inout FindingSentence)

    /// The computation behind one finding, step by step, with each evidence event's role (`explain`).
    func explain(_ finding: Finding, in context: ExplainContext) -> ExplainSteps
}

extension Obligation {
    /// Kinds read events unless they say otherwise.
    public var baseRule: String? { nil }

    /// A unit with an empty window has nothing to evaluate unless the kind says otherwise.
    public var evaluatesEmptyWindow: Bool { false }

    /// The reason's sentence; without one, "is due" for a pending finding and "met it" otherwise.
    public static func describe(_ f: Finding, in language: Language, into m: inout FindingSentence) {
        if let code = f.reason, let reason = reasons.first(where: { $0.code == code }) {
            reason.sentence(f, language, &m)
        } else if f.status == .pending {
            FindingSentence.isDue(f, language, &m)
        } else {
            FindingSentence.met(f, language, &m)
        }
    }
}

/// The evaluation window of a rule for a unit (SPEC §6): both ends inclusive, `to` nil = open.
public struct EvaluationWindow: Sendable, Hashable {
    /// max(effective.from, unit.from, --from).
    public let from: Day
    /// min(effective.to, unit.to, --to).
    public let to: Day?

    /// A window.
    public init(from: Day, to: Day?) {
        self.from = from
        self.to = to
    }

    /// Whether `day` lies in the window.
    public func contains(_ day: Day) -> Bool { from <= day && (to.map { day <= $0 } ?? true) }

    /// Whether the window's bounds cut `period` (the as-of date never does).
    public func cuts(_ period: Period) -> Bool {
        period.start < from || (to.map { period.end > $0 } ?? false)
    }
}

/// Everything a rule kind may read while evaluating one unit: the unit, its events, the window,
/// the as-of date and the calendar — no I/O and no clock.
///
/// The engine builds one context per work item and moves it from unit to unit (`move(to:window:)`):
/// copying the rule, registry, store and calendar for each of tens of thousands of units took
/// dozens of reference-count updates per copy, on objects shared by every thread.
public struct EvaluationContext: Sendable {
    /// The rule being evaluated.
    public let rule: Rule
    /// Index of the unit in `registry`.
    public private(set) var unitIndex: Int
    /// The unit's id (what every finding carries).
    public private(set) var unitID: String
    /// All units.
    public let registry: UnitRegistry
    /// All accepted events.
    public let store: EventStore
    /// The window for this rule and unit.
    public private(set) var window: EvaluationWindow
    /// Evaluation date.
    public let asOf: Day
    /// Working-day calendar.
    public let calendar: WorkCalendar
    /// `--from`/`--to` bounds (for `once`).
    public let runBounds: EvaluationWindow?
    /// The base rule's findings, for a rule that reads them (`Obligation.baseRule`); else nil.
    public var baseFindings: BaseFindings?

    /// A context.
    public init(
        rule: Rule, unitIndex: Int, registry: UnitRegistry, store: EventStore, window: EvaluationWindow,
        asOf: Day, calendar: WorkCalendar, runBounds: EvaluationWindow?
    ) {
        self.rule = rule
        self.unitIndex = unitIndex
        self.unitID = registry.units[unitIndex].id
        self.registry = registry
        self.store = store
        self.window = window
        self.asOf = asOf
        self.calendar = calendar
        self.runBounds = runBounds
    }

    /// The same rule, store and calendar for another unit and window.
    public mutating func move(to unitIndex: Int, window: EvaluationWindow) {
        self.unitIndex = unitIndex
        self.unitID = registry.units[unitIndex].id
        self.window = window
    }

    /// The unit.
    public var unit: Unit { registry.units[unitIndex] }

    /// The units whose events after a link's `to` carry on this unit's open cases (SPEC §3):
    /// each successor with the day after which its events count, followed transitively.
    public var successorChain: [(unit: Int, after: Day)] {
        // Most units never end: answer without building the walk's state.
        guard registry.units[unitIndex].to != nil, registry.units[unitIndex].successor != nil else { return [] }
        var chain: [(Int, Day)] = []
        var current = unitIndex
        var after: Day? = nil
        var seen: Set<Int> = [unitIndex]
        while let to = registry.units[current].to, let next = registry.units[current].successor,
            let nextIndex = registry.index(of: next), !seen.contains(nextIndex)
        {
            let bound = max(after ?? to, to)
            chain.append((nextIndex, bound))
            after = bound
            seen.insert(nextIndex)
            current = nextIndex
        }
        return chain
    }

    /// A skeleton finding for this rule and unit.
    public func finding(
        _ status: Finding.Status, reason: String? = nil, sortDay: Day, waiverSpan: ClosedRange<Day>,
        identity: String
    ) -> Finding {
        Finding(
            rule: rule.id, unit: unitID, status: status, reason: reason, severity: rule.severity, sortDay: sortDay,
            waiverSpan: waiverSpan, identity: identity)
    }
}

/// What an evaluation produces besides findings: diagnostics about events (missing keys) and
/// whether a date computation left the calendar's range.
public struct EvaluationOutput: Sendable {
    /// Findings in any order (the engine sorts).
    public var findings: [Finding] = []
    /// Diagnostics such as `deadline.missing-key`: at most the listed number per code and file
    /// (SPEC §10.6), counted exactly.
    public var diagnostics = BoundedDiagnostics()
    /// Triggers/targets without their key, counted against `--max-rejected`.
    public var missingKeys = 0
    /// Set when a computation used a day outside the calendar's `covers`.
    public var outsideCalendar = false
    /// Whether satisfied findings are wanted as findings; when false a kind only counts them in
    /// `unlistedSatisfied`, since building millions of findings nobody reads costs most of a run.
    public var listsSatisfied = true
    /// Satisfied findings counted but not built (only while `listsSatisfied` is false).
    public var unlistedSatisfied = 0

    /// An empty output.
    public init() {}

    /// Whether a finding of `status` is only to be counted: true (and counted) for a satisfied one
    /// when satisfied findings are not listed, so the kind skips building it.
    @inlinable
    public mutating func countsOnly(_ status: Finding.Status) -> Bool {
        guard status == .satisfied && !listsSatisfied else { return false }
        unlistedSatisfied += 1
        return true
    }
}
