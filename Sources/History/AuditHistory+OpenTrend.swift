import ComplianceCore
import GRDB

/// One recorded run of a scope as the report's trend chart shows it: its number, its as-of date
/// and how many findings it reported violated (open violations).
public struct OpenViolationPoint: Sendable, Equatable {
    /// The run's number in the history.
    public var run: Int
    /// Its as-of date, ISO `YYYY-MM-DD`.
    public var asOf: String
    /// Violated findings that run reported.
    public var violated: Int

    /// A point.
    public init(run: Int, asOf: String, violated: Int) {
        self.run = run
        self.asOf = asOf
        self.violated = violated
    }
}

/// The open violations of the runs recorded with one scope, oldest first, for `check --history`'s
/// trend chart: read in the same transaction as the comparison, so the chart and the change marks
/// describe the same history.
extension AuditHistory {
    /// The last `last` runs recorded with `scope` (none when `last` ≤ 0), oldest first.
    public func openViolations(scope: String, last: Int) throws(Failure) -> [OpenViolationPoint] {
        do {
            return try queue.read { db in try Self.openViolations(db, scope: scope, last: last) }
        } catch {
            throw Failure(Message(.historyCannotRead, ["path": path], nested: ["why": Self.describe(error)]))
        }
    }

    static func openViolations(_ db: Database, scope: String, last: Int) throws -> [OpenViolationPoint] {
        guard last > 0 else { return [] }
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, as_of, violated FROM run WHERE scope = ? ORDER BY id DESC LIMIT ?",
            arguments: [scope, last])
        return rows.reversed().map { OpenViolationPoint(run: $0["id"], asOf: $0["as_of"], violated: $0["violated"]) }
    }

    /// `compareAndRecord(scope:beforeCommit:_:)`, also handing `body` the open violations of the
    /// last `trendLength` runs of `scope` (oldest first), read inside the same transaction.
    @discardableResult
    public func compareAndRecord(
        scope: String, trendLength: Int, beforeCommit: () throws -> Void = {},
        _ body: ([FindingRecord]?, [OpenViolationPoint]) throws -> RunRecord?
    ) throws -> Int? {
        var callerError: (any Error)?
        do {
            return try queue.writeWithoutTransaction { db -> Int? in
                var id: Int?
                try db.inTransaction(.immediate) {
                    let previous = try Self.previousFindings(db, scope: scope)
                    let trend = try Self.openViolations(db, scope: scope, last: trendLength)
                    let run: RunRecord?
                    do { run = try body(previous, trend) } catch {
                        callerError = error
                        throw error
                    }
                    guard let run else { return .rollback }
                    id = try Self.insert(run, into: db)
                    do { try beforeCommit() } catch {
                        callerError = error
                        throw error
                    }
                    return .commit
                }
                return id
            }
        } catch {
            if let callerError { throw callerError }
            throw Failure(Message(.historyCannotWrite, ["path": path], nested: ["why": Self.describe(error)]))
        }
    }
}
