import ComplianceCore
import Foundation
import GRDB
import Testing

@testable import History

/// SQLite's refusals are short phrases in the run's language; a code without one keeps SQLite's
/// sentence, quoted as SQLite's.
@Suite struct SQLiteReasonTests {
    @Test func commonCodesAreTranslated() {
        let cases: [(ResultCode, String, String)] = [
            (
                .SQLITE_BUSY, "the database is locked by another process",
                "cơ sở dữ liệu đang bị khoá bởi một tiến trình khác"
            ),
            (.SQLITE_NOTADB, "the file is not an SQLite database", "tệp không phải cơ sở dữ liệu SQLite"),
            (.SQLITE_CORRUPT, "the database file is damaged", "tệp cơ sở dữ liệu bị hỏng"),
            (.SQLITE_FULL, "No space left on device", "thiết bị lưu trữ đã hết chỗ trống"),
        ]
        for (code, english, vietnamese) in cases {
            let reason = AuditHistory.describe(DatabaseError(resultCode: code, message: "sqlite's own words"))
            #expect(reason.text(in: .en) == english)
            #expect(reason.text(in: .vi) == vietnamese)
        }
    }

    @Test func otherCodesQuoteSQLite() {
        let reason = AuditHistory.describe(DatabaseError(resultCode: .SQLITE_ERROR, message: "no such table: runs"))
        #expect(reason.text(in: .vi) == "SQLite báo lỗi: “no such table: runs”")
        #expect(reason.text(in: .en) == "SQLite: no such table: runs")
    }

    @Test func aFileThatIsNotADatabaseIsSaidInVietnamese() throws {
        let path = FileManager.default.temporaryDirectory.path + "/dvcheck-history-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(String(repeating: "plain text, not SQLite. ", count: 20).utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try AuditHistory(path: path)
            Issue.record("a text file was accepted as a history")
        } catch {
            #expect(error.message.text(in: .vi).hasSuffix(": tệp không phải cơ sở dữ liệu SQLite"), "\(error)")
        }
    }
}
