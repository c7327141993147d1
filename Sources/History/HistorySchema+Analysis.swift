import GRDB

/// The second schema step (`v2`): what an analyst needs to query the history with SQL alone —
/// unit and rule names on each finding, resolved findings kept as rows of the run that resolved
/// them, and views for the common questions (documented in docs/reference/history.md).
extension HistorySchema {
    static func v2(_ db: Database) throws {
        try db.alter(table: "finding") { t in
            // The unit's and the rule's names as that run reported them.
            t.add(column: "unit_name", .text)
            t.add(column: "rule_title", .text)
            // For a row with status 'resolved': the status the finding had in the run before.
            t.add(column: "previous_status", .text)
        }
        try db.create(index: "finding_fingerprint", on: "finding", columns: ["fingerprint", "run_id"])
        try db.execute(
            sql: """
                CREATE VIEW latest_run AS
                  SELECT scope, MAX(id) AS run_id FROM run GROUP BY scope;

                CREATE VIEW open_violation AS
                  SELECT r.scope, r.as_of, f.*
                  FROM finding f JOIN latest_run l ON f.run_id = l.run_id JOIN run r ON r.id = f.run_id
                  WHERE f.status = 'violated';

                CREATE VIEW open_violations_by_district AS
                  SELECT scope, as_of, group_unit AS district, group_name AS district_name, severity,
                         COUNT(*) AS violations
                  FROM open_violation GROUP BY scope, as_of, group_unit, group_name, severity;

                CREATE VIEW new_since_last_run AS
                  SELECT r.scope, r.as_of, f.*
                  FROM finding f JOIN latest_run l ON f.run_id = l.run_id JOIN run r ON r.id = f.run_id
                  WHERE f.change = 'new';

                CREATE VIEW time_to_resolution AS
                  SELECT fingerprint, rule, rule_title, unit, unit_name, group_unit, severity, previous_status,
                         first_seen, resolved_on,
                         CAST(julianday(resolved_on) - julianday(first_seen) AS INTEGER) AS days_open
                  FROM (
                    SELECT f.fingerprint, f.rule, f.rule_title, f.unit, f.unit_name, f.group_unit, f.severity,
                           f.previous_status, r.as_of AS resolved_on,
                           (SELECT MIN(r0.as_of) FROM finding f0 JOIN run r0 ON r0.id = f0.run_id
                             WHERE f0.fingerprint = f.fingerprint AND r0.scope = r.scope AND r0.id < r.id
                               AND f0.status <> 'resolved') AS first_seen
                    FROM finding f JOIN run r ON r.id = f.run_id
                    WHERE f.status = 'resolved'
                  );
                """)
    }
}
