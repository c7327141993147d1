import ComplianceTestSupport
import Foundation
import Testing

/// A rule's `source.url` becomes a link (HTML `href`, SARIF `helpUri`, iCalendar `URL`) only when it
/// is an `http:` or `https:` URL; `javascript:`, `data:` and `file:` stay text.
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
            // Links inside the page (`#basis-1`, a matrix cell's finding) are fine; none may leave it.
            let outward = Self.hrefs(in: text).filter { !$0.hasPrefix("#") }
            #expect(outward.isEmpty, "\(format) carries a link for \(url): \(outward)")
        }
    }

    /// Every `href="…"` value in a document.
    static func hrefs(in text: String) -> [String] {
        text.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func webURLIsALink() throws {
        let project = Self.project(url: "https://thuvienphapluat.vn/van-ban/chi-thi-09.aspx")
        let result = try run(project, ["check", "--format", "sarif", "--output", "report.sarif", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.summary)")
        let text = try String(contentsOfFile: project.root + "/report.sarif", encoding: .utf8)
        #expect(text.contains("\"helpUri\": \"https://thuvienphapluat.vn/van-ban/chi-thi-09.aspx\""))
    }
}
