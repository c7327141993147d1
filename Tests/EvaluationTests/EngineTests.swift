import ComplianceCore
import ComplianceTestSupport
import Evaluation
import Testing

private let tree = """
    units:
      - { id: p, name: "P", level: district, kind: party-committee, parent: null, tags: [] }
      - { id: p.a, name: "P.A", level: commune, kind: people-committee, parent: p, tags: [] }
      - { id: p.a.c, name: "P.A.C", level: cell, kind: party-cell, parent: p.a, tags: [] }
      - { id: q, name: "Q", level: district, kind: party-committee, parent: null, tags: [] }
      - { id: q.a, name: "Q.A", level: commune, kind: people-committee, parent: q, tags: [] }

    """

private let twoRules =
    ruleYAML(
        id: "A", effective: "{ from: 2023-01-02 }",
        kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: week\nat_least: 1")
    + ruleYAML(
        id: "B", effective: "{ from: 2023-01-01 }",
        kindBody: "kind: frequency\nevent: { type: dialogue }\nper: month\nat_least: 1"
    ).replacingOccurrences(of: "rules:\n", with: "")

@Test func unitOptionKeepsTheUnitAndItsDescendants() {
    let outcome = evaluate(rules: twoRules, log: "id,unit,type,date\n", units: tree, asOf: "2023-01-09") {
        $0.units = ["p.a"]
    }
    #expect(Set(outcome.evaluation.findings.map(\.unit)) == ["p.a", "p.a.c"])
    #expect(outcome.evaluation.summary.units == 2)
    #expect(outcome.evaluation.summary.rules == 2)
}

@Test func ruleOptionFiltersRulesAndSummaryCountsThem() {
    let all = evaluate(rules: twoRules, log: "id,unit,type,date\n", units: tree, asOf: "2023-01-09")
    #expect(all.evaluation.summary.rules == 2)
    #expect(all.evaluation.summary.units == 5)
    let onlyB = evaluate(rules: twoRules, log: "id,unit,type,date\n", units: tree, asOf: "2023-01-09") {
        $0.rules = ["B"]
    }
    #expect(Set(onlyB.evaluation.findings.map(\.rule)) == ["B"])
    #expect(onlyB.evaluation.summary.rules == 1)
    #expect(onlyB.evaluation.summary.evaluated == 5)
    #expect(
        onlyB.evaluation.matrix.map { "\($0.rule) \($0.unit) \($0.pending)" } == [
            "B p 1", "B p.a 1", "B p.a.c 1", "B q 1", "B q.a 1",
        ])
}

@Test func summaryUnitsCountsOnlyUnitsWithAnApplicableRule() {
    let rules = ruleYAML(
        id: "A", effective: "{ from: 2023-01-02 }", extra: "applies_to: { level: commune }",
        kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: week\nat_least: 1")
    let outcome = evaluate(rules: rules, log: "id,unit,type,date\n", units: tree, asOf: "2023-01-09")
    #expect(outcome.evaluation.summary.units == 2)
    #expect(Set(outcome.evaluation.findings.map(\.unit)) == ["p.a", "q.a"])
    let s = outcome.evaluation.summary
    #expect(s.evaluated == s.satisfied + s.violated + s.pending + s.waived)
    #expect(s.evaluated == 4)
}

@Test func findingsAreOrderedByUnitRuleDateAndEventIdInCodePointOrder() {
    // Unit ids and rule ids chosen so code-point order differs from a case-insensitive or natural order.
    let units = """
        units:
          - { id: a_b, name: "1", level: commune, kind: people-committee, parent: null, tags: [] }
          - { id: a.b, name: "2", level: commune, kind: people-committee, parent: null, tags: [] }
          - { id: a-b, name: "3", level: commune, kind: people-committee, parent: null, tags: [] }
          - { id: a0, name: "4", level: commune, kind: people-committee, parent: null, tags: [] }

        """
    let deadline =
        "kind: deadline\ntrigger: { type: complaint-accepted }\nfulfil: { type: complaint-resolved }\nkey: [ref]\nwithin: 30 days"
    let rules =
        ruleYAML(id: "r_1", kindBody: deadline)
        + ruleYAML(id: "R-2", kindBody: deadline).replacingOccurrences(of: "rules:\n", with: "")
        + ruleYAML(id: "R1", kindBody: deadline).replacingOccurrences(of: "rules:\n", with: "")
    let log = """
        id,unit,type,date,ref
        t-9,a-b,complaint-accepted,2023-03-01,K1
        t-10,a-b,complaint-accepted,2023-03-01,K2
        T1,a-b,complaint-accepted,2023-03-01,K3
        t_1,a-b,complaint-accepted,2023-03-01,K4
        u1,a-b,complaint-accepted,2023-02-01,K5
        v1,a0,complaint-accepted,2023-02-01,K6
        w1,a.b,complaint-accepted,2023-02-01,K7
        z1,a_b,complaint-accepted,2023-02-01,K8

        """
    let outcome = evaluate(rules: rules, log: log, units: units, asOf: "2023-03-05")
    let order = outcome.evaluation.findings.map { "\($0.unit) \($0.rule) \($0.events[0])" }
    var expected: [String] = []
    for unit in ["a-b", "a.b", "a0", "a_b"] {
        for rule in ["R-2", "R1", "r_1"] {
            switch unit {
            case "a-b": expected += ["u1", "T1", "t-10", "t-9", "t_1"].map { "\(unit) \(rule) \($0)" }
            case "a.b": expected.append("\(unit) \(rule) w1")
            case "a0": expected.append("\(unit) \(rule) v1")
            default: expected.append("\(unit) \(rule) z1")
            }
        }
    }
    #expect(order == expected)
}

@Test func evaluationIsDeterministicAndFingerprintsAreStable() {
    let rules =
        twoRules
        + ruleYAML(
            id: "G", effective: "{ from: 2023-01-02 }",
            kindBody: "kind: regularity\nevent: { type: citizen-reception }\nmax_gap: 5 days"
        ).replacingOccurrences(of: "rules:\n", with: "")
    let log = "id,unit,type,date\ne1,p,citizen-reception,2023-01-03\ne2,q.a,dialogue,2023-01-04\n"
    func run() -> [String] {
        evaluate(rules: rules, log: log, units: tree, asOf: "2023-02-20").evaluation.findings.map {
            "\($0.unit) \($0.rule) \(brief($0)) \($0.fingerprint) \($0.message)"
        }
    }
    let first = run()
    #expect(first.count > 20)
    for _ in 0..<3 { #expect(run() == first) }
}

@Test func fingerprintsDifferForDifferentItemsAndMatchForTheSameItem() {
    let rules = ruleYAML(
        id: "A", effective: "{ from: 2023-01-02 }",
        kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: week\nat_least: 1")
    let early = evaluate(rules: rules, log: "id,unit,type,date\n", asOf: "2023-01-17").evaluation.findings
    let later = evaluate(
        rules: rules, log: "id,unit,type,date\ne1,x1,citizen-reception,2023-01-03\n", asOf: "2023-02-17"
    ).evaluation.findings
    #expect(early.count == 3)
    let prints = early.map(\.fingerprint)
    #expect(Set(prints).count == prints.count)
    #expect(prints.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
    // The same period keeps its fingerprint across runs, even when its status changes.
    let byPeriod = Dictionary(uniqueKeysWithValues: later.map { ($0.period ?? "", $0.fingerprint) })
    for f in early { #expect(byPeriod[f.period ?? ""] == f.fingerprint) }
}

@Test func fingerprintsDifferBetweenUnitsAndRules() {
    let outcome = evaluate(rules: twoRules, log: "id,unit,type,date\n", units: tree, asOf: "2023-01-09")
    let prints = outcome.evaluation.findings.map(\.fingerprint)
    #expect(prints.count == 15)
    #expect(Set(prints).count == prints.count)
}

@Test func messagesFollowTheProjectLanguageAndTheTemplate() {
    let rules = ruleYAML(
        id: "M", effective: "{ from: 2023-01-02 }",
        extra:
            "message: { vi: \"{unit.id} có {actual}/{expected} kỳ {period}\", en: \"{unit.name}: {actual} of {expected} in {period}, due {due}\" }",
        kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: week\nat_least: 2")
    let english = evaluate(rules: rules, log: "id,unit,type,date\n", asOf: "2023-01-09")
    #expect(english.evaluation.findings.first?.message == "x1: 0 of 2 in 2023-W01, due 2023-01-08")
    let vietnamese = evaluate(rules: rules, log: "id,unit,type,date\n", asOf: "2023-01-09") { $0.language = .vi }
    #expect(vietnamese.evaluation.findings.first?.message == "x1 có 0/2 kỳ tuần 01/2023 (02/01–08/01/2023)")
}
