import ComplianceTestSupport
import Foundation
import Testing

/// An interrupted run (SIGINT, SIGTERM, SIGHUP) leaves no temporary file, keeps the old report and
/// exits 2 (SPEC §10.0).
///
/// The run is held inside the report writer by a test hook, after its
/// temporary file is complete and before the rename, which is the moment that matters.
@Suite("Interrupted runs")
struct InterruptionTests {
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func interruptedWriteKeepsTheOldReport(_ signalNumber: Int32) throws {
        let binary = try #require(dvcheckBinary)
        let project = baseProject()
        project.write("out/report.json", "old report\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "check", "--format", "json", "--output", "out/report.json", "--fail-on", "never", "--project", project.root,
        ]
        process.currentDirectoryURL = folder(project)
        var environment = ProcessInfo.processInfo.environment
        environment["DVCHECK_TEST_PAUSE_IN_OUTPUT_WRITE"] = "1"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait for the temporary file: the writer is then paused just before the rename.
        let deadline = Date().addingTimeInterval(30)
        var sawTemporary = false
        while Date() < deadline, process.isRunning {
            if try Self.temporaryFiles(project).count == 1 {
                sawTemporary = true
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(sawTemporary, "the run never reached the report writer")
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 2, "\(stderr)")
        #expect(stderr.contains("interrupted"), "\(stderr)")
        #expect(try Self.temporaryFiles(project).isEmpty)
        #expect(try String(contentsOfFile: project.root + "/out/report.json", encoding: .utf8) == "old report\n")
    }

    static func temporaryFiles(_ project: TestProject) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: project.root + "/out").filter { $0.hasSuffix(".tmp") }
    }
}

/// A signal while the history's rows are written waits for the transaction, which is undone: the
/// run is not recorded, no journal is left, and the exit status is 2.
@Suite("Interrupted history write")
struct InterruptedHistoryTests {
    @Test func signalInsideTheHistoryTransactionRecordsNothing() throws {
        let project = baseProject()
        let first = try run(project, ["check", "--format", "json", "--history", "h.sqlite", "--fail-on", "never"])
        #expect(first.status == 0, "\(first.summary)")
        let before = try Data(contentsOf: URL(fileURLWithPath: project.root + "/h.sqlite"))
        let binary = try #require(dvcheckBinary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "check", "--format", "json", "--history", "h.sqlite", "--fail-on", "never", "--project", project.root,
        ]
        process.currentDirectoryURL = folder(project)
        var environment = ProcessInfo.processInfo.environment
        environment["DVCHECK_TEST_TERM_IN_HISTORY_WRITE"] = "1"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 2, "\(stderr)")
        #expect(stderr.contains("interrupted (SIGTERM)"), "\(stderr)")
        let after = try Data(contentsOf: URL(fileURLWithPath: project.root + "/h.sqlite"))
        #expect(after == before, "the interrupted run changed the history")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root).filter {
            $0.hasPrefix("h.sqlite") && $0 != "h.sqlite"
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
