import ComplianceCore
import Foundation
import Testing

/// Foundation's errors become the system's reason in the catalogue's words; only an error that names
/// none is quoted, and then marked as such.
@Suite("Foundation errors as the system's reasons")
struct SystemReasonTests {
    @Test func aPOSIXErrorIsTheSystemsReason() {
        let reason = Message.reason(of: POSIXError(.ENOSPC))
        #expect(reason.text(in: .vi) == "thiết bị lưu trữ đã hết chỗ trống")
        #expect(reason.text(in: .en) == "No space left on device")
    }

    @Test func aCocoaErrorGivesItsUnderlyingErrno() {
        let underlying = NSError(domain: NSPOSIXErrorDomain, code: Int(ENOTDIR))
        let error = NSError(domain: NSCocoaErrorDomain, code: 512, userInfo: [NSUnderlyingErrorKey: underlying])
        #expect(Message.reason(of: error).text(in: .vi) == "một phần của đường dẫn không phải là thư mục")
    }

    @Test func aCocoaFileErrorWithoutUnderlyingErrorStandsForOne() {
        #expect(Message.reason(of: CocoaError(.fileWriteNoPermission)).text(in: .vi) == "không có quyền truy cập")
        #expect(Message.reason(of: CocoaError(.fileNoSuchFile)).text(in: .en) == "No such file or directory")
    }

    @Test func anyOtherErrorIsQuotedAsData() {
        struct Odd: Error, CustomStringConvertible { var description: String { "odd thing" } }
        #expect(Message.reason(of: Odd()).text(in: .vi) == "lỗi không rõ: “odd thing”")
        #expect(Message.reason(of: Odd()).text(in: .en) == "odd thing")
    }

    @Test func anErrorWithItsOwnMessageKeepsIt() {
        struct Told: MessageError { var message: Message { Message(.sqliteLocked) } }
        #expect(Message.reason(of: Told()).text(in: .vi) == "cơ sở dữ liệu đang bị khoá bởi một tiến trình khác")
    }
}
