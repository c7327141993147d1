import ComplianceCore
import Foundation
import GRDB
import History
import Testing

/// What the history accepts as its file, and how runs share it.
///
/// A new or empty file, or a history this dvcheck knows, is used; another program's SQLite database
/// and a newer dvcheck's history are refused, byte for byte untouched. And runs sharing one file at once are recorded one after the other.
@Suite struct HistoryFileTests {
    static func tempPath() -> String {
        FileManager.default.temporaryDirectory.path + "/dvcheck-history-\(UUID().uuidString).sqlite"
    }

    static func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    @Test func anotherProgramsDatabaseIsRefusedAndUntouched() throws {
        let path = Self.tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
            try db.execute(sql: "INSERT INTO customers (name) VALUES ('Nguyễn Văn A')")
        }
        let before = Self.bytes(path)
        #expect(!before.isEmpty)
        do {
            _ = try AuditHistory(path: path)
            Issue.record("a foreign database was accepted as a history")
        } catch {
            #expect(error.description.contains("not a dvcheck history"), "\(error)")
            #expect(error.description.contains("customers"), "\(error)")
        }
        #expect(Self.bytes(path) == before)
    }

    /// A database holding GRDB's migration table but other tables (another GRDB app) is refused too.
    @Test func anotherGRDBAppIsRefused() throws {
        let path = Self.tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1')")
            try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY)")
        }
        let before = Self.bytes(path)
        #expect(throws: AuditHistory.Failure.self) { _ = try AuditHistory(path: path) }
        #expect(Self.bytes(path) == before)
    }

    @Test func historyFromANewerDVCheckIsRefused() throws {
        let path = Self.tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try AuditHistory(path: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v7-evidence')")
        }
        let before = Self.bytes(path)
        do {
            _ = try AuditHistory(path: path)
            Issue.record("a newer history was accepted")
        } catch {
            #expect(error.description.contains("newer dvcheck"), "\(error)")
            #expect(error.description.contains("v7-evidence"), "\(error)")
        }
        #expect(Self.bytes(path) == before)
    }

    /// An empty file (what `touch` makes) becomes a history.
    @Test func emptyFileBecomesAHistory() throws {
        let path = Self.tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let history = try AuditHistory(path: path)
        #expect(try history.previousFindings(scope: "") == nil)
    }

    /// Eight connections comparing and recording at once: each sees the run recorded before it, so
    /// the finding is `new` in exactly one run.
    @Test func concurrentRecordersTakeTurns() throws {
        let path = Self.tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do {
                let history = try AuditHistory(path: path)
                try history.compareAndRecord(scope: "") { previous in
                    let change = previous == nil ? "new" : "persisting"
                    results.append(change)
                    return RunRecord(
                        recordedAt: "2025-01-01T00:00:00Z", asOf: "2024-12-31", toolVersion: "0", scope: "",
                        inputs: [],
                        findings: [
                            FindingRecord(
                                fingerprint: "f", rule: "R", unit: "u", group: "u", groupName: "U",
                                status: "violated", severity: "high", reason: nil, period: nil, due: nil, ref: nil,
                                message: "m", change: change)
                        ])
                }
            } catch {
                results.fail("\(error)")
            }
        }
        #expect(results.failures.isEmpty, "\(results.failures)")
        #expect(results.changes.sorted() == ["new"] + Array(repeating: "persisting", count: 7))
        #expect(try AuditHistory(path: path).trend(last: nil).runs.map(\.new).reduce(0, +) == 1)
    }
}

/// What the concurrent recorders saw.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var changes: [String] = []
    private(set) var failures: [String] = []

    func append(_ change: String) {
        lock.lock()
        changes.append(change)
        lock.unlock()
    }

    func fail(_ text: String) {
        lock.lock()
        failures.append(text)
        lock.unlock()
    }
}
