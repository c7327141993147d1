import ComplianceCore
import Foundation
import History
import Testing

@Suite struct AuditHistoryTests {
    struct Abort: Error {}

    static func tempPath() -> String {
        FileManager.default.temporaryDirectory.path + "/dvcheck-history-\(UUID().uuidString).sqlite"
    }

    static func finding(_ fp: String, status: String = "violated", severity: String = "high", group: String = "d1")
        -> FindingRecord
    {
        FindingRecord(
            fingerprint: fp, rule: "R", unit: group + ".x", group: group, groupName: "Huyện \(group)", status: status,
            severity: severity, reason: "late", period: "2024-01", due: "2024-01-31", ref: nil, message: "m \(fp)",
            change: "new")
    }

    static func run(asOf: String, scope: String = "", _ findings: [FindingRecord]) -> RunRecord {
        var r = RunRecord(
            recordedAt: "2025-01-01T00:00:00Z", asOf: asOf, toolVersion: "0.0.0", scope: scope,
            inputs: [
                InputRecord(kind: "rule", path: "rules/a.yaml", sha256: "ab"),
                InputRecord(kind: "log", path: "logs/a.csv", read: 3, accepted: 3, rejected: 0, ignored: 0),
            ], findings: findings)
        r.violated = findings.filter { $0.status == "violated" }.count
        return r
    }

    @Test func recordsAndReadsBackTheLatestRunOfAScope() throws {
        let path = Self.tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let history = try AuditHistory(path: path)
        #expect(try history.previousFindings(scope: "") == nil)
        try history.record(Self.run(asOf: "2024-06-30", [Self.finding("a"), Self.finding("b")]))
        try history.record(Self.run(asOf: "2024-06-30", scope: "rule=R", [Self.finding("z")]))
        try history.record(Self.run(asOf: "2024-09-30", [Self.finding("b", status: "pending")]))
        let reopened = try AuditHistory(path: path)
        #expect(try reopened.previousFindings(scope: "")?.map(\.fingerprint) == ["b"])
        #expect(try reopened.previousFindings(scope: "")?.first?.status == "pending")
        #expect(try reopened.previousFindings(scope: "rule=R")?.map(\.fingerprint) == ["z"])
        #expect(try reopened.previousFindings(scope: "unit=x") == nil)
    }

    @Test func aFailedWriteLeavesTheHistoryAsItWas() throws {
        let path = Self.tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let history = try AuditHistory(path: path)
        try history.record(Self.run(asOf: "2024-06-30", [Self.finding("a")]))
        #expect(throws: AuditHistory.Failure.self) {
            try history.record(Self.run(asOf: "2024-09-30", [Self.finding("b"), Self.finding("c")])) {
                throw Abort()
            }
        }
        let trend = try history.trend(last: nil)
        #expect(trend.runs.map(\.asOf) == ["2024-06-30"])
        #expect(try history.previousFindings(scope: "")?.map(\.fingerprint) == ["a"])
    }

    @Test func trendCountsViolationsPerSeverityAndParentUnit() throws {
        let path = Self.tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let history = try AuditHistory(path: path)
        try history.record(
            Self.run(
                asOf: "2024-03-31",
                [
                    Self.finding("a"), Self.finding("b", severity: "critical", group: "d2"),
                    Self.finding("p", status: "pending"),
                ]
            ))
        try history.record(Self.run(asOf: "2024-06-30", [Self.finding("a"), Self.finding("c", group: "d2")]))
        try history.record(Self.run(asOf: "2024-09-30", []))
        let all = try history.trend(last: nil)
        #expect(all.runs.map(\.id) == [1, 2, 3])
        #expect(all.bySeverity.first { $0.key == "high" }?.counts == [1, 2, 0])
        #expect(all.bySeverity.first { $0.key == "critical" }?.counts == [1, 0, 0])
        #expect(all.byGroup.map(\.key) == ["d1", "d2"])
        #expect(all.byGroup.map(\.counts) == [[1, 1, 0], [1, 1, 0]])
        #expect(all.byGroup.first?.label == "Huyện d1")
        // `new` counts violations only: a and b, not the pending p.
        #expect(all.runs[0].new == 2)
        let last = try history.trend(last: 2)
        #expect(last.runs.map(\.asOf) == ["2024-06-30", "2024-09-30"])
        #expect(last.bySeverity.first { $0.key == "high" }?.counts == [2, 0])
        let text = HistoryTrendText.render(last, path: "h.sqlite", vietnamese: true)
        #expect(text.contains("Vi phạm theo mức độ"))
        #expect(text.contains("Huyện d2 (d2)"))
    }

    @Test func sameInputsShareADigest() throws {
        let path = Self.tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let history = try AuditHistory(path: path)
        try history.record(Self.run(asOf: "2024-03-31", []))
        try history.record(Self.run(asOf: "2024-06-30", []))
        var changed = Self.run(asOf: "2024-06-30", [])
        changed.inputs[0].sha256 = "cd"
        try history.record(changed)
        let runs = try history.trend(last: nil).runs
        #expect(runs[0].inputsDigest == runs[1].inputsDigest)
        #expect(runs[1].inputsDigest != runs[2].inputsDigest)
    }

    @Test func aFileThatIsNotAHistoryIsRefused() throws {
        let path = Self.tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("not a database, just text that is long enough to matter".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: AuditHistory.Failure.self) { try AuditHistory(path: path) }
        #expect(throws: AuditHistory.Failure.self) { try AuditHistory.openExisting(path: path + ".missing") }
    }
}
