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
