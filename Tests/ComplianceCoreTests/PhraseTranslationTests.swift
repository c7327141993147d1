import ComplianceCore
import Testing

/// The loaders' English names of things (`{what}`) read in Vietnamese, whole or by their beginning.
@Suite struct PhraseTranslationTests {
    @Test func namedThingsKeepTheirNameAfterAVietnameseBeginning() {
        let m = Message(.mustBeOneOfFound, ["what": "attribute 'ward'", "options": "string, number", "value": "text"])
        #expect(m.text(in: .vi).hasPrefix("thuộc tính 'ward' phải là một trong các giá trị"), "\(m.text(in: .vi))")
        #expect(m.text(in: .en).hasPrefix("attribute 'ward' must be one of"))
        let type = Message(.mustBeMapping, ["what": "event type 'meeting'", "kind": "scalar"])
        #expect(type.text(in: .vi).hasPrefix("loại sự kiện 'meeting' phải là"), "\(type.text(in: .vi))")
    }

    @Test func fileKindsAreTranslated() {
        let m = Message(.mustBeMapping, ["what": "a rule file", "kind": "sequence"])
        #expect(m.text(in: .vi).hasPrefix("một tệp quy tắc phải là"), "\(m.text(in: .vi))")
    }

    @Test func anUnclosedBraceInAMessageTemplate() {
        let m = Message(.messageTemplateProblem, ["brace": "{{"], nested: ["detail": Message(.templateUnclosedBrace)])
        #expect(m.text(in: .vi) == "mẫu message: dấu '{' chưa được đóng (viết '{{' để có dấu ngoặc nhọn)")
        #expect(m.text(in: .en) == "message template: unclosed '{' (write '{{' for a literal brace)")
    }
}
