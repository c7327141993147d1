import ComplianceTestSupport
import Foundation
import Testing

/// `rules doc --format html` (issue 19, item 7) and `explain`'s rejected events, through the binary.
struct RuleCatalogueCLITests {
    @Test func theHTMLCatalogueHasEveryRuleAnchoredByItsIdADescriptionBasisAndSearch() throws {
        let doc = try dvcheck(["rules", "doc", "--project", "examples/bac-kan", "--format", "html"])
        #expect(doc.status == 0, "stderr: \(doc.err)")
        let list = try dvcheck(["rules", "list", "--project", "examples/bac-kan"])
        let ids = list.out.split(separator: "\n").dropFirst().dropLast().compactMap { $0.split(separator: " ").first }
        #expect(ids.count > 40)
        for id in ids {
            #expect(doc.out.contains("<section class=\"rule\" id=\"\(id)\""), "no anchored section for \(id)")
            #expect(doc.out.contains("<a href=\"#\(id)\">"), "no index link to \(id)")
        }
        #expect(doc.out.components(separatedBy: "<section class=\"rule\"").count - 1 == ids.count)
        #expect(doc.out.contains("<input type=\"search\" id=\"catalogue-search\""))
        #expect(doc.out.contains("normalize(\"NFD\")"))
        #expect(doc.out.contains("Căn cứ pháp lý"))
        #expect(doc.out.contains("class=\"description\""))
        #expect(!doc.out.contains("<script src") && !doc.out.contains("<link"))
        let english = try dvcheck([
            "rules", "doc", "--project", "examples/bac-kan", "--format", "html", "--language", "en",
        ])
        #expect(english.out.contains("Legal basis") && english.out.contains("<html lang=\"en\">"))
    }

    @Test func explainListsTheEventsTheWhereClauseRejected() throws {
        let p = TestProject().standardConfig(extra: "as_of: 2023-12-31\n").flatUnits(["x1"])
        defer { p.cleanUp() }
        p.write(
            "rules/r.yaml",
            ruleYAML(
                id: "F",
                kindBody: """
                    kind: frequency
                    event: { type: citizen-reception, where: { role: head } }
                    per: quarter
                    at_least: 1
                    """))
        p.write(
            "logs/e.csv",
            "id,unit,type,date,role\nTCD23-00944,x1,citizen-reception,2023-08-14,deputy\n")
        let args = ["explain", "--project", p.root, "--rule", "F", "--unit", "x1", "--period", "2023-Q3"]
        let en = try dvcheck(args)
        #expect(en.status == 0, "stderr: \(en.err)")
        #expect(en.out.contains("TCD23-00944, 2023-08-14, role: deputy — does not match role: head  logs/e.csv:2"))
        let vi = try dvcheck(args + ["--language", "vi"])
        #expect(vi.out.contains("TCD23-00944, 14/08/2023, role: deputy — không khớp role: head  logs/e.csv:2"))
        let json = try dvcheck(args + ["--format", "json"])
        let finding = (json.json["findings"] as? [[String: Any]])?.first
        let rejected = finding?["rejected"] as? [String: Any]
        let events = rejected?["events"] as? [[String: Any]]
        #expect(events?.first?["id"] as? String == "TCD23-00944")
        #expect(events?.first?["value"] as? String == "deputy")
        #expect(rejected?["in_period"] as? Bool == true)
    }
}
