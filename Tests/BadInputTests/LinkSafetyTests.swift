import ComplianceTestSupport
import Foundation
import Testing

/// A rule's `source.url` becomes a link (HTML `href`, iCalendar `URL`) only when it is a web URL.
///
/// `javascript:`, `data:` and `file:` stay text. SARIF's `helpUri` comes only from the project's
/// `docs_url` (SPEC §10.8), never from a rule file.
@Suite("Links from the inputs")
struct LinkSafetyTests {
    static func project(url: String) -> TestProject {
        let project = baseProject()
        project.write(
            "rules/reception.yaml",
            monthlyRule(id: "R-RECEPTION", title: "Citizen reception").replacingOccurrences(
                of: "source: { document: Chỉ thị 09/02/2022, clause: \"2\" }",
                with: "source: { document: Chỉ thị 09/02/2022, clause: \"2\", url: \(yamlQuoted(url)) }"))
        return project
    }

    @Test(arguments: ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "JaVaScRiPt:alert(2)"])
    func nonWebURLIsNeverALink(_ url: String) throws {
        let project = Self.project(url: url)
        for format in ["sarif", "html"] {
            let result = try run(
                project, ["check", "--format", format, "--output", "report." + format, "--fail-on", "never"])
            #expect(result.status == 0, "\(format): \(result.summary)")
            let text = try String(contentsOfFile: project.root + "/report." + format, encoding: .utf8)
            #expect(!text.contains("\"helpUri\""), "\(format) carries a helpUri for \(url)")
            // In-page links (the evidence appendix, `href="#…"`) are the tool's own.
            #expect(
                text.range(of: "href=\"[^#]", options: .regularExpression) == nil, "\(format) carries a link for \(url)"
            )
        }
    }

    @Test func webURLIsALink() throws {
        let url = "https://thuvienphapluat.vn/van-ban/chi-thi-09.aspx"
        let project = Self.project(url: url)
        let html = try run(project, ["check", "--format", "html", "--output", "report.html", "--fail-on", "never"])
        #expect(html.status == 0, "\(html.summary)")
        let page = try String(contentsOfFile: project.root + "/report.html", encoding: .utf8)
        #expect(page.contains("href=\"\(url)\""))
        // SARIF keeps the rule's URL as a property; its helpUri is for docs_url alone (SPEC §10.8).
        let sarif = try run(project, ["check", "--format", "sarif", "--output", "report.sarif", "--fail-on", "never"])
        #expect(sarif.status == 0, "\(sarif.summary)")
        let text = try String(contentsOfFile: project.root + "/report.sarif", encoding: .utf8)
        #expect(text.contains("\"url\": \"\(url)\""))
        #expect(!text.contains("\"helpUri\""))
    }
}
