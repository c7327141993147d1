import ComplianceCore
import History
import Reporting

/// The open-violations trend of `check --history` (the HTML chart and the text line): the scope's
/// recorded runs, then this run.
extension RunComparison {
    /// The trend the result records: the recorded runs' points, then this run's (run number nil).
    static func trend(_ recorded: [OpenViolationPoint], current report: RunReport) -> [HistoryTrendPoint] {
        // The history writes ISO dates; a point whose date does not read is left out, not guessed.
        let earlier = recorded.compactMap { p in
            DateText.parseISODate(p.asOf).map { HistoryTrendPoint(run: p.run, asOf: $0, violated: p.violated) }
        }
        return earlier + [
            HistoryTrendPoint(run: nil, asOf: report.asOf, violated: report.evaluation.summary.violated)
        ]
    }

    /// With `--no-record`: the recorded runs of the scope, read outside any write (nil for a baseline).
    func recordedTrend() -> Result<[OpenViolationPoint]?, DiagnosticFailure> {
        guard case .history(let path) = source else { return .success(nil) }
        do {
            let history = try AuditHistory(path: path)
            return .success(try history.openViolations(scope: scope, last: HistoryTrendPoint.recordedRunsShown))
        } catch {
            return .failure(DiagnosticFailure(.error(.historyUnreadable, error.message)))
        }
    }
}
