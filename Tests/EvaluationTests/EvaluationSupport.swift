import ComplianceCore
import ComplianceTestSupport
import Evaluation
import Testing

/// One flat commune-level unit `x1`, the registry most evaluation tests need.
let oneUnit = "units:\n  - { id: x1, name: \"x1\", level: commune, kind: people-committee, parent: null, tags: [] }\n"

/// Writes a throw-away project with these files and evaluates it as `dvcheck check` would.
///
/// `log` is a whole CSV file (header included); `calendar` and `waivers` are written and named in
/// `dvcheck.yaml` when given. The inputs must be valid: a loading error fails the calling test.
func evaluate(
    rules: String, log: String, units: String = oneUnit, calendar: String? = nil, waivers: String? = nil,
    asOf: String, configure: (inout RunOptions) -> Void = { _ in },
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> CheckOutcome {
    let p = TestProject()
    var extra = ""
    if let calendar {
        p.write("calendar.yaml", calendar)
        extra += "calendar: calendar.yaml\n"
    }
    if let waivers {
        p.write("waivers.yaml", waivers)
        extra += "waivers: waivers.yaml\n"
    }
    p.standardConfig(extra: extra)
    p.write("units.yaml", units)
    p.write("rules/r.yaml", rules)
    p.write("logs/events.csv", log)
    let outcome = p.check(asOf: day(asOf), configure: configure)
    #expect(
        outcome.project.inputsValid,
        "inputs invalid: \(outcome.diagnostics.map { "\($0.code) \($0.message)" })", sourceLocation: sourceLocation)
    let rejected = outcome.project.logFiles.reduce(0) { $0 + $1.rejected }
    #expect(rejected == 0, "rejected records: \(outcome.diagnostics.map(\.message))", sourceLocation: sourceLocation)
    return outcome
}

/// A one-line summary of a finding, so tables can state every field that matters at a glance.
///
/// Form: `status [reason] [period] [due D] [actual/expected] [+days_late] [dist N] [ref R] [[events]]
/// [waiver N]`; fields that do not apply are left out, as in the JSON report.
func brief(_ f: Finding) -> String {
    var parts = [f.status.rawValue]
    if let r = f.reason { parts.append(r) }
    if let p = f.period { parts.append(p) }
    if let d = f.due { parts.append("due \(d)") }
    if let a = f.actual, let e = f.expected { parts.append("\(a)/\(e)") }
    if let l = f.daysLate { parts.append("+\(l)") }
    if let d = f.distanceDays { parts.append("dist \(d)") }
    if let r = f.ref { parts.append("ref \(r)") }
    if !f.events.isEmpty { parts.append("[" + f.events.joined(separator: ",") + "]") }
    if let w = f.waiver { parts.append("waiver \(w)") }
    return parts.joined(separator: " ")
}

extension CheckOutcome {
    /// Every finding (satisfied included) in report order, as `brief` lines.
    var all: [String] { evaluation.findings.map(brief) }

    /// Every finding as `unit rule brief` lines, for tests with several units or rules.
    var allWithOwners: [String] { evaluation.findings.map { "\($0.unit) \($0.rule) " + brief($0) } }

    /// Diagnostic codes in the order they were produced.
    var codes: [String] { diagnostics.map(\.code) }
}

/// A table row: a name for the test report, the inputs, and the findings expected.
struct Case: CustomTestStringConvertible, Sendable {
    /// Shown in the test report.
    let name: String
    /// The kind-specific part of the rule (common fields are added by `ruleYAML`).
    let body: String
    /// CSV rows after the header.
    let rows: [String]
    /// Evaluation date.
    let asOf: String
    /// `brief` lines of every finding, satisfied included, in report order.
    let expected: [String]
    /// The rule's `effective` map.
    var effective = "{ from: 2023-01-01 }"
    /// Extra common rule lines (for example `partial_periods: evaluate`).
    var extra = ""
    /// The units file.
    var units = oneUnit
    /// The CSV header.
    var header = "id,unit,type,date,ref"
    /// A calendar file, if any.
    var calendar: String?

    var testDescription: String { name }

    /// Evaluates the case and checks every finding.
    func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let outcome = evaluate(
            rules: ruleYAML(effective: effective, extra: extra, kindBody: body),
            log: ([header] + rows).joined(separator: "\n") + "\n", units: units, calendar: calendar, asOf: asOf,
            sourceLocation: sourceLocation)
        #expect(outcome.all == expected, sourceLocation: sourceLocation)
    }
}

/// A 2023 calendar with the Tết block (20–26 January) and one make-up Saturday (28 January).
let tetCalendar2023 = """
    weekend: [saturday, sunday]
    roll_forward: true
    covers: { from: 2023-01-01, to: 2023-12-31 }
    holidays:
      - { date: 2023-01-02, name: Nghỉ bù Tết Dương lịch }
      - { from: 2023-01-20, to: 2023-01-26, name: Tết Nguyên đán }
    working_days: [2023-01-28]

    """
