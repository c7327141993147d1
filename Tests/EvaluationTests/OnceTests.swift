import ComplianceCore
import ComplianceTestSupport
import Evaluation
import Testing

private let disseminate = "kind: once\nevent: { type: directive-disseminated }\nby: 2022-03-31"

private func unitLife(_ life: String) -> String {
    "units:\n  - { id: x1, name: \"x1\", level: commune, kind: people-committee, parent: null, tags: [], \(life) }\n"
}

private let onceCases: [Case] = [
    Case(
        name: "from defaults to effective.from: an earlier event does not count",
        body: disseminate, rows: ["e0,x1,directive-disseminated,2022-02-01"], asOf: "2022-04-05",
        expected: ["violated missing due 2022-03-31 +5"], effective: "{ from: 2022-02-09 }", header: "id,unit,type,date"
    ),
    Case(
        name: "an event on the by date is in time",
        body: disseminate, rows: ["e1,x1,directive-disseminated,2022-03-31"], asOf: "2022-04-05",
        expected: ["satisfied due 2022-03-31 [e1]"], effective: "{ from: 2022-02-09 }", header: "id,unit,type,date"),
    Case(
        name: "an event after by is late (by is never rolled, even on a Sunday)",
        body: "kind: once\nevent: { type: directive-disseminated }\nby: 2022-04-03",
        rows: ["e1,x1,directive-disseminated,2022-04-04"], asOf: "2022-04-05",
        expected: ["violated late due 2022-04-03 +1 [e1]"], effective: "{ from: 2022-02-09 }",
        header: "id,unit,type,date"),
    Case(
        name: "the earliest event on or after from decides",
        body: disseminate,
        rows: ["e2,x1,directive-disseminated,2022-04-03", "e1,x1,directive-disseminated,2022-03-20"],
        asOf: "2022-04-05", expected: ["satisfied due 2022-03-31 [e1]"], effective: "{ from: 2022-02-09 }",
        header: "id,unit,type,date"),
    Case(
        name: "pending while the as-of date is on or before by",
        body: disseminate, rows: [], asOf: "2022-03-31", expected: ["pending due 2022-03-31"],
        effective: "{ from: 2022-02-09 }", header: "id,unit,type,date"),
    Case(
        name: "nothing before from",
        body: disseminate, rows: [], asOf: "2022-02-08", expected: [], effective: "{ from: 2022-02-09 }",
        header: "id,unit,type,date"),
    Case(
        name: "an explicit from excludes earlier events",
        body: disseminate + "\nfrom: 2022-03-01",
        rows: ["e0,x1,directive-disseminated,2022-02-20", "e1,x1,directive-disseminated,2022-03-01"],
        asOf: "2022-04-05", expected: ["satisfied due 2022-03-31 [e1]"], effective: "{ from: 2022-02-09 }",
        header: "id,unit,type,date"),
    Case(
        name: "a unit that starts after by has no finding",
        body: disseminate, rows: [], asOf: "2022-06-01", expected: [], effective: "{ from: 2022-02-09 }",
        units: unitLife("from: 2022-05-01"), header: "id,unit,type,date"),
    Case(
        name: "a unit that ended before from has no finding",
        body: disseminate, rows: [], asOf: "2022-06-01", expected: [], effective: "{ from: 2022-02-09 }",
        units: unitLife("to: 2022-01-31"), header: "id,unit,type,date"),
    Case(
        name: "a unit that exists on some day of [from, by] is evaluated",
        body: disseminate, rows: [], asOf: "2022-06-01", expected: ["violated missing due 2022-03-31 +62"],
        effective: "{ from: 2022-02-09 }", units: unitLife("to: 2022-02-15"), header: "id,unit,type,date"),
    Case(
        name: "by outside the effective range: no finding",
        body: disseminate, rows: [], asOf: "2022-06-01", expected: [],
        effective: "{ from: 2022-02-09, to: 2022-03-15 }", header: "id,unit,type,date"),
]

@Test(arguments: onceCases)
func once(_ c: Case) {
    c.check()
}

@Test(
    arguments: [
        ("2022-03-01", "2022-03-31", ["violated missing due 2022-03-31 +65"]),
        ("2022-04-01", nil, []),
        (nil, "2022-03-30", []),
        (nil, "2022-12-31", ["violated missing due 2022-03-31 +65"]),
    ] as [(String?, String?, [String])])
func onceRespectsFromTo(from: String?, to: String?, expected: [String]) {
    let outcome = evaluate(
        rules: ruleYAML(effective: "{ from: 2022-02-09 }", kindBody: disseminate), log: "id,unit,type,date\n",
        asOf: "2022-06-04"
    ) {
        $0.from = from.map(day)
        $0.to = to.map(day)
    }
    #expect(outcome.all == expected)
}
