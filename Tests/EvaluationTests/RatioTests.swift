import ComplianceCore
import ComplianceTestSupport
import Evaluation
import Testing

private let tree = """
    units:
      - { id: p, name: "Tỉnh", level: province, kind: people-committee, parent: null, tags: [] }
      - { id: p.h, name: "Huyện", level: district, kind: people-committee, parent: p, tags: [] }
      - { id: p.h.x, name: "Xã", level: commune, kind: people-committee, parent: p.h, tags: [] }
      - { id: q, name: "Xã Q", level: commune, kind: people-committee, parent: null, tags: [] }

    """

private let base = ruleYAML(
    id: "D", severity: "high",
    kindBody: """
        kind: deadline
        trigger: { type: complaint-accepted }
        fulfil: { type: complaint-resolved }
        key: [ref]
        within: 10 days
        """)

private func ratio(_ id: String = "K", appliesTo: String, extra: String = "") -> String {
    ruleYAML(
        id: id, extra: "applies_to: \(appliesTo)",
        kindBody: "kind: ratio\nof: D\nper: year\nat_least: 80%\n" + extra
    ).replacingOccurrences(of: "rules:\n", with: "")
}

/// Cases: (unit, accepted, resolved or nil, ref).
private func log(_ cases: [(String, String, String?, String)]) -> String {
    var lines = ["id,unit,type,date,ref"]
    for (i, c) in cases.enumerated() {
        lines.append("a\(i),\(c.0),complaint-accepted,\(c.1),\(c.3)")
        if let r = c.2 { lines.append("b\(i),\(c.0),complaint-resolved,\(r),\(c.3)") }
    }
    return lines.joined(separator: "\n") + "\n"
}

private func ratioBrief(_ f: Finding) -> String {
    guard let s = f.share else { return brief(f) }
    return [
        f.unit, f.status.rawValue, f.reason ?? "", f.period ?? "", "\(s.actual)/\(s.threshold)",
        "\(s.satisfied)+\(s.violated)+\(s.pending)",
    ].filter { !$0.isEmpty }.joined(separator: " ")
}

@Test(arguments: [
    (2, 3, 667), (1, 8, 125), (5, 8, 625), (1, 6, 167), (3, 4, 750), (0, 5, 0), (7, 7, 1000), (1, 3, 333),
])
func shareRoundsHalfUpToOneDecimal(part: Int, whole: Int, tenths: Int) {
    #expect(Tenths.percent(part, of: whole).tenths == tenths)
}

@Test func thresholdIsComparedExactly() {
    // 57.5% of 40 is 23: 23 of 40 meets it, 22 does not; 2 of 3 (66.66…%) is under 66.7%.
    #expect(Share(threshold: Tenths(tenths: 575), satisfied: 23, violated: 17, pending: 0).reachesThreshold)
    #expect(!Share(threshold: Tenths(tenths: 575), satisfied: 22, violated: 18, pending: 0).reachesThreshold)
    #expect(!Share(threshold: Tenths(tenths: 667), satisfied: 2, violated: 1, pending: 0).reachesThreshold)
    #expect(Share(threshold: Tenths(tenths: 0), satisfied: 0, violated: 3, pending: 0).reachesThreshold)
    #expect(Tenths(tenths: 575).description == "57.5" && Tenths(tenths: 850).description == "85")
}

@Test func subtreeRollsUpSelfDoesNotAndPendingItemsKeepAClosedPeriodPending() {
    let outcome = evaluate(
        rules: base + ratio("K-SELF", appliesTo: "{ level: commune }")
            + ratio("K-TREE", appliesTo: "{ level: province }")
            + ratio("K-H", appliesTo: "{ level: district }", extra: "over: subtree"),
        log: log([
            ("p.h.x", "2023-03-06", "2023-03-08", "A"), ("p.h.x", "2023-04-03", "2023-04-28", "B"),
            ("p.h", "2023-05-02", "2023-05-04", "C"), ("q", "2023-06-05", "2023-06-06", "E"),
            ("q", "2023-12-28", nil, "D"),
        ]),
        units: tree, asOf: "2024-01-05"
    ) { $0.rules = ["K-SELF", "K-TREE", "K-H"] }
    // K-TREE is over: self by default (p has no items of its own); q's 2023 is closed but its case D
    // (due 2024-01-08) is still pending, so its share may change.
    #expect(
        outcome.evaluation.findings.map(ratioBrief) == [
            "p.h violated below-ratio 2023 66.7/80 2+1+0", "p.h.x violated below-ratio 2023 50/80 1+1+0",
            "q pending 2023 100/80 1+0+1",
        ])
    #expect(outcome.evaluation.summary.rules == 3)
    #expect(Set(outcome.evaluation.matrix.map(\.rule)) == ["K-H", "K-SELF"])
}

@Test func baseRuleLeftOutByRuleCountsNowhereButIsStillRead() {
    let units = tree
    let rules = base + ratio(appliesTo: "{ level: province }", extra: "over: subtree")
    let cases = log([
        ("p.h.x", "2023-03-06", "2023-03-08", "A"), ("p.h.x", "2023-04-03", "2023-04-28", "B"),
        ("p.h", "2023-05-02", "2023-05-04", "C"), ("p.h", "2023-06-05", "2023-06-06", "E"),
    ])
    let only = evaluate(
        rules: rules, log: cases + "a9,p.h,complaint-accepted,2023-07-03,\n", units: units,
        asOf: "2024-01-05"
    ) { $0.rules = ["K"] }
    #expect(only.evaluation.findings.map(ratioBrief) == ["p violated below-ratio 2023 75/80 3+1+0"])
    #expect(only.evaluation.summary.rules == 1 && only.evaluation.summary.evaluated == 1)
    #expect(only.evaluation.matrix.map(\.rule) == ["K"])
    // The base rule's missing-key trigger (a9 has no ref) is not counted either.
    #expect(only.evaluation.missingKeys == 0)
    let both = evaluate(rules: rules, log: cases, units: units, asOf: "2024-01-05") { $0.rules = ["K", "D"] }
    #expect(both.evaluation.findings.filter { $0.rule == "D" }.count == 4)
    #expect(both.evaluation.summary.violated == 2)
}

@Test func waivedBaseItemsAreNotDecidedAndRatioFindingsAreWaivedByWholePeriod() {
    let waivers = """
        waivers:
          - { rule: D, units: [p.h.x], reason: "lũ", approved_by: "UBND", expires: 2030-12-31 }
          - { rule: K, periods: { from: 2024-01-01, to: 2024-12-31 }, reason: "x", approved_by: "y", expires: 2030-12-31 }

        """
    let outcome = evaluate(
        rules: base + ratio(appliesTo: "{ level: province }", extra: "over: subtree"),
        log: log([
            ("p.h.x", "2023-04-03", "2023-04-28", "B"), ("p.h", "2023-05-02", "2023-05-04", "C"),
            ("p.h", "2024-05-02", "2024-05-30", "F"),
        ]),
        units: tree, waivers: waivers, asOf: "2025-01-05")
    let k = outcome.evaluation.findings.filter { $0.rule == "K" }
    #expect(k.map(ratioBrief) == ["p satisfied 2023 100/80 1+0+0", "p waived below-ratio 2024 0/80 0+1+0"])
    #expect(k.last?.waiver == 2)
}

@Test func minItemsAndOpenPeriods() {
    let outcome = evaluate(
        rules: base + ratio(appliesTo: "{ level: commune }", extra: "min_items: 2"),
        log: log([
            ("q", "2023-03-06", "2023-03-08", "A"), ("q", "2024-01-08", "2024-01-09", "B"),
            ("q", "2024-02-05", "2024-02-06", "C"),
        ]),
        units: tree, asOf: "2024-03-01"
    ) { $0.rules = ["K"] }
    // 2023 has one decided item (fewer than min_items): no finding; 2024 is open: pending.
    #expect(outcome.evaluation.findings.map(ratioBrief) == ["q pending 2024 100/80 2+0+0"])
}

@Test(arguments: [
    ("of: NOPE", "rule.unknown-rule"), ("of: F", "rule.invalid-value"), ("of: K2", "rule.invalid-value"),
    ("of: D\nat_least: 85", "rule.invalid-value"), ("of: D\nat_least: 100.5%", "rule.invalid-value"),
    ("of: D\nat_least: 57.55%", "rule.invalid-value"), ("of: D\nat_least: 0.85", "rule.invalid-value"),
    ("of: D\nmin_items: 0", "rule.invalid-value"), ("of: D\nover: parent", "rule.invalid-value"),
])
func badRatioRulesAreErrors(body: String, code: String) {
    let p = TestProject().standardConfig().flatUnits(["x1"])
    let threshold = body.contains("at_least") ? "" : "at_least: 80%\n"
    p.write(
        "rules/r.yaml",
        base
            + ruleYAML(
                id: "F", kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: week\nat_least: 1"
            ).replacingOccurrences(of: "rules:\n", with: "")
            + ruleYAML(id: "K2", kindBody: "kind: ratio\nof: D\nper: year\nat_least: 80%")
            .replacingOccurrences(of: "rules:\n", with: "")
            + ruleYAML(id: "K", kindBody: "kind: ratio\nper: year\n" + threshold + body)
            .replacingOccurrences(of: "rules:\n", with: ""))
    p.write("logs/e.csv", "id,unit,type,date\n")
    let project = p.load(asOf: day("2024-01-01"))
    let errors = project.diagnostics.filter { $0.level == .error }
    #expect(errors.map(\.code) == [code], "\(errors.map(\.message))")
    #expect(errors.first?.location?.path == "rules/r.yaml")
    #expect(!project.rules.contains { $0.id == "K" })
}

@Test func silentUnitsFollowTheirRulesWindowsAndTheUnitFilter() {
    let rules =
        base
        + ruleYAML(
            id: "W", effective: "{ from: 2023-01-01, to: 2023-06-30 }", extra: "applies_to: { id: q }",
            kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_least: 1"
        ).replacingOccurrences(of: "rules:\n", with: "") + ratio(appliesTo: "{ level: province }")
    // p.h.x logs one case; q logs only after W's window ends and D applies to it too, so only an
    // event in [2023-01-01, as-of] counts: q is not silent. p and p.h log nothing.
    let cases = log([("p.h.x", "2023-03-06", "2023-03-08", "A"), ("q", "2023-09-04", "2023-09-05", "Q")])
    let outcome = evaluate(rules: rules, log: cases, units: tree, asOf: "2024-01-05")
    #expect(outcome.evaluation.silentUnits == ["p", "p.h"])
    #expect(outcome.evaluation.summary.silentUnits == 2)
    #expect(outcome.diagnostics("unit.no-events").count == 2)
    #expect(outcome.diagnostics("unit.no-events").allSatisfy { $0.level == .warning })
    // --unit keeps p.h and below; --rule K alone reads no events, so nothing is silent.
    let kept = evaluate(rules: rules, log: cases, units: tree, asOf: "2024-01-05") { $0.units = ["p.h"] }
    #expect(kept.evaluation.silentUnits == ["p.h"])
    let ratioOnly = evaluate(rules: rules, log: cases, units: tree, asOf: "2024-01-05") { $0.rules = ["K"] }
    #expect(ratioOnly.evaluation.silentUnits.isEmpty)
    // Only W (to 2023-06-30) applies to q when D is left out: q's September events are outside it.
    let onlyW = evaluate(rules: rules, log: cases, units: tree, asOf: "2024-01-05") { $0.rules = ["W"] }
    #expect(onlyW.evaluation.silentUnits == ["q"])
}
