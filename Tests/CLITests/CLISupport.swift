import ComplianceTestSupport
import Foundation
import Testing

/// The package root (shared with every test target that runs the binary).
let packageRoot = BuiltExecutable.packageRoot

/// `Tests/CLITests/Fixtures`.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The built `dvcheck` executable, next to the test binary whatever the scratch path.
let dvcheckBinary = BuiltExecutable.dvcheck

/// What one run of the executable produced.
struct RunResult {
    /// Exit status.
    let status: Int32
    /// Standard output bytes.
    let stdout: Data
    /// Standard error bytes.
    let stderr: Data

    /// Standard output as text.
    var out: String { String(decoding: stdout, as: UTF8.self) }
    /// Standard error as text.
    var err: String { String(decoding: stderr, as: UTF8.self) }

    /// Standard output parsed as a JSON object (empty when it is not one).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: stdout)) as? [String: Any] ?? [:]
    }
}

/// Errors running the executable.
enum RunError: Error, CustomStringConvertible {
    case binaryNotFound

    var description: String { "the dvcheck executable was not found next to the test binary; build it first" }
}

/// Runs `dvcheck` with `arguments` in `directory`; output goes through files, so a large report cannot
/// fill a pipe and block the child.
func dvcheck(_ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:]) throws
    -> RunResult
{
    guard let binary = dvcheckBinary else { throw RunError.binaryNotFound }
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("dvcheck-cli-" + UUID().uuidString)
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
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "NO_COLOR")
    for (k, v) in environment { env[k] = v }
    process.environment = env
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    return RunResult(
        status: process.terminationStatus, stdout: (try? Data(contentsOf: outURL)) ?? Data(),
        stderr: (try? Data(contentsOf: errURL)) ?? Data())
}

/// Compares `actual` with the golden file `Fixtures/golden/<name>` byte for byte, or rewrites the
/// file when `DVCHECK_UPDATE_GOLDEN=1`.
func expectGolden(_ actual: Data, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = fixtures.appendingPathComponent("golden/" + name)
    if ProcessInfo.processInfo.environment["DVCHECK_UPDATE_GOLDEN"] == "1" {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: url)
        return
    }
    guard let expected = FileManager.default.contents(atPath: url.path) else {
        Issue.record(
            "missing golden file \(url.path); run with DVCHECK_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
        let want = line < e.count ? String(e[line]) : "<end>"
        let got = line < a.count ? String(a[line]) : "<end>"
        Issue.record(
            "\(name) differs at line \(line + 1):\n  golden: \(want)\n  actual: \(got)\n(DVCHECK_UPDATE_GOLDEN=1 rewrites it)",
            sourceLocation: sourceLocation)
    }
}
