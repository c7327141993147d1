import ArgumentParser
import AuditRun
import ComplianceCore
import Ingest
import Reporting

/// `dvcheck check`: evaluate every rule and report findings (SPEC §5–§9), optionally compared
/// with a previous run (`--history`, `--baseline`).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Evaluate the rules over the logs and report every finding.")

    @OptionGroup var input: InputOptions

    @Option(
        name: .customLong("as-of"),
        help: "Evaluation date YYYY-MM-DD, years 1900–2199 (default: as_of in dvcheck.yaml, else today).")
    var asOf: DateArgument?

    @Option(name: .long, help: "Evaluate nothing before this date (YYYY-MM-DD, years 1900–2199).")
    var from: DateArgument?

    @Option(name: .long, help: "Evaluate nothing after this date (YYYY-MM-DD, years 1900–2199).")
    var to: DateArgument?

    @Option(name: .customLong("unit"), help: "Keep this unit and its descendants (repeatable).")
    var units: [String] = []

    @Option(name: .customLong("rule"), help: "Keep this rule (repeatable).")
    var rules: [String] = []

    @Option(name: .long, help: "text | json | sarif | junit | csv | html | ics")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Write the report to this file (default: standard output).")
    var output: String?

    @Option(
        name: .customLong("fail-on"),
        help: "Lowest severity of a violation that fails the run, or never (default: low; never with --fail-on-new).")
    var failOn: FailOn?

    @Option(
        name: .customLong("fail-on-new"),
        help: "Fail when a violation marked new has at least this severity (needs --history or --baseline).")
    var failOnNew: Severity?

    @Option(name: .customLong("max-rejected"), help: "Rejected records (plus missing-key triggers) tolerated.")
    var maxRejected: Int = 0

    @Flag(name: .customLong("include-satisfied"), help: "List satisfied findings too.")
    var includeSatisfied = false

    @Option(name: .long, help: "vi | en (default: the project's language).")
    var language: Language?

    @Option(name: .long, help: "Order of findings in text and HTML: severity (default) | unit.")
    var sort: ReportSort = .severity

    @Option(
        name: .long, help: "SQLite audit history: compare with its last run of the same scope, then record this one.")
    var history: String?

    @Flag(
        name: .customLong("no-record"),
        help: "With --history: compare with the history but do not record this run (extra formats of one audit).")
    var noRecord = false

    @Option(name: .long, help: "A previous --format json result to compare with (no database).")
    var baseline: String?

    @Option(
        name: .customLong("diagnostics"),
        help:
            "Write every diagnostic to this file as JSON Lines, as they are found (reports list at most 1,000 per code and file)."
    )
    var diagnosticsFile: String?

    @Flag(name: .long, help: "No progress line on standard error.")
    var quiet = false

    @Flag(name: .long, help: "Print time per phase, events per second and peak memory on standard error.")
    var stats = false

    func validate() throws {
        if output?.isEmpty == true { throw ValidationError("--output needs a file name") }
        if maxRejected < 0 { throw ValidationError("--max-rejected must be 0 or more, not \(maxRejected)") }
        try checkRange(from: from, to: to)
        if history != nil && baseline != nil {
            throw ValidationError("use either --history or --baseline, not both")
        }
        if noRecord && history == nil {
            throw ValidationError("--no-record needs --history FILE")
        }
        if failOnNew != nil && history == nil && baseline == nil {
            throw ValidationError("--fail-on-new needs --history FILE or --baseline FILE")
        }
    }

    func run() throws {
        let monitor = RunMonitor(progress: RunMonitor.progressWanted(quiet: quiet))
        let diagnosticFile = try DiagnosticFile.openOrExit(
            diagnosticsFile,
            language: ProjectLoader.diagnosticLanguage(
                configPath: input.configPath, overrides: input.overrides(asOf: nil, language: language)))
        let delivery = CheckDelivery(format: format, output: output, quiet: quiet, monitor: monitor)
        let completion = try CheckRun.perform(request, diagnosticSink: diagnosticFile, delegate: delivery)
        guard let statistics = completion.statistics else { throw ExitCode(completion.exitCode) }
        monitor.finish()
        if stats {
            Terminal.writeError(
                monitor.statistics(
                    events: statistics.events, records: statistics.records, logFiles: statistics.logFiles,
                    rules: statistics.rules))
        }
        throw ExitCode(completion.exitCode)
    }

    /// The run the options ask for.
    private var request: CheckRequest {
        var r = CheckRequest(toolVersion: DVCheckCommand.version)
        r.configPath = input.configPath
        r.overrides = input.overrides(asOf: asOf?.day, language: language)
        r.projectDir = input.projectDir
        r.from = from?.day
        r.to = to?.day
        r.units = units
        r.rules = rules
        r.format = format
        r.output = output
        r.failOn = failOn
        r.failOnNew = failOnNew
        r.maxRejected = maxRejected
        r.includeSatisfied = includeSatisfied
        r.sort = sort
        if let history {
            r.comparison = .history(history, record: !noRecord)
        } else if let baseline {
            r.comparison = .baseline(baseline)
        }
        return r
    }
}
