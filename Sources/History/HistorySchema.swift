import GRDB

/// The history's tables and their upgrades, so an old file opens with a new dvcheck.
///
/// The applied upgrades are listed in `grdb_migrations`, as GRDB's migrator kept them in the first
/// histories, but they are applied here inside one `BEGIN IMMEDIATE` transaction that first checks
/// what the file is: two runs starting on a new file at once then create the tables once, and a
/// file that is some other program's SQLite database, or a history from a newer dvcheck, is refused
/// before anything is written to it.
enum HistorySchema {
    /// Why a file cannot be used as a history.
    enum Refusal: Error {
        case notAHistory(tables: [String])
        case newer(unknown: [String])
    }

    /// The upgrades, oldest first; their identifiers are stored in `grdb_migrations`.
    static let migrations: [(id: String, apply: @Sendable (Database) throws -> Void)] = [
        ("v1", { try v1($0) }), ("v2", { try v2($0) }),
    ]

    /// The tables the first upgrade creates, by which a history is recognised.
    private static let historyTables: Set<String> = ["run", "run_input", "finding"]

    /// The upgrades the file still needs (none for an up-to-date history).
    ///
    /// Throws a `Refusal` when the file is not a history this dvcheck can use.
    static func pendingMigrations(_ db: Database) throws -> [String] {
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if tables.isEmpty { return migrations.map(\.id) }
        guard tables.contains("grdb_migrations") else { throw Refusal.notAHistory(tables: tables) }
        let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        let known = migrations.map(\.id)
        let unknown = applied.subtracting(known).sorted()
        if !unknown.isEmpty { throw Refusal.newer(unknown: unknown) }
        let others = Set(tables).subtracting(["grdb_migrations"])
        if applied.isEmpty ? !others.isEmpty : !historyTables.isSubset(of: others) {
            throw Refusal.notAHistory(tables: tables)
        }
        return known.filter { !applied.contains($0) }
    }

    /// Applies the pending upgrades; call inside an immediate transaction, after `pendingMigrations`.
    static func migrate(_ db: Database, _ pending: [String]) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        for (id, apply) in migrations where pending.contains(id) {
            try apply(db)
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [id])
        }
    }

    /// The first schema: runs, their inputs and their tracked findings.
    private static func v1(_ db: Database) throws {
        try db.create(table: "run") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("recorded_at", .text).notNull()
            t.column("as_of", .text).notNull()
            t.column("tool_version", .text).notNull()
            t.column("scope", .text).notNull()
            t.column("inputs_sha256", .text).notNull()
            t.column("evaluated", .integer).notNull()
            t.column("satisfied", .integer).notNull()
            t.column("violated", .integer).notNull()
            t.column("pending", .integer).notNull()
            t.column("waived", .integer).notNull()
            t.column("new", .integer).notNull()
            t.column("resolved", .integer).notNull()
        }
        try db.create(table: "run_input") { t in
            t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
            t.column("kind", .text).notNull()
            t.column("path", .text).notNull()
            t.column("sha256", .text)
            t.column("read", .integer)
            t.column("accepted", .integer)
            t.column("rejected", .integer)
            t.column("ignored", .integer)
            t.primaryKey(["run_id", "kind", "path"])
        }
        try db.create(table: "finding") { t in
            t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
            t.column("fingerprint", .text).notNull()
            t.column("rule", .text).notNull()
            t.column("unit", .text).notNull()
            t.column("group_unit", .text).notNull()
            t.column("group_name", .text).notNull()
            t.column("status", .text).notNull()
            t.column("severity", .text).notNull()
            t.column("reason", .text)
            t.column("period", .text)
            t.column("due", .text)
            t.column("ref", .text)
            t.column("message", .text).notNull()
            t.column("change", .text).notNull()
            t.primaryKey(["run_id", "fingerprint"])
        }
        try db.create(index: "run_scope", on: "run", columns: ["scope", "id"])
    }
}
