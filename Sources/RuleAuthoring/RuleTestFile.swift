import ComplianceCore
import NodeDecoding

/// The rule-test file format: rules under test, units, a calendar, and tests — each a short timeline of events, an as-of date and the findings expected.
///
/// Its keys are also the JSON Schema's.
public enum RuleTestFormat {
    /// Keys of one expected finding; every key given must equal the finding's value.
    public static let findingFields = [
        FieldSpec("status", .oneOf(Finding.Status.allCases.map(\.rawValue)), "satisfied, violated, pending or waived."),
        FieldSpec("reason", .text, "insufficient, excess, late, overdue, closed, paused, no-prior, missing, gap."),
        FieldSpec("unit", .identifier, "The unit id."),
        FieldSpec("rule", .identifier, "The rule id (when a test runs several rules)."),
        FieldSpec("period", .text, "Period label, trigger/target date, or gap a/b."),
        FieldSpec("ref", .text, "The trigger's or target's ref."),
        FieldSpec("due", .optionalDate, "The due date; null: the finding has none (a paused case)."),
        FieldSpec("days_late", .integer(minimum: 0), "Days late or overdue."),
        FieldSpec("expected", .scalar, "Frequency: the bound at stake; ratio: the threshold in percent (85, 57.5)."),
        FieldSpec("actual", .scalar, "Frequency: the count; ratio: the share in percent, one decimal (66.7)."),
        FieldSpec("events", .list(.identifier), "Evidence event ids, in order."),
        FieldSpec("distance_days", .identifier, "Precedence: target date − nearest candidate date (may be negative)."),
        FieldSpec("waiver", .integer(minimum: 1), "The index of the waiver that waived it."),
    ]

    /// Keys of `expect`.
    public static let expectFields = [
        FieldSpec("exact", .boolean, "The findings listed are all there are (default true)."),
        FieldSpec("include_satisfied", .boolean, "Compare satisfied findings too (default false)."),
        FieldSpec("findings", .list(.object(findingFields)), required: true, "The findings expected."),
    ]

    /// Keys of one test.
    public static let testFields = [
        FieldSpec("name", .text, required: true, "What the test shows."),
        FieldSpec("rule", .scalarOrList, required: true, "The rule id(s) under test."),
        FieldSpec("as_of", .date, required: true, "The evaluation date."),
        FieldSpec("from", .date, "Evaluate nothing before this date."),
        FieldSpec("to", .date, "Evaluate nothing after this date."),
        FieldSpec("units", .list(.reference("unit")), "Units for this test (default: the file's)."),
        FieldSpec("events", .list(.dictionary(.scalar)), "The timeline: one map per event (id, unit, type, date, …)."),
        FieldSpec("expect", .object(expectFields), required: true, "The findings expected."),
    ]

    /// Top-level keys of a rule-test file.
    public static let fileFields = [
        FieldSpec("rules", .scalarOrList, required: true, "Rule files or folders, relative to this file."),
        FieldSpec("vocabulary", .text, "A vocabulary file, relative to this file."),
        FieldSpec("calendar", .text, "A calendar file, relative to this file."),
        FieldSpec("units", .list(.reference("unit")), "Units shared by every test."),
        FieldSpec("tests", .list(.object(testFields)), required: true, "The tests."),
    ]
}
