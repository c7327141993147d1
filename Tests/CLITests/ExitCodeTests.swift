import ComplianceTestSupport
import Foundation
import Testing

private let sample = fixtures.appendingPathComponent("sample")

/// Severities in the sample: D critical (violated), F high (violated), P medium (violated),
/// O medium (only waived and satisfied), R low (violated), G info (violated).
@Test(
    arguments: [
        ([], 1),
        (["--fail-on", "never"], 0),
        (["--fail-on", "critical"], 1),
        (["--fail-on", "critical", "--rule", "F-TIEP-DAN"], 0),
        (["--fail-on", "high", "--rule", "F-TIEP-DAN"], 1),
        (["--fail-on", "high", "--rule", "P-THAM-VAN"], 0),
        (["--fail-on", "medium", "--rule", "P-THAM-VAN"], 1),
        (["--fail-on", "medium", "--rule", "R-BAO-CAO"], 0),
        (["--fail-on", "low", "--rule", "R-BAO-CAO"], 1),
        (["--rule", "G-SINH-HOAT"], 0),
        (["--fail-on", "info", "--rule", "G-SINH-HOAT"], 1),
        (["--rule", "O-PHO-BIEN"], 0),
        (["--fail-on", "info", "--rule", "O-PHO-BIEN"], 0),
    ] as [([String], Int32)])
func failOnThresholds(extra: [String], status: Int32) throws {
    let run = try dvcheck(["check", "--project", ".", "--format", "json"] + extra, in: sample)
    #expect(run.status == status, "args \(extra); stderr: \(run.err)")
    #expect(run.json["schema"] as? String == "dvcheck.result/v1")
}

@Test func ruleOptionNarrowsSummaryRules() throws {
    let run = try dvcheck(
        ["check", "--project", ".", "--format", "json", "--rule", "F-TIEP-DAN", "--rule", "O-PHO-BIEN"], in: sample)
    let summary = run.json["summary"] as? [String: Int] ?? [:]
    #expect(summary["rules"] == 2)
    let rules = Set((run.json["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
    #expect(rules == ["F-TIEP-DAN", "O-PHO-BIEN"])
}

@Test func unitOptionKeepsDescendants() throws {
    let run = try dvcheck(
        ["check", "--project", ".", "--format", "json", "--include-satisfied", "--unit", "bk.pn.x1"], in: sample)
    let units = Set((run.json["findings"] as? [[String: Any]] ?? []).compactMap { $0["unit"] as? String })
    #expect(units == ["bk.pn.x1", "bk.pn.x1.cb1"])
}

@Test func fromToOptionsNarrowTheWindow() throws {
    let run = try dvcheck(
        [
            "check", "--project", ".", "--format", "json", "--include-satisfied", "--rule", "F-TIEP-DAN", "--unit",
            "bk.pn.x1", "--from", "2024-02-01", "--to", "2024-04-30",
        ], in: sample)
    let periods = (run.json["findings"] as? [[String: Any]] ?? []).compactMap { $0["period"] as? String }
    #expect(periods == ["2024-02", "2024-03", "2024-04"])
}

/// A project with one rule that is always satisfied, plus `badRows` log rows naming an unknown unit
/// and `missingKeys` deadline triggers without their key.
private func rejectingProject(badRows: Int, missingKeys: Int = 0) -> TestProject {
    let p = TestProject().standardConfig(extra: "as_of: 2023-03-10\n").flatUnits(["x1"])
    p.write(
        "rules/r.yaml",
        ruleYAML(
            kindBody:
                "kind: deadline\ntrigger: { type: complaint-accepted }\nfulfil: { type: complaint-resolved }\nkey: [ref]\nwithin: 30 days"
        ))
    var csv = "id,unit,type,date,ref\n"
    for i in 0..<badRows { csv += "b\(i),nowhere,complaint-accepted,2023-03-01,K\(i)\n" }
    for i in 0..<missingKeys { csv += "m\(i),x1,complaint-accepted,2023-03-01,\n" }
    p.write("logs/e.csv", csv)
    return p
}

@Test(
    arguments: [
        (2, 0, nil, Int32(2)),
        (2, 0, 1, 2),
        (2, 0, 2, 0),
        (2, 0, 3, 0),
        (1, 1, 1, 2),
        (1, 1, 2, 0),
        (0, 1, nil, 2),
    ] as [(Int, Int, Int?, Int32)])
func maxRejectedBoundary(badRows: Int, missingKeys: Int, maxRejected: Int?, status: Int32) throws {
    let p = rejectingProject(badRows: badRows, missingKeys: missingKeys)
    defer { p.cleanUp() }
    let limit = maxRejected.map { ["--max-rejected", String($0)] } ?? []
    let run = try dvcheck(["check", "--project", p.root, "--format", "json"] + limit)
    #expect(run.status == status, "stderr: \(run.err)")
    // The report is written even when the rejected records make the run untrusted.
    #expect(run.json["schema"] as? String == "dvcheck.result/v1")
    let logs = (run.json["inputs"] as? [String: Any])?["logs"] as? [[String: Any]] ?? []
    #expect(logs.first?["rejected"] as? Int == badRows)
    #expect(logs.first?["read"] as? Int == badRows + missingKeys)
}

private func invalidRuleProject() -> TestProject {
    let p = TestProject().standardConfig(extra: "as_of: 2023-03-10\n").flatUnits(["x1"])
    p.write(
        "rules/r.yaml",
        """
        rules:
          - id: BAD
            title: Bad rule
            source: { document: Chỉ thị }
            severty: high
            effective: { from: 2023-01-01 }
            kind: frequency
            event: { type: citizen-reception }
            per: week
            at_least: 1

        """)
    p.write("logs/e.csv", "id,unit,type,date\ne1,x1,citizen-reception,2023-03-01\n")
    return p
}

@Test func invalidRulesExitTwoAndStillWriteTheJSONDocument() throws {
    let p = invalidRuleProject()
    defer { p.cleanUp() }
    let run = try dvcheck(["check", "--project", p.root, "--format", "json"])
    #expect(run.status == 2)
    let doc = run.json
    #expect(doc["schema"] as? String == "dvcheck.result/v1")
    #expect((doc["findings"] as? [Any])?.isEmpty == true)
    let diagnostics = doc["diagnostics"] as? [[String: Any]] ?? []
    let unknown = diagnostics.first { $0["code"] as? String == "rule.unknown-key" }
    #expect(unknown?["level"] as? String == "error")
    #expect(unknown?["path"] as? String == "rules/r.yaml")
    #expect(unknown?["line"] as? Int == 5)
    #expect(unknown?["column"] as? Int == 5)
    #expect((unknown?["message"] as? String)?.contains("severity") == true, "did you mean: \(unknown ?? [:])")
}

@Test func stderrDiagnosticsReadLikeACompilerWithSourceLineAndCaret() throws {
    let p = invalidRuleProject()
    defer { p.cleanUp() }
    let run = try dvcheck(["check", "--project", "."], in: URL(fileURLWithPath: p.root))
    #expect(run.status == 2)
    let lines = run.err.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let i = lines.firstIndex(where: { $0.hasSuffix("[rule.unknown-key]") }) else {
        Issue.record("no rule.unknown-key line in stderr:\n\(run.err)")
        return
    }
    let head = lines[i]
    #expect(head.hasPrefix("rules/r.yaml:5:5: error: "), "\(head)")
    #expect(head.wholeMatch(of: /[^:\s]+:\d+:\d+: error: .+ \[[a-z]+(\.[a-z0-9-]+)+\]/) != nil, "\(head)")
    #expect(i + 2 < lines.count)
    if i + 2 < lines.count {
        #expect(lines[i + 1] == "      severty: high")
        #expect(lines[i + 2] == "  " + String(repeating: " ", count: 4) + "^")
    }
    #expect(!run.err.contains("\u{1B}["))
}

@Test func validateExitsZeroWithWarningsOnly() throws {
    let p = TestProject().standardConfig(extra: "as_of: 2023-03-10\n").flatUnits(["x1"])
    defer { p.cleanUp() }
    p.write(
        "rules/r.yaml",
        ruleYAML(kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: week\nat_least: 1"))
    // An event after the as-of date is accepted, ignored, and warned about.
    p.write("logs/e.csv", "id,unit,type,date\ne1,x1,citizen-reception,2023-03-01\ne2,x1,citizen-reception,2023-04-01\n")
    let text = try dvcheck(["validate", "--project", p.root])
    #expect(text.status == 0, "stderr: \(text.err)")
    #expect(text.err.contains("warning: "))
    #expect(text.err.contains("[log.after-as-of]"))
    let json = try dvcheck(["validate", "--project", p.root, "--format", "json"])
    #expect(json.status == 0)
    #expect(json.json["schema"] as? String == "dvcheck.diagnostics/v1")
    let codes = (json.json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    #expect(codes == ["log.after-as-of"])
}

@Test func validateExitsTwoOnErrorAndListsItInJSON() throws {
    let p = invalidRuleProject()
    defer { p.cleanUp() }
    let text = try dvcheck(["validate", "--project", p.root])
    #expect(text.status == 2)
    #expect(text.err.contains("error: "))
    let json = try dvcheck(["validate", "--project", p.root, "--format", "json"])
    #expect(json.status == 2)
    #expect(json.json["schema"] as? String == "dvcheck.diagnostics/v1")
    let diagnostics = json.json["diagnostics"] as? [[String: Any]] ?? []
    #expect(diagnostics.contains { $0["code"] as? String == "rule.unknown-key" && $0["level"] as? String == "error" })
}

@Test func validateCountsRejectedRecordsAgainstMaxRejected() throws {
    let p = rejectingProject(badRows: 1)
    defer { p.cleanUp() }
    #expect(try dvcheck(["validate", "--project", p.root]).status == 2)
    #expect(try dvcheck(["validate", "--project", p.root, "--max-rejected", "1"]).status == 0)
}
