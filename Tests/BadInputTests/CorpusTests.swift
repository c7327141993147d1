import Foundation
import Testing

/// Every file of the bad-input corpus, through the real binary: no crash, no hang, exit 2, and the
/// expected code at the expected file and line.
@Suite("Bad-input corpus")
struct CorpusTests {
    /// The corpus is big enough to cover every input kind (the issue asks for at least 40 cases).
    @Test func corpusCoversEveryInputKind() {
        let cases = CorpusCase.all()
        #expect(cases.count >= 40)
        for prefix in [
            "config-", "rule-", "units-", "calendar-", "vocabulary-", "waivers-", "csv-", "jsonl-", "yamllog-",
        ] {
            #expect(cases.contains { $0.name.hasPrefix(prefix) }, "no case for \(prefix)*")
        }
    }

    /// One case: `dvcheck validate --format json` on the base project with the case's files.
    @Test(arguments: CorpusCase.all())
    func badInputIsDiagnosed(_ corpusCase: CorpusCase) throws {
        let project = try corpusCase.materialize()
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try runBounded(["validate", "--project", project.path, "--format", "json"], in: project)
        #expect(!run.timedOut && !run.signaled, "\(run.summary)")
        #expect(run.status == 2, "\(run.summary)")
        let found = run.diagnostics.contains { diagnostic in
            diagnostic["code"] as? String == corpusCase.code && diagnostic["path"] as? String == corpusCase.path
                && diagnostic["line"] as? Int == corpusCase.line
        }
        let seen = run.diagnostics.map { "\($0["code"] ?? "?") \($0["path"] ?? "-"):\($0["line"] ?? "-")" }
        #expect(
            found,
            "expected \(corpusCase.code) at \(corpusCase.path):\(corpusCase.line.map(String.init) ?? "-"); got \(seen)")
    }
}
