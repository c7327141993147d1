import ComplianceTestSupport
import Foundation
import Testing

/// SPEC §2 and §10.0/§10.6 through the real binary: loading goes on after an error, follow-on
/// errors stay quiet, an invalid as-of date names no date, and diagnostics at scale stay bounded.
@Suite("Loading goes on")
struct LoadingGoesOnTests {
    @Test("a unit registry error does not stop the logs from being read")
    func unitErrorThenLogs() throws {
        let project = baseProject()
        project.write(
            "units.yaml",
            """
            units:
              - { id: bk, name: Tỉnh ủy Bắc Kạn, level: province, kind: party-committee, parent: null }
              - { id: pn, name: Huyện Pác Nặm, level: district, kind: people-committee, parent: nowhere }

            """)
        project.write(
            "logs/events.csv",
            "id,unit,type,date\ne1,pn,citizen-reception,2024-13-01\ne2,xx,citizen-reception,2024-01-02\n")
        let run = try run(project, ["check", "--format", "json"])
        #expect(run.status == 2, "\(run.summary)")
        #expect(hasDiagnostic(run, "unit.unknown-parent", path: "units.yaml", line: 3), "\(codes(run))")
        #expect(hasDiagnostic(run, "log.bad-date", path: "logs/events.csv", line: 2), "\(codes(run))")
        // A unit written in the registry (even one with an error) is no unknown unit; a unit it lacks is.
        #expect(!run.diagnostics.contains { $0["code"] as? String == "log.unknown-unit" && $0["line"] as? Int == 2 })
        #expect(hasDiagnostic(run, "log.unknown-unit", path: "logs/events.csv", line: 3), "\(codes(run))")
        #expect(hasDiagnostic(run, "log.units-unchecked", path: "units.yaml"), "\(codes(run))")
        let logs = (run.json["inputs"] as? [String: Any])?["logs"] as? [[String: Any]]
        #expect(logs?.first?["read"] as? Int == 2)
        #expect(logs?.first?["rejected"] as? Int == 2)
    }

    @Test("a unit registry that is not even YAML does not stop the logs from being read")
    func unreadableRegistryThenLogs() throws {
        let project = baseProject()
        project.write("units.yaml", "units:\n  - { id: bk, name: [Tỉnh ủy\n")
        project.write(
            "logs/events.csv",
            "id,unit,type,date\ne1,pn,citizen-reception,2024-13-01\ne2,xx,citizen-reception,2024-01-02\n")
        let run = try run(project, ["check", "--format", "json"])
        #expect(run.status == 2, "\(run.summary)")
        #expect(run.diagnostics.contains { $0["path"] as? String == "units.yaml" && $0["level"] as? String == "error" })
        #expect(hasDiagnostic(run, "log.bad-date", path: "logs/events.csv", line: 2), "\(codes(run))")
        // Units are not checked without a registry: no record is an unknown unit.
        #expect(!hasDiagnostic(run, "log.unknown-unit"), "\(codes(run))")
        let note = run.diagnostics.first { $0["code"] as? String == "log.units-unchecked" }
        #expect(note?["path"] as? String == "units.yaml", "\(codes(run))")
        #expect((note?["message"] as? String)?.contains("without checking their units") == true)
        let logs = (run.json["inputs"] as? [String: Any])?["logs"] as? [[String: Any]]
        #expect(logs?.first?["read"] as? Int == 2)
        #expect(logs?.first?["accepted"] as? Int == 1)
        #expect(logs?.first?["rejected"] as? Int == 1)
        #expect((run.json["findings"] as? [Any])?.isEmpty == true)
    }

    @Test("a waiver naming a rule that failed to load gets no 'unknown rule'")
    func noFollowOnUnknownRule() throws {
        let project = baseProject()
        project.write(
            "rules/reception.yaml",
            monthlyRule(id: "R-RECEPTION", title: "Citizen reception").replacingOccurrences(
                of: "per: month", with: "per: fortnight"))
        project.write(
            "dvcheck.yaml",
            "timezone: Asia/Ho_Chi_Minh\nlanguage: en\nas_of: 2024-12-31\nrules: [rules/]\nunits: units.yaml\nlogs: [logs/]\nwaivers: waivers.yaml\n"
        )
        project.write(
            "waivers.yaml",
            "waivers:\n  - rule: R-RECEPTION\n    reason: Tết\n    approved_by: Ban Dân vận\n    expires: 2024-12-31\n  - rule: R-NOWHERE\n    reason: Tết\n    approved_by: Ban Dân vận\n    expires: 2024-12-31\n"
        )
        let run = try run(project, ["validate", "--format", "json"])
        #expect(run.status == 2, "\(run.summary)")
        #expect(hasDiagnostic(run, "rule.invalid-value", path: "rules/reception.yaml"), "\(codes(run))")
        #expect(!hasDiagnostic(run, "waiver.unknown-rule", line: 2), "\(codes(run))")
        #expect(hasDiagnostic(run, "waiver.unknown-rule", path: "waivers.yaml", line: 6), "\(codes(run))")
    }

    @Test("an invalid as_of in dvcheck.yaml stops the run and the JSON names no date")
    func invalidAsOf() throws {
        let project = baseProject()
        project.write(
            "dvcheck.yaml",
            "timezone: Asia/Ho_Chi_Minh\nlanguage: en\nas_of: 2024-02-30\nrules: [rules/]\nunits: units.yaml\nlogs: [logs/]\n"
        )
        let run = try run(project, ["check", "--format", "json"])
        #expect(run.status == 2, "\(run.summary)")
        #expect(hasDiagnostic(run, "config.invalid-value", path: "dvcheck.yaml", line: 3), "\(codes(run))")
        #expect(run.json["as_of"] is NSNull, "as_of: \(run.json["as_of"] ?? "absent")")
        #expect((run.json["findings"] as? [Any])?.isEmpty == true)
        // No other format names the stand-in either: today (in any zone), written either way.
        let now = Date()
        var standIns: [String] = []
        for offset in [-1.0, 0, 1] {
            let c = Calendar(identifier: .gregorian).dateComponents(
                in: TimeZone(identifier: "UTC")!, from: now.addingTimeInterval(offset * 86_400))
            let (y, m, d) = (c.year ?? 0, c.month ?? 0, c.day ?? 0)
            standIns.append(String(format: "%04d-%02d-%02d", y, m, d))
            standIns.append(String(format: "%02d/%02d/%04d", d, m, y))
            standIns.append(String(format: "%04d%02d%02d", y, m, d))
        }
        for format in ["text", "html", "junit", "sarif", "ics"] {
            let other = try runBounded(
                ["check", "--format", format, "--project", project.root], in: folder(project), seconds: 60)
            let out = String(decoding: other.stdout, as: UTF8.self)
            #expect(other.status == 2, "\(format): \(other.summary)")
            #expect(!out.isEmpty, "\(format)")
            for date in standIns { #expect(!out.contains(date), "\(format) names \(date)") }
        }
        let text = try runBounded(
            ["check", "--format", "text", "--project", project.root], in: folder(project), seconds: 60)
        #expect(String(decoding: text.stdout, as: UTF8.self).contains("As of (unknown)"))
    }

    @Test("validate reports triggers that lack their key")
    func validateMissingKey() throws {
        let project = baseProject()
        project.write(
            "rules/deadline.yaml",
            """
            rules:
              - id: R-RESOLVE
                title: Resolve complaints
                source: { document: Luật Khiếu nại }
                severity: high
                effective: { from: 2024-01-01 }
                kind: deadline
                trigger: { type: complaint-accepted }
                fulfil: { type: complaint-resolved }
                key: ref
                within: 30 days

            """)
        project.write(
            "logs/events.csv",
            "id,unit,type,date,ref\ne1,bk,citizen-reception,2024-01-15,\nc1,bk,complaint-accepted,2024-02-01,\nc2,bk,complaint-accepted,2024-02-02,K-2\n"
        )
        let strict = try run(project, ["validate", "--format", "json"])
        #expect(strict.status == 2, "\(strict.summary)")
        #expect(hasDiagnostic(strict, "deadline.missing-key", path: "logs/events.csv", line: 3), "\(codes(strict))")
        let tolerated = try run(project, ["validate", "--format", "json", "--max-rejected", "1"])
        #expect(tolerated.status == 0, "\(tolerated.summary)")
    }
}

/// SPEC §10.0: a bad date or attribute points at the field's own line and column; record-level
/// diagnostics keep the record's first line.
@Suite("Field-level positions")
struct FieldPositionTests {
    @Test("CSV (plain, quoted, over several lines), JSON Lines and YAML")
    func positions() throws {
        let project = baseProject()
        project.write(
            "logs/events.csv",
            "id,unit,type,date,note\ne1,bk,citizen-reception,2024-13-01,x\n\"e3\",\"bk\",\"cit\nizen-reception\",\"2024\n-02-01\",z\nẹ5,bk,citizen-reception,2024-13-01,x\ne6,bk,citizen-reception\n"
        )
        project.write(
            "logs/b.jsonl",
            "{\"id\":\"j1\",\"unit\":\"bk\",\"type\":\"citizen-reception\",\"date\":\"2024-13-01\"}\n{\"id\":\"j\\u0032\", \"unit\":\"bk\",\"type\":\"citizen-reception\", \"date\": \"2024-13-02\"}\n"
        )
        project.write(
            "logs/c.yaml",
            "events:\n  - id: y1\n    unit: bk\n    type: citizen-reception\n    date: 2024-13-01\n  - { id: y2, unit: bk, type: citizen-reception, date: 2024-13-02 }\n"
        )
        let result = try run(project, ["validate", "--format", "json"])
        let places = Set(
            result.diagnostics.map { "\($0["code"] ?? "") \($0["path"] ?? ""):\($0["line"] ?? 0):\($0["column"] ?? 0)" }
        )
        for expected in [
            "log.bad-date logs/events.csv:2:25", "log.bad-date logs/events.csv:4:17",
            "log.bad-date logs/events.csv:6:25",
            "log.malformed-row logs/events.csv:7:1", "log.bad-date logs/b.jsonl:1:58", "log.bad-date logs/b.jsonl:2:66",
            "log.bad-date logs/c.yaml:5:11", "log.bad-date logs/c.yaml:6:56",
        ] {
            #expect(places.contains(expected), "\(expected) not in \(places.sorted())")
        }
    }

    @Test("a bad attribute value points at its cell")
    func badAttribute() throws {
        let project = baseProject()
        project.write(
            "dvcheck.yaml",
            "timezone: Asia/Ho_Chi_Minh\nlanguage: en\nas_of: 2024-12-31\nrules: [rules/]\nunits: units.yaml\nlogs: [logs/]\nvocabulary: vocabulary.yaml\n"
        )
        project.write(
            "vocabulary.yaml",
            "event_types:\n  citizen-reception: { title: Tiếp công dân, attributes: { participants: number } }\n")
        project.write(
            "logs/events.csv", "id,unit,type,participants,date\ne1,bk,citizen-reception,many,2024-01-02\n")
        let result = try run(project, ["validate", "--format", "json"])
        let bad = result.diagnostics.first { $0["code"] as? String == "log.bad-attribute" }
        #expect(bad?["line"] as? Int == 2)
        #expect(bad?["column"] as? Int == 25, "\(bad ?? [:])")
    }
}

/// SPEC §10.6: many diagnostics of one code in one file are listed up to a cap, counted exactly, and
/// streamed in full to `--diagnostics FILE`.
@Suite("Diagnostics at scale")
struct DiagnosticsAtScaleTests {
    @Test("3,000 bad dates: 20 on stderr, 1,000 in the JSON, every one in the stream")
    func capped() throws {
        let project = baseProject()
        var csv = "id,unit,type,date\n"
        for i in 0..<3000 { csv += "e\(i),bk,citizen-reception,2024-13-\(String(format: "%02d", i % 28 + 1))\n" }
        csv += "u1,nowhere,citizen-reception,2024-01-01\n"
        project.write("logs/events.csv", csv)
        let stream = project.root + "/all.jsonl"
        let run = try run(project, ["check", "--format", "json", "--diagnostics", stream])
        #expect(run.status == 2, "\(run.summary)")
        let badDates = run.diagnostics.filter { $0["code"] as? String == "log.bad-date" }
        #expect(badDates.count == 1001)
        #expect(badDates.filter { $0["message"] != nil }.count == 1000)
        #expect(badDates.last?["omitted"] as? Int == 2000)
        #expect(badDates.last?["path"] as? String == "logs/events.csv")
        #expect(hasDiagnostic(run, "log.unknown-unit", line: 3002))
        let logs = (run.json["inputs"] as? [String: Any])?["logs"] as? [[String: Any]]
        #expect(logs?.first?["rejected"] as? Int == 3001)
        let shown = run.stderr.split(separator: "\n").filter { $0.hasSuffix("[log.bad-date]") }
        #expect(shown.count == 21, "\(shown.suffix(2))")
        #expect(shown.last == "logs/events.csv: note: 2980 more like this [log.bad-date]")
        let lines = try String(contentsOfFile: stream, encoding: .utf8).split(separator: "\n")
        // Every record diagnostic, in reading order; after them come the run's own (a silent unit).
        #expect(lines.filter { $0.contains("\"log.bad-date\"") }.count == 3000)
        let silent = run.diagnostics.filter { $0["code"] as? String == "unit.no-events" }.count
        #expect(lines.count == 3001 + silent)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["code"] as? String == "log.bad-date")
        #expect(first?["line"] as? Int == 2)
        let last = try JSONSerialization.jsonObject(with: Data(lines[3000].utf8)) as? [String: Any]
        #expect(last?["code"] as? String == "log.unknown-unit")
    }

    @Test("records past the cap are only counted without a stream: the same report and terminal output")
    func countedPastTheCapWithoutAStream() throws {
        let project = baseProject()
        var csv = "id,unit,type,date\n"
        for i in 0..<2500 {
            switch i % 5 {
            case 0: csv += "n\(i),nowhere\(i % 7),citizen-reception,2024-01-01\n"
            case 1: csv += "m\(i),bk,citizen-reception,\n"
            default: csv += "d\(i),bk,citizen-reception,2024-02-3\(i % 10)\n"
            }
        }
        project.write("logs/events.csv", csv)
        project.write(
            "logs/more.csv",
            csv.replacingOccurrences(of: "\n", with: "x\n").replacingOccurrences(of: "datex", with: "date"))
        let streamed = try run(project, ["check", "--format", "json", "--diagnostics", project.root + "/all.jsonl"])
        let counted = try run(project, ["check", "--format", "json"])
        #expect(counted.status == streamed.status)
        #expect(counted.stdout == streamed.stdout, "the JSON reports differ")
        #expect(counted.stderr == streamed.stderr, "the terminal outputs differ")
        let badDates = counted.diagnostics.filter {
            $0["code"] as? String == "log.bad-date" && $0["path"] as? String == "logs/events.csv"
        }
        #expect(badDates.count == 1001)
        #expect(badDates.last?["omitted"] as? Int == 500)
    }

    @Test("missing keys found while evaluating: capped in the report, every one in the stream, in order")
    func missingKeysStreamed() throws {
        let project = baseProject()
        project.write(
            "rules/keyed.yaml",
            """
            rules:
              - { id: R-RESOLVE, title: Resolve, source: { document: d }, severity: high, effective: { from: 2024-01-01 },
                  kind: deadline, trigger: { type: complaint-accepted }, fulfil: { type: complaint-resolved },
                  key: ref, within: 30 days }
              - { id: R-CONSULT, title: Consult, source: { document: d }, severity: high, effective: { from: 2024-01-01 },
                  kind: precedence, target: { type: decision }, requires: { type: mttq-consultation }, key: [ref],
                  lead: { min: 0 days, max: 90 days } }

            """)
        // Enough deadline lines (about 250 bytes each) to pass the spool's 4 MiB held in memory.
        let triggers = 20_000
        let targets = 1_500
        var csv = "id,unit,type,date,ref\n"
        for i in 0..<triggers { csv += "c\(i),\(i % 2 == 0 ? "bk" : "pn"),complaint-accepted,2024-02-01,\n" }
        for i in 0..<targets { csv += "d\(i),bk,decision,2024-03-01,\n" }
        project.write("logs/events.csv", csv)
        let stream = project.root + "/all.jsonl"
        let run = try run(
            project, ["check", "--format", "json", "--diagnostics", stream, "--max-rejected", "100000"], seconds: 300)
        #expect(run.status == 1 || run.status == 0, "\(run.summary)")
        let deadline = run.diagnostics.filter { $0["code"] as? String == "deadline.missing-key" }
        #expect(deadline.filter { $0["message"] != nil }.count == 1000)
        #expect(deadline.last?["omitted"] as? Int == triggers - 1000)
        let precedence = run.diagnostics.filter { $0["code"] as? String == "precedence.missing-key" }
        #expect(precedence.last?["omitted"] as? Int == targets - 1000)
        let shown = run.stderr.split(separator: "\n").filter { $0.hasSuffix("[deadline.missing-key]") }
        #expect(shown.count == 21)
        #expect(shown.last == "logs/events.csv: note: \(triggers - 20) more like this [deadline.missing-key]")

        let bytes = try Data(contentsOf: URL(fileURLWithPath: stream))
        let lines = try bytes.split(separator: UInt8(ascii: "\n")).map {
            try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] ?? [:]
        }
        #expect(!lines.contains { $0["omitted"] != nil })
        let keyed = lines.filter { ($0["code"] as? String)?.hasSuffix(".missing-key") == true }
        #expect(keyed.filter { $0["code"] as? String == "deadline.missing-key" }.count == triggers)
        #expect(keyed.filter { $0["code"] as? String == "precedence.missing-key" }.count == targets)
        // Item order: each rule's diagnostics together, in line order within a unit's block.
        var runs: [String] = []
        for d in keyed where runs.last != d["code"] as? String { runs.append(d["code"] as? String ?? "") }
        #expect(runs.count == 2, "\(runs)")
        let triggerLines = keyed.filter { ($0["message"] as? String)?.contains("trigger") == true }.compactMap {
            $0["line"] as? Int
        }
        #expect(Set(triggerLines).count == triggers)
        let again = try runBounded(
            [
                "check", "--format", "json", "--diagnostics", stream, "--max-rejected", "100000", "--project",
                project.root,
            ],
            in: folder(project), seconds: 300)
        #expect(again.status == run.status)
        #expect(try Data(contentsOf: URL(fileURLWithPath: stream)) == bytes, "the stream is deterministic")
    }

    @Test("--diagnostics into a missing folder is exit 2 before anything is read; a device stays a device")
    func unwritableStream() throws {
        let project = baseProject()
        let missing = try run(project, ["validate", "--diagnostics", project.root + "/no/such/folder/d.jsonl"])
        #expect(missing.status == 2, "\(missing.summary)")
        #expect(missing.stderr.contains("[output.write-failed]"), "\(missing.stderr)")
        let device = try run(project, ["validate", "--diagnostics", "/dev/null"])
        #expect(device.status == 0, "\(device.summary)")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test("validate's counts are exact past the cap")
    func exactCounts() throws {
        let project = baseProject()
        var csv = "id,unit,type,date\n"
        for i in 0..<1500 { csv += "e\(i),bk,citizen-reception,2024-02-30\n" }
        project.write("logs/events.csv", csv)
        let result = try run(project, ["validate"])
        #expect(result.status == 2)
        let summary = String(decoding: result.stdout, as: UTF8.self)
        #expect(summary.contains(": 1500 errors, 0 warnings\n"), "\(summary)")
    }
}
