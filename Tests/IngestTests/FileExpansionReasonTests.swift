import ComplianceCore
import Foundation
import Testing

@testable import Ingest

/// What folder expansion refuses is said in the catalogue's words, the system's reason included.
@Suite struct FileExpansionReasonTests {
    @Test func aFolderThatCannotBeListedGivesTheSystemsReason() {
        let problem = FileExpansion.Problem(path: "/x/logs", kind: .unlistable(errno: EACCES))
        #expect(problem.reason.text(in: .vi) == "một thư mục không liệt kê được (không có quyền truy cập)")
        #expect(problem.reason.text(in: .en) == "a folder that cannot be listed (Permission denied)")
    }

    @Test func anEntryThatCannotBeExaminedGivesTheSystemsReason() {
        let problem = FileExpansion.Problem(path: "/x/a.csv", kind: .unreadable(errno: EIO))
        #expect(problem.reason.text(in: .vi) == "một mục không kiểm tra được (lỗi vào/ra)")
    }

    @Test func aNamedPipeIsTranslated() {
        let problem = FileExpansion.Problem(path: "/x/p.csv", kind: .notAFile("a named pipe"))
        #expect(
            problem.reason.text(in: .vi) == "một đường ống có tên (named pipe), không phải tệp thông thường")
    }
}
