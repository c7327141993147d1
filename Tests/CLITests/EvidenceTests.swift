import Foundation
import Testing

/// Evidence in every format (issue 18): SARIF points at the log line, HTML links each event to its
/// appendix entry, JUnit cases per rule × unit with dotted class names.
@Suite struct EvidenceTests {
    /// `check` of the example, from the package root, in `format`.
    func example(_ format: String, _ extra: [String] = []) throws -> RunResult {
        let run = try dvcheck(["check", "--project", "examples/bac-kan", "--format", format, "--quiet"] + extra)
        #expect(run.status == 1, "stderr: \(run.err)")
        return run
    }

    @Test func sarifResultsPointAtTheEvidenceLogLineUnderSRCROOT() throws {
        let sarif = try example("sarif").json
        let result = try example("json").json
        let runs = try #require(sarif["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        let findings = try #require(result["findings"] as? [[String: Any]])
        let events = try #require(result["events"] as? [String: [String: Any]])
        #expect(results.count == findings.count)
        var located = 0
        var inWorkbooks = 0
        for (r, f) in zip(results, findings) {
            guard let first = (f["events"] as? [String])?.first, let event = events[first] else { continue }
            let location = (r["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let artifact = location?["artifactLocation"] as? [String: Any]
            #expect(artifact?["uriBaseId"] as? String == "%SRCROOT%")
            #expect(artifact?["uri"] as? String == "examples/bac-kan/" + (event["path"] as? String ?? ""))
            if let sheet = event["sheet"] as? String {
                // A worksheet row: the workbook without a region, and the cell as a logical location
                // (SPEC §10.7).
                #expect(location?["region"] == nil)
                let logical = (r["locations"] as? [[String: Any]])?.first?["logicalLocations"] as? [[String: Any]]
                let cell = logical?.first { $0["kind"] as? String == "worksheet-cell" }
                #expect(cell?["name"] as? String == "\(sheet)!A\(event["line"] as? Int ?? 0)")
                inWorkbooks += 1
            } else {
                #expect((location?["region"] as? [String: Any])?["startLine"] as? Int == event["line"] as? Int)
            }
            let related = (r["relatedLocations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let ruleURI = (related?["artifactLocation"] as? [String: Any])?["uri"] as? String
            #expect(ruleURI?.hasPrefix("rules/dan-van/") == true, "\(ruleURI ?? "nil")")
            located += 1
        }
        #expect(located > 10)
        // The example's workbook log (logs/tiep-cong-dan-2024.xlsx) is the evidence of one finding.
        #expect(inWorkbooks >= 1)
        let workbookEvents = events.values.filter { ($0["path"] as? String)?.hasSuffix(".xlsx") == true }
        #expect(!workbookEvents.isEmpty && workbookEvents.allSatisfy { $0["sheet"] as? String == "Sổ tiếp dân 2024" })
        #expect(events.values.filter { $0["sheet"] != nil }.count == workbookEvents.count)
        let waived = zip(results, findings).filter { $0.1["status"] as? String == "waived" }
        #expect(!waived.isEmpty)
        for (r, _) in waived {
            let suppression = (r["suppressions"] as? [[String: Any]])?.first
            #expect(suppression?["kind"] as? String == "external")
            #expect((suppression?["justification"] as? String)?.isEmpty == false)
        }
        let invocation = (runs.first?["invocations"] as? [[String: Any]])?.first
        #expect(invocation?["exitCode"] as? Int == 1 && invocation?["executionSuccessful"] as? Bool == true)
        // No docs_url in the example: no rule gets a helpUri, whatever its source URL.
        let rules = ((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
        #expect(rules?.contains { $0["helpUri"] != nil } == false)
    }

    @Test func docsURLGivesEveryRuleAHelpURIAndOnlyHttpIsTaken() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("dvcheck-docs-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let example = packageRoot.appendingPathComponent("examples/bac-kan").path
        func config(_ docs: String) throws -> String {
            let text = """
                name: Bắc Kạn
                docs_url: \(docs)
                as_of: 2025-09-30
                rules: [\(packageRoot.path)/rules/dan-van/]
                calendar: \(packageRoot.path)/rules/calendars/vn.yaml
                units: \(example)/units.yaml
                vocabulary: \(example)/vocabulary.yaml
                logs: [\(example)/logs/]
                waivers: \(example)/waivers.yaml
                """
            let path = tmp.appendingPathComponent("dvcheck.yaml")
            try text.write(to: path, atomically: true, encoding: .utf8)
            return path.path
        }
        let good = try dvcheck(["check", "--config", config("https://docs.example.vn/rules"), "--format", "sarif"])
        let runs = good.json["runs"] as? [[String: Any]]
        let rules =
            ((runs?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
        #expect(rules?.isEmpty == false)
        for rule in rules ?? [] {
            #expect(rule["helpUri"] as? String == "https://docs.example.vn/rules#" + (rule["id"] as? String ?? ""))
            let help = rule["help"] as? [String: Any]
            #expect((help?["markdown"] as? String)?.hasPrefix("**") == true)
        }
        let json = try dvcheck(["check", "--config", config("https://docs.example.vn/rules"), "--format", "json"])
        #expect(json.json["project"] as? String == "Bắc Kạn")
        let bad = try dvcheck(["check", "--config", config("javascript:alert(1)"), "--format", "sarif"])
        #expect(bad.status == 2)
        // The project is Vietnamese, so the message is too; the code and the refused value name it.
        #expect(
            bad.err.contains("javascript:alert(1)") && bad.err.contains("[config.invalid-value]"), "stderr: \(bad.err)")
    }

    @Test func htmlLinksEachEvidenceEventToTheAppendix() throws {
        let html = try example("html").out
        #expect(html.contains("<section id=\"evidence\">"))
        let links = html.matches(of: /<a href="#(ev-[A-Za-z0-9_.-]+)">/).map { String($0.1) }
        #expect(links.count > 10)
        for anchor in Set(links) { #expect(html.contains("<tr id=\"\(anchor)\">"), "no appendix row \(anchor)") }
        #expect(html.contains("logs/khieu-nai-to-cao.jsonl:"))
    }

    @Test func textShowsEachEvidenceEventsDateAndLine() throws {
        let text = try example("text").out
        // Dates as the report language writes them (DD/MM/YYYY in Vietnamese, SPEC §10.9).
        #expect(text.contains("KH-00468 (10/02/2025, logs/ke-hoach-so-tong-ket.yaml:"))
        // A workbook row is named by its sheet and first cell.
        #expect(text.contains("TCD24-00157 (05/02/2024, logs/tiep-cong-dan-2024.xlsx:Sổ tiếp dân 2024!A161)"))
        let html = try example("html").out
        #expect(html.contains("logs/tiep-cong-dan-2024.xlsx:Sổ tiếp dân 2024!A161"))
    }

    @Test func junitCasesAreRuleTimesUnitWithDottedClassNames() throws {
        let xml = try example("junit").out
        let classes = xml.matches(of: /classname="([^"]*)"/).map { String($0.1) }
        #expect(!classes.isEmpty)
        #expect(classes.allSatisfy { $0.hasPrefix("dvcheck.") })
        let result = try example("json").json
        let matrix = result["matrix"] as? [[String: Any]] ?? []
        #expect(classes.count == matrix.count)
        // A pair with only pending items passes, listing them.
        let pendingOnly = matrix.first {
            ($0["pending"] as? Int ?? 0) > 0 && $0["violated"] as? Int == 0 && $0["waived"] as? Int == 0
        }
        let pair = try #require(pendingOnly)
        let rule = pair["rule"] as? String ?? ""
        let unit = pair["unit"] as? String ?? ""
        let start = try #require(xml.range(of: "classname=\"dvcheck.\(rule)\" name=\"\(unit) ("))
        let rest = xml[start.upperBound...]
        let end = try #require(rest.range(of: "</testcase>"))
        let body = rest[..<end.lowerBound]
        #expect(body.contains("<system-out>") && !body.contains("<skipped") && !body.contains("<failure"))
    }
}
