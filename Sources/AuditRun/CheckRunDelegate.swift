import ComplianceCore
import Reporting

/// The phases of a check run its delegate hears about (the progress line, `--stats`).
public enum CheckPhase: String, Sendable {
    case load, evaluate, compare, history
}

/// The command line's side of a check run: progress, the report's delivery, and the moments
/// around the history's commit that signals must respect.
public protocol CheckRunDelegate {
    /// A phase begins; `detail` is what a progress line shows.
    func phaseBegan(_ phase: CheckPhase, detail: String)
    /// The running phase has moved on.
    func phaseProgressed(_ detail: String)
    /// Renders and writes the report and prints its diagnostics. Called at most once; with
    /// `--history`, inside the history's transaction, so a report that cannot be written records
    /// nothing.
    func deliver(_ outcome: CheckOutcome) throws
    /// Diagnostics no report carries (a refused `--output`, a history that could not be written).
    func show(_ diagnostics: [Diagnostic], baseDir: String, language: Language)
    /// Runs after every history row is written, before the commit; throwing undoes the recording.
    func beforeHistoryCommit() throws
    /// The history's rows are about to be written: signals wait until `historyWriteEnded`.
    func historyWriteBegins()
    /// The history's transaction is over, committed or not.
    func historyWriteEnded()
}

/// What a check run found, ready to render: the report (findings, summary, diagnostics bounded per
/// code and file, exit code, why it cannot be trusted) and every diagnostic for the terminal.
public struct CheckOutcome {
    /// The report every format renders.
    public let report: RunReport
    /// Every diagnostic of the run, in stable order.
    public let diagnostics: [Diagnostic]
    /// The folder diagnostics are shown relative to.
    public let baseDir: String
    /// The project's language.
    public let language: Language
}

/// How a check run ended.
public struct CheckCompletion {
    /// SPEC §8's exit code.
    public let exitCode: Int32
    /// Counts for `--stats`; nil when the run was refused before it read a finding.
    public let statistics: CheckStatistics?
}

/// The sizes of a run, for `--stats`.
public struct CheckStatistics: Sendable {
    /// Events accepted.
    public let events: Int
    /// Records read.
    public let records: Int
    /// Log files read.
    public let logFiles: Int
    /// Rules evaluated.
    public let rules: Int
}
