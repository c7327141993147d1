import ComplianceCore
import GRDB

/// SQLite's refusals as short phrases of the message catalogue, by result code, so a history that
/// is locked, damaged or not a database is told in the run's language; any other code keeps
/// SQLite's own sentence, quoted as SQLite's.
enum SQLiteReasons {
    static func message(_ error: DatabaseError) -> Message {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return Message(.sqliteLocked)
        case .SQLITE_NOTADB: return Message(.sqliteNotADatabase)
        case .SQLITE_CORRUPT: return Message(.sqliteCorrupt)
        case .SQLITE_READONLY: return Message(.sqliteReadOnly)
        case .SQLITE_CANTOPEN: return Message(.sqliteCannotOpen)
        case .SQLITE_FULL: return Message(.systemNoSpace)
        case .SQLITE_IOERR: return Message(.systemIOError)
        case .SQLITE_NOMEM: return Message(.systemOutOfMemory)
        case .SQLITE_PERM, .SQLITE_AUTH: return Message(.systemPermissionDenied)
        default: return Message(.sqliteOther, ["text": error.message ?? "\(error.resultCode)"])
        }
    }
}
