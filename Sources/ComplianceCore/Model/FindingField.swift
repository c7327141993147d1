/// The fields of a finding as the outputs show them — one entry per field: its name, its key, its
/// type, the kinds that fill it and the outputs that show it.
///
/// The JSON result, SARIF's result properties, the CSV columns, the text line, `explain` and the
/// rule-test expectations all iterate this table, so adding a field is one case here. Each output
/// keeps the order it has always had and shows a field it does not place after the ones it does
/// (CSV's columns are only ever appended); `allCases` is the JSON result's order.
public enum FindingField: CaseIterable, Sendable {
    case rule, unit, status, reason, severity, period, due, expected, actual, items, daysLate, ref, events
    case distanceDays, waiver, fingerprint, message

    /// What a field's value is.
    public enum ValueType: Sendable {
        /// Text (an id, a label, a sentence).
        case text
        /// A whole number.
        case integer
        /// A whole number, or a number with one decimal for a ratio (`85`, `57.5`).
        case number
        /// A `YYYY-MM-DD` date.
        case date
        /// A list of ids.
        case list
        /// Satisfied, violated and pending counts.
        case counts
    }

    /// The outputs a field can be shown in.
    public struct Outputs: OptionSet, Sendable {
        public let rawValue: Int
        /// An output set.
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// The JSON result's findings (`dvcheck.result/v1`).
        public static let json = Outputs(rawValue: 1 << 0)
        /// SARIF's `result.properties`.
        public static let sarif = Outputs(rawValue: 1 << 1)
        /// A CSV column.
        public static let csv = Outputs(rawValue: 1 << 2)
        /// The text report's finding line (after status, severity, unit and rule).
        public static let text = Outputs(rawValue: 1 << 3)
        /// `explain --format json`'s `finding`.
        public static let explain = Outputs(rawValue: 1 << 4)
        /// A rule test's expected finding.
        public static let ruleTests = Outputs(rawValue: 1 << 5)
        /// Every output.
        public static let all: Outputs = [.json, .sarif, .csv, .text, .explain, .ruleTests]
    }

    /// The key in the JSON result, `explain` and rule tests, and the CSV column unless `csvColumn`
    /// says otherwise.
    public var key: StaticString {
        switch self {
        case .rule: "rule"
        case .unit: "unit"
        case .status: "status"
        case .reason: "reason"
        case .severity: "severity"
        case .period: "period"
        case .due: "due"
        case .expected: "expected"
        case .actual: "actual"
        case .items: "items"
        case .daysLate: "days_late"
        case .ref: "ref"
        case .events: "events"
        case .distanceDays: "distance_days"
        case .waiver: "waiver"
        case .fingerprint: "fingerprint"
        case .message: "message"
        }
    }

    /// The key as a `String`.
    public var name: String { key.description }

    /// The SARIF property's name (camelCase; the evidence ids are `evidence`).
    public var sarifKey: StaticString {
        switch self {
        case .daysLate: "daysLate"
        case .distanceDays: "distanceDays"
        case .events: "evidence"
        default: key
        }
    }

    /// The CSV column's name (the evidence ids are `evidence`).
    public var csvColumn: String { self == .events ? "evidence" : name }

    /// The value's type.
    public var type: ValueType {
        switch self {
        case .rule, .unit, .status, .reason, .severity, .period, .ref, .fingerprint, .message: .text
        case .daysLate, .distanceDays, .waiver: .integer
        case .expected, .actual: .number
        case .due: .date
        case .events: .list
        case .items: .counts
        }
    }

    /// The kinds whose findings fill it; nil: every finding can have it (the engine fills the rest).
    public var filledBy: [String]? {
        switch self {
        case .rule, .unit, .status, .reason, .severity, .waiver, .fingerprint, .message: nil
        case .period: ["deadline", "frequency", "periodic", "precedence", "ratio", "regularity"]
        case .due: ["deadline", "frequency", "once", "periodic", "ratio", "regularity"]
        case .expected, .actual: ["frequency", "ratio"]
        case .items: ["ratio"]
        case .daysLate: ["deadline", "once", "periodic", "regularity"]
        case .ref: ["deadline", "precedence"]
        case .events: ["deadline", "frequency", "once", "periodic", "precedence", "regularity"]
        case .distanceDays: ["precedence"]
        }
    }

    /// The outputs that show it.
    ///
    /// SARIF names the rule, the fingerprint, the message and the waiver in the result itself; the
    /// text line shows the unit, rule and status first, the bound with the count and the days late
    /// with the reason.
    public var shownIn: Outputs {
        switch self {
        case .rule: [.json, .csv, .ruleTests]
        case .unit: [.json, .sarif, .csv, .ruleTests]
        case .status: [.json, .sarif, .csv, .explain, .ruleTests]
        case .severity: [.json, .sarif, .csv]
        case .reason, .period, .due, .actual, .ref, .events: .all
        case .expected, .daysLate, .distanceDays: [.json, .sarif, .csv, .explain, .ruleTests]
        case .items: [.json, .sarif, .text, .explain]
        case .waiver: [.json, .csv, .text, .explain, .ruleTests]
        case .fingerprint: [.json, .csv, .explain]
        case .message: [.json, .csv]
        }
    }

    /// What it says, as the rule-test schema describes it.
    public var summary: String {
        switch self {
        case .rule: "The rule id (when a test runs several rules)."
        case .unit: "The unit id."
        case .status: "satisfied, violated, pending or waived."
        case .reason: "insufficient, excess, late, overdue, closed, paused, no-prior, missing, gap."
        case .severity: "The rule's severity."
        case .period: "Period label, trigger/target date, or gap a/b."
        case .due: "The due date; null: the finding has none (a paused case)."
        case .expected: "Frequency: the bound at stake; ratio: the threshold in percent (85, 57.5)."
        case .actual: "Frequency: the count; ratio: the share in percent, one decimal (66.7)."
        case .items: "Ratio: the base items counted, by status."
        case .daysLate: "Days late or overdue."
        case .ref: "The trigger's or target's ref."
        case .events: "Evidence event ids, in order."
        case .distanceDays: "Precedence: target date − nearest candidate date (may be negative)."
        case .waiver: "The index of the waiver that waived it."
        case .fingerprint: "Stable hash for comparing runs."
        case .message: "The rule's message or the tool's sentence."
        }
    }

    /// Its value in `f`; nil when the finding has none.
    @inline(__always)
    public func value(in f: Finding) -> FindingValue? {
        switch self {
        case .rule: .text(f.rule)
        case .unit: .text(f.unit)
        case .status: .text(f.status.rawValue)
        case .reason: f.reason.map(FindingValue.text)
        case .severity: .text(f.severity.rawValue)
        case .period: f.period.map(FindingValue.text)
        case .due: f.due.map(FindingValue.date)
        // A ratio's threshold and share are its expected and actual values (SPEC §10.2).
        case .expected: f.share.map { .decimal($0.threshold) } ?? f.expected.map(FindingValue.integer)
        case .actual: f.share.map { .decimal($0.actual) } ?? f.actual.map(FindingValue.integer)
        case .items: f.share.map { .counts(satisfied: $0.satisfied, violated: $0.violated, pending: $0.pending) }
        case .daysLate: f.daysLate.map(FindingValue.integer)
        case .ref: f.ref.map(FindingValue.text)
        case .events: .list(f.events)
        case .distanceDays: f.distanceDays.map(FindingValue.integer)
        case .waiver: f.waiver.map(FindingValue.integer)
        case .fingerprint: .text(f.fingerprint)
        case .message: .text(f.message)
        }
    }

    /// The fields an output shows: `placed` first, in the output's own order, then the fields it
    /// shows that `placed` does not name, in table order.
    public static func order(_ output: Outputs, placed: [FindingField]) -> [FindingField] {
        let shown = placed.filter { $0.shownIn.contains(output) }
        return shown + allCases.filter { $0.shownIn.contains(output) && !shown.contains($0) }
    }
}

/// A finding's value of one field.
public enum FindingValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// A ratio's threshold or share.
    case decimal(Tenths)
    case date(Day)
    case list([String])
    case counts(satisfied: Int, violated: Int, pending: Int)

    /// As a rule test writes it: a list joined by commas, a date `YYYY-MM-DD`, a decimal with `.`.
    public var text: String {
        switch self {
        case .text(let s): s
        case .integer(let i): String(i)
        case .decimal(let t): t.description
        case .date(let d): d.description
        case .list(let ids): ids.joined(separator: ",")
        case .counts(let s, let v, let p): "\(s) satisfied, \(v) violated, \(p) pending"
        }
    }
}
