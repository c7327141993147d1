import ComplianceCore
import Ingest
import RuleAuthoring

/// How a `test` run ended: the tests' outcomes and diagnostics, whether a report may be written,
/// and the exit code (0 all pass, 1 a failure, 2 an invalid file or a filter that selects no test).
public struct RuleTestOutcome {
    /// The tests run and every diagnostic, those of the run itself included.
    public let report: RuleTestRunner.Report
    /// False when `--output` names an input: nothing may be written.
    public let writesReport: Bool

    /// The exit code.
    public var exitCode: Int32 {
        if !writesReport || report.diagnostics.contains(where: { $0.level == .error }) { return 2 }
        return report.failed > 0 ? 1 : 0
    }
}

/// One `test` run: the rule tests under `paths`, those whose name contains `filter`.
public enum RuleTestRun {
    /// Runs the tests; `output` is refused when it names a test or rule file read.
    public static func perform(
        paths: [String], filter: String?, output: String?, language: Language = .en
    ) -> RuleTestOutcome {
        var report = RuleTestRunner(filter: filter, language: language).run(
            paths: paths.isEmpty ? ["rules/tests"] : paths)
        if let output, InputFiles.contains(output, in: report.inputPaths) {
            // A report must never replace a test or rule file it was made from.
            report.diagnostics.append(
                .error(.configOutputIsInput, Message(.outputIsInput, ["path": output])))
            return RuleTestOutcome(report: report, writesReport: false)
        }
        if let filter, report.outcomes.isEmpty, !report.diagnostics.contains(where: { $0.level == .error }) {
            // A CI job whose filter matches nothing must not pass silently.
            report.diagnostics.append(.error(.testNoMatch, Message(.noTestMatches, ["filter": filter])))
        }
        return RuleTestOutcome(report: report, writesReport: true)
    }
}
