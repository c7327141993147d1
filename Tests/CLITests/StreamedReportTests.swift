import ComplianceTestSupport
import Foundation
import Testing

/// A large audit's report is written as it is rendered, its findings streamed through a spill file
/// (SPEC §8 order): the bytes must be those of the in-memory path (`DVCHECK_IN_MEMORY_REPORT=1`).
///
/// The project is a small national audit: 601 units (three of the engine's blocks of 256), nothing logged for most of them (every
/// period violated), a few events (satisfied periods, evidence positions) and a waiver.
@Suite(.serialized) struct StreamedReportTests {
    static let communes = 300

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
            waivers: waivers.yaml
            logs: [logs/]

            """)
        var units =
            "units:\n  - { id: p01, name: \"Tỉnh 01\", level: province, kind: people-committee, parent: null }\n"
        for i in 1...communes {
            let id = String(format: "p01.c%05d", i)
            units += "  - { id: \(id), name: \"Xã \(i)\", level: commune, kind: people-committee, parent: p01 }\n"
            units += "  - { id: \(id).cb, name: \"Chi bộ xã \(i)\", level: cell, kind: party-cell, parent: \(id) }\n"
        }
        p.write("units.yaml", units)
        p.write(
            "vocabulary.yaml",
            """
            event_types:
              citizen-reception: { title: Tiếp công dân }
              dialogue: { title: Đối thoại }
              report-submitted: { title: Báo cáo định kỳ }
              party-cell-meeting-attended: { title: Dự sinh hoạt chi bộ }

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
                effective: { from: 2024-09-02 }
                kind: frequency
                event: { type: citizen-reception }
                per: week
                at_least: 1
              - id: S-MONTHLY
                title: { vi: Đối thoại hằng tháng, en: Monthly dialogue }
                source: { document: "Chỉ thị 09", clause: "2" }
                severity: medium
                applies_to: { level: [province, commune] }
                effective: { from: 2024-07-01 }
                kind: frequency
                event: { type: dialogue }
                per: month
                at_least: 1
              - id: S-PERIODIC
                title: { vi: Báo cáo 6 tháng, en: Half-year report }
                source: { document: "Chỉ thị 09", clause: "8" }
                severity: medium
                applies_to: { level: [province, commune] }
                effective: { from: 2024-01-01 }
                kind: periodic
                event: { type: report-submitted }
                per: half-year
                due: { after: end, offset: 15 days }
              - id: S-REGULARITY
                title: { vi: Dự sinh hoạt chi bộ đều đặn, en: Attend cell meetings }
                source: { document: "Chỉ thị 09", clause: "2" }
                severity: low
                applies_to: { kind: party-cell }
                effective: { from: 2024-07-01 }
                kind: regularity
                event: { type: party-cell-meeting-attended }
                max_gap: 45 days

            """)
        p.write(
            "waivers.yaml",
            """
            waivers:
              - rule: S-WEEKLY
                units: [p01.c00002]
                periods: { from: 2024-09-02, to: 2024-09-15 }
                reason: Bão số 3
                approved_by: UBND tỉnh
                expires: 2025-12-31
              - rule: S-PERIODIC
                units: [p01.c00004]
                periods: { from: 2024-01-01, to: 2024-12-31 }
                reason: Sáp nhập xã
                approved_by: UBND tỉnh
                expires: 2025-12-31

            """)
        p.write(
            "logs/a.csv",
            """
            id,unit,type,date
            e1,p01.c00001,citizen-reception,2024-09-03
            e2,p01.c00001,citizen-reception,2024-09-10
            e3,p01.c00003,dialogue,2024-07-15
            e4,p01,dialogue,2024-08-20
            e5,p01.c00001.cb,party-cell-meeting-attended,2024-07-20

            """)
        return p
    }

    /// The report of `format` written to a file, streamed or (with `inMemory`) rendered whole.
    static func report(_ p: TestProject, _ format: String, inMemory: Bool, extra: [String] = []) throws -> Data {
        let out = p.root + "/out-\(inMemory ? "memory" : "stream").\(format)"
        let run = try dvcheck(
            ["check", "--project", p.root, "--format", format, "--output", out, "--fail-on", "never"] + extra,
            environment: inMemory ? ["DVCHECK_IN_MEMORY_REPORT": "1"] : [:])
        #expect(run.status == 0, "\(format) \(extra): \(run.err)")
        return try Data(contentsOf: URL(fileURLWithPath: out))
    }

    @Test(arguments: [
        ("json", [String]()), ("sarif", []), ("csv", []), ("text", []), ("text", ["--sort", "unit"]),
        ("html", []), ("html", ["--sort", "unit"]), ("json", ["--include-satisfied"]), ("csv", ["--include-satisfied"]),
        ("text", ["--include-satisfied"]), ("json", ["--unit", "p01.c00001"]), ("junit", []),
        ("junit", ["--include-satisfied"]), ("junit", ["--sort", "unit", "--language", "en"]),
        ("junit", ["--unit", "p01.c00001"]), ("ics", []), ("ics", ["--include-satisfied"]),
        ("ics", ["--language", "en"]),
    ])
    func theStreamedReportHasTheInMemoryReportsBytes(format: String, extra: [String]) throws {
        let p = Self.project()
        let streamed = try Self.report(p, format, inMemory: false, extra: extra)
        let whole = try Self.report(p, format, inMemory: true, extra: extra)
        #expect(streamed.count > 30_000 || extra.contains("--unit"), "a report of the whole audit")
        #expect(streamed == whole, "\(format) \(extra): streamed and in-memory reports differ")
    }

    @Test func theStreamedJUnitHasEveryKindOfCase() throws {
        let p = Self.project()
        let xml = String(decoding: try Self.report(p, "junit", inMemory: false), as: UTF8.self)
        // One case per evaluated (rule, unit) pair: weekly at the 300 communes, monthly and periodic
        // at them and the province, regularity at the 300 cells.
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == 300 + 301 + 301 + 300)
        #expect(xml.contains("<failure "))
        // Both half-years of S-PERIODIC waived at p01.c00004: the one skipped case, with the waiver.
        #expect(xml.components(separatedBy: "<skipped message=").count == 2)
        #expect(xml.contains("<skipped message=\"MIỄN TRỪ #2: Sáp nhập xã 6 tháng đầu năm 2024;"))
        #expect(xml.contains("<system-out>"))
        #expect(xml.hasSuffix("</testsuites>\n"))
    }

    @Test func theStreamedJSONListsEveryFindingInReportOrder() throws {
        let p = Self.project()
        let data = try Self.report(p, "json", inMemory: false)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let findings = try #require(root["findings"] as? [[String: Any]])
        let summary = try #require(root["summary"] as? [String: Any])
        let listed =
            (summary["violated"] as? Int ?? 0) + (summary["pending"] as? Int ?? 0)
            + (summary["waived"] as? Int ?? 0)
        #expect(findings.count == listed)
        #expect(findings.count > 6_000)
        let keys = findings.map { ($0["unit"] as? String ?? "") + "\u{0}" + ($0["rule"] as? String ?? "") }
        #expect(
            zip(keys, keys.dropFirst()).allSatisfy { a, b in
                !b.unicodeScalars.lexicographicallyPrecedes(a.unicodeScalars)
            })
        #expect(findings.contains { $0["status"] as? String == "waived" })
    }
}
