import ComplianceTestSupport
import Foundation
import Testing

/// `dvcheck init` through the real binary (SPEC §10.10): a starter project that validates and checks,
/// and a folder that is not empty left exactly as it was.
@Suite struct InitCommandTests {
    /// A fresh temporary folder; the project goes into `folder/project`.
    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dvcheck-init-" + UUID().uuidString)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    func read(_ path: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    func files(under path: String) -> [String] {
        let root = folder.appendingPathComponent(path).path
        return ((FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []).sorted()
    }

    @Test func starterProjectValidatesAndChecks() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try dvcheck(["init", "project"], in: folder)
        #expect(made.status == 0, "stderr: \(made.err)")
        for path in ["dvcheck.yaml", "units.yaml", "vocabulary.yaml", "calendars/vn.yaml", "logs/nhat-ky.csv"] {
            #expect(
                FileManager.default.fileExists(atPath: folder.appendingPathComponent("project/" + path).path), "\(path)"
            )
        }
        let config = read("project/dvcheck.yaml")
        #expect(config.contains("\nas_of: 20"))
        #expect(config.contains("\nlanguage: vi"))
        #expect(config.contains("# waivers: waivers.yaml"))
        #expect(read("project/units.yaml").components(separatedBy: "\n  - id: ").count == 4)
        #expect(read("project/logs/nhat-ky.csv").hasPrefix("id,unit,type,date,ref\n"))
        #expect(read("project/logs/nhat-ky.csv").split(separator: "\n").count == 4)

        // A vocabulary naming every type the rules read is what lets validate pass without
        // rule.unknown-type; no warning either (no record dated after as_of or outside a unit's life).
        let validated = try dvcheck(["validate", "--project", "project"], in: folder)
        #expect(validated.status == 0, "stderr: \(validated.err)")
        #expect(validated.out.contains(": 0 lỗi, "), "\(validated.out)")
        #expect(!validated.err.contains("error:"), "\(validated.err)")
        let checked = try dvcheck(["check", "--project", "project", "--format", "json"], in: folder)
        #expect(checked.status == 0 || checked.status == 1, "stderr: \(checked.err)")
        let summary = checked.json["summary"] as? [String: Int] ?? [:]
        #expect(summary["rules"] == 48 || (summary["rules"] ?? 0) > 0)
        #expect((summary["evaluated"] ?? 0) > 0)
    }

    @Test func embeddedPackIsTheRepositorysPack() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try dvcheck(["init", "project"], in: folder).status == 0)
        let pack = packageRoot.appendingPathComponent("rules/dan-van")
        let shipped = ((FileManager.default.enumerator(atPath: pack.path)?.allObjects as? [String]) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files(under: "project/rules") == shipped)
        for name in shipped {
            let original = (try? String(contentsOf: pack.appendingPathComponent(name), encoding: .utf8)) ?? "?"
            let copied = read("project/rules/" + name)
            // Only the editor's schema line differs: it points at the project's own schema/ folder.
            #expect(copied.split(separator: "\n").dropFirst() == original.split(separator: "\n").dropFirst(), "\(name)")
            #expect(copied.hasPrefix("# yaml-language-server: $schema=../schema/rules.schema.json\n"), "\(name)")
        }
        let calendar =
            (try? String(contentsOf: packageRoot.appendingPathComponent("rules/calendars/vn.yaml"), encoding: .utf8))
            ?? "?"
        #expect(
            read("project/calendars/vn.yaml").split(separator: "\n").dropFirst()
                == calendar.split(separator: "\n").dropFirst())
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("project/schema/rules.schema.json").path))
    }

    @Test func aFolderThatIsNotEmptyIsRefusedAndLeftAlone() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try Data("timezone: UTC\n".utf8).write(to: project.appendingPathComponent("dvcheck.yaml"))
        let run = try dvcheck(["init", "project"], in: folder)
        #expect(run.status == 2)
        #expect(run.err.contains("không trống"), "\(run.err)")
        #expect(run.err.contains("[init.not-empty]"), "\(run.err)")
        #expect(files(under: "project") == ["dvcheck.yaml"])
        #expect(read("project/dvcheck.yaml") == "timezone: UTC\n")

        try Data("x".utf8).write(to: folder.appendingPathComponent("a-file"))
        let onFile = try dvcheck(["init", "a-file"], in: folder)
        #expect(onFile.status == 2)
        #expect(read("a-file") == "x")
    }

    @Test func anEmptyFolderIsUsed() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("project"), withIntermediateDirectories: true)
        #expect(try dvcheck(["init", "project"], in: folder).status == 0)
        #expect(try dvcheck(["validate", "--project", "project"], in: folder).status == 0)
    }

    @Test func packAndLanguageOptions() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = folder.appendingPathComponent("my-pack")
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        let rule = """
            rules:
              - id: R-MEETING
                title: Monthly meeting
                source: { document: Local rule }
                severity: medium
                effective: { from: 2022-01-01 }
                kind: frequency
                event: { type: meeting-held, where: { chaired_by: head } }
                per: month
                at_least: 1

            """
        try Data(rule.utf8).write(to: pack.appendingPathComponent("meetings.yaml"))
        let run = try dvcheck(["init", "project", "--pack", "my-pack", "--language", "en"], in: folder)
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(run.out.contains("Created a project in project"), "\(run.out)")
        #expect(files(under: "project/rules") == ["meetings.yaml"])
        #expect(read("project/rules/meetings.yaml") == rule)
        #expect(read("project/dvcheck.yaml").contains("\nlanguage: en"))
        #expect(
            read("project/vocabulary.yaml").contains(
                "  meeting-held:\n    title: meeting-held\n    attributes: { chaired_by: string }\n"))
        #expect(read("project/logs/events.csv").contains(",xa-a.ubnd,meeting-held,"))
        let validated = try dvcheck(["validate", "--project", "project"], in: folder)
        #expect(validated.status == 0, "stderr: \(validated.err)")
    }

    @Test func aMissingOrInvalidPackWritesNothing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("packs"), withIntermediateDirectories: true)
        let missing = try dvcheck(["init", "project", "--pack", "pakcs"], in: folder)
        #expect(missing.status == 2)
        // `init` writes in its --language (default vi), its diagnostics too.
        #expect(missing.err.contains("có phải là 'packs'"), "\(missing.err)")
        #expect(missing.err.contains(folder.appendingPathComponent("pakcs").path), "\(missing.err)")
        try Data("rules:\n  - id: X\n    kind: frequencyy\n".utf8).write(
            to: folder.appendingPathComponent("packs/bad.yaml"))
        let invalid = try dvcheck(["init", "project", "--pack", "packs"], in: folder)
        #expect(invalid.status == 2)
        #expect(invalid.err.contains("error:"), "\(invalid.err)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("project").path))
    }
}
