import ComplianceTestSupport
import Foundation

/// The package root (shared with every test target that runs the binary).
let packageRoot = BuiltExecutable.packageRoot

/// The built `dvcheck` executable, next to the test binary whatever the scratch path.
let dvcheckBinary = BuiltExecutable.dvcheck

/// What one bounded run of the executable produced.
struct BoundedRun {
    /// The exit status, or the signal number when `signaled`.
    let status: Int32
    /// True when the process died of a signal (a crash: trap, segfault, abort).
    let signaled: Bool
    /// True when the run outlived its time budget and was killed (a hang).
    let timedOut: Bool
    /// Standard output.
    let stdout: Data
    /// Standard error as text.
    let stderr: String

    /// Standard output parsed as a JSON object (empty when it is not one).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: stdout)) as? [String: Any] ?? [:]
    }

    /// The `diagnostics` array of a JSON report.
    var diagnostics: [[String: Any]] { json["diagnostics"] as? [[String: Any]] ?? [] }

    /// One line for failure messages: how it ended and the start of standard error.
    var summary: String {
        let how = timedOut ? "timed out" : signaled ? "killed by signal \(status)" : "exit \(status)"
        return "\(how); stderr: \(stderr.prefix(600))"
    }
}

/// Errors running the executable.
enum RunError: Error, CustomStringConvertible {
    case binaryNotFound

    var description: String { "the dvcheck executable was not found next to the test binary; build it first" }
}

/// Runs `dvcheck` with `arguments` in `directory`, killing it after `seconds`: a hostile input must
/// never hang the tool, and a hang must not hang the test suite either.
///
/// `via` runs another program instead (a shell that hands `dvcheck` arguments a Swift string cannot hold).
func runBounded(_ arguments: [String], in directory: URL, seconds: Double = 60, via: String? = nil) throws
    -> BoundedRun
{
    guard let binary = via ?? dvcheckBinary else { throw RunError.binaryNotFound }
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("dvcheck-bad-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: tmp) }
    let outURL = tmp.appendingPathComponent("stdout")
    let errURL = tmp.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle.nullDevice
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    var timedOut = false
    if finished.wait(timeout: .now() + seconds) == .timedOut {
        timedOut = true
        kill(process.processIdentifier, SIGKILL)
        finished.wait()
    }
    try outHandle.close()
    try errHandle.close()
    return BoundedRun(
        status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
        timedOut: timedOut, stdout: (try? Data(contentsOf: outURL)) ?? Data(),
        stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
}
