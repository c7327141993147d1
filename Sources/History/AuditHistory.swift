import GRDB

/// The audit history store (SQLite through GRDB); filled in by the reports issue.
enum AuditHistoryPlaceholder {}
