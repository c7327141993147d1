import ComplianceCore
import ComplianceTestSupport
import Foundation
import Testing

@Suite("Suggestions, message templates, SHA-256")
struct TextSupportTests {
    @Test(
        "did you mean",
        arguments: [
            ("severty", ["severity", "source", "kind"], "severity" as String?),
            ("frequncy", ["frequency", "deadline", "precedence", "periodic", "once", "regularity"], "frequency"),
            ("fomr", ["from", "to"], "from"),
            ("Severity", ["severity"], "severity"),
            ("bk.pn.x-cong-bag", ["bk.pn.x-cong-bang", "bk.pn"], "bk.pn.x-cong-bang"),
            ("xyz", ["severity", "source"], nil),
            ("abc", ["abd", "abe"], "abd"),
            ("gtee", ["eq", "in", "not_in", "gt", "gte", "lt", "lte", "exists", "contains", "starts_with"], "gte"),
            ("anything", [], nil),
        ])
    func closest(_ word: String, _ candidates: [String], _ expected: String?) {
        #expect(Suggestions.closest(to: word, in: candidates) == expected)
    }

    @Test("the byte-wise search picks what the plain edit distance picks, among near-identical ids too")
    func closestAgreesWithThePlainDistance() {
        var random = SplitMix64(seed: 7)
        let alphabet = Array("abcAB.-01é")
        func word() -> String {
            String((0..<Int.random(in: 2...10, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        }
        let ids = (0..<300).map { "p0\($0 % 3).c\(String(format: "%05d", $0 * 7 % 1000))" }
        for round in 0..<400 {
            let candidates = round % 2 == 0 ? (0..<40).map { _ in word() } : ids
            let query =
                round % 2 == 0
                ? word() : "q0\(Int.random(in: 0..<4, using: &random)).c00\(Int.random(in: 0..<1000, using: &random))"
            #expect(
                Suggestions.closest(to: query, in: candidates) == referenceClosest(query, candidates),
                "\(query) among \(candidates.prefix(5))…")
        }
    }

    /// The search as first written: full `Character` tables, no early stop.
    private func referenceClosest(_ word: String, _ candidates: [String]) -> String? {
        func distance(_ x: [Character], _ y: [Character]) -> Int {
            var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
            for i in 0...x.count { d[i][0] = i }
            for j in 0...y.count { d[0][j] = j }
            for i in stride(from: 1, through: x.count, by: 1) {
                for j in stride(from: 1, through: y.count, by: 1) {
                    d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                    if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                        d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                    }
                }
            }
            return d[x.count][y.count]
        }
        let limit = max(2, word.count / 3)
        var best: (String, Int)?
        for c in candidates {
            let d = distance(Array(word.lowercased()), Array(c.lowercased()))
            if d <= limit, d < (best?.1 ?? Int.max) || (d == best?.1 && c < (best?.0 ?? "")) { best = (c, d) }
        }
        return best?.0
    }

    @Test("NFC and trimming; text that needs neither comes back as it was")
    func normalization() {
        func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
        #expect(scalars(TextNormalization.nfc("Tie\u{0302}\u{0301}p")) == scalars("Ti\u{1EBF}p"))
        #expect(scalars(TextNormalization.nfc("Ti\u{1EBF}p")) == scalars("Ti\u{1EBF}p"))
        #expect(scalars(TextNormalization.nfc("\u{212B}")) == [0xC5])
        #expect(scalars(TextNormalization.nfc("x\u{0338}")) == [0x78, 0x338])
        #expect(scalars(TextNormalization.normalize("  Xa\u{0301} \u{00A0}")) == scalars("X\u{E1}"))
        #expect(scalars(TextNormalization.normalize("\u{00A0}x\u{E1}")) == scalars("x\u{E1}"))
        #expect(TextNormalization.normalize(" p01\t") == "p01")
        #expect(TextNormalization.normalize("p01") == "p01")
        #expect(TextNormalization.normalize("") == "")
    }

    @Test("hint text")
    func hint() {
        #expect(Suggestions.hint(for: "severty", in: ["severity"]) == " (did you mean 'severity'?)")
        #expect(Suggestions.hint(for: "zzzzzz", in: ["severity"]) == "")
    }

    @Test("templates render placeholders and literal braces")
    func templates() throws {
        let t = try MessageTemplate(vi: "{unit.id}: {actual}/{expected} ({period}) {{x}} }} {ref}", en: nil)
        let values = ["unit.id": "x1", "actual": "0", "expected": "1", "period": "2022-W07"]
        #expect(t.render(.vi, values: values) == "x1: 0/1 (2022-W07) {x} } –")
        #expect(t.render(.en, values: values) == "x1: 0/1 (2022-W07) {x} } –")
        let both = try MessageTemplate(vi: "Hạn {due}", en: "Due {due}, {days_late} days late for {rule.id}")
        #expect(
            both.render(.en, values: ["due": "2022-03-31", "days_late": "3", "rule.id": "R"])
                == "Due 2022-03-31, 3 days late for R")
        #expect(both.render(.vi, values: ["due": "2022-03-31"]) == "Hạn 2022-03-31")
        let braces = try MessageTemplate(vi: "{{unit.id}}", en: nil)
        #expect(braces.render(.vi, values: ["unit.id": "x1"]) == "{unit.id}")
        #expect(MessageTemplate.placeholders.count == 9)
    }

    @Test(
        "bad templates",
        arguments: [
            ("{unit.title}", "unit.title", true), ("Hạn {deu}", "deu", true), ("{ unit.id }", " unit.id ", true),
            ("{}", "", true), ("open {unit.id", nil, false),
        ])
    func badTemplates(_ text: String, _ detail: String?, _ unknown: Bool) {
        do {
            _ = try MessageTemplate(vi: nil, en: text)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.unknownPlaceholder == unknown)
            if let detail { #expect(error.detail == detail) }
        }
    }

    @Test(
        "SHA-256 known vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (String(repeating: "a", count: 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
            ("Tiếp công dân", "c033724ed1e5206c57550647e55ebd053217337bbeb9411b49aa05e4bfac2581"),
        ])
    func sha256(_ text: String, _ hex: String) {
        #expect(SHA256.hex(text) == hex)
        #expect(SHA256.hex(Array(text.utf8)) == hex)
    }
}
