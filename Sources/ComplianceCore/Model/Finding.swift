/// The verdict on one evaluated item (a period, a trigger, a target, a gap…): exactly one status.
public struct Finding: Sendable {
    /// SPEC §6 statuses.
    public enum Status: String, Sendable, CaseIterable {
        case satisfied, violated, pending, waived
    }

    /// Rule id.
    public var rule: String
    /// Unit id.
    public var unit: String
    /// Status.
    public var status: Status
    /// Why violated (kept when waived): insufficient, excess, late, overdue, no-prior, missing, gap.
    public var reason: String?
    /// The rule's severity.
    public var severity: Severity
    /// Period label, trigger/target date, or `a/b` gap.
    public var period: String?
    /// Due date.
    public var due: Day?
    /// Frequency bound at stake.
    public var expected: Int?
    /// Frequency count.
    public var actual: Int?
    /// Ratio: the threshold, the share and the items counted (reporters write its threshold and
    /// share as `expected` and `actual`).
    public var share: Share?
    /// Days late or overdue.
    public var daysLate: Int?
    /// The trigger's or target's ref.
    public var ref: String?
    /// Evidence event ids.
    public var events: [String]
    /// Precedence: target date − nearest candidate date.
    public var distanceDays: Int?
    /// 1-based index of the waiver that waived it.
    public var waiver: Int?
    /// The rule's message or the tool's sentence.
    public var message: String
    /// Stable hash for comparing runs.
    public var fingerprint: String
    /// Date the finding is ordered by (period start, trigger/target date, `by`, or gap start a).
    public var sortDay: Day
    /// The days a waiver's `periods` must contain for this finding (whole period, trigger date, …).
    public var waiverSpan: ClosedRange<Day>
    /// What identifies the item within its rule and unit (period label, event id, gap), for the
    /// fingerprint.
    public var identity: String

    /// A finding as a rule kind produces it; the engine fills severity, message and fingerprint.
    public init(
        rule: String, unit: String, status: Status, reason: String? = nil, severity: Severity = .info,
        period: String? = nil, due: Day? = nil, expected: Int? = nil, actual: Int? = nil, daysLate: Int? = nil,
        ref: String? = nil, events: [String] = [], distanceDays: Int? = nil, sortDay: Day,
        waiverSpan: ClosedRange<Day>, identity: String
    ) {
        self.rule = rule
        self.unit = unit
        self.status = status
        self.reason = reason
        self.severity = severity
        self.period = period
        self.due = due
        self.expected = expected
        self.actual = actual
        self.share = nil
        self.daysLate = daysLate
        self.ref = ref
        self.events = events
        self.distanceDays = distanceDays
        self.waiver = nil
        self.message = ""
        self.fingerprint = ""
        self.sortDay = sortDay
        self.waiverSpan = waiverSpan
        self.identity = identity
    }

    /// SPEC §8 order: unit id, rule id, finding date, then event id — all in code-point order.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.unit != b.unit { return a.unit.codePointPrecedes(b.unit) }
        if a.rule != b.rule { return a.rule.codePointPrecedes(b.rule) }
        if a.sortDay != b.sortDay { return a.sortDay < b.sortDay }
        let ea = a.events.first ?? ""
        let eb = b.events.first ?? ""
        if ea != eb { return ea.codePointPrecedes(eb) }
        return a.identity.codePointPrecedes(b.identity)
    }
}
