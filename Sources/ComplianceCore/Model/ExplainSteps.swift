/// What `explain` hands a kind to retrace one finding: the rule, the units, the evidence events
/// the finding names, the calendar and, for a rule that reads another rule's findings, those.
public struct ExplainContext {
    /// The rule explained.
    public let rule: Rule
    /// All units.
    public let registry: UnitRegistry
    /// The events the finding names, by id.
    public let events: [String: Event]
    /// All accepted events (for where an event was read).
    public let store: EventStore
    /// Working-day calendar.
    public let calendar: WorkCalendar
    /// Evaluation date.
    public let asOf: Day
    /// The base rule's findings (all units, every status), for a rule that reads them; else empty.
    public let baseFindings: [Finding]

    /// A context.
    public init(
        rule: Rule, registry: UnitRegistry, events: [String: Event], store: EventStore, calendar: WorkCalendar,
        asOf: Day, baseFindings: [Finding]
    ) {
        self.rule = rule
        self.registry = registry
        self.events = events
        self.store = store
        self.calendar = calendar
        self.asOf = asOf
        self.baseFindings = baseFindings
    }
}

/// A kind's account of one finding: the steps in order, and the role of each evidence event
/// (events without one are shown as "evidence").
public struct ExplainSteps: Sendable, Equatable {
    /// The steps, one line each.
    public var steps: [String] = []
    /// Roles by event id ("trigger", "counted", …).
    public var roles: [String: String] = [:]

    /// No steps yet.
    public init() {}
}
