import ComplianceTestSupport
import Foundation
import Testing

/// The text report says why a run exits 2, and missing paths come with where they resolved to and
/// the nearest existing name.
@Suite struct ExitExplanationTests {
    let sample = fixtures.appendingPathComponent("sample")

    /// A copy of the sample project with one more log holding `rows` bad records.
    func sampleWithRejected(_ rows: Int) throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("dvcheck-exit2-" + UUID().uuidString)
        try FileManager.default.copyItem(at: sample, to: copy)
        var csv = "id,unit,type,date\n"
        for i in 0..<rows { csv += "bad-\(i),bk,citizen-reception,31/02/2024\n" }
        try Data(csv.utf8).write(to: copy.appendingPathComponent("logs/zz-bad.csv"))
        return copy
    }

    @Test func tooManyRejectedRecordsAreNamedWithTheLimit() throws {
        let project = try sampleWithRejected(3)
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try dvcheck(["check", "--project", ".", "--language", "en"], in: project)
        #expect(run.status == 2)
        #expect(
            run.out.hasSuffix(
                "The run cannot be trusted (exit 2): 3 record(s) rejected, more than --max-rejected 0.\n"),
            "\(run.out)")
        let tolerated = try dvcheck(
            ["check", "--project", ".", "--language", "en", "--max-rejected", "3"], in: project)
        #expect(tolerated.status == 1)
        #expect(!tolerated.out.contains("exit 2"))
        let vi = try dvcheck(["check", "--project", "."], in: project)
        #expect(vi.out.contains("3 bản ghi bị loại, nhiều hơn --max-rejected 0"), "\(vi.out)")
        let validated = try dvcheck(["validate", "--project", "."], in: project)
        #expect(validated.status == 2)
        #expect(validated.out.contains("3 bản ghi bị loại, nhiều hơn --max-rejected 0"), "\(validated.out)")
    }

    @Test(arguments: [["--unit", "bk.nowhere"], ["--rule", "NO-SUCH-RULE"]])
    func aRefusedFilterNeverReadsAsNoFindings(filter: [String]) throws {
        let run = try dvcheck(["check", "--project", ".", "--language", "en"] + filter, in: sample)
        #expect(run.status == 2)
        #expect(!run.out.contains("No findings"), "\(run.out)")
        #expect(!run.out.contains("Summary:"), "\(run.out)")
        #expect(run.out.contains("(exit 2): --unit or --rule names nothing"), "\(run.out)")
    }

    @Test func aCleanRunHasNoExitLine() throws {
        let run = try dvcheck(["check", "--project", ".", "--language", "en"], in: sample)
        #expect(run.status == 1)
        #expect(!run.out.contains("exit 2"))
    }

    @Test func outputIsAnnouncedOnlyOnATerminal() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dvcheck-out-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try dvcheck(["check", "--project", ".", "--format", "json", "--output", out.path], in: sample)
        #expect(run.status == 1)
        #expect(FileManager.default.fileExists(atPath: out.path))
        // Standard error is a file here, not a terminal: scripts keep a quiet standard error.
        #expect(!run.err.contains(out.path), "\(run.err)")
    }

    #if os(Linux)
        /// `script` (util-linux) gives the run a terminal, where `--output` says where the report went.
        @Test func outputIsAnnouncedOnATerminal() throws {
            let binary = try #require(dvcheckBinary)
            let out = FileManager.default.temporaryDirectory.appendingPathComponent(
                "dvcheck-tty-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: out) }
            func onTerminal(_ extra: String) throws -> String {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
                process.arguments = [
                    "-qec", "\(binary) check --project . --format json --output \(out.path) \(extra)", "/dev/null",
                ]
                process.currentDirectoryURL = sample
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardInput = FileHandle.nullDevice
                try process.run()
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                return String(decoding: data, as: UTF8.self)
            }
            let shown = try onTerminal("")
            #expect(shown.contains("Đã ghi báo cáo vào \(out.path) ("), "\(shown)")
            #expect(try !onTerminal("--quiet").contains(out.path))
        }
    #endif

    @Test func aMissingProjectFolderGetsItsPathAndANearName() throws {
        let run = try dvcheck(["check", "--project", "sampel"], in: fixtures)
        #expect(run.status == 2)
        #expect(run.err.contains("no such project folder 'sampel'"), "\(run.err)")
        #expect(run.err.contains("resolved to \(fixtures.path)/sampel/dvcheck.yaml"), "\(run.err)")
        #expect(run.err.contains("did you mean 'sample' in \(fixtures.path)?"), "\(run.err)")
    }

    @Test func aMissingListedFileGetsItsPathAndANearName() throws {
        let run = try dvcheck(["validate", "--project", ".", "--units", "unit.yaml"], in: sample)
        #expect(run.status == 2)
        // The sample project is Vietnamese, so are its diagnostics' messages (SPEC §10.9).
        #expect(run.err.contains("đường dẫn đầy đủ: \(sample.path)/unit.yaml"), "\(run.err)")
        #expect(run.err.contains("có phải là 'units.yaml'"), "\(run.err)")
        let logs = try dvcheck(["validate", "--project", ".", "--logs", "log/"], in: sample)
        #expect(logs.status == 2)
        #expect(logs.err.contains("có phải là 'logs'"), "\(logs.err)")
    }
}
