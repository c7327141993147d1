import ComplianceCore
import Testing

@Suite("AttributeValue typed comparisons (SPEC §6)")
struct AttributeValueTests {
    @Test(
        "typed equality",
        arguments: [
            ("10", "10", true), ("10", "10.0", true), ("10", " 10 ", true), ("09", "9", true), ("-2.5", "-2.50", true),
            ("10", "11", false), ("true", "TRUE", true), ("False", "fALSE", true), ("true", "false", false),
            ("2022-02-09", "9/2/2022", true), ("2022-02-09", "09/02/2022", true), ("2022-02-09", "2022-02-10", false),
            ("head", "head", true), ("head", " head\t", true), ("head", "Head", false), ("yes", "true", false),
            ("Ti\u{65}\u{302}\u{301}p công dân", "Ti\u{1EBF}p công dân", true),
        ])
    func equality(_ a: String, _ b: String, _ equal: Bool) {
        #expect(AttributeValue(a).typedEquals(AttributeValue(b)) == equal, "\(a) vs \(b)")
        #expect(AttributeValue(b).typedEquals(AttributeValue(a)) == equal, "\(b) vs \(a)")
    }

    @Test("key text keeps '09' and '9' apart and is NFC")
    func text() {
        #expect(AttributeValue("09").text == "09")
        #expect(AttributeValue("09").text != AttributeValue("9").text)
        #expect(AttributeValue("  KN-12 ").text == "KN-12")
        let nfd = AttributeValue(" Ti\u{65}\u{302}\u{301}p ")
        #expect(Array(nfd.text.unicodeScalars) == Array("Ti\u{1EBF}p".unicodeScalars))
        #expect(Array(TextNormalization.normalize("Ti\u{65}\u{302}\u{301}p").unicodeScalars).count == 4)
        #expect(TextNormalization.nfc("  a ") == "  a ")
    }

    @Test("readings")
    func readings() {
        #expect(AttributeValue("10").number == 10)
        #expect(AttributeValue("-2.5").number == -2.5)
        #expect(AttributeValue("TRUE").boolean == true)
        #expect(AttributeValue("fAlSe").boolean == false)
        #expect(AttributeValue("yes").boolean == nil)
        #expect(AttributeValue("9/2/2022").date == d("2022-02-09"))
        #expect(AttributeValue("2022-02-09").number == nil)
        #expect(AttributeValue("2022-02-30").date == nil)
        #expect(AttributeValue("head").number == nil)
    }

    @Test(
        "strict decimals only",
        arguments: ["1e3", "0x10", "nan", "inf", ".", "+", "-", "1.2.3", "", "1-2", "1,5", "١٢"])
    func notNumbers(_ text: String) {
        #expect(AttributeValue.readNumber(text) == nil, "\(text)")
    }

    @Test("typed ordering: numbers, dates, else nothing")
    func ordering() {
        #expect(AttributeValue("10").typedCompare(AttributeValue("9")) == 1)
        #expect(AttributeValue("9").typedCompare(AttributeValue("10")) == -1)
        #expect(AttributeValue("10").typedCompare(AttributeValue("10.0")) == 0)
        #expect(AttributeValue("2022-02-09").typedCompare(AttributeValue("1/3/2022")) == -1)
        #expect(AttributeValue("10").typedCompare(AttributeValue("ten")) == nil)
        #expect(AttributeValue("b").typedCompare(AttributeValue("a")) == nil)
        #expect(AttributeValue("true").typedCompare(AttributeValue("false")) == nil)
    }
}
