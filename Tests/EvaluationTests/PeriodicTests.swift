import ComplianceCore
import ComplianceTestSupport
import Evaluation
import Testing

private let halfYearReport = """
    kind: periodic
    event: { type: report-submitted }
    per: half-year
    due: { after: end, offset: 15 days }
    """

private let annualPlan = """
    kind: periodic
    event: { type: plan-issued }
    per: year
    due: { after: start, offset: 31 days }
    match_period: date
    """

private let periodicCases: [Case] = [
    Case(
        name: "label matching: in time (due rolled from Saturday), late, and a running period pending",
        body: halfYearReport,
        rows: ["r1,x1,report-submitted,2023-07-10,2023-H1", "r2,x1,report-submitted,2024-01-20,2023-H2"],
        asOf: "2024-02-01",
        expected: [
            "satisfied 2023-H1 due 2023-07-17 [r1]", "violated late 2023-H2 due 2024-01-15 +5 [r2]",
            "pending 2024-H1 due 2024-07-15",
        ],
        header: "id,unit,type,date,period"),
    Case(
        name: "label matching ignores the event's date: a July event labelled H1 delivers H1 only",
        body: halfYearReport,
        rows: ["r1,x1,report-submitted,2023-07-10,2023-H1"], asOf: "2023-08-01",
        expected: ["satisfied 2023-H1 due 2023-07-17 [r1]", "pending 2023-H2 due 2024-01-15"],
        header: "id,unit,type,date,period"),
    Case(
        name: "an event without a period label delivers nothing under label matching",
        body: halfYearReport,
        rows: ["r1,x1,report-submitted,2023-07-10,"], asOf: "2023-08-01",
        expected: ["violated missing 2023-H1 due 2023-07-17 +15", "pending 2023-H2 due 2024-01-15"],
        header: "id,unit,type,date,period"),
    Case(
        name: "pending on the due date, missing the day after",
        body: halfYearReport, rows: [], asOf: "2023-07-17",
        expected: ["pending 2023-H1 due 2023-07-17", "pending 2023-H2 due 2024-01-15"],
        header: "id,unit,type,date,period"),
    Case(
        name: "missing once the as-of date passes the due date",
        body: halfYearReport, rows: [], asOf: "2023-07-18",
        expected: ["violated missing 2023-H1 due 2023-07-17 +1", "pending 2023-H2 due 2024-01-15"],
        header: "id,unit,type,date,period"),
    Case(
        name: "the earliest matching event decides",
        body: halfYearReport,
        rows: ["late,x1,report-submitted,2023-08-01,2023-H1", "early,x1,report-submitted,2023-07-01,2023-H1"],
        asOf: "2023-08-05",
        expected: ["satisfied 2023-H1 due 2023-07-17 [early]", "pending 2023-H2 due 2024-01-15"],
        header: "id,unit,type,date,period"),
    Case(
        name: "a period not started by the as-of date is not evaluated",
        body: halfYearReport, rows: [], asOf: "2023-06-30",
        expected: ["pending 2023-H1 due 2023-07-17"], header: "id,unit,type,date,period"),
    Case(
        name: "date matching after start: in time and late",
        body: annualPlan,
        rows: ["p1,x1,plan-issued,2023-01-20", "p2,x1,plan-issued,2024-02-10"], asOf: "2024-03-01",
        expected: ["satisfied 2023 due 2023-02-01 [p1]", "violated late 2024 due 2024-02-01 +9 [p2]"],
        header: "id,unit,type,date"),
    Case(
        name: "a zero offset is rolled too (after start: Sunday 1 January → Monday)",
        body: "kind: periodic\nevent: { type: plan-issued }\nper: month\ndue: { after: start }\nmatch_period: date",
        rows: ["p1,x1,plan-issued,2023-01-02"], asOf: "2023-01-02",
        expected: ["satisfied 2023-01 due 2023-01-02 [p1]"], header: "id,unit,type,date"),
    Case(
        name: "a zero offset after end is rolled (Saturday 30 September → Monday)",
        body: "kind: periodic\nevent: { type: report-submitted }\nper: month",
        rows: [], asOf: "2023-10-02",
        expected: ["pending 2023-09 due 2023-10-02", "pending 2023-10 due 2023-10-31"],
        effective: "{ from: 2023-09-01 }", header: "id,unit,type,date,period"),
    Case(
        name: "a period cut by the effective date is skipped",
        body: halfYearReport, rows: [], asOf: "2023-08-01",
        expected: ["pending 2023-H2 due 2024-01-15"], effective: "{ from: 2023-03-01 }",
        header: "id,unit,type,date,period"),
    Case(
        name: "label comparison is textual after trimming",
        body: halfYearReport,
        rows: ["r1,x1,report-submitted,2023-07-10,\" 2023-H1 \""], asOf: "2023-08-01",
        expected: ["satisfied 2023-H1 due 2023-07-17 [r1]", "pending 2023-H2 due 2024-01-15"],
        header: "id,unit,type,date,period"),
]

@Test(arguments: periodicCases)
func periodic(_ c: Case) {
    c.check()
}
