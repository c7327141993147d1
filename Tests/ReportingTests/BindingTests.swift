import ComplianceCore
import ComplianceTestSupport
import Foundation
import Testing

@testable import Reporting

/// SPEC §10.9: a rule's `binding` reaches every report, and a violation of a guidance rule reads
/// CHƯA ĐẠT in Vietnamese (VI PHẠM for law), "VIOLATED" with the binding beside it in English.
@Suite struct BindingTests {
    /// Two monthly rules, both violated in February 2024: R-LAW (binding omitted: law) and R-GUIDE.
    ///
    /// In unit order (`--sort unit`): the lines under each unit's path, as these tests read them.
    static func report(_ language: Language) -> RunReport {
        var report = evaluated(language)
        report.sort = .unit
        return report
    }

    private static func evaluated(_ language: Language) -> RunReport {
        let p = TestProject().standardConfig().flatUnits(["x1"])
        let body = "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_least: 1"
        p.write(
            "rules/r.yaml",
            ruleYAML(id: "R-LAW", effective: "{ from: 2024-02-01 }", kindBody: body)
                + ruleYAML(
                    id: "R-GUIDE", effective: "{ from: 2024-02-01 }", extra: "binding: guidance", kindBody: body
                ).replacingOccurrences(of: "rules:\n", with: ""))
        p.write("logs/a.csv", "id,unit,type,date\n")
        let outcome = p.check(asOf: day("2024-03-05"))
        return RunReport(
            toolVersion: "0.0.0-test", asOf: outcome.project.asOf, language: language,
            ruleFiles: outcome.project.ruleFiles.map { .init(path: $0.path, sha256: $0.sha256) }, logFiles: [],
            evaluation: outcome.evaluation,
            rules: Dictionary(outcome.project.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            registry: outcome.project.registry, diagnostics: outcome.diagnostics, includeSatisfied: false)
    }

    /// The text line of `rule`'s violation among the findings (indented two spaces; the summary's
    /// lines are indented four).
    static func textLine(_ text: String, _ rule: String) -> String {
        text.split(separator: "\n").first {
            $0.hasPrefix("  ") && !$0.hasPrefix("   ") && $0.contains(" \(rule) ")
                && ($0.contains("2024-02") || $0.contains("02/2024"))
        }.map(String.init) ?? ""
    }

    @Test func theRuleCarriesItsBindingWithLawTheDefault() {
        let rules = Self.report(.en).rules
        #expect(rules["R-LAW"]?.binding == .law)
        #expect(rules["R-GUIDE"]?.binding == .guidance)
    }

    @Test func vietnameseTextSaysChuaDatForGuidanceAndViPhamForLaw() {
        let text = TextReporter.render(Self.report(.vi), color: false)
        #expect(Self.textLine(text, "R-GUIDE").hasPrefix("  CHƯA ĐẠT  [trung bình]  R-GUIDE"))
        #expect(Self.textLine(text, "R-LAW").hasPrefix("  VI PHẠM  [trung bình]  R-LAW"))
        #expect(text.contains(" · 1 vi phạm · 1 chưa đạt · "))
    }

    @Test func englishTextSaysViolatedWithTheBindingBesideIt() {
        let text = TextReporter.render(Self.report(.en), color: false)
        #expect(Self.textLine(text, "R-GUIDE").hasPrefix("  VIOLATED (guidance)  [medium]  R-GUIDE"))
        #expect(Self.textLine(text, "R-LAW").hasPrefix("  VIOLATED (law)  [medium]  R-LAW"))
        #expect(text.contains(" · 2 violated (1 of guidance rules) · "))
    }

    @Test func jsonFindingsCarryTheBinding() throws {
        let data = Data(JSONReporter.render(Self.report(.vi)).utf8)
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let findings = doc["findings"] as? [[String: Any]] ?? []
        let byRule = Dictionary(
            findings.map { ($0["rule"] as? String ?? "", $0["binding"] as? String) }, uniquingKeysWith: { a, _ in a })
        #expect(byRule == ["R-LAW": "law", "R-GUIDE": "guidance"])
    }

    @Test func csvHasABindingColumnAndTheWordedStatus() {
        let csv = CSVReporter.render(Self.report(.vi))
        let rows = csv.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }.map {
            $0.components(separatedBy: ",")
        }
        let header = rows[0]
        #expect(header.last == "binding")
        let rule = header.firstIndex(of: "rule")!
        let label = header.firstIndex(of: "status_label")!
        let guide = rows.first { $0[rule] == "R-GUIDE" }
        #expect(guide?[label] == "CHƯA ĐẠT")
        #expect(guide?.last == "guidance")
        #expect(rows.first { $0[rule] == "R-LAW" }?.last == "law")
    }

    @Test func sarifJUnitAndHTMLNameTheBinding() throws {
        let report = Self.report(.vi)
        let sarif = try #require(
            try JSONSerialization.jsonObject(with: Data(SARIFReporter.render(report).utf8)) as? [String: Any])
        let run = (sarif["runs"] as? [[String: Any]])?.first
        let rules = ((run?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
        let guide = rules?.first { $0["id"] as? String == "R-GUIDE" }?["properties"] as? [String: Any]
        #expect(guide?["binding"] as? String == "guidance")
        #expect((guide?["tags"] as? [String])?.contains("guidance") == true)
        // Pending findings are results too (SPEC §10.8, kind `open`); the violations are `fail`.
        let results = (run?["results"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "fail" }
        let bindings = results.map { ($0["properties"] as? [String: Any])?["binding"] as? String }
        #expect(bindings.sorted { ($0 ?? "") < ($1 ?? "") } == ["guidance", "law"])

        let xml = JUnitReporter.render(report)
        #expect(xml.contains("<property name=\"binding\" value=\"guidance\"/>"))
        #expect(xml.contains("[CHƯA ĐẠT]"))
        // The failure message is the first violation's sentence (SPEC-reading in docs/semantics.md);
        // the binding's wording is in the failure's lines.
        for f in report.evaluation.findings where f.status == .violated {
            #expect(xml.contains("<failure message=\"\(Markup.escape(f.message))\" type=\"medium\">"))
        }
        #expect(xml.contains("[VI PHẠM]"))

        let html = HTMLReporter.render(report)
        #expect(
            html.contains(
                "data-rule=\"R-GUIDE\" data-status=\"violated\" data-severity=\"medium\" data-binding=\"guidance\""))
        #expect(html.contains("<span class=\"badge st-violated\">CHƯA ĐẠT</span>"))
        #expect(html.contains("tính chất: hướng dẫn"))
        #expect(html.contains("<select data-filter=\"binding\" id=\"filter-binding\">"))
        #expect(html.contains("<option value=\"guidance\">hướng dẫn</option>"))
    }
}
