import ComplianceCore
import Foundation
import Testing

@testable import Reporting

@Suite struct JSONWriterTests {
    /// The escaping rules as they were first written, one scalar at a time, kept as the reference
    /// the byte scanner must match.
    static func referenceQuote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test func quoteEscapesLikeTheReference() {
        var samples = [
            "", "a", "\"", "\\", "\n\r\t", "\u{7F}", "\u{2028}\u{2029}", "\u{2027}\u{202A}\u{2080}–…", "Xã Yên Ủy ban",
            "😀 \u{1F1FB}\u{1F1F3}", "â\u{E2}", "a\u{2028}", "\u{2029}b",
        ]
        samples += (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        // Escapes at every offset of the eight-byte words the scanner skips over.
        for offset in 0..<17 {
            for special in ["\"", "\\", "\u{1}", "\u{1F}", "\u{2028}", "–"] {
                samples.append(String(repeating: "x", count: offset) + special + String(repeating: "y", count: 9))
            }
        }
        // Random text from the characters that matter.
        let alphabet = Array("ab \"\\\n\r\t\u{0}\u{8}\u{1B}\u{7F}ãỦ–…\u{2028}\u{2029}😀/")
        var seed: UInt64 = 42
        for _ in 0..<500 {
            var s = ""
            for _ in 0..<Int(seed % 40) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                s.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            samples.append(s)
        }
        for s in samples { #expect(JSONWriter.quote(s) == Self.referenceQuote(s), "\(Array(s.utf8))") }
    }

    @Test func numbersAndDatesAreWrittenLikeTheirDescriptions() {
        let numbers = [0, 1, -1, 9, 10, 99, 100, 12_345, -20, Int.max, Int.min]
        let days = [
            Day(ordinal: 0), Day(year: 1, month: 1, day: 1)!, Day(year: 999, month: 12, day: 31)!,
            Day(year: 2024, month: 2, day: 29)!, Day(year: 9999, month: 12, day: 31)!, Day(ordinal: -800_000),
            Day(ordinal: 3_000_000),
        ]
        var w = JSONWriter(capacity: 0)
        w.beginObject()
        for n in numbers { w.field("n", n) }
        for d in days { w.field("d", d) }
        w.endObject()
        let lines = numbers.map { "  \"n\": \($0)" } + days.map { "  \"d\": \"\($0.description)\"" }
        #expect(w.document() == "{\n" + lines.joined(separator: ",\n") + "\n}\n")
    }

    @Test func bufferGrowsPastItsFirstCapacity() {
        let values = (0..<2000).map { "value \($0)" }
        var w = JSONWriter(capacity: 0)
        w.beginObject()
        w.inlineArray("values", values)
        w.beginArray("empty")
        w.endArray()
        w.endObject()
        let expected = "{\n  \"values\": [" + values.map(Self.referenceQuote).joined(separator: ", ") + "],\n"
        #expect(w.document() == expected + "  \"empty\": []\n}\n")
    }

    @Test func messagesWithQuotesReadBackUnchanged() throws {
        let report = ReportFixture.report()
        let object = try JSONSerialization.jsonObject(with: JSONReporter.renderData(report)) as? [String: Any]
        let messages = (object?["findings"] as? [[String: Any]])?.compactMap { $0["message"] as? String }
        #expect(messages == report.listedFindings.map(\.message))
        #expect(messages?.contains { $0.contains(ReportFixture.hostileName) } == true)
    }

    @Test func bytesAreTheText() {
        let report = ReportFixture.report()
        #expect(JSONReporter.renderData(report) == Data(JSONReporter.render(report).utf8))
        #expect(SARIFReporter.renderData(report) == Data(SARIFReporter.render(report).utf8))
    }
}
