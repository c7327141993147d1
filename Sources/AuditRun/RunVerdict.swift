import ComplianceCore
import Reporting

/// SPEC §8's exit code of a check run, and why a run exiting 2 cannot be trusted.
enum RunVerdict {
    /// The exit code, in order of precedence; `--fail-on-new` adds new violations to 1.
    static func exitCode(_ run: CheckRun.Settled, changes: ChangeSet?) -> Int32 {
        let project = run.project
        let request = run.request
        if !project.inputsValid || !run.filtersValid { return 2 }
        if project.rejectedCount + run.evaluation.missingKeys > request.maxRejected { return 2 }
        let findings = run.evaluation.findings
        if let severity = Severity(rawValue: request.failThreshold.rawValue),
            findings.contains(where: { $0.status == .violated && $0.severity >= severity })
                || Severity.allCases.contains(where: { $0 >= severity && (run.spill?.count($0, .violated) ?? 0) > 0 })
        {
            return 1
        }
        if let severity = request.failOnNew, let changes,
            findings.contains(where: { changes.isNewViolation($0) && $0.severity >= severity })
        {
            return 1
        }
        return 0
    }

    /// Why the run will exit 2, known before the report is rendered (the history is written after).
    static func untrustedReasons(_ run: CheckRun.Settled, comparisonFailed: Bool) -> [UntrustedReason] {
        let project = run.project
        let limit = run.request.maxRejected
        var reasons: [UntrustedReason] = []
        if !project.inputsValid { reasons.append(.invalidInputs) }
        if project.inputsValid && !run.filtersValid { reasons.append(.unknownFilter) }
        if project.rejectedCount + run.evaluation.missingKeys > limit {
            reasons.append(
                .tooManyRejected(
                    rejected: project.rejectedCount, missingKeys: run.evaluation.missingKeys, limit: limit))
        }
        if comparisonFailed { reasons.append(.comparisonFailed) }
        return reasons
    }
}
