import ComplianceCore
import Foundation
import Testing

/// The sentences of lower-level code (libyaml, the system) in both languages (SPEC §10.9).
@Suite("libyaml's and the system's sentences in the report's language")
struct ReaderDetailMessageTests {
    /// The `errno` values the catalogue writes.
    static let translated: [Int32] = [
        ENOENT, EACCES, EPERM, EISDIR, ENOTDIR, ELOOP, ENAMETOOLONG, EMFILE, ENFILE, ENOSPC, EDQUOT, EROFS, EIO,
        EEXIST, ENXIO, EBUSY, ETXTBSY, EFBIG, ENOMEM, EINVAL, EAGAIN, EINTR, ENODEV, EPIPE, ESTALE, EXDEV, EBADF,
        EOVERFLOW, ENOTEMPTY,
    ]

    @Test(arguments: translated)
    func commonSystemErrorsReadAsTheSystemInEnglishAndAreTranslated(code: Int32) {
        let message = Message.systemError(code)
        #expect(message.text(in: .en) == String(cString: strerror(code)))
        let vi = message.text(in: .vi)
        #expect(vi != message.text(in: .en))
        #expect(vi == vi.precomposedStringWithCanonicalMapping)
    }

    @Test func anotherSystemErrorIsTheSystemsTextWithItsName() {
        let message = Message.systemError(ESPIPE)
        #expect(message.text(in: .en) == "\(String(cString: strerror(ESPIPE))) (ESPIPE)")
        #expect(message.text(in: .vi) == "lỗi hệ thống ESPIPE: “\(String(cString: strerror(ESPIPE)))”")
    }

    @Test func libyamlsSentencesAreTranslatedAndTheRestQuotedAsLibyamls() {
        let known = Message.libyaml("did not find expected key")
        #expect(known.text(in: .en) == "did not find expected key")
        #expect(known.text(in: .vi) == "không tìm thấy khóa cần có")
        let unknown = Message.libyaml("some future problem")
        #expect(unknown.text(in: .en) == "some future problem")
        #expect(unknown.text(in: .vi) == "“some future problem” (nguyên văn thông báo của libyaml)")
    }

    @Test func everyLibyamlTranslationIsNFCAndDiffers() {
        #expect(LibYAMLPhrases.vietnamese.count >= 60)
        for (english, vietnamese) in LibYAMLPhrases.vietnamese {
            #expect(vietnamese != english, "\(english) is not translated")
            #expect(vietnamese == vietnamese.precomposedStringWithCanonicalMapping, "\(english): not NFC")
        }
    }

    @Test func aProblemInItsContextReadsInEachLanguage() {
        let message = Message(
            .libyamlInContext, ["line": "2", "column": "5"],
            nested: [
                "problem": .libyaml("did not find expected ',' or '}'"),
                "context": .libyaml("while parsing a flow mapping"),
            ])
        #expect(
            message.text(in: .en)
                == "did not find expected ',' or '}' (while parsing a flow mapping at line 2, column 5)")
        #expect(
            message.text(in: .vi)
                == "không tìm thấy dấu ',' hoặc '}' cần có (khi đọc một ánh xạ trong ngoặc nhọn {…} bắt đầu ở dòng 2, cột 5)"
        )
    }
}
