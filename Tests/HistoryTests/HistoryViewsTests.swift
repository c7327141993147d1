import Foundation
import GRDB
import History
import Testing

/// The history as an analyst queries it (docs/reference/history.md): names stored, resolved rows
/// of the run that resolved them, `new` counting violations only, and the views.
@Suite struct HistoryViewsTests {
    static func finding(
        _ fp: String, status: String, change: String, group: String = "d1", previousStatus: String? = nil
    ) -> FindingRecord {
        FindingRecord(
            fingerprint: fp, rule: "R", unit: group + ".x", group: group, groupName: "Huyện \(group)", status: status,
            severity: "high", reason: status == "violated" ? "late" : nil, period: "2024-01", due: "2024-01-31",
            ref: nil, message: "m \(fp)", change: change, unitName: "Xã \(group)", ruleTitle: "Tiếp công dân",
            previousStatus: previousStatus)
    }

    @Test func viewsAnswerTheCommonQuestions() throws {
        let path = FileManager.default.temporaryDirectory.path + "/dvcheck-views-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let history = try AuditHistory(path: path)
        func run(_ asOf: String, _ findings: [FindingRecord]) -> RunRecord {
            var r = RunRecord(
                recordedAt: "2025-01-01T00:00:00Z", asOf: asOf, toolVersion: "0", scope: "", inputs: [],
                findings: findings)
            r.resolved = findings.filter { $0.status == "resolved" }.count
            return r
        }
        try history.record(
            run(
                "2024-03-31",
                [
                    Self.finding("a", status: "violated", change: "new"),
                    Self.finding("b", status: "pending", change: "new", group: "d2"),
                ]))
        try history.record(
            run(
                "2024-04-30",
                [
                    Self.finding("b", status: "violated", change: "new", group: "d2"),
                    Self.finding("c", status: "pending", change: "new"),
                    Self.finding("a", status: "resolved", change: "resolved", previousStatus: "violated"),
                ]))
        // The resolved row is not a finding of the run for the next comparison.
        let previous = try #require(try history.previousFindings(scope: ""))
        #expect(Set(previous.map(\.fingerprint)) == ["b", "c"])
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            // `new` counts violations only: a, then b (pending c is not news).
            #expect(try Int.fetchAll(db, sql: "SELECT new FROM run ORDER BY id") == [1, 1])
            #expect(try String.fetchOne(db, sql: "SELECT unit_name FROM finding WHERE fingerprint = 'c'") == "Xã d1")
            let byDistrict = try Row.fetchAll(
                db, sql: "SELECT district, district_name, violations FROM open_violations_by_district")
            #expect(byDistrict.count == 1)
            #expect(byDistrict.first?["district"] == "d2")
            #expect(byDistrict.first?["violations"] == 1)
            let new = try String.fetchAll(db, sql: "SELECT fingerprint FROM new_since_last_run ORDER BY fingerprint")
            #expect(new == ["b", "c"])
            let resolved = try Row.fetchAll(
                db,
                sql: "SELECT fingerprint, first_seen, resolved_on, days_open, previous_status FROM time_to_resolution")
            #expect(resolved.count == 1)
            #expect(resolved.first?["fingerprint"] == "a")
            #expect(resolved.first?["first_seen"] == "2024-03-31")
            #expect(resolved.first?["resolved_on"] == "2024-04-30")
            #expect(resolved.first?["days_open"] == 30)
            #expect(resolved.first?["previous_status"] == "violated")
        }
    }
}
