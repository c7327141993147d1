import ArgumentParser
import ComplianceCore
import Foundation
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

    func validate() throws {
        if let filter, filter.isEmpty { throw ValidationError("--filter needs a non-empty text") }
    }

    func run() throws {
        var report = RuleTestRunner(filter: filter).run(paths: paths.isEmpty ? ["rules/tests"] : paths)
        if let output, InputFiles.contains(output, in: report.inputPaths) {
            // A report must never replace a test or rule file it was made from.
            report.diagnostics.append(
                .error(
                    .configOutputIsInput,
                    Message(.outputIsInput, ["path": output])))
            Terminal.printDiagnostics(
                report.diagnostics.sorted(by: Diagnostic.stableOrder), baseDir: PathResolution.currentDirectory)
            throw ExitCode(2)
        }
        if let filter, report.outcomes.isEmpty, !report.diagnostics.contains(where: { $0.level == .error }) {
            // A CI job whose filter matches nothing must not pass silently.
            report.diagnostics.append(.error(.testNoMatch, Message(.noTestMatches, ["filter": filter])))
        }
        Terminal.printDiagnostics(
            report.diagnostics.sorted(by: Diagnostic.stableOrder), baseDir: PathResolution.currentDirectory)
        let invalid = report.diagnostics.contains(where: { $0.level == .error })
        switch format {
        case .text:
            var out = ""
            for o in report.outcomes {
                let place = "\(o.location.path):\(o.location.line)"
                if let failure = o.failure {
                    out += "FAIL \(place)  \(o.name)\n\(failure)"
                } else {
                    out += "PASS \(place)  \(o.name)\n"
                }
            }
            out += "\(report.passed) passed, \(report.failed) failed\n"
            try OutputWriter.writeText(out, to: output)
        case .junit:
            try OutputWriter.write(TestReportJUnit.render(report), to: output)
        }
        if invalid { throw ExitCode(2) }
        if report.failed > 0 { throw ExitCode(1) }
    }
}
