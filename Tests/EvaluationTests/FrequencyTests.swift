import ComplianceCore
import ComplianceTestSupport
import Evaluation
import Testing

private let weekly = """
    kind: frequency
    event: { type: citizen-reception }
    per: week
    at_least: 2
    at_most: 3
    """

private func unit(to: String) -> String {
    "units:\n  - { id: x1, name: \"x1\", level: commune, kind: people-committee, parent: null, tags: [], to: \(to) }\n"
}

private let frequencyCases: [Case] = [
    Case(
        name:
            "closed weeks: insufficient, satisfied (expected = at_least), excess (expected = at_most); open week pending",
        body: weekly,
        rows: [
            "a1,x1,citizen-reception,2023-01-03,", "b1,x1,citizen-reception,2023-01-09,",
            "b2,x1,citizen-reception,2023-01-15,", "c1,x1,citizen-reception,2023-01-16,",
            "c2,x1,citizen-reception,2023-01-17,", "c3,x1,citizen-reception,2023-01-18,",
            "c4,x1,citizen-reception,2023-01-22,",
        ],
        asOf: "2023-01-23",
        expected: [
            "violated insufficient 2023-W01 due 2023-01-08 1/2 [a1]",
            "satisfied 2023-W02 due 2023-01-15 2/2 [b1,b2]",
            "violated excess 2023-W03 due 2023-01-22 4/3 [c1,c2,c3,c4]",
            "pending 2023-W04 due 2023-01-29 0/2",
        ],
        effective: "{ from: 2023-01-02 }"),
    Case(
        name: "a period whose last day is the as-of date is still open (pending, not insufficient)",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: week\nat_least: 1",
        rows: [], asOf: "2023-01-08",
        expected: ["pending 2023-W01 due 2023-01-08 0/1"], effective: "{ from: 2023-01-02 }"),
    Case(
        name: "the day after, the same period is closed and insufficient",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: week\nat_least: 1",
        rows: [], asOf: "2023-01-09",
        expected: ["violated insufficient 2023-W01 due 2023-01-08 0/1", "pending 2023-W02 due 2023-01-15 0/1"],
        effective: "{ from: 2023-01-02 }"),
    Case(
        name: "excess is reported at once in an open period",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_most: 1",
        rows: ["e1,x1,citizen-reception,2023-01-03,", "e2,x1,citizen-reception,2023-01-05,"], asOf: "2023-01-10",
        expected: ["violated excess 2023-01 due 2023-01-31 2/1 [e1,e2]"]),
    Case(
        name: "open period with at_least already met is satisfied",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_least: 1",
        rows: ["e1,x1,citizen-reception,2023-01-03,"], asOf: "2023-01-10",
        expected: ["satisfied 2023-01 due 2023-01-31 1/1 [e1]"]),
    Case(
        name: "at_most alone: open period under the bound is satisfied and expected is at_most",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_most: 2",
        rows: ["e1,x1,citizen-reception,2023-01-03,"], asOf: "2023-01-10",
        expected: ["satisfied 2023-01 due 2023-01-31 1/2 [e1]"]),
    Case(
        name: "at_most 0 in a closed period",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_most: 0",
        rows: ["e1,x1,citizen-reception,2023-01-03,"], asOf: "2023-02-01",
        expected: ["violated excess 2023-01 due 2023-01-31 1/0 [e1]", "satisfied 2023-02 due 2023-02-28 0/0"]),
    Case(
        name: "events after the as-of date are not counted",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_least: 2",
        rows: ["e1,x1,citizen-reception,2023-01-03,", "e2,x1,citizen-reception,2023-01-20,"], asOf: "2023-01-10",
        expected: ["pending 2023-01 due 2023-01-31 1/2 [e1]"]),
    Case(
        name: "distinct counts distinct values and ignores events without the field",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_least: 2\ndistinct: ref",
        rows: [
            "e1,x1,citizen-reception,2023-01-03,A", "e2,x1,citizen-reception,2023-01-04,A",
            "e3,x1,citizen-reception,2023-01-05,",
        ],
        asOf: "2023-02-01",
        expected: ["violated insufficient 2023-01 due 2023-01-31 1/2 [e1,e2]", "pending 2023-02 due 2023-02-28 0/2"]),
    Case(
        name: "distinct with at_most",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_most: 1\ndistinct: ref",
        rows: [
            "e1,x1,citizen-reception,2023-01-03,A", "e2,x1,citizen-reception,2023-01-04,A",
            "e3,x1,citizen-reception,2023-01-05,B",
        ],
        asOf: "2023-01-31",
        expected: ["violated excess 2023-01 due 2023-01-31 2/1 [e1,e2,e3]"]),
    Case(
        name: "mid-week effective date: the cut week is skipped by default",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: week\nat_least: 1",
        rows: ["e0,x1,citizen-reception,2023-01-03,"], asOf: "2023-01-17",
        expected: ["violated insufficient 2023-W02 due 2023-01-15 0/1", "pending 2023-W03 due 2023-01-22 0/1"],
        effective: "{ from: 2023-01-04 }"),
    Case(
        name: "partial_periods evaluate: the cut week counts as a whole, events before the effective date included",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: week\nat_least: 1",
        rows: ["e0,x1,citizen-reception,2023-01-03,"], asOf: "2023-01-17",
        expected: [
            "satisfied 2023-W01 due 2023-01-08 1/1 [e0]", "violated insufficient 2023-W02 due 2023-01-15 0/1",
            "pending 2023-W03 due 2023-01-22 0/1",
        ],
        effective: "{ from: 2023-01-04 }", extra: "partial_periods: evaluate"),
    Case(
        name: "ISO week-year: 2024-12-30 starts 2025-W01",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: week\nat_least: 1",
        rows: [], asOf: "2025-01-06",
        expected: ["violated insufficient 2025-W01 due 2025-01-05 0/1", "pending 2025-W02 due 2025-01-12 0/1"],
        effective: "{ from: 2024-12-30 }"),
    Case(
        name: "unit abolished on 2025-06-30: Q1 and Q2 evaluated, nothing after",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: quarter\nat_least: 1",
        rows: ["e1,x1,citizen-reception,2025-02-10,"], asOf: "2026-01-15",
        expected: ["satisfied 2025-Q1 due 2025-03-31 1/1 [e1]", "violated insufficient 2025-Q2 due 2025-06-30 0/1"],
        effective: "{ from: 2025-01-01 }", units: unit(to: "2025-06-30")),
    Case(
        name: "unit abolished on 2025-05-15: the cut Q2 is skipped",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: quarter\nat_least: 1",
        rows: ["e1,x1,citizen-reception,2025-02-10,"], asOf: "2026-01-15",
        expected: ["satisfied 2025-Q1 due 2025-03-31 1/1 [e1]"],
        effective: "{ from: 2025-01-01 }", units: unit(to: "2025-05-15")),
    Case(
        name: "unit abolished mid-year: the cut year is skipped",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: year\nat_least: 2",
        rows: ["e1,x1,citizen-reception,2025-02-10,"], asOf: "2026-01-15",
        expected: [], effective: "{ from: 2025-01-01 }", units: unit(to: "2025-06-30")),
    Case(
        name: "unit abolished mid-year with partial_periods evaluate: the year is evaluated whole",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: year\nat_least: 2",
        rows: ["e1,x1,citizen-reception,2025-02-10,"], asOf: "2026-01-15",
        expected: ["violated insufficient 2025 due 2025-12-31 1/2 [e1]"],
        effective: "{ from: 2025-01-01 }", extra: "partial_periods: evaluate", units: unit(to: "2025-06-30")),
    Case(
        name: "rule effective.to ending a half-year exactly keeps it; the next is not evaluated",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: half-year\nat_least: 1",
        rows: ["e1,x1,citizen-reception,2023-07-01,"], asOf: "2024-03-01",
        expected: ["violated insufficient 2023-H1 due 2023-06-30 0/1"],
        effective: "{ from: 2023-01-01, to: 2023-06-30 }"),
    Case(
        name: "where conditions select the counted events",
        body: "kind: frequency\nevent: { type: citizen-reception, where: { role: head } }\nper: month\nat_least: 1",
        rows: ["e1,x1,citizen-reception,2023-01-03,deputy", "e2,x1,citizen-reception,2023-02-03,head"],
        asOf: "2023-02-10",
        expected: ["violated insufficient 2023-01 due 2023-01-31 0/1", "satisfied 2023-02 due 2023-02-28 1/1 [e2]"],
        header: "id,unit,type,date,role"),
    Case(
        name: "per day labels",
        body: "kind: frequency\nevent: { type: citizen-reception }\nper: day\nat_least: 1",
        rows: ["e1,x1,citizen-reception,2023-01-02,"], asOf: "2023-01-03",
        expected: [
            "violated insufficient 2023-01-01 due 2023-01-01 0/1", "satisfied 2023-01-02 due 2023-01-02 1/1 [e1]",
            "pending 2023-01-03 due 2023-01-03 0/1",
        ]),
]

@Test(arguments: frequencyCases)
func frequency(_ c: Case) {
    c.check()
}

@Test func frequencyFromToOptionsNarrowTheWindow() {
    let rules = ruleYAML(
        effective: "{ from: 2023-01-02 }",
        kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: week\nat_least: 1")
    let log = "id,unit,type,date\ne1,x1,citizen-reception,2023-01-10\n"
    let narrowed = evaluate(rules: rules, log: log, asOf: "2023-03-01") {
        $0.from = day("2023-01-09")
        $0.to = day("2023-01-22")
    }
    #expect(
        narrowed.all == [
            "satisfied 2023-W02 due 2023-01-15 1/1 [e1]", "violated insufficient 2023-W03 due 2023-01-22 0/1",
        ])
    // A --from in mid-week cuts that week, which is then skipped.
    let cut = evaluate(rules: rules, log: log, asOf: "2023-03-01") {
        $0.from = day("2023-01-11")
        $0.to = day("2023-01-22")
    }
    #expect(cut.all == ["violated insufficient 2023-W03 due 2023-01-22 0/1"])
}

@Test func weeklyFrequencyReportsTheMissedWeek() {
    let p = TestProject().standardConfig().flatUnits(["x1"])
    p.write(
        "rules/r.yaml",
        ruleYAML(
            effective: "{ from: 2022-02-14 }",
            kindBody: """
                kind: frequency
                event: { type: citizen-reception }
                per: week
                at_least: 1
                """))
    p.write("logs/e.csv", "id,unit,type,date\ne1,x1,citizen-reception,2022-02-15\n")
    let outcome = p.check(asOf: day("2022-03-06"))
    #expect(outcome.project.inputsValid, "\(outcome.diagnostics)")
    #expect(
        outcome.reported.map { "\($0.status.rawValue) \($0.period ?? "")" } == [
            "violated 2022-W08", "pending 2022-W09",
        ])
}
