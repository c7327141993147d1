import AuditRun
import ComplianceCore
import ComplianceTestSupport
import Reporting
import Testing

/// A delegate that keeps what the run hands it, in place of the command line.
private final class Recorder: CheckRunDelegate {
    var delivered: [AuditRun.CheckOutcome] = []
    var shown: [Diagnostic] = []
    var phases: [CheckPhase] = []
    var historyWrites = 0

    func phaseBegan(_ phase: CheckPhase, detail: String) { phases.append(phase) }
    func phaseProgressed(_ detail: String) {}
    func deliver(_ outcome: AuditRun.CheckOutcome) throws { delivered.append(outcome) }
    func show(_ diagnostics: [Diagnostic], baseDir: String, language: Language) { shown += diagnostics }
    func beforeHistoryCommit() throws {}
    func historyWriteBegins() { historyWrites += 1 }
    func historyWriteEnded() {}
}

@Suite("One check run as a library call")
struct CheckRunTests {
    /// One unit, one monthly rule, no events: by 2024-04-05 February and March are violated and
    /// April is pending.
    private func project() -> TestProject {
        let p = TestProject().standardConfig().flatUnits(["x1"])
        p.write(
            "rules/r.yaml",
            ruleYAML(
                id: "R", effective: "{ from: 2024-02-01 }",
                kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_least: 1"))
        p.write("logs/a.csv", "id,unit,type,date\n")
        return p
    }

    private func request(_ p: TestProject) -> CheckRequest {
        var r = CheckRequest(toolVersion: "0.0.0-test")
        r.configPath = p.root + "/dvcheck.yaml"
        r.overrides.asOf = day("2024-04-05")
        r.format = .json
        return r
    }

    @Test func deliversOneOutcomeWithTheExitCodeSettled() throws {
        let p = project()
        defer { p.cleanUp() }
        let recorder = Recorder()
        let completion = try CheckRun.perform(request(p), diagnosticSink: nil, delegate: recorder)
        #expect(completion.exitCode == 1)
        #expect(recorder.phases == [.load, .evaluate])
        let outcome = try #require(recorder.delivered.first)
        #expect(recorder.delivered.count == 1)
        #expect(outcome.report.exitCode == 1)
        #expect(outcome.report.listedFindings.map(\.period) == ["2024-02", "2024-03", "2024-04"])
        #expect(outcome.report.listedFindings.map(\.status) == [.violated, .violated, .pending])
        #expect(completion.statistics?.rules == 1)
    }

    @Test func anUnknownUnitOrRuleIsAnErrorNotAnEmptyAudit() throws {
        let p = project()
        defer { p.cleanUp() }
        var r = request(p)
        r.units = ["x2"]
        r.rules = ["Q"]
        let recorder = Recorder()
        let completion = try CheckRun.perform(r, diagnosticSink: nil, delegate: recorder)
        #expect(completion.exitCode == 2)
        let outcome = try #require(recorder.delivered.first)
        #expect(outcome.report.evaluation.findings.isEmpty)
        #expect(outcome.report.untrusted == [.unknownFilter])
        #expect(Set(outcome.diagnostics.map(\.code)) == ["config.unknown-unit", "config.unknown-rule"])
    }

    @Test func anOutputThatIsAnInputIsRefusedBeforeAnythingIsDelivered() throws {
        let p = project()
        defer { p.cleanUp() }
        var r = request(p)
        r.output = p.root + "/units.yaml"
        let recorder = Recorder()
        let completion = try CheckRun.perform(r, diagnosticSink: nil, delegate: recorder)
        #expect(completion.exitCode == 2)
        #expect(completion.statistics == nil)
        #expect(recorder.delivered.isEmpty)
        #expect(recorder.shown.map(\.code) == ["config.output-is-input"])
    }

    @Test func aHistoryComparesWithTheRunBeforeAndRecordsThisOne() throws {
        let p = project()
        defer { p.cleanUp() }
        var r = request(p)
        r.comparison = .history(p.root + "/history.sqlite", record: true)
        let first = Recorder()
        _ = try CheckRun.perform(r, diagnosticSink: nil, delegate: first)
        let second = Recorder()
        _ = try CheckRun.perform(r, diagnosticSink: nil, delegate: second)
        #expect(first.historyWrites == 1 && second.historyWrites == 1)
        let firstChanges = try #require(first.delivered.first?.report.changes)
        let secondChanges = try #require(second.delivered.first?.report.changes)
        #expect(firstChanges.newCount == 3)
        #expect(secondChanges.newCount == 0)
    }
}
