import ComplianceCore
import Testing

@testable import Evaluation

@Suite struct FingerprintTests {
    @Test(
        "the fingerprint is the first half of SHA256.hex over rule NUL unit NUL identity",
        arguments: [
            ("R", "x1", "2023-W01"), ("", "", ""), ("B-DEADLINE", "p01.c00001", "e123456"),
            ("r", "đơn-vị", "Tết Nguyên đán"), ("rule", "unit", String(repeating: "a", count: 45)),
            ("rule", "unit", String(repeating: "b", count: 46)), ("rule", "unit", String(repeating: "c", count: 200)),
        ])
    func matchesSHA256(rule: String, unit: String, identity: String) {
        let expected = String(SHA256.hex(rule + "\u{0}" + unit + "\u{0}" + identity).prefix(32))
        #expect(Fingerprint.of(rule: rule, unit: unit, identity: identity) == expected)
    }
}
