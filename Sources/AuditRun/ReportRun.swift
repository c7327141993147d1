import ComplianceCore
import Foundation
import Ingest
import Reporting
import RuleKit

/// What `report` is asked to render: saved results and the options that override theirs.
public struct ReportRequest: Sendable {
    /// JSON results written by `check --format json` (one, or the shards of one audit).
    public var results: [String]
    /// `--output`, refused when it names one of the results.
    public var output: String?
    /// `--language`: the result's findings told again in this language.
    public var language: Language?
    /// `--fail-on`.
    public var failOn: FailOn?
    /// `--max-rejected`.
    public var maxRejected: Int?
    /// `--sort`.
    public var sort: ReportSort?

    /// A request for these results with the results' own options.
    public init(results: [String]) {
        self.results = results
    }
}

/// How a `report` run ended: a report to render, or the one diagnostic that stopped it.
public enum ReportOutcome {
    /// The merged report with its exit code settled under the request's options.
    case report(RunReport)
    /// Nothing to render (an output that is a result, a result that cannot be read or merged), told
    /// in `language`: `--language`, else the first result read, else Vietnamese (SPEC §2's default).
    case refused(Diagnostic, language: Language)
}

/// One `report` run (SPEC §10.5): saved results read back and merged, without rules or logs, so
/// every format renders as `check` did.
public enum ReportRun {
    /// Runs `request`; `openSink` opens `--diagnostics` once the output is known not to be a result.
    public static func perform(_ request: ReportRequest, openSink: () throws -> DiagnosticSink?) throws
        -> ReportOutcome
    {
        let cwd = PathResolution.currentDirectory
        var language = request.language
        func refused(_ diagnostic: Diagnostic) -> ReportOutcome { .refused(diagnostic, language: language ?? .vi) }
        if let output = request.output {
            let target = PathResolution.absolute(output, base: cwd)
            if request.results.contains(where: { PathResolution.absolute($0, base: cwd) == target }) {
                return refused(.error(.configOutputIsInput, Message(.outputIsResultRead, ["path": output])))
            }
        }
        // Opened before anything is read, as check does: a file that cannot be written is exit 2 at once.
        let sink = try openSink()
        var reports: [RunReport] = []
        for path in request.results {
            guard let data = FileManager.default.contents(atPath: path) else {
                return refused(
                    .error(
                        .configMissingFile, Message(.cannotReadResult, ["path": path]), at: SourceLocation(path: path)))
            }
            do throws(ResultReader.Failure) {
                let report = try ResultReader.read(data, reasons: Kinds.reasons)
                language = language ?? report.language
                reports.append(report)
            } catch {
                return refused(
                    .error(
                        .reportInvalidResult,
                        Message(.notADVCheckResult, ["path": path], nested: ["why": error.message]),
                        at: SourceLocation(path: path)))
            }
        }
        var report: RunReport
        do {
            report = try ResultMerger.merge(reports, names: request.results)
        } catch {
            return refused(error.diagnostic)
        }
        report.workingDirectory = cwd
        if let failOn = request.failOn { report.options.failOn = failOn.rawValue }
        if let maxRejected = request.maxRejected { report.options.maxRejected = maxRejected }
        if let sort = request.sort { report.options.sort = sort.rawValue }
        report.sort = report.options.sort.flatMap(ReportSort.init(rawValue:)) ?? .severity
        if let language = request.language, language != report.language {
            ReportLanguage.switch(&report, to: language)
        }
        report.exitCode = report.computedExitCode()
        report.untrusted = report.savedUntrustedReasons()
        if let sink {
            // The results' diagnostics as listed (entries for left-out ones included), as JSON Lines.
            for d in report.diagnostics { sink.write(d, language: report.language) }
            if let failure = sink.close() {
                report.diagnostics.append(failure)
                report.exitCode = 2
            }
        }
        return .report(report)
    }
}
