import ComplianceTestSupport
import Foundation
import Testing

/// Inputs the corpus cannot hold in git — named pipes, symbolic-link loops, devices, files of hundreds
/// of megabytes — made on the fly: each must be a clear diagnostic, never a hang or a crash.
@Suite("File-system hazards")
struct FileSystemHazardTests {
    /// A named pipe among the rule files: reading it would block for ever.
    @Test func namedPipeRuleFile() throws {
        let project = baseProject()
        #expect(mkfifo(project.root + "/rules/pipe.yaml", 0o644) == 0)
        let result = try run(project, ["validate", "--format", "json"], seconds: 30)
        #expect(!result.timedOut && !result.signaled && result.status == 2, "\(result.summary)")
        #expect(hasDiagnostic(result, "config.unreadable-file", path: "rules/pipe.yaml"), "\(codes(result))")
    }

    /// A named pipe as a log of each format: a file error, `read` 0, counted against --max-rejected.
    @Test(arguments: ["csv", "jsonl", "yaml"])
    func namedPipeLog(_ format: String) throws {
        let project = baseProject()
        #expect(mkfifo(project.root + "/logs/pipe." + format, 0o644) == 0)
        let result = try run(project, ["check", "--format", "json"], seconds: 30)
        #expect(!result.timedOut && !result.signaled && result.status == 2, "\(result.summary)")
        #expect(hasDiagnostic(result, "log.unreadable", path: "logs/pipe." + format, line: 1), "\(codes(result))")
        let logs = (result.json["inputs"] as? [String: Any])?["logs"] as? [[String: Any]] ?? []
        let entry = logs.first { $0["path"] as? String == "logs/pipe." + format }
        #expect(entry?["read"] as? Int == 0)
        #expect(logs.contains { $0["path"] as? String == "logs/events.csv" && $0["accepted"] as? Int == 1 })
    }

    /// A link to a folder above it inside a rule folder would make the walk endless.
    @Test func symlinkLoopToParentFolder() throws {
        let project = baseProject()
        try FileManager.default.createSymbolicLink(atPath: project.root + "/rules/up", withDestinationPath: "..")
        let result = try run(project, ["validate", "--format", "json"], seconds: 30)
        #expect(!result.timedOut && !result.signaled && result.status == 2, "\(result.summary)")
        #expect(hasDiagnostic(result, "config.symlink-loop", path: "rules/up"), "\(codes(result))")
    }

    /// Two links pointing at each other, in the rules folder and in the logs folder.
    @Test(arguments: ["rules/a.yaml", "logs/a.csv"])
    func symlinkChainLoop(_ path: String) throws {
        let project = baseProject()
        let folder = (project.root + "/" + path as NSString).deletingLastPathComponent
        let ext = (path as NSString).pathExtension
        try FileManager.default.createSymbolicLink(atPath: folder + "/a." + ext, withDestinationPath: "b." + ext)
        try FileManager.default.createSymbolicLink(atPath: folder + "/b." + ext, withDestinationPath: "a." + ext)
        let result = try run(project, ["validate", "--format", "json"], seconds: 30)
        #expect(!result.timedOut && !result.signaled && result.status == 2, "\(result.summary)")
        #expect(hasDiagnostic(result, "config.symlink-loop", path: path), "\(codes(result))")
    }

    /// A configured file that is a loop of links is named as such, at the configuration key.
    @Test func configuredFileIsASymlinkLoop() throws {
        let project = baseProject()
        try FileManager.default.removeItem(atPath: project.root + "/units.yaml")
        try FileManager.default.createSymbolicLink(
            atPath: project.root + "/units.yaml", withDestinationPath: "units.yaml")
        let result = try run(project, ["validate", "--format", "json"], seconds: 30)
        #expect(!result.timedOut && !result.signaled && result.status == 2, "\(result.summary)")
        #expect(hasDiagnostic(result, "config.symlink-loop", path: "dvcheck.yaml", line: 5), "\(codes(result))")
    }

    /// A rule "file" that is a link to nothing.
    @Test func danglingRuleLink() throws {
        let project = baseProject()
        try FileManager.default.createSymbolicLink(
            atPath: project.root + "/rules/gone.yaml", withDestinationPath: "deleted.yaml")
        let result = try run(project, ["validate", "--format", "json"], seconds: 30)
        #expect(result.status == 2 && !result.signaled, "\(result.summary)")
        #expect(hasDiagnostic(result, "config.missing-file", path: "rules/gone.yaml"), "\(codes(result))")
    }

    /// A rule file named in a legacy encoding (not UTF-8) would be skipped without a word if listed
    /// through Foundation; it must be named in a diagnostic instead.
    @Test func ruleFileNameInLegacyEncoding() throws {
        let project = baseProject()
        let name = Array((project.root + "/rules/Huy").utf8) + [0xD6, 0x6E] + Array(".yaml".utf8) + [0]
        let descriptor = name.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
            } ?? -1
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let result = try run(project, ["validate", "--format", "json"], seconds: 30)
        #expect(!result.timedOut && !result.signaled && result.status == 2, "\(result.summary)")
        #expect(hasDiagnostic(result, "config.unreadable-file", path: "rules/Huy\u{FFFD}n.yaml"), "\(codes(result))")
    }

    /// A device as the unit registry: `/dev/zero` never ends, so it must not be read at all.
    @Test func deviceAsUnitRegistry() throws {
        let project = baseProject()
        project.write(
            "dvcheck.yaml",
            "timezone: Asia/Ho_Chi_Minh\nlanguage: en\nas_of: 2024-12-31\nrules: [rules/]\nunits: /dev/zero\nlogs: [logs/]\n"
        )
        let result = try run(project, ["validate", "--format", "json"], seconds: 30)
        #expect(!result.timedOut && !result.signaled && result.status == 2, "\(result.summary)")
        #expect(hasDiagnostic(result, "config.unreadable-file"), "\(codes(result))")
    }

    /// A YAML file over 256 MiB is refused from its size, before any byte is read (a sparse file here).
    @Test func yamlFileOverTheSizeLimit() throws {
        let project = baseProject()
        let path = project.root + "/rules/huge.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("rules: []\n".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(256 << 20) + 1)
        try handle.close()
        let result = try run(project, ["validate", "--format", "json"], seconds: 30)
        #expect(!result.timedOut && !result.signaled && result.status == 2, "\(result.summary)")
        #expect(hasDiagnostic(result, "yaml.limit", path: "rules/huge.yaml", line: 1), "\(codes(result))")
    }

    /// A CSV field over 1 MiB rejects its record, and the records after it are still read.
    @Test func csvFieldOverTheLimit() throws {
        let project = baseProject()
        let long = String(repeating: "x", count: (1 << 20) + 1)
        project.write(
            "logs/events.csv",
            "id,unit,type,date,note\ne1,bk,citizen-reception,2024-01-15,\(long)\ne2,bk,citizen-reception,2024-02-15,ok\n"
        )
        let result = try run(project, ["check", "--format", "json"], seconds: 60)
        #expect(!result.timedOut && !result.signaled && result.status == 2, "\(result.summary)")
        #expect(hasDiagnostic(result, "log.malformed-row", path: "logs/events.csv", line: 2), "\(codes(result))")
        let logs = (result.json["inputs"] as? [String: Any])?["logs"] as? [[String: Any]] ?? []
        #expect(logs.first?["read"] as? Int == 2 && logs.first?["accepted"] as? Int == 1)
    }

    /// A CSV record over 16 MiB (many fields under the field limit) is rejected the same way.
    @Test func csvRecordOverTheLimit() throws {
        let project = baseProject()
        let field = String(repeating: "y", count: 900 << 10)
        let cells = Array(repeating: field, count: 20).joined(separator: ",")
        let header = "id,unit,type,date," + (1...20).map { "c\($0)" }.joined(separator: ",")
        project.write(
            "logs/events.csv",
            header + "\ne1,bk,citizen-reception,2024-01-15," + cells + "\ne2,bk,citizen-reception,2024-02-15,"
                + Array(repeating: "", count: 20).joined(separator: ",") + "\n")
        let result = try run(project, ["check", "--format", "json"], seconds: 120)
        #expect(!result.timedOut && !result.signaled && result.status == 2, "\(result.summary)")
        #expect(hasDiagnostic(result, "log.malformed-row", path: "logs/events.csv", line: 2), "\(codes(result))")
    }

    /// A CSV with a header and no rows is simply empty (SPEC §4): no diagnostic, `read` 0, exit 0.
    @Test func csvHeaderOnly() throws {
        let project = baseProject()
        project.write("logs/more.csv", "id,unit,type,date\n")
        let result = try run(project, ["check", "--format", "json", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.summary)")
        #expect(!result.diagnostics.contains { $0["path"] as? String == "logs/more.csv" }, "\(codes(result))")
        let logs = (result.json["inputs"] as? [String: Any])?["logs"] as? [[String: Any]] ?? []
        #expect(logs.contains { $0["path"] as? String == "logs/more.csv" && $0["read"] as? Int == 0 })
    }

    /// Empty files of each optional kind: a warning that names the file, never a silent default.
    @Test(arguments: [
        ("logs/empty.csv", "log.empty-file", ""), ("logs/empty.yaml", "log.empty-file", ""),
        ("calendar.yaml", "calendar.empty-file", "calendar: calendar.yaml\n"),
        ("waivers.yaml", "waiver.empty-file", "waivers: waivers.yaml\n"),
    ])
    func emptyFileWarns(_ path: String, _ code: String, _ config: String) throws {
        let project = baseProject()
        project.write(path, "")
        project.write(
            "dvcheck.yaml",
            "timezone: Asia/Ho_Chi_Minh\nlanguage: en\nas_of: 2024-12-31\nrules: [rules/]\nunits: units.yaml\n"
                + "logs: [logs/]\n" + config)
        let result = try run(project, ["check", "--format", "json", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.summary)")
        #expect(hasDiagnostic(result, code, path: path, line: 1), "\(codes(result))")
    }
}
