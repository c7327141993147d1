import ComplianceCore
import ComplianceTestSupport
import Foundation
import RuleAuthoring
import Testing

/// `dvcheck test`: passing, failing and invalid rule-test files.
struct RuleTestRunnerTests {
    static let rule = ruleYAML(
        id: "R-WEEK", effective: "{ from: 2023-01-02 }",
        kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: week\nat_least: 1")

    func project(tests: String) -> TestProject {
        let p = TestProject()
        p.write("rules/r.yaml", Self.rule)
        p.write(
            "tests/t.yaml",
            """
            rules: [../rules/]
            units:
              - { id: x1, name: X, level: commune, kind: people-committee }
            tests:
            \(tests)
            """)
        return p
    }

    @Test func aMatchingExpectationPasses() {
        let p = project(
            tests: """
                  - name: week 2 missed
                    rule: R-WEEK
                    as_of: 2023-01-18
                    events:
                      - { id: e1, unit: x1, type: citizen-reception, date: 2023-01-04 }
                    expect:
                      findings:
                        - { status: violated, reason: insufficient, period: 2023-W02, due: 2023-01-15 }
                        - { status: pending, period: 2023-W03 }
                """)
        let report = RuleTestRunner().run(paths: [p.root + "/tests"])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.passed == 1)
        #expect(report.failed == 0)
        #expect(report.outcomes.first?.location.line == 5)
    }

    @Test func dueNullExpectsAFindingWithoutADueDate() {
        let p = TestProject()
        p.write(
            "rules/r.yaml",
            ruleYAML(
                id: "D", effective: "{ from: 2023-01-01 }",
                kindBody: """
                    kind: deadline
                    trigger: { type: complaint-accepted }
                    fulfil: { type: complaint-resolved }
                    key: [ref]
                    within: 30 days
                    pause: { start: { type: complaint-suspended }, end: { type: complaint-resumed } }
                    """))
        func test(_ due: String) -> String {
            """
            rules: [../rules/]
            units:
              - { id: x1, name: X, level: commune, kind: people-committee }
            tests:
              - name: an open pause
                rule: D
                as_of: 2023-06-01
                events:
                  - { id: t, unit: x1, type: complaint-accepted, date: 2023-03-01, ref: A }
                  - { id: s, unit: x1, type: complaint-suspended, date: 2023-03-10, ref: A }
                expect:
                  findings:
                    - { status: pending, reason: paused, due: \(due) }
            """
        }
        p.write("tests/a.yaml", test("null"))
        p.write("tests/b.yaml", test("2023-03-31"))
        let report = RuleTestRunner().run(paths: [p.root + "/tests"])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.passed == 1)
        #expect(report.failed == 1)
        let failure = report.outcomes.compactMap(\.failure).joined()
        #expect(failure.contains("status=pending reason=paused due=2023-03-31"), "\(failure)")
        #expect(failure.contains("- status=pending reason=paused unit=x1 rule=D period=2023-03-01 ref=A events=t,s"))
    }

    @Test func anExactExpectationFailsOnAnUnexpectedFindingAndSaysWhich() {
        let p = project(
            tests: """
                  - name: forgot the pending week
                    rule: R-WEEK
                    as_of: 2023-01-18
                    events:
                      - { id: e1, unit: x1, type: citizen-reception, date: 2023-01-04 }
                    expect:
                      findings:
                        - { status: violated, period: 2023-W02 }
                """)
        let report = RuleTestRunner().run(paths: [p.root + "/tests"])
        #expect(report.failed == 1)
        let failure = report.outcomes.first?.failure ?? ""
        #expect(failure.contains("unexpected: status=pending"))
        #expect(failure.contains("period=2023-W03"))
    }

    @Test func aSubsetExpectationIgnoresOtherFindingsButReportsAMissingOne() {
        let p = project(
            tests: """
                  - name: subset
                    rule: R-WEEK
                    as_of: 2023-01-18
                    events: []
                    expect:
                      exact: false
                      findings:
                        - { status: violated, period: 2023-W01 }
                        - { status: violated, period: 2023-W09 }
                """)
        let report = RuleTestRunner().run(paths: [p.root + "/tests"])
        #expect(report.failed == 1)
        #expect(report.outcomes.first?.failure?.contains("t.yaml:13: missing: status=violated period=2023-W09") == true)
    }

    @Test func anUnknownRuleOrKeyMakesTheFileInvalid() {
        let p = project(
            tests: """
                  - name: typo
                    rule: R-WEEKLY
                    as_of: 2023-01-18
                    expect:
                      findings: []
                      exactly: true
                """)
        let report = RuleTestRunner().run(paths: [p.root + "/tests"])
        let codes = report.diagnostics.map(\.code).sorted()
        #expect(codes == ["test.unknown-key", "test.unknown-rule"])
        #expect(
            report.diagnostics.first { $0.code == "test.unknown-rule" }?.message.contains("did you mean 'R-WEEK'")
                == true)
    }

    @Test func aRejectedTimelineEventFailsTheTestWithItsReason() {
        let p = project(
            tests: """
                  - name: bad date
                    rule: R-WEEK
                    as_of: 2023-01-18
                    events:
                      - { id: e1, unit: x1, type: citizen-reception, date: 31/02/2023 }
                    expect:
                      findings: []
                """)
        let report = RuleTestRunner().run(paths: [p.root + "/tests"])
        #expect(report.failed == 1)
        #expect(report.outcomes.first?.failure?.contains("[log.bad-date]") == true)
    }

    @Test func theShippedRuleTestsAllPass() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let report = RuleTestRunner().run(paths: [root + "/rules/tests"])
        #expect(report.diagnostics.filter { $0.level == .error }.isEmpty, "\(report.diagnostics)")
        #expect(report.outcomes.count > 96)
        #expect(report.failed == 0, "\(report.outcomes.compactMap(\.failure).prefix(2))")
    }
    @Test func aFindingMatchedOnIdentityReportsEachDifferingFieldAtTheExpectation() throws {
        let p = project(
            tests: """
                  - name: wrong count and status
                    rule: R-WEEK
                    as_of: 2023-01-18
                    events:
                      - { id: e1, unit: x1, type: citizen-reception, date: 2023-01-04 }
                    expect:
                      findings:
                        - { status: violated, period: 2023-W02, actual: 1 }
                        - { status: violated, unit: x1, period: 2023-W03, due: 2023-01-22 }
                """)
        let report = RuleTestRunner().run(paths: [p.root + "/tests"])
        let failure = try #require(report.outcomes.first?.failure)
        let lines = failure.split(separator: "\n").map { String($0) }
        // W02: violated with actual 0; W03: pending, due 2023-01-22 as expected.
        #expect(lines.count == 2, "\(failure)")
        #expect(lines.first?.hasSuffix("t.yaml:12: actual: expected 1, got 0") == true)
        #expect(lines.last?.hasSuffix("t.yaml:13: status: expected violated, got pending") == true)
        #expect(!failure.contains("missing") && !failure.contains("unexpected"))
    }

    @Test func withoutPeriodOrRefAnExpectationIsNotMatchedOnIdentity() throws {
        let p = project(
            tests: """
                  - name: only the unit given
                    rule: R-WEEK
                    as_of: 2023-01-11
                    events: []
                    expect:
                      findings:
                        - { status: violated, unit: x1, reason: excess }
                """)
        let report = RuleTestRunner().run(paths: [p.root + "/tests"])
        let failure = try #require(report.outcomes.first?.failure)
        #expect(failure.contains("t.yaml:11: missing: status=violated reason=excess unit=x1"), "\(failure)")
        #expect(failure.contains("unexpected: status=violated"))
    }

    @Test func aFilterRunsOnlyTheTestsWhoseNameContainsIt() {
        let p = project(
            tests: """
                  - name: quiet week
                    rule: R-WEEK
                    as_of: 2023-01-08
                    events:
                      - { id: e1, unit: x1, type: citizen-reception, date: 2023-01-04 }
                    expect: { findings: [] }
                  - name: missed week
                    rule: R-WEEK
                    as_of: 2023-01-08
                    events: []
                    expect: { findings: [] }
                """)
        let quiet = RuleTestRunner(filter: "quiet").run(paths: [p.root + "/tests"])
        #expect(quiet.outcomes.map(\.name) == ["quiet week"])
        #expect(quiet.failed == 0)
        let all = RuleTestRunner(filter: "week").run(paths: [p.root + "/tests"])
        #expect(all.outcomes.map(\.name) == ["quiet week", "missed week"])
        #expect(all.failed == 1)
        #expect(RuleTestRunner(filter: "Quiet").run(paths: [p.root + "/tests"]).outcomes.isEmpty)
    }
}
