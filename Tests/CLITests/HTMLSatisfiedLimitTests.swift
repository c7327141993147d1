import ComplianceTestSupport
import Foundation
import Testing

/// `--include-satisfied` in HTML lists satisfied findings only while there are at most
/// `HTMLReporter.satisfiedListLimit` (10,000) of them: a run with more lists none and says how many
/// it left out, so a national audit's page stays one a browser opens.
///
/// The project: 200 communes, each with a citizen reception every week of 2024 — 10,400 satisfied
/// weeks for the whole year, 5,200 for its first half (`--to 2024-06-30`).
@Suite(.serialized) struct HTMLSatisfiedLimitTests {
    static let communes = 200

    static func project() -> TestProject {
        let p = TestProject()
        p.write(
            "dvcheck.yaml",
            """
            timezone: Asia/Ho_Chi_Minh
            language: vi
            as_of: 2024-12-31
            rules: [rules/]
            units: units.yaml
            vocabulary: vocabulary.yaml
            logs: [logs/]

            """)
        var units =
            "units:\n  - { id: p01, name: \"Tỉnh 01\", level: province, kind: people-committee, parent: null }\n"
        var log = "id,unit,type,date\n"
        for i in 1...communes {
            let id = String(format: "p01.c%05d", i)
            units += "  - { id: \(id), name: \"Xã \(i)\", level: commune, kind: people-committee, parent: p01 }\n"
            // Every Wednesday of 2024, from 3 January (day 2 of the year).
            for week in 0..<52 { log += "e\(i)-\(week),\(id),citizen-reception,\(date2024(2 + 7 * week))\n" }
        }
        p.write("units.yaml", units)
        p.write("logs/a.csv", log)
        p.write(
            "vocabulary.yaml",
            """
            event_types:
              citizen-reception: { title: Tiếp công dân }

            """)
        p.write(
            "rules/r.yaml",
            """
            rules:
              - id: S-WEEKLY
                title: { vi: Tiếp công dân hằng tuần, en: Weekly reception }
                source: { document: "Chỉ thị 09", clause: "2" }
                severity: high
                applies_to: { level: commune }
                effective: { from: 2024-01-01 }
                kind: frequency
                event: { type: citizen-reception }
                per: week
                at_least: 1

            """)
        return p
    }

    /// The date of day `index` (0-based) of 2024.
    static func date2024(_ index: Int) -> String {
        let months = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var (month, day) = (0, index)
        while day >= months[month] {
            day -= months[month]
            month += 1
        }
        return "2024-" + (month < 9 ? "0" : "") + "\(month + 1)-" + (day < 9 ? "0" : "") + "\(day + 1)"
    }

    /// The report of `format` with `extra` options, streamed or (with `inMemory`) rendered whole.
    static func report(_ p: TestProject, _ format: String, _ extra: [String], inMemory: Bool = false) throws -> String {
        let out = p.root + "/out-\(UUID().uuidString).\(format)"
        let run = try dvcheck(
            ["check", "--project", p.root, "--format", format, "--output", out, "--include-satisfied"] + extra,
            environment: inMemory ? ["DVCHECK_IN_MEMORY_REPORT": "1"] : [:])
        #expect(run.status != 2, "\(format) \(extra): \(run.err)")
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    /// How many satisfied findings the run has, from its JSON result.
    static func satisfied(_ p: TestProject, _ extra: [String]) throws -> Int {
        let json = try report(p, "json", extra)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require((root["summary"] as? [String: Any])?["satisfied"] as? Int)
    }

    /// The rows of the findings table with a satisfied finding.
    static func satisfiedRows(_ html: String) -> Int {
        html.components(separatedBy: "data-rule=\"S-WEEKLY\" data-status=\"satisfied\"").count - 1
    }

    @Test func aRunUnderTheLimitListsEverySatisfiedFinding() throws {
        let p = Self.project()
        let count = try Self.satisfied(p, ["--to", "2024-06-30"])
        #expect(count > 5_000 && count <= 10_000)
        let html = try Self.report(p, "html", ["--to", "2024-06-30"])
        #expect(Self.satisfiedRows(html) == count)
        #expect(!html.contains("id=\"satisfied-omitted\""))
    }

    @Test(arguments: [
        ([String](), "COUNT phát hiện đạt không được liệt kê ở đây (nhiều hơn 10.000)", "."),
        (["--language", "en"], "COUNT satisfied findings are not listed here (more than 10,000)", ","),
    ])
    func aRunOverTheLimitListsNoneAndSaysHowManyItLeftOut(extra: [String], note: String, separator: String) throws {
        let p = Self.project()
        let count = try Self.satisfied(p, [])
        #expect(count > 10_000)
        let html = try Self.report(p, "html", extra)
        #expect(Self.satisfiedRows(html) == 0)
        let grouped = "\(count / 1_000)" + separator + String(format: "%03d", count % 1_000)
        #expect(html.contains("id=\"satisfied-omitted\">" + note.replacingOccurrences(of: "COUNT", with: grouped)))
        // The violated and pending weeks are still listed; the matrix and summary count the rest.
        #expect(html.contains("data-rule=\"S-WEEKLY\" data-status=\"pending\""))
        #expect(try Self.report(p, "html", extra, inMemory: true) == html)
    }
}
