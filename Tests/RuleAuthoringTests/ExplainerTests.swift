import ComplianceCore
import ComplianceTestSupport
import RuleAuthoring
import Testing

/// `dvcheck explain`: the window's reasons, the due-date steps with named holidays, the roles.
struct ExplainerTests {
    @Test func aDeadlineExplanationShowsTheRollOverTetAndTheEvidence() {
        let p = TestProject().standardConfig(extra: "calendar: cal.yaml\n").flatUnits(["x1"])
        p.write("cal.yaml", "holidays:\n  - { from: 2024-02-08, to: 2024-02-14, name: Tết Nguyên đán }\n")
        p.write(
            "rules/r.yaml",
            ruleYAML(
                id: "D", effective: "{ from: 2024-01-01 }",
                kindBody: """
                    kind: deadline
                    trigger: { type: complaint-accepted }
                    fulfil: { type: complaint-resolved }
                    key: [ref]
                    within: 10 days
                    """))
        p.write(
            "logs/e.csv",
            "id,unit,type,date,ref\nt1,x1,complaint-accepted,2024-01-29,K\nf1,x1,complaint-resolved,2024-02-16,K\n")
        let project = p.load(asOf: day("2024-03-01"))
        let result = Explainer.explain(Explainer.Request(rule: "D", unit: "x1"), in: project, language: .en)
        guard case .success(let e) = result else {
            Issue.record("no explanation: \(result)")
            return
        }
        #expect(e.windowFrom == day("2024-01-01"))
        #expect(e.windowFromReason == "the rule's effective.from")
        #expect(e.items.count == 1)
        let item = e.items[0]
        #expect(item.finding.due == day("2024-02-15"))
        #expect(item.steps.contains("due: 2024-01-29 + 10 days = 2024-02-08 (Thursday)"))
        #expect(
            item.steps.contains(
                "due: 2024-02-08…2024-02-14 Tết Nguyên đán (not working) → rolled forward to 2024-02-15 (Thursday)"))
        #expect(item.events.map(\.role) == ["trigger", "fulfilment"])
        #expect(item.events.first?.origin == "logs/e.csv:2")
        #expect(item.verdict == "violated: late, 1 day(s)")
    }

    @Test func aPauseIsExplainedStepByStepInWorkingDays() {
        let p = TestProject().standardConfig(extra: "calendar: cal.yaml\n").flatUnits(["x1"])
        p.write("cal.yaml", "holidays:\n  - { from: 2024-02-08, to: 2024-02-14, name: Tết Nguyên đán }\n")
        p.write(
            "rules/r.yaml",
            ruleYAML(
                id: "D", effective: "{ from: 2024-01-01 }",
                kindBody: """
                    kind: deadline
                    trigger: { type: complaint-accepted }
                    fulfil: { type: complaint-resolved }
                    key: [ref]
                    within: 5 working days
                    closed_by: { type: complaint-withdrawn }
                    pause: { start: { type: complaint-suspended }, end: { type: complaint-resumed } }
                    """))
        p.write(
            "logs/e.csv",
            """
            id,unit,type,date,ref
            t1,x1,complaint-accepted,2024-02-01,K
            s1,x1,complaint-suspended,2024-02-05,K
            u1,x1,complaint-resumed,2024-02-16,K
            w1,x1,complaint-withdrawn,2024-02-20,K

            """)
        let result = Explainer.explain(
            Explainer.Request(rule: "D", unit: "x1"), in: p.load(asOf: day("2024-03-01")), language: .en)
        guard case .success(let e) = result, let item = e.items.first else {
            Issue.record("no explanation: \(result)")
            return
        }
        // 1/2 + 5 working days = 8/2 falls in Tết: 2, 5, 6, 7, 15 → 15/2. The pause 5/2–16/2 counts
        // 5, 6, 7, 15 (4 working days); 15/2 + 4 working days = 21/2; the withdrawal on 20/2 is in time.
        #expect(item.finding.due == day("2024-02-21"))
        #expect(item.finding.reason == "closed")
        #expect(item.steps.contains("pause: clock stopped by s1 on 2024-02-05, restarted by u1 on 2024-02-16"))
        #expect(
            item.steps.contains(
                "  length: 4 working day(s) in [2024-02-05, 2024-02-16); not counted: 2024-02-08…2024-02-14 Tết Nguyên đán"
            ))
        #expect(item.steps.contains("  on 2024-02-16 the due date moves by 4 working days:"))
        #expect(item.steps.contains("    the 4th working day is 2024-02-21 (Wednesday)"))
        #expect(item.events.map(\.role) == ["trigger", "closing event", "pause start", "pause end"])
        #expect(item.verdict == "satisfied: closed by the due date")
        #expect(e.binding == .law)
    }

    @Test func anUnknownUnitIsADiagnosticWithASuggestion() {
        let p = TestProject().standardConfig().flatUnits(["x1"])
        p.write("rules/r.yaml", ruleYAML(id: "D", kindBody: "kind: once\nevent: { type: plan }\nby: 2023-03-01"))
        p.write("logs/e.csv", "id,unit,type,date\n")
        let result = Explainer.explain(
            Explainer.Request(rule: "D", unit: "x2"), in: p.load(asOf: day("2023-06-01")), language: .en)
        guard case .failure(let d) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(d.code == "config.unknown-unit")
        #expect(d.message.contains("did you mean 'x1'"))
    }
}
