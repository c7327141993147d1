import ComplianceCore
import Foundation
import GRDB

/// The audit history: one SQLite file (through GRDB) that remembers every `check --history` run —
/// its inputs' digests, as-of date and tracked findings by fingerprint — so a later run can mark
/// findings new or persisting and `dvcheck history` can show trends.
///
/// Each run is written in one transaction: a run killed mid-way leaves the file as it was.
public final class AuditHistory: Sendable {
    /// A problem with the history file, worded for the user.
    public struct Failure: MessageError, Sendable, CustomStringConvertible {
        /// What went wrong, naming the file.
        public let message: Message
        /// The same in English.
        public var description: String { message.english }

        init(_ message: Message) { self.message = message }
    }

    let queue: DatabaseQueue
    /// The file's path.
    public let path: String

    /// How long a run waits for another run that holds the history's write lock (seconds): the
    /// lock is held while a run compares, writes its report and records itself.
    public static let busyTimeout: TimeInterval = 120

    /// Opens (creating if needed) the history at `path` and brings its tables up to date.
    ///
    /// A file that is an SQLite database but not a dvcheck history, or a history a newer dvcheck
    /// wrote, is refused before anything is written to it.
    public init(path: String) throws(Failure) {
        self.path = path
        if let kind = Self.specialFileKind(path) {
            // SQLite would read a pipe for ever, or leave its journal beside a device (/dev/null-journal).
            throw Failure(Message(.historyNotAFile, ["path": path, "kind": kind]))
        }
        do {
            var config = Configuration()
            config.busyMode = .timeout(Self.busyTimeout)
            queue = try DatabaseQueue(path: path, configuration: config)
            // Looked at first without the write lock (a read-only history can still be shown), then
            // upgraded under the lock after looking again: another run may have done it meanwhile.
            if try !queue.read(HistorySchema.pendingMigrations).isEmpty {
                try queue.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        try HistorySchema.migrate(db, HistorySchema.pendingMigrations(db))
                        return .commit
                    }
                }
            }
        } catch let refusal as HistorySchema.Refusal {
            switch refusal {
            case .notAHistory(let tables):
                throw Failure(Message(.historyNotDVCheck, ["path": path, "tables": tables.joined(separator: ", ")]))
            case .newer(let unknown):
                throw Failure(Message(.historyNewer, ["path": path, "versions": unknown.joined(separator: ", ")]))
            }
        } catch {
            throw Failure(Message(.historyCannotOpen, ["path": path], nested: ["why": Self.describe(error)]))
        }
    }

    /// What the path is when it exists and is not a regular file ("a device"), else nil.
    private static func specialFileKind(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        default: return "a device"
        }
    }

    /// Opens an existing history for reading; fails when the file does not exist.
    public static func openExisting(path: String) throws(Failure) -> AuditHistory {
        guard FileManager.default.fileExists(atPath: path) else {
            throw Failure(Message(.historyMissing, ["path": path]))
        }
        return try AuditHistory(path: path)
    }

    /// The tracked findings of the latest run recorded with `scope`, or nil when there is none.
    public func previousFindings(scope: String) throws(Failure) -> [FindingRecord]? {
        do {
            return try queue.read { db in try Self.previousFindings(db, scope: scope) }
        } catch {
            throw Failure(Message(.historyCannotRead, ["path": path], nested: ["why": Self.describe(error)]))
        }
    }

    /// The previous run's findings read from `db`.
    static func previousFindings(_ db: Database, scope: String) throws -> [FindingRecord]? {
        guard
            let runID = try Int.fetchOne(
                db, sql: "SELECT id FROM run WHERE scope = ? ORDER BY id DESC LIMIT 1", arguments: [scope])
        else { return nil }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM finding WHERE run_id = ? AND status <> 'resolved' ORDER BY unit, rule, fingerprint
                """,
            arguments: [runID])
        return rows.map(Self.finding)
    }

    /// Compares and records a run as one step, so that runs sharing the file at once are recorded one
    /// after the other and each compares with the one recorded before it (no finding is `new` twice).
    ///
    /// Inside one `BEGIN IMMEDIATE` transaction (waiting up to `busyTimeout` for another run's):
    /// reads the latest run of `scope`, hands its findings (nil when there is none) to `body` — which
    /// compares, writes the report and returns the run to record, or nil to record nothing — then
    /// records it. `beforeCommit` runs after every row is written. An error thrown by `body` or
    /// `beforeCommit` undoes the transaction and is rethrown as it is; a database error becomes a
    /// `Failure`. Returns the recorded run's number.
    @discardableResult
    public func compareAndRecord(
        scope: String, beforeCommit: () throws -> Void = {}, _ body: ([FindingRecord]?) throws -> RunRecord?
    ) throws -> Int? {
        try compareAndRecord(scope: scope, trendLength: 0, beforeCommit: beforeCommit) { previous, _ in
            try body(previous)
        }
    }

    /// Records a run in one transaction and returns its number.
    ///
    /// `beforeCommit` runs inside the transaction after every row is written (tests use it to abort
    /// or kill the run there).
    @discardableResult
    public func record(_ run: RunRecord, beforeCommit: () throws -> Void = {}) throws(Failure) -> Int {
        do {
            return try queue.write { db -> Int in
                let id = try Self.insert(run, into: db)
                try beforeCommit()
                return id
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(Message(.historyCannotWrite, ["path": path], nested: ["why": Self.describe(error)]))
        }
    }

    /// Inserts a run's rows; returns its number.
    static func insert(_ run: RunRecord, into db: Database) throws -> Int {
        // New violations only: a pending item that appeared is not news for a dashboard.
        let newCount = run.findings.filter { $0.change == "new" && $0.status == "violated" }.count
        try db.execute(
            sql: """
                INSERT INTO run (recorded_at, as_of, tool_version, scope, inputs_sha256, evaluated, satisfied,
                violated, pending, waived, new, resolved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                run.recordedAt, run.asOf, run.toolVersion, run.scope, Self.digest(run.inputs), run.evaluated,
                run.satisfied, run.violated, run.pending, run.waived, newCount, run.resolved,
            ])
        let id = Int(db.lastInsertedRowID)
        for i in run.inputs {
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO run_input (run_id, kind, path, sha256, read, accepted, rejected, ignored)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, i.kind, i.path, i.sha256, i.read, i.accepted, i.rejected, i.ignored])
        }
        let insert = try db.makeStatement(
            sql: """
                INSERT OR REPLACE INTO finding (run_id, fingerprint, rule, unit, group_unit, group_name, status,
                severity, reason, period, due, ref, message, change, unit_name, rule_title, previous_status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for f in run.findings {
            try insert.execute(arguments: [
                id, f.fingerprint, f.rule, f.unit, f.group, f.groupName, f.status, f.severity, f.reason,
                f.period, f.due, f.ref, f.message, f.change, f.unitName, f.ruleTitle, f.previousStatus,
            ])
        }
        return id
    }

    /// The last `last` runs (all when nil), oldest first, with violations per severity and per
    /// parent unit.
    public func trend(last: Int?) throws(Failure) -> HistoryTrend {
        do {
            return try queue.read { db in
                let limit = last.map { max($0, 0) } ?? -1
                let runRows = try Row.fetchAll(
                    db, sql: "SELECT * FROM run ORDER BY id DESC LIMIT ?", arguments: [limit])
                let runs = runRows.reversed().map(Self.entry)
                var position: [Int: Int] = [:]
                for (i, r) in runs.enumerated() { position[r.id] = i }
                let first = runs.first?.id ?? 0
                var severity: [String: [Int]] = [:]
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT run_id, severity, COUNT(*) AS n FROM finding WHERE status = 'violated' AND run_id >= ?
                        GROUP BY run_id, severity
                        """, arguments: [first])
                {
                    let runID: Int = row["run_id"]
                    guard let p = position[runID] else { continue }
                    let key: String = row["severity"]
                    severity[key, default: Array(repeating: 0, count: runs.count)][p] = row["n"]
                }
                var groups: [String: [Int]] = [:]
                var names: [String: String] = [:]
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT run_id, group_unit, MAX(group_name) AS name, COUNT(*) AS n FROM finding
                        WHERE status = 'violated' AND run_id >= ? GROUP BY run_id, group_unit
                        """, arguments: [first])
                {
                    let runID: Int = row["run_id"]
                    guard let p = position[runID] else { continue }
                    let key: String = row["group_unit"]
                    groups[key, default: Array(repeating: 0, count: runs.count)][p] = row["n"]
                    names[key] = row["name"]
                }
                let bySeverity = Severity.allCases.map { s in
                    TrendSeries(
                        key: s.rawValue, label: s.rawValue,
                        counts: severity[s.rawValue] ?? Array(repeating: 0, count: runs.count))
                }
                let byGroup = groups.keys.sorted { $0.codePointPrecedes($1) }.map { key in
                    TrendSeries(key: key, label: names[key] ?? key, counts: groups[key] ?? [])
                }
                return HistoryTrend(runs: runs, bySeverity: bySeverity, byGroup: byGroup)
            }
        } catch {
            throw Failure(Message(.historyCannotRead, ["path": path], nested: ["why": Self.describe(error)]))
        }
    }

    /// SHA-256 over the sorted input list, so two runs on the same inputs share a digest.
    static func digest(_ inputs: [InputRecord]) -> String {
        var lines: [String] = []
        for i in inputs {
            var fields: [String] = [i.kind, i.path, i.sha256 ?? ""]
            for n in [i.read, i.accepted, i.rejected, i.ignored] { fields.append(n.map { String($0) } ?? "") }
            lines.append(fields.joined(separator: "\u{0}"))
        }
        lines.sort { $0.codePointPrecedes($1) }
        return SHA256.hex(lines.joined(separator: "\n"))
    }

    private static func finding(_ row: Row) -> FindingRecord {
        FindingRecord(
            fingerprint: row["fingerprint"], rule: row["rule"], unit: row["unit"], group: row["group_unit"],
            groupName: row["group_name"], status: row["status"], severity: row["severity"], reason: row["reason"],
            period: row["period"], due: row["due"], ref: row["ref"], message: row["message"], change: row["change"],
            unitName: row["unit_name"], ruleTitle: row["rule_title"], previousStatus: row["previous_status"])
    }

    private static func entry(_ row: Row) -> RunEntry {
        RunEntry(
            id: row["id"], recordedAt: row["recorded_at"], asOf: row["as_of"], toolVersion: row["tool_version"],
            scope: row["scope"], inputsDigest: row["inputs_sha256"], evaluated: row["evaluated"],
            satisfied: row["satisfied"], violated: row["violated"], pending: row["pending"], waived: row["waived"],
            new: row["new"], resolved: row["resolved"])
    }

    /// Why SQLite (or the system under it) refused, in the catalogue's words.
    static func describe(_ error: any Error) -> Message {
        if let e = error as? DatabaseError { return SQLiteReasons.message(e) }
        return .reason(of: error)
    }
}
