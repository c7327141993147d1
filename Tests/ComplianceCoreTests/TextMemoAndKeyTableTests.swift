import ComplianceCore
import Testing

@Suite("TextMemo and ByteKeyTable's hashed inserts: the shortcuts give what the long way gives")
struct TextMemoAndKeyTableTests {
    @Test func aMemoMakesEachTextOnceAndStartsAfreshPastItsLimit() {
        let memo = TextMemo(limit: 2)
        var made: [String] = []
        func text(_ key: String) -> String {
            memo.text(for: key) { key in
                made.append(key)
                return key.uppercased()
            }
        }
        #expect(text("a") == "A")
        #expect(text("a") == "A")
        #expect(text("b") == "B")
        #expect(made == ["a", "b"])
        // A third key finds the memo full: it is emptied, so "a" is made again afterwards.
        #expect(text("c") == "C")
        #expect(text("a") == "A")
        #expect(made == ["a", "b", "c", "a"])
    }

    @Test func vietnamesePeriodsReadTheSameTheSecondTime() {
        let vi = Presentation(.vi)
        for label in ["2025-W05", "2024-02-15/2024-05-10", "2023-H2", "not a period"] {
            #expect(vi.period(label) == vi.period(label))
        }
        #expect(vi.period("2025-W05") == "tuần 05/2025 (27/01–02/02/2025)")
        #expect(Presentation(.en).period("2025-W05") == "2025-W05")
    }

    @Test func insertsWithAKnownHashNumberKeysAsPlainInserts() {
        let keys = (0..<5_000).map { "e\($0 % 3_700)-\($0 * 7919 % 101)" }
        var plain = ByteKeyTable()
        var hashed = ByteKeyTable()
        for key in keys {
            var copy = key
            let expected = copy.withUTF8 { plain.insert($0) }
            let got = copy.withUTF8 { bytes in
                hashed.prefetch(hash: ByteKeyTable.hash(bytes))
                return hashed.insert(bytes, hash: ByteKeyTable.hash(bytes))
            }
            #expect(got == expected)
        }
        #expect(hashed.count == plain.count)
        #expect(hashed.index(of: "e17-69") == plain.index(of: "e17-69"))
    }

    @Test func keysReadInPlaceSortAsTheirBytes() {
        var table = ByteKeyTable()
        let words = ["b", "ab", "a", "", "ba", "abc", "Ă", "z"]
        for w in words { _ = table.insert(w) }
        let order = table.withKeys { keys in
            Array(0..<words.count).sorted { keys.precedes($0, $1) }.map { String(decoding: keys[$0], as: UTF8.self) }
        }
        #expect(order == words.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }
}
