import ArgumentParser
import AuditRun
import ComplianceCore
import Ingest
import Reporting

/// `dvcheck report RESULT.json…`: renders saved results in any format of `check`, without reading
/// rules or logs; several results (shards of one audit) are merged first (SPEC §10.5).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Render saved JSON results (one, or the shards of one audit) in any format.")

    @Argument(help: "JSON results written by check --format json.")
    var results: [String]

    @Option(name: .long, help: "text | json | sarif | junit | csv | html | ics")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Write the report to this file (default: standard output).")
    var output: String?

    @Option(name: .long, help: "vi | en (default: the result's language).")
    var language: Language?

    @Option(
        name: .customLong("fail-on"),
        help: "Lowest severity of a violation that fails the run, or never (default: the result's).")
    var failOn: FailOn?

    @Option(
        name: .customLong("max-rejected"),
        help: "Rejected records (plus missing-key triggers) tolerated (default: the result's).")
    var maxRejected: Int?

    @Option(name: .long, help: "unit | severity: the order of text and HTML (default: the result's).")
    var sort: SortOrder?

    @Option(name: .long, help: "Write every diagnostic of the results to this file as JSON Lines.")
    var diagnostics: String?

    /// `--sort` values (SPEC §10.9).
    enum SortOrder: String, ExpressibleByArgument, CaseIterable {
        case unit, severity
    }

    func validate() throws {
        if results.isEmpty { throw ValidationError("give at least one JSON result written by check --format json") }
        if let maxRejected, maxRejected < 0 { throw ValidationError("--max-rejected must be 0 or more") }
    }

    func run() throws {
        var request = ReportRequest(results: results)
        request.output = output
        request.language = language
        request.failOn = failOn
        request.maxRejected = maxRejected
        request.sort = sort.flatMap { ReportSort(rawValue: $0.rawValue) }
        // Before any result is read, the sink's failure is told in --language, else Vietnamese.
        let openSink = { try DiagnosticFile.openOrExit(diagnostics, language: language ?? .vi) }
        switch try ReportRun.perform(request, openSink: openSink) {
        case .refused(let diagnostic, let language):
            Terminal.printDiagnostics([diagnostic], baseDir: PathResolution.currentDirectory, language: language)
            throw ExitCode(2)
        case .report(let report):
            let bytes = format.renderData(report, color: output == nil && Terminal.colorWanted(fd: 1))
            Terminal.printDiagnostics(
                report.diagnostics,
                baseDir: PathResolution.absolute(report.projectDir, base: PathResolution.currentDirectory),
                excerpts: false, language: report.language)
            try OutputWriter.write(bytes, to: output, language: report.language)
            throw ExitCode(report.exitCode)
        }
    }
}
