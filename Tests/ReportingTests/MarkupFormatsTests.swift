import Foundation
import Testing

@testable import Reporting

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct MarkupFormatsTests {
    @Test func markupEscapesEveryDelimiterAndForbiddenCharacter() {
        #expect(Markup.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(Markup.escape("a\u{1}b\u{FFFF}") == "a\u{FFFD}b\u{FFFD}")
        #expect(Markup.escape("x\ny") == "x&#10;y")
        #expect(Markup.escapeKeepingLines("<1>\n<2>") == "&lt;1&gt;\n&lt;2&gt;")
    }

    @Test(
        "text with nothing to escape comes back as it is; the rest by the same rules",
        arguments: [
            ("Ủy ban nhân dân xã Yên Bình — 2025", "Ủy ban nhân dân xã Yên Bình — 2025"), ("", ""),
            ("a\u{85}b", "a\u{FFFD}b"), ("°C\u{A0}x", "°C\u{A0}x"), ("\u{FFFE}\u{F8FF}", "\u{FFFD}\u{F8FF}"),
            ("x\u{7F}", "x\u{FFFD}"), ("tab\t", "tab&#9;"), ("e\u{301}<", "e\u{301}&lt;"),
        ])
    func escapeFastPathAgreesWithTheRules(input: String, expected: String) {
        #expect(Markup.escape(input) == expected)
    }

    /// The escaping as it was written first, a Unicode scalar and a Character at a time: the byte
    /// writer must agree with it on everything.
    private static func referenceEscape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                let v = scalar.value
                let forbidden = (v < 0x20) || v == 0xFFFE || v == 0xFFFF || (0x7F...0x9F).contains(v)
                if forbidden { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    @Test(
        "the byte writer escapes as the scalar-by-scalar rules do, lines kept or not",
        arguments: [
            "Chủ tịch UBND xã \"Yên Bình\" <b>&</b> 'x'", "Ủy ban nhân dân xã Yên Bình — 2025",
            "Ủy ban (NFD: U\u{31B}\u{309}y)", "a\u{0}b\u{1F}c\u{7F}d\u{80}e\u{9F}f\u{A0}g\u{BF}",
            "\u{FFFE}\u{FFFF}\u{FFFD}\u{F8FF}\u{EFFF}", "line 1\nline 2\r\nline 3\rline 4\n", "\n\r\n\r\r\n\n",
            "tab\there", "\r\n", "e\u{301}\n\u{301}x", "🙂 <emoji> & 中文", "",
        ])
    func byteEscapingAgreesWithTheScalarRules(input: String) {
        #expect(Markup.escape(input) == Self.referenceEscape(input))
        // Lines kept: split at Characters, so a CR LF (one Character) stays escaped whole.
        let lines = input.split(separator: "\n", omittingEmptySubsequences: false).map {
            Self.referenceEscape(String($0))
        }
        #expect(Markup.escapeKeepingLines(input) == lines.joined(separator: "\n"))
        var bytes = ByteBuffer(capacity: 8)
        bytes.appendText("pre ")
        bytes.appendMarkup(input)
        #expect(bytes.text == "pre " + Self.referenceEscape(input))
    }

    @Test func htmlEscapesDataAndIsSelfContained() {
        let html = HTMLReporter.render(ReportFixture.report())
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Ủy ban&quot; &amp; &#39;xã&#39;"))
        #expect(html.components(separatedBy: "<script>").count == 2)
        for external in ["src=", "<link", "@import", "url(", "http://"] { #expect(!html.contains(external)) }
        for id in ["class=\"matrix\"", "id=\"findings\"", "id=\"upcoming\"", "id=\"status-counts\"", "@media print"] {
            #expect(html.contains(id))
        }
    }

    @Test func junitCountsFailedSkippedAndPassedCases() throws {
        let xml = JUnitReporter.render(ReportFixture.report())
        let data = Data(xml.utf8)
        let parser = XMLParser(data: data)
        #expect(parser.parse())
        // R-MONTH: both communes violated; R-CASE: the province tree has one pending case, which
        // passes with the item in system-out (only all-waived pairs are skipped).
        #expect(xml.contains("<testsuite name=\"R-CASE\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">"))
        #expect(xml.contains("classname=\"dvcheck.R-CASE\""))
        #expect(xml.contains("<system-out>"))
        #expect(xml.contains("<testsuite name=\"R-MONTH\" tests=\"2\" failures=\"2\" errors=\"0\" skipped=\"0\">"))
        #expect(xml.contains("&lt;script&gt;"))
        #expect(!xml.contains("<script>"))
    }

    @Test func sarifHasOneResultPerReportedFindingAndRuleLines() throws {
        let report = ReportFixture.report()
        let text = SARIFReporter.render(report)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["version"] as? String == "2.1.0")
        let run = (object?["runs"] as? [[String: Any]])?.first
        let results = run?["results"] as? [[String: Any]] ?? []
        #expect(results.count == report.listedFindings.count)
        let kinds = results.map { $0["kind"] as? String ?? "" }
        #expect(
            kinds.filter { $0 == "fail" }.count == report.evaluation.findings.filter { $0.status == .violated }.count)
        for r in results where r["kind"] as? String == "open" { #expect(r["level"] as? String == "none") }
        let region =
            ((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?[
                "region"] as? [String: Int]
        #expect((region?["startLine"] ?? 0) >= 1)
        #expect((region?["endLine"] ?? 0) >= (region?["startLine"] ?? 0))
        #expect((run?["properties"] as? [String: Any])?["asOf"] as? String == "2024-03-20")
        #expect(SARIFReporter.uri("../rules/tiếp dân.yaml") == "../rules/ti%E1%BA%BFp%20d%C3%A2n.yaml")
    }

    @Test func icsIsFoldedEscapedAndDeterministic() {
        let report = ReportFixture.report()
        let ics = ICSReporter.render(report)
        #expect(ics == ICSReporter.render(report))
        let pending = report.evaluation.findings.filter { $0.status == .pending }
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == pending.count)
        for line in ics.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }
        #expect(ics.contains("DTSTAMP:20240320T000000Z"))
        #expect(ics.contains("UID:\(pending[0].fingerprint)@dvcheck"))
        #expect(ICSReporter.text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne")
        let long = String(repeating: "ệ", count: 60)
        let folded = ICSReporter.fold("SUMMARY:" + long)
        #expect(folded.components(separatedBy: "\r\n ").joined() == "SUMMARY:" + long)
        #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }
}
