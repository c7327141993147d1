import GRDB

/// The history's tables, created and upgraded by GRDB's migrator so an old file opens with a new
/// dvcheck.
enum HistorySchema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
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
        m.registerMigration("v2") { db in try HistorySchema.v2(db) }
        return m
    }
}
