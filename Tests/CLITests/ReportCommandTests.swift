import Foundation
import Testing

/// `dvcheck report` (SPEC §10.5), through the real binary on the example project.
@Suite struct ReportCommandTests {
    let tmp: URL

    init() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("dvcheck-report-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { tmp.appendingPathComponent(name).path }

    func bytes(_ name: String) -> Data { FileManager.default.contents(atPath: path(name)) ?? Data() }

    /// `check … --format json` of the example into `name`, with extra arguments.
    func saveResult(_ name: String, _ extra: [String] = []) throws -> RunResult {
        let run = try dvcheck(
            ["check", "--project", "examples/bac-kan", "--format", "json", "--output", path(name), "--quiet"] + extra)
        #expect(run.status == 1, "stderr: \(run.err)")
        return run
    }

    @Test(arguments: ["text", "json", "sarif", "junit", "csv", "html", "ics"])
    func aSavedResultRendersByteIdenticalToCheck(format: String) throws {
        defer { try? FileManager.default.removeItem(at: tmp) }
        _ = try saveResult("result.json")
        let check = try dvcheck([
            "check", "--project", "examples/bac-kan", "--format", format, "--output", path("check.out"), "--quiet",
        ])
        let report = try dvcheck(["report", path("result.json"), "--format", format, "--output", path("report.out")])
        #expect(report.status == check.status, "stderr: \(report.err)")
        #expect(!bytes("check.out").isEmpty)
        #expect(bytes("report.out") == bytes("check.out"), "\(format) re-rendered differs from check's")
    }

    @Test func optionsNotGivenDefaultToTheResultsAndGivenOnesApply() throws {
        defer { try? FileManager.default.removeItem(at: tmp) }
        _ = try saveResult("result.json")
        let never = try dvcheck(["report", path("result.json"), "--format", "json", "--fail-on", "never"])
        #expect(never.status == 0, "stderr: \(never.err)")
        #expect(never.json["exit_code"] as? Int == 0)
        let options = never.json["options"] as? [String: Any]
        #expect(options?["fail_on"] as? String == "never")
        // English labels and sentences from a Vietnamese result.
        let english = try dvcheck(["report", path("result.json"), "--language", "en"])
        let direct = try dvcheck(["check", "--project", "examples/bac-kan", "--language", "en", "--quiet"])
        #expect(english.out == direct.out)
        #expect(english.out.contains("Summary"))
        // Every diagnostic as JSON Lines.
        let listed = try dvcheck([
            "report", path("result.json"), "--diagnostics", path("d.jsonl"), "--output", path("t"),
        ])
        #expect(listed.status == 1)
        let lines = String(decoding: bytes("d.jsonl"), as: UTF8.self).split(separator: "\n")
        let codes = lines.compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }.compactMap { $0["code"] as? String }
        #expect(
            codes == ["log.outside-unit-life", "log.after-as-of", "log.sheet-skipped"]
                + Array(repeating: "unit.no-events", count: 5) + ["waiver.expired"])
    }

    @Test func aResultOfInvalidInputsKeepsExitTwo() throws {
        defer { try? FileManager.default.removeItem(at: tmp) }
        let check = try dvcheck([
            "check", "--project", "examples/bac-kan", "--units", "missing.yaml", "--format", "json", "--output",
            path("bad.json"), "--quiet",
        ])
        #expect(check.status == 2)
        let report = try dvcheck(["report", path("bad.json"), "--fail-on", "never", "--max-rejected", "100"])
        #expect(report.status == 2, "stderr: \(report.err)")
    }

    @Test func mergedShardsEqualTheCombinedRun() throws {
        defer { try? FileManager.default.removeItem(at: tmp) }
        let shards = [["bk.tp", "bk.bb"], ["bk.bt"], ["bk.cd", "bk.cm", "bk.nr", "bk.ns", "bk.pn"]]
        for (i, units) in shards.enumerated() {
            _ = try saveResult("shard\(i).json", units.flatMap { ["--unit", $0] })
        }
        let all = shards.flatMap { $0 }.flatMap { ["--unit", $0] }
        let shardPaths = shards.indices.map { path("shard\($0).json") }
        for format in ["json", "text", "sarif", "junit", "csv", "html", "ics"] {
            let combined = try dvcheck(
                [
                    "check", "--project", "examples/bac-kan", "--format", format, "--output", path("all.\(format)"),
                    "--quiet",
                ]
                    + all)
            let merged = try dvcheck(
                ["report"] + shardPaths + ["--format", format, "--output", path("merged.\(format)")])
            #expect(merged.status == combined.status, "stderr: \(merged.err)")
            #expect(
                bytes("merged.\(format)") == bytes("all.\(format)"), "merged \(format) differs from the combined run")
        }
        let result = try #require(
            try JSONSerialization.jsonObject(with: bytes("merged.json")) as? [String: Any])
        #expect(((result["findings"] as? [Any])?.count ?? 0) > 0)
    }

    @Test func overlappingOrIncompatibleShardsAreRefused() throws {
        defer { try? FileManager.default.removeItem(at: tmp) }
        _ = try saveResult("a.json", ["--unit", "bk.bb"])
        _ = try saveResult("b.json", ["--unit", "bk.bb"])
        _ = try saveResult("c.json", ["--unit", "bk.bt", "--as-of", "2025-09-29"])
        let overlap = try dvcheck(["report", path("a.json"), path("b.json"), "--output", path("o.txt")])
        #expect(overlap.status == 2)
        #expect(overlap.err.contains("[merge.overlap]"), "stderr: \(overlap.err)")
        #expect(!FileManager.default.fileExists(atPath: path("o.txt")))
        let incompatible = try dvcheck(["report", path("a.json"), path("c.json")])
        #expect(incompatible.status == 2)
        #expect(incompatible.err.contains("[merge.incompatible]"), "stderr: \(incompatible.err)")
        #expect(incompatible.err.contains("ngày tính đến khác nhau"), "stderr: \(incompatible.err)")
        let notAResult = try dvcheck(["report", "examples/bac-kan/units.yaml"])
        #expect(notAResult.status == 2)
        #expect(notAResult.err.contains("[report.invalid-result]"), "stderr: \(notAResult.err)")
    }

    @Test func theResultIsSelfContained() throws {
        defer { try? FileManager.default.removeItem(at: tmp) }
        _ = try saveResult("result.json")
        let result = try #require(try JSONSerialization.jsonObject(with: bytes("result.json")) as? [String: Any])
        #expect(result["project_dir"] as? String == "examples/bac-kan")
        #expect(result["exit_code"] as? Int == 1)
        let inputs = try #require(result["inputs"] as? [String: Any])
        let root = packageRoot.appendingPathComponent("examples/bac-kan")
        for log in inputs["logs"] as? [[String: Any]] ?? [] {
            let file = root.appendingPathComponent(log["path"] as? String ?? "")
            let expected = try sha256sum(file)
            #expect(log["sha256"] as? String == expected, "\(log["path"] ?? "")")
        }
        for key in ["units", "calendar", "vocabulary", "waivers"] {
            let entry = inputs[key] as? [String: Any]
            let file = root.appendingPathComponent(entry?["path"] as? String ?? "missing")
            #expect(entry?["sha256"] as? String == (try? sha256sum(file)), "\(key)")
        }
        let summary = try #require(result["summary"] as? [String: Any])
        #expect(summary["rejected"] as? Int == 0 && summary["missing_keys"] as? Int == 0)
        let findings = result["findings"] as? [[String: Any]] ?? []
        let events = result["events"] as? [String: [String: Any]] ?? [:]
        let units = Set((result["units"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        let rules = Set((result["rules"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        for f in findings {
            #expect(units.contains(f["unit"] as? String ?? ""))
            #expect(rules.contains(f["rule"] as? String ?? ""))
            for id in f["events"] as? [String] ?? [] { #expect(events[id] != nil, "event \(id) has no position") }
        }
        // An evidence event's position is its record's line in its log.
        let (id, event) = try #require(events.first)
        let log = try String(contentsOf: root.appendingPathComponent(event["path"] as? String ?? ""), encoding: .utf8)
        let line = log.split(separator: "\n", omittingEmptySubsequences: false)[(event["line"] as? Int ?? 1) - 1]
        #expect(line.contains(id), "line \(event["line"] ?? 0) of \(event["path"] ?? ""): \(line)")
    }
}

/// The file's digest by coreutils' `sha256sum`, independent of the tool's own SHA-256.
func sha256sum(_ file: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
}
