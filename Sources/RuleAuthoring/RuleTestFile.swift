import ComplianceCore
import NodeDecoding

/// The rule-test file format: rules under test, units, a calendar, and tests — each a short timeline of events, an as-of date and the findings expected.
///
/// Its keys are also the JSON Schema's.
public enum RuleTestFormat {
    /// The finding fields a rule test can expect, in the format's order (`FindingField`).
    public static let expectedFields = FindingField.order(
        .ruleTests,
        placed: [
            .status, .reason, .unit, .rule, .period, .ref, .due, .daysLate, .expected, .actual, .events, .distanceDays,
            .waiver,
        ])

    /// Keys of one expected finding; every key given must equal the finding's value.
    public static let findingFields = expectedFields.map { FieldSpec($0.name, shape(of: $0), $0.summary) }

    /// What a test may write for a field: what the finding holds, as YAML gives it.
    static func shape(of field: FindingField) -> ValueShape {
        switch field {
        case .status: .oneOf(Finding.Status.allCases.map(\.rawValue))
        case .due: .optionalDate
        case .daysLate: .integer(minimum: 0)
        case .waiver: .integer(minimum: 1)
        // Frequency counts and ratio percentages (57.5) alike.
        case .expected, .actual: .scalar
        // May be negative, which the integer shape with a minimum would not say.
        case .distanceDays, .unit, .rule: .identifier
        default:
            switch field.type {
            case .text, .counts: .text
            case .integer, .number: .scalar
            case .date: .optionalDate
            case .list: .list(.identifier)
            }
        }
    }

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
