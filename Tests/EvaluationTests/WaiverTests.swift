import ComplianceCore
import ComplianceTestSupport
import Evaluation
import Testing

private let hierarchy = """
    units:
      - { id: h, name: "Huyện", level: district, kind: party-committee, parent: null, tags: [] }
      - { id: h.x1, name: "Xã 1", level: commune, kind: people-committee, parent: h, tags: [] }
      - { id: h.x1.c1, name: "Chi bộ 1", level: cell, kind: party-cell, parent: h.x1, tags: [] }
      - { id: y, name: "Xã Y", level: commune, kind: people-committee, parent: null, tags: [] }

    """

private let weekly = ruleYAML(
    id: "W", effective: "{ from: 2023-01-02 }",
    kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: week\nat_least: 1")

private func waiver(
    rule: String = "W", units: String? = nil, periods: String? = nil, expires: String = "2023-12-31"
) -> String {
    var lines = ["  - rule: \(rule)"]
    if let units { lines.append("    units: \(units)") }
    if let periods { lines.append("    periods: \(periods)") }
    lines += ["    reason: Tết", "    approved_by: Ban Dân vận", "    expires: \(expires)"]
    return lines.joined(separator: "\n")
}

private func waivers(_ items: String...) -> String { "waivers:\n" + items.joined(separator: "\n") + "\n" }

@Test func frequencyWaiverNeedsTheWholePeriodInside() {
    // W02 is 2023-01-09…15: covered; W03 (16…22) is only partly covered by the second waiver.
    let outcome = evaluate(
        rules: weekly, log: "id,unit,type,date\n", units: oneUnit,
        waivers: waivers(
            waiver(periods: "{ from: 2023-01-09, to: 2023-01-15 }"),
            waiver(periods: "{ from: 2023-01-16, to: 2023-01-21 }")),
        asOf: "2023-01-23")
    #expect(
        outcome.all == [
            "violated insufficient 2023-W01 due 2023-01-08 0/1",
            "waived insufficient 2023-W02 due 2023-01-15 0/1 waiver 1",
            "violated insufficient 2023-W03 due 2023-01-22 0/1",
            "pending 2023-W04 due 2023-01-29 0/1",
        ])
    #expect(outcome.evaluation.summary.waived == 1)
    #expect(outcome.diagnostics("waiver.unused").count == 1)
    #expect(outcome.diagnostics("waiver.unused").first?.message.contains("2") == true)
}

@Test func pendingFindingsCanBeWaivedButSatisfiedOnesAreNot() {
    let outcome = evaluate(
        rules: weekly, log: "id,unit,type,date\ne1,x1,citizen-reception,2023-01-03\n",
        waivers: waivers(waiver()), asOf: "2023-01-10")
    #expect(
        outcome.all == ["satisfied 2023-W01 due 2023-01-08 1/1 [e1]", "waived 2023-W02 due 2023-01-15 0/1 waiver 1"])
}

@Test func deadlineWaiverUsesTheTriggerDate() {
    let rules = ruleYAML(
        id: "D",
        kindBody:
            "kind: deadline\ntrigger: { type: complaint-accepted }\nfulfil: { type: complaint-resolved }\nkey: [ref]\nwithin: 30 days"
    )
    let outcome = evaluate(
        rules: rules,
        log: "id,unit,type,date,ref\nt1,x1,complaint-accepted,2023-03-01,A\nt2,x1,complaint-accepted,2023-03-02,B\n",
        waivers: waivers(waiver(rule: "D", periods: "{ from: 2023-03-01, to: 2023-03-01 }")), asOf: "2023-05-01")
    #expect(
        outcome.all == [
            "waived overdue 2023-03-01 due 2023-03-31 +31 ref A [t1] waiver 1",
            "violated overdue 2023-03-02 due 2023-04-03 +28 ref B [t2]",
        ])
    #expect(outcome.diagnostics("waiver.unused").isEmpty)
}

@Test func waiverCoversTheUnitAndItsDescendantsOnly() {
    let outcome = evaluate(
        rules: weekly, log: "id,unit,type,date\n", units: hierarchy,
        waivers: waivers(waiver(units: "[h.x1]")), asOf: "2023-01-09")
    #expect(
        outcome.allWithOwners == [
            "h W violated insufficient 2023-W01 due 2023-01-08 0/1", "h W pending 2023-W02 due 2023-01-15 0/1",
            "h.x1 W waived insufficient 2023-W01 due 2023-01-08 0/1 waiver 1",
            "h.x1 W waived 2023-W02 due 2023-01-15 0/1 waiver 1",
            "h.x1.c1 W waived insufficient 2023-W01 due 2023-01-08 0/1 waiver 1",
            "h.x1.c1 W waived 2023-W02 due 2023-01-15 0/1 waiver 1",
            "y W violated insufficient 2023-W01 due 2023-01-08 0/1", "y W pending 2023-W02 due 2023-01-15 0/1",
        ])
}

@Test func expiredWaiverWaivesNothingAndWarns() {
    let outcome = evaluate(
        rules: weekly, log: "id,unit,type,date\n", waivers: waivers(waiver(expires: "2023-01-08")),
        asOf: "2023-01-09")
    #expect(
        outcome.all == ["violated insufficient 2023-W01 due 2023-01-08 0/1", "pending 2023-W02 due 2023-01-15 0/1"])
    #expect(outcome.diagnostics("waiver.expired").count == 1)
    #expect(outcome.diagnostics("waiver.expired").first?.level == .warning)
    #expect(outcome.diagnostics("waiver.unused").isEmpty)
}

@Test func waiverHoldsThroughItsExpiryDay() {
    let outcome = evaluate(
        rules: weekly, log: "id,unit,type,date\n", waivers: waivers(waiver(expires: "2023-01-09")),
        asOf: "2023-01-09")
    #expect(outcome.evaluation.summary.waived == 2)
    #expect(outcome.diagnostics("waiver.expired").isEmpty)
}

@Test func unusedWaiverWarnsAndTheSecondWaiverIsNamedByIndex() {
    let outcome = evaluate(
        rules: weekly, log: "id,unit,type,date\n",
        waivers: waivers(
            waiver(periods: "{ from: 2024-01-01, to: 2024-12-31 }"),
            waiver(periods: "{ from: 2023-01-02, to: 2023-01-08 }")),
        asOf: "2023-01-09")
    #expect(
        outcome.all == [
            "waived insufficient 2023-W01 due 2023-01-08 0/1 waiver 2", "pending 2023-W02 due 2023-01-15 0/1",
        ])
    let unused = outcome.diagnostics("waiver.unused")
    #expect(unused.count == 1)
    #expect(unused.first?.level == .warning)
    #expect(unused.first?.location?.line == 2)
}

@Test func regularityWaiverUsesTheLaterPoint() {
    let rules = ruleYAML(
        id: "G", kindBody: "kind: regularity\nevent: { type: party-cell-meeting-attended }\nmax_gap: 10 days")
    let outcome = evaluate(
        rules: rules, log: "id,unit,type,date\ne1,x1,party-cell-meeting-attended,2023-01-20\n",
        waivers: waivers(waiver(rule: "G", periods: "{ from: 2023-01-20, to: 2023-01-20 }")), asOf: "2023-02-15")
    #expect(
        outcome.all == [
            "waived gap 2023-01-01/2023-01-20 due 2023-01-11 +9 [e1] waiver 1",
            "violated gap 2023-01-20/2023-02-15 due 2023-01-30 +16 [e1]",
        ])
}

@Test func onceAndPrecedenceWaiversUseByAndTargetDates() {
    let rules =
        ruleYAML(id: "O", kindBody: "kind: once\nevent: { type: directive-disseminated }\nby: 2023-03-31")
        + ruleYAML(
            id: "P",
            kindBody:
                "kind: precedence\ntarget: { type: decision }\nrequires: { type: mttq-consultation }\nlead: { max: 30 days }"
        ).replacingOccurrences(of: "rules:\n", with: "")
    let outcome = evaluate(
        rules: rules, log: "id,unit,type,date\nt1,x1,decision,2023-03-30\nt2,x1,decision,2023-04-02\n",
        waivers: waivers(
            waiver(rule: "O", periods: "{ from: 2023-03-31, to: 2023-03-31 }"),
            waiver(rule: "P", periods: "{ from: 2023-03-25, to: 2023-03-30 }")),
        asOf: "2023-04-10")
    #expect(
        outcome.allWithOwners == [
            "x1 O waived missing due 2023-03-31 +10 waiver 1",
            "x1 P waived no-prior 2023-03-30 [t1] waiver 2",
            "x1 P violated no-prior 2023-04-02 [t2]",
        ])
}
