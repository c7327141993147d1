import ArgumentParser
import AuditRun
import ComplianceCore

/// `check`'s side of an audit run: the progress line, the report written where `--output` says,
/// diagnostics on the terminal, and signals held while the history commits.
struct CheckDelivery: CheckRunDelegate {
    let format: ReportFormat
    let output: String?
    let quiet: Bool
    let monitor: RunMonitor

    func phaseBegan(_ phase: CheckPhase, detail: String) { monitor.begin(phase.rawValue, detail: detail) }

    func phaseProgressed(_ detail: String) { monitor.update(detail) }

    func deliver(_ outcome: CheckOutcome) throws {
        if !ReportFormat.inMemoryRequested { return try stream(outcome) }
        monitor.begin(RunMonitor.Phase.render, detail: "writing the \(format.rawValue) report")
        let bytes = format.renderData(outcome.report, color: output == nil && Terminal.colorWanted(fd: 1))
        monitor.stopLine()
        Terminal.printDiagnostics(outcome.diagnostics, baseDir: outcome.baseDir, language: outcome.report.language)
        monitor.begin(RunMonitor.Phase.write)
        try OutputWriter.write(bytes, to: output, language: outcome.report.language)
        if let output, !quiet {
            Terminal.announceReport(at: output, bytes: bytes.count, language: outcome.language)
        }
    }

    /// A report written as it is rendered (to a temporary file renamed over `--output` when it is
    /// whole, as every report is): the diagnostics first, since the rendering is the writing.
    private func stream(_ outcome: CheckOutcome) throws {
        monitor.stopLine()
        Terminal.printDiagnostics(outcome.diagnostics, baseDir: outcome.baseDir, language: outcome.report.language)
        monitor.begin(RunMonitor.Phase.render, detail: "writing the \(format.rawValue) report")
        let color = output == nil && Terminal.colorWanted(fd: 1)
        let written = try OutputWriter.stream(to: output, language: outcome.report.language) { sink in
            format.write(outcome.report, to: sink, color: color)
        }
        if let output, !quiet {
            Terminal.announceReport(at: output, bytes: written, language: outcome.language)
        }
    }

    func show(_ diagnostics: [Diagnostic], baseDir: String, language: Language) {
        Terminal.printDiagnostics(diagnostics, baseDir: baseDir, language: language)
    }

    func beforeHistoryCommit() throws {
        FaultInjection.killInsideHistoryWrite()
        FaultInjection.terminateInsideHistoryWrite()
        if Interruption.isRequested { throw ExitCode(2) }
    }

    func historyWriteBegins() { Interruption.holdSignals() }

    func historyWriteEnded() { Interruption.releaseSignals() }
}

extension DiagnosticFile: DiagnosticSink {}
