import ComplianceTestSupport
import Foundation
import Testing

/// `check --history`: the trend of open violations over the recorded runs, in the JSON result, the
/// HTML chart and the text summary, re-rendered identically by `dvcheck report` (issue 19, item 3).
@Suite struct HistoryTrendCLITests {
    let tmp: URL

    init() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("dvcheck-trend-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { tmp.appendingPathComponent(name).path }
    func bytes(_ name: String) -> Data { FileManager.default.contents(atPath: path(name)) ?? Data() }
    func text(_ name: String) -> String { String(decoding: bytes(name), as: UTF8.self) }
    func json(_ name: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: bytes(name))) as? [String: Any] ?? [:]
    }

    func check(_ asOf: String, _ format: String, _ output: String, _ extra: [String] = []) throws {
        let run = try dvcheck(
            [
                "check", "--project", "examples/bac-kan", "--as-of", asOf, "--format", format, "--output", path(output),
                "--quiet", "--history", path("h.sqlite"),
            ] + extra)
        #expect(run.status == 1, "stderr: \(run.err)")
    }

    func violated(_ result: [String: Any]) -> Int? { (result["summary"] as? [String: Any])?["violated"] as? Int }

    @Test func threeRunsDrawThreePointsAndAReportRedrawsThemByteForByte() throws {
        defer { try? FileManager.default.removeItem(at: tmp) }
        try check("2025-03-31", "json", "r1.json")
        try check("2025-06-30", "json", "r2.json")
        // The extra formats of the third audit first (not recorded), then the recorded result.
        try check("2025-09-30", "html", "r3.html", ["--no-record"])
        try check("2025-09-30", "text", "r3.txt", ["--no-record"])
        try check("2025-09-30", "json", "r3.json")

        let first = try #require(json("r1.json")["history_trend"] as? [[String: Any]])
        #expect(first.count == 1 && first[0]["this_run"] as? Bool == true)
        let points = try #require(json("r3.json")["history_trend"] as? [[String: Any]])
        #expect(points.count == 3)
        #expect(points.map { $0["run"] as? Int } == [1, 2, nil])
        #expect(points.map { $0["as_of"] as? String } == ["2025-03-31", "2025-06-30", "2025-09-30"])
        #expect(
            points.map { $0["violated"] as? Int } == [
                violated(json("r1.json")), violated(json("r2.json")), violated(json("r3.json")),
            ])

        let html = text("r3.html")
        #expect(html.contains("<svg id=\"chart-trend\""))
        #expect(html.components(separatedBy: "<g class=\"trend-point\">").count - 1 == 3)
        #expect(html.contains("lần này"))
        #expect(!html.contains("<script src") && !html.contains("@font-face"))
        #expect(text("r3.txt").contains("Vi phạm qua các lần kiểm tra: #1 31/03/2025: "))

        for (format, made) in [("html", "r3.html"), ("text", "r3.txt"), ("json", "r3.json")] {
            let out = "re." + format
            let report = try dvcheck(["report", path("r3.json"), "--format", format, "--output", path(out)])
            #expect(report.status == 1, "stderr: \(report.err)")
            #expect(bytes(out) == bytes(made), "\(format) re-rendered from the result differs from check's")
        }
    }

    @Test func aMalformedTrendIsAnInvalidResultNotAGuess() throws {
        defer { try? FileManager.default.removeItem(at: tmp) }
        let run = try dvcheck(["check", "--project", "examples/bac-kan", "--format", "json", "--quiet"])
        var result = run.json
        #expect(!result.isEmpty)
        result["history_trend"] = [["run": 1, "as_of": "31/03/2025", "violated": 3]]
        try JSONSerialization.data(withJSONObject: result).write(to: URL(fileURLWithPath: path("bad.json")))
        let report = try dvcheck(["report", path("bad.json"), "--format", "html"])
        #expect(report.status == 2)
        #expect(report.err.contains("report.invalid-result") && report.err.contains("history_trend"))
        #expect(report.stdout.isEmpty)
    }

    @Test func withoutAHistoryNothingChanges() throws {
        defer { try? FileManager.default.removeItem(at: tmp) }
        let run = try dvcheck([
            "check", "--project", "examples/bac-kan", "--format", "html", "--output", path("plain.html"), "--quiet",
        ])
        #expect(run.status == 1, "stderr: \(run.err)")
        #expect(!text("plain.html").contains("chart-trend"))
        let result = try dvcheck(["check", "--project", "examples/bac-kan", "--format", "json", "--quiet"])
        #expect(result.json["history_trend"] == nil)
        #expect(!result.json.isEmpty)
    }
}
