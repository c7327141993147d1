import ComplianceTestSupport
import Foundation
import Testing

/// A province with a district and a commune under it, a complaints rule, a district roll-up of its
/// share, and a silent commune `h.y` that logs nothing.
private func kpiProject(language: String = "vi") -> TestProject {
    let p = TestProject()
    p.write(
        "dvcheck.yaml", "language: \(language)\nas_of: 2024-02-01\nrules: [rules/]\nunits: units.yaml\nlogs: [logs/]\n")
    p.write(
        "units.yaml",
        """
        units:
          - { id: t, name: "Tỉnh", level: province, kind: party-committee, parent: null, tags: [] }
          - { id: t.h, name: "Huyện Một", level: district, kind: party-committee, parent: t, tags: [] }
          - { id: t.h.x, name: "Xã Một", level: commune, kind: people-committee, parent: t.h, tags: [] }
          - { id: t.h.y, name: "Xã Hai", level: commune, kind: people-committee, parent: t.h, tags: [] }

        """)
    p.write(
        "rules/r.yaml",
        ruleYAML(
            id: "D", extra: "applies_to: { level: commune }",
            kindBody:
                "kind: deadline\ntrigger: { type: complaint-accepted }\nfulfil: { type: complaint-resolved }\nkey: [ref]\nwithin: 10 days"
        )
            + ruleYAML(
                id: "K", extra: "applies_to: { level: district }\nbinding: guidance",
                kindBody: "kind: ratio\nof: D\nper: year\nat_least: 57.5%\nover: subtree"
            ).replacingOccurrences(of: "rules:\n", with: ""))
    p.write(
        "logs/e.csv",
        """
        id,unit,type,date,ref
        a1,t.h.x,complaint-accepted,2023-03-06,A
        b1,t.h.x,complaint-resolved,2023-03-08,A
        a2,t.h.x,complaint-accepted,2023-04-03,B
        b2,t.h.x,complaint-resolved,2023-05-03,B

        """)
    return p
}

@Test func jsonCarriesTheShareItemsAndSilentUnits() throws {
    let p = kpiProject()
    let run = try dvcheck(["check", "--project", p.root, "--format", "json"])
    #expect(run.status == 1, "stderr: \(run.err)")
    let doc = run.json
    #expect(doc["silent_units"] as? [String] == ["t.h.y"])
    #expect((doc["summary"] as? [String: Any])?["silent_units"] as? Int == 1)
    let k = (doc["findings"] as? [[String: Any]] ?? []).first { $0["rule"] as? String == "K" } ?? [:]
    #expect(k["status"] as? String == "violated" && k["reason"] as? String == "below-ratio")
    #expect(k["expected"] as? Double == 57.5 && k["actual"] as? Int == 50)
    #expect(k["items"] as? [String: Int] == ["satisfied": 1, "violated": 1, "pending": 0])
    #expect(k["events"] == nil)
    #expect(run.out.contains("\"expected\": 57.5,") && run.out.contains("\"actual\": 50,"))
    #expect(run.err.contains("[unit.no-events]") && run.err.contains("'t.h.y'"))
}

@Test func textAndHTMLShowKPITablesByDistrictAndNoData() throws {
    let p = kpiProject()
    let text = try dvcheck(["check", "--project", p.root])
    #expect(
        text.out.contains(
            "Chỉ tiêu tỷ lệ theo huyện\n  Huyện Một (t.h)\n    Huyện Một (t.h)  K  2023  50% (1/2)  ≥ 57,5%  CHƯA ĐẠT\n"
        ))
    #expect(text.out.contains("Tỉnh › Huyện Một › Xã Hai (t.h.y)  không có dữ liệu\n"))
    let html = try dvcheck(["check", "--project", p.root, "--format", "html", "--language", "en"])
    #expect(html.out.contains("<table class=\"kpi\" data-group=\"t.h\">"))
    #expect(html.out.contains("<td class=\"n\">50%</td><td class=\"n\">1/2</td><td class=\"n\">≥ 57.5%</td>"))
    #expect(html.out.contains("<li data-unit=\"t.h.y\">"))
    #expect(html.out.contains("no data</span>"))
}

@Test func ruleSelectingARatioEvaluatesItsBaseWithoutListingIt() throws {
    let p = kpiProject()
    let run = try dvcheck(["check", "--project", p.root, "--format", "json", "--rule", "K"])
    let findings = run.json["findings"] as? [[String: Any]] ?? []
    #expect(findings.map { $0["rule"] as? String } == ["K"])
    #expect((run.json["summary"] as? [String: Any])?["rules"] as? Int == 1)
    // Only the ratio rule was evaluated, and it reads no events: nothing is silent.
    #expect(run.json["silent_units"] as? [String] == [])
    let explain = try dvcheck(["explain", "--project", p.root, "--rule", "K", "--unit", "t.h"])
    #expect(explain.out.contains("decided item: t.h.x  A  satisfied"))
    #expect(explain.out.contains("decided item: t.h.x  B  violated (late)"))
}
