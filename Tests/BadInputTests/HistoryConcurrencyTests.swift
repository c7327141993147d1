import ComplianceTestSupport
import Foundation
import Testing

/// CI jobs run `check --history` on one file at once: every run must succeed and each finding be
/// marked `new` in exactly one of them — through real parallel processes of the binary.
@Suite("History shared by parallel runs")
struct HistoryConcurrencyTests {
    @Test func parallelRunsNeverFailNorRepeatNew() throws {
        let project = baseProject()
        let count = 6
        let root = project.root
        let runs = RunResults()
        DispatchQueue.concurrentPerform(iterations: count) { i in
            do {
                runs.set(
                    i,
                    try runBounded(
                        [
                            "check", "--format", "json", "--output", "r\(i).json", "--history", "shared.sqlite",
                            "--fail-on", "never", "--quiet", "--project", root,
                        ], in: URL(fileURLWithPath: root), seconds: 120))
            } catch {
                runs.fail("\(error)")
            }
        }
        #expect(runs.failures.isEmpty, "\(runs.failures)")
        var newCount: [String: Int] = [:]
        for i in 0..<count {
            let result = try #require(runs.result(i))
            #expect(result.status == 0, "run \(i): \(result.summary)")
            let data = try Data(contentsOf: URL(fileURLWithPath: project.root + "/r\(i).json"))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for finding in json["findings"] as? [[String: Any]] ?? [] {
                let fingerprint = try #require(finding["fingerprint"] as? String)
                if finding["change"] as? String == "new" { newCount[fingerprint, default: 0] += 1 }
            }
        }
        #expect(!newCount.isEmpty, "the project has no violation to track")
        #expect(newCount.values.allSatisfy { $0 == 1 }, "\(newCount)")
        let history = try runBounded(
            ["history", "--history", "shared.sqlite", "--language", "en"], in: folder(project))
        #expect(history.status == 0, "\(history.summary)")
    }
}

/// Results of parallel runs, by index.
final class RunResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: BoundedRun] = [:]
    private(set) var failures: [String] = []

    func set(_ i: Int, _ run: BoundedRun) {
        lock.lock()
        results[i] = run
        lock.unlock()
    }

    func result(_ i: Int) -> BoundedRun? {
        lock.lock()
        defer { lock.unlock() }
        return results[i]
    }

    func fail(_ text: String) {
        lock.lock()
        failures.append(text)
        lock.unlock()
    }
}

/// A `--history` that is not a regular file is refused before SQLite opens it: a named pipe would be
/// read for ever, and a device would get SQLite's journal created beside it (`/dev/null-journal`).
@Suite("History file kinds")
struct HistoryFileKindTests {
    @Test func namedPipeIsRefused() throws {
        let project = baseProject()
        #expect(mkfifo(project.root + "/h.sqlite", 0o644) == 0)
        let result = try run(project, ["check", "--format", "json", "--history", "h.sqlite"], seconds: 30)
        #expect(!result.timedOut && result.status == 2, "\(result.summary)")
        #expect(hasDiagnostic(result, "history.unreadable"), "\(codes(result))")
        #expect(result.stderr.contains("named pipe"), "\(result.summary)")
    }

    @Test(.enabled(if: OutputTargetTests.isRoot, "mknod needs root; CI runs the tests as root"))
    func deviceIsRefusedAndNoJournalAppears() throws {
        let project = baseProject()
        #expect(mknod(project.root + "/h.sqlite", S_IFCHR | 0o666, OutputTargetTests.nullDevice) == 0)
        let result = try run(project, ["check", "--format", "json", "--history", "h.sqlite"], seconds: 30)
        #expect(result.status == 2, "\(result.summary)")
        #expect(hasDiagnostic(result, "history.unreadable"), "\(codes(result))")
        let names = try FileManager.default.contentsOfDirectory(atPath: project.root)
        #expect(!names.contains { $0.hasPrefix("h.sqlite-") }, "\(names)")
        let shown = try runBounded(["history", "--history", "h.sqlite"], in: folder(project))
        #expect(shown.status == 2 && shown.stderr.contains("một thiết bị"), "\(shown.summary)")
    }
}
