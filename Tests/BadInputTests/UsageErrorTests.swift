import ComplianceTestSupport
import Foundation
import Testing

/// Usage errors exit 2 with a message naming the option (SPEC §10.0), never ArgumentParser's 64;
/// and no other exit code than 0, 1 and 2 is used.
@Suite("Usage errors")
struct UsageErrorTests {
    /// Each case: the arguments after `check --project ROOT`, and the option the message must name.
    static let cases: [([String], String)] = [
        (["check", "--no-such-option"], "--no-such-option"),
        (["check", "--format", "pdf"], "--format"),
        (["check", "--fail-on", "sometimes"], "--fail-on"),
        (["check", "--max-rejected", "-1"], "--max-rejected"),
        (["check", "--max-rejected", "many"], "--max-rejected"),
        (["validate", "--max-rejected", "-5"], "--max-rejected"),
        (["check", "--max-rejected=-3"], "--max-rejected"),
        (["check", "--from", "2024-06-01", "--to", "2024-01-31"], "--from"),
        (["explain", "--rule", "R-RECEPTION", "--unit", "bk", "--from", "2024-06-01", "--to", "2024-01-31"], "--from"),
        (["check", "--as-of", "2024-02-30"], "--as-of"),
        (["check", "--as-of", "2024-13-01"], "--as-of"),
        (["check", "--as-of", "1899-12-31"], "--as-of"),
        (["check", "--as-of", "2200-01-01"], "--as-of"),
        (["check", "--as-of", "0202-02-09"], "--as-of"),
        (["validate", "--as-of", "yesterday"], "--as-of"),
        (["check", "--from", "31/12/2024"], "--from"),
        (["check", "--to", "9999-12-31"], "--to"),
        (["check", "--no-record"], "--no-record"),
        (["check", "--output", ""], "--output"),
    ]

    @Test(arguments: cases)
    func usageErrorExitsTwoNamingTheOption(_ arguments: [String], _ option: String) throws {
        let project = baseProject()
        let result = try run(project, arguments)
        #expect(result.status == 2 && !result.signaled, "\(arguments): \(result.summary)")
        #expect(result.stderr.contains(option), "\(arguments): \(result.summary)")
    }

    /// Commands without a project: an unknown subcommand, history's --last 0, an unknown schema.
    @Test(arguments: [["frobnicate"], ["history", "--history", "h.sqlite", "--last", "0"], ["schema", "nope"]])
    func otherUsageErrorsExitTwo(_ arguments: [String]) throws {
        let project = baseProject()
        let result = try runBounded(arguments, in: folder(project))
        #expect(result.status == 2, "\(arguments): \(result.summary)")
    }

    /// --help and --version still succeed on standard output.
    @Test(arguments: [["--help"], ["check", "--help"], ["--version"]])
    func helpAndVersionSucceed(_ arguments: [String]) throws {
        let project = baseProject()
        let result = try runBounded(arguments, in: folder(project))
        #expect(result.status == 0, "\(result.summary)")
        #expect(!result.stdout.isEmpty)
    }

    /// A date inside the years 1900–2199 is accepted at both ends.
    @Test(arguments: ["1900-01-01", "2199-12-31"])
    func datesAtTheBoundsAreAccepted(_ date: String) throws {
        let project = baseProject()
        let result = try run(project, ["validate", "--as-of", date])
        #expect(result.status == 0, "\(result.summary)")
    }

    /// A non-UTF-8 --output or --project is refused (exit 2) and nothing is written under a
    /// look-alike name with U+FFFD.
    @Test(arguments: ["--output", "--project"])
    func nonUTF8PathIsRefused(_ option: String) throws {
        let binary = try #require(dvcheckBinary)
        let project = baseProject()
        let value = option == "--output" ? "r\\377.json" : project.root + "/\\377"
        let script =
            "exec \"$0\" check --format json --fail-on never \(option) \"$(printf '\(value)')\""
            + (option == "--output" ? " --project \"$1\"" : "")
        let result = try runBounded(["-c", script, binary, project.root], in: folder(project), via: "/bin/sh")
        #expect(result.status == 2, "\(result.summary)")
        #expect(result.stderr.contains(option) && result.stderr.contains("UTF-8"), "\(result.summary)")
        let names = try FileManager.default.contentsOfDirectory(atPath: project.root)
        #expect(!names.contains { $0.contains("\u{FFFD}") }, "\(names)")
    }
}

/// Run from a folder whose path is not UTF-8, relative paths would resolve to a look-alike: refused.
@Suite("Non-UTF-8 current folder")
struct CurrentFolderTests {
    @Test func nonUTF8CurrentFolderIsRefused() throws {
        let binary = try #require(dvcheckBinary)
        let project = baseProject()
        let script = "mkdir \"$(printf 'Huy\\326n')\" && cd \"$(printf 'Huy\\326n')\" && exec \"$0\" validate"
        let result = try runBounded(["-c", script, binary], in: folder(project), via: "/bin/sh")
        #expect(result.status == 2, "\(result.summary)")
        #expect(result.stderr.contains("current folder") && result.stderr.contains("UTF-8"), "\(result.summary)")
    }
}

/// A file with a non-UTF-8 name found by listing a folder is named in an error by `rules` and
/// `test` too (it used to be skipped without a word there).
@Suite("Non-UTF-8 names in listed folders")
struct ListedNameTests {
    /// Creates `folder/Huy\xD6n.yaml` (a legacy-encoded name) holding `text`.
    static func createLegacyNamed(in folder: String, _ text: String) -> Bool {
        let name = Array((folder + "/Huy").utf8) + [0xD6, 0x6E] + Array(".yaml".utf8) + [0]
        let descriptor = name.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    open($0, O_CREAT | O_WRONLY, 0o644)
                }
            } ?? -1
        }
        guard descriptor >= 0 else { return false }
        _ = text.withCString { write(descriptor, $0, strlen($0)) }
        close(descriptor)
        return true
    }

    @Test func rulesListNamesTheFile() throws {
        let project = baseProject()
        #expect(Self.createLegacyNamed(in: project.root + "/rules", monthlyRule(id: "R-OTHER", title: "Other")))
        let result = try runBounded(["rules", "list", "--rules", "rules"], in: folder(project))
        #expect(result.status == 2, "\(result.summary)")
        #expect(
            result.stderr.contains("[config.unreadable-file]") && result.stderr.contains("UTF-8"), "\(result.summary)")
    }

    /// A log named in a legacy encoding is a file error at its (shown) path, counted against
    /// --max-rejected, never skipped and never read under a look-alike name.
    @Test func logFolderNamesTheFile() throws {
        let project = baseProject()
        #expect(Self.createLegacyNamed(in: project.root + "/logs", "events: []\n"))
        let result = try run(project, ["check", "--format", "json"])
        #expect(result.status == 2, "\(result.summary)")
        #expect(hasDiagnostic(result, "log.unreadable", path: "logs/Huy\u{FFFD}n.yaml"), "\(codes(result))")
    }

    @Test func ruleTestsNameTheFile() throws {
        let project = baseProject()
        try FileManager.default.createDirectory(atPath: project.root + "/tests", withIntermediateDirectories: true)
        #expect(Self.createLegacyNamed(in: project.root + "/tests", "tests: []\n"))
        let result = try runBounded(["test", "tests"], in: folder(project))
        #expect(result.status == 2, "\(result.summary)")
        #expect(
            result.stderr.contains("[config.unreadable-file]") && result.stderr.contains("UTF-8"), "\(result.summary)")
    }
}

/// A reader that goes away before the report is written (`| head`) is a report not delivered:
/// `output.write-failed`, exit 2 — never a death by SIGPIPE (no exit code but 0, 1, 2).
@Suite("Closed standard output")
struct ClosedOutputTests {
    @Test func closedPipeExitsTwo() throws {
        let binary = try #require(dvcheckBinary)
        let project = baseProject()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["check", "--format", "json", "--fail-on", "never", "--project", project.root]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        // No reader from the start: the report's first write meets a closed pipe, whatever the timing.
        try output.fileHandleForReading.close()
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 2, "\(stderr)")
        #expect(stderr.contains("[output.write-failed]"), "\(stderr)")
    }
}
