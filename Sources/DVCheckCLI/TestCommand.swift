import ArgumentParser
import AuditRun
import ComplianceCore
import Ingest
import RuleAuthoring

/// `dvcheck test`: run rule tests written in YAML (exit 0 all pass, 1 a failure, 2 an invalid file
/// or a `--filter` that selects no test).
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run rule tests: timelines with the findings they must produce.")

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, junit
    }

    @Argument(help: "Rule-test files or folders (default: rules/tests).")
    var paths: [String] = []

    @Option(name: .long, help: "Run only the tests whose name contains this text (case-sensitive).")
    var filter: String?

    @Option(name: .long, help: "text | junit (JUnit XML, one test case per timeline, for CI).")
    var format: Format = .text

    @Option(name: .long, help: "Write the report to this file (default: standard output).")
    var output: String?

    @Option(name: .long, help: "vi | en: the language of the results, failures and diagnostics (default: vi).")
    var language: Language = .vi

    func validate() throws {
        if let filter, filter.isEmpty { throw ValidationError("--filter needs a non-empty text") }
    }

    func run() throws {
        let outcome = RuleTestRun.perform(paths: paths, filter: filter, output: output, language: language)
        let report = outcome.report
        Terminal.printDiagnostics(
            report.diagnostics.sorted(by: Diagnostic.stableOrder), baseDir: PathResolution.currentDirectory,
            language: language)
        guard outcome.writesReport else { throw ExitCode(outcome.exitCode) }
        switch format {
        case .text:
            let passed = MessageCatalogue.label(.testPassed, language)
            let failed = MessageCatalogue.label(.testFailed, language)
            var out = ""
            for o in report.outcomes {
                let place = "\(o.location.path):\(o.location.line)"
                if let failure = o.failure {
                    out += "\(failed) \(place)  \(o.name)\n\(failure)"
                } else {
                    out += "\(passed) \(place)  \(o.name)\n"
                }
            }
            let counts = ["passed": String(report.passed), "failed": String(report.failed)]
            out += MessageCatalogue.render(.testSummary, counts, in: language) + "\n"
            try OutputWriter.writeText(out, to: output, language: language)
        case .junit:
            try OutputWriter.write(TestReportJUnit.render(report, language: language), to: output, language: language)
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
