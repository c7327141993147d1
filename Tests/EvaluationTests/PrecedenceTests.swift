import ComplianceCore
import ComplianceTestSupport
import Evaluation
import Testing

private func precedence(lead: String = "{ min: 0 days, max: 90 days }", key: Bool = true, scope: String? = nil)
    -> String
{
    var body = "kind: precedence\ntarget: { type: decision }\nrequires: { type: mttq-consultation }\n"
    if key { body += "key: [ref]\n" }
    body += "lead: \(lead)"
    if let scope { body += "\nscope: \(scope)" }
    return body
}

private let twoUnits = """
    units:
      - { id: x1, name: "x1", level: commune, kind: people-committee, parent: null, tags: [] }
      - { id: x2, name: "x2", level: commune, kind: mttq, parent: null, tags: [] }

    """

private func target(_ rows: String...) -> [String] { ["t,x1,decision,2023-06-30,K"] + rows }

private let precedenceCases: [Case] = [
    Case(
        name: "requires exactly max days before is inside the lead window",
        body: precedence(), rows: target("c,x1,mttq-consultation,2023-04-01,K"), asOf: "2023-07-31",
        expected: ["satisfied 2023-06-30 ref K [t,c]"]),
    Case(
        name: "max + 1 days before is outside; it is the nearest candidate",
        body: precedence(), rows: target("c,x1,mttq-consultation,2023-03-31,K"), asOf: "2023-07-31",
        expected: ["violated no-prior 2023-06-30 dist 91 ref K [t,c]"]),
    Case(
        name: "same day with min 0 is inside",
        body: precedence(), rows: target("c,x1,mttq-consultation,2023-06-30,K"), asOf: "2023-07-31",
        expected: ["satisfied 2023-06-30 ref K [t,c]"]),
    Case(
        name: "same day with min 1 is outside (distance 0)",
        body: precedence(lead: "{ min: 1 days, max: 90 days }"), rows: target("c,x1,mttq-consultation,2023-06-30,K"),
        asOf: "2023-07-31", expected: ["violated no-prior 2023-06-30 dist 0 ref K [t,c]"]),
    Case(
        name: "min 1: the day before is inside",
        body: precedence(lead: "{ min: 1 days, max: 90 days }"), rows: target("c,x1,mttq-consultation,2023-06-29,K"),
        asOf: "2023-07-31", expected: ["satisfied 2023-06-30 ref K [t,c]"]),
    Case(
        name: "a candidate after the target never satisfies; distance is negative",
        body: precedence(), rows: target("c,x1,mttq-consultation,2023-07-05,K"), asOf: "2023-07-31",
        expected: ["violated no-prior 2023-06-30 dist -5 ref K [t,c]"]),
    Case(
        name: "nearest by absolute distance: 3 days after beats 95 days before",
        body: precedence(),
        rows: target("c1,x1,mttq-consultation,2023-03-27,K", "c2,x1,mttq-consultation,2023-07-03,K"),
        asOf: "2023-07-31", expected: ["violated no-prior 2023-06-30 dist -3 ref K [t,c2]"]),
    Case(
        name: "equal distance: the earlier date wins",
        body: precedence(lead: "{ max: 10 days }"),
        rows: target("c2,x1,mttq-consultation,2023-07-15,K", "c1,x1,mttq-consultation,2023-06-15,K"),
        asOf: "2023-07-31", expected: ["violated no-prior 2023-06-30 dist 15 ref K [t,c1]"]),
    Case(
        name: "equal date before: the smaller id wins",
        body: precedence(lead: "{ max: 10 days }"),
        rows: target("cb,x1,mttq-consultation,2023-06-15,K", "ca,x1,mttq-consultation,2023-06-15,K"),
        asOf: "2023-07-31", expected: ["violated no-prior 2023-06-30 dist 15 ref K [t,ca]"]),
    Case(
        name: "equal date after: the smaller id wins",
        body: precedence(lead: "{ max: 10 days }"),
        rows: target("cz,x1,mttq-consultation,2023-07-15,K", "cy,x1,mttq-consultation,2023-07-15,K"),
        asOf: "2023-07-31", expected: ["violated no-prior 2023-06-30 dist -15 ref K [t,cy]"]),
    Case(
        name: "no candidate at all: no distance",
        body: precedence(), rows: target(), asOf: "2023-07-31",
        expected: ["violated no-prior 2023-06-30 ref K [t]"]),
    Case(
        name: "a candidate with another key is no candidate",
        body: precedence(), rows: target("c,x1,mttq-consultation,2023-06-01,L"), asOf: "2023-07-31",
        expected: ["violated no-prior 2023-06-30 ref K [t]"]),
    Case(
        name: "without key any requires event counts",
        body: precedence(key: false), rows: target("c,x1,mttq-consultation,2023-06-01,L"), asOf: "2023-07-31",
        expected: ["satisfied 2023-06-30 ref K [t,c]"]),
    Case(
        name: "one requires event satisfies several targets",
        body: precedence(),
        rows: target("t2,x1,decision,2023-07-10,K", "c,x1,mttq-consultation,2023-06-01,K"), asOf: "2023-07-31",
        expected: ["satisfied 2023-06-30 ref K [t,c]", "satisfied 2023-07-10 ref K [t2,c]"]),
    Case(
        name: "same-unit scope ignores another unit's requires event",
        body: precedence(), rows: target("c,x2,mttq-consultation,2023-06-01,K"), asOf: "2023-07-31",
        expected: ["violated no-prior 2023-06-30 ref K [t]"], units: twoUnits),
    Case(
        name: "any-unit scope counts another unit's requires event",
        body: precedence(scope: "any-unit"), rows: target("c,x2,mttq-consultation,2023-06-01,K"), asOf: "2023-07-31",
        expected: ["satisfied 2023-06-30 ref K [t,c]"], units: twoUnits),
    Case(
        name: "working-day lead: the 5th working day before, across Tết and a make-up Saturday, is inside",
        body: precedence(lead: "{ max: 5 working days }"),
        rows: ["t,x1,decision,2023-01-30,K", "c,x1,mttq-consultation,2023-01-17,K"], asOf: "2023-02-10",
        expected: ["satisfied 2023-01-30 ref K [t,c]"], calendar: tetCalendar2023),
    Case(
        name: "working-day lead: one working day earlier is outside (distance in calendar days)",
        body: precedence(lead: "{ max: 5 working days }"),
        rows: ["t,x1,decision,2023-01-30,K", "c,x1,mttq-consultation,2023-01-16,K"], asOf: "2023-02-10",
        expected: ["violated no-prior 2023-01-30 dist 14 ref K [t,c]"], calendar: tetCalendar2023),
    Case(
        name: "targets before the window or after the as-of date make no finding",
        body: precedence(),
        rows: ["t0,x1,decision,2022-12-30,K", "t,x1,decision,2023-06-30,K", "c,x1,mttq-consultation,2023-06-01,K"],
        asOf: "2023-07-31", expected: ["satisfied 2023-06-30 ref K [t,c]"]),
]

@Test(arguments: precedenceCases)
func precedence(_ c: Case) {
    c.check()
}

@Test func precedenceMissingKeyIsCounted() {
    let outcome = evaluate(
        rules: ruleYAML(kindBody: precedence()),
        log: "id,unit,type,date,ref\nt,x1,decision,2023-06-30,\nc,x1,mttq-consultation,2023-06-01,K\n",
        asOf: "2023-07-31")
    #expect(outcome.all.isEmpty)
    #expect(outcome.evaluation.missingKeys == 1)
    #expect(outcome.diagnostics("precedence.missing-key").count == 1)
    #expect(outcome.diagnostics("precedence.missing-key").first?.level == .error)
}
