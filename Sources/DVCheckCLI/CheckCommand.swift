import ArgumentParser
import ComplianceCore
import Evaluation
import Foundation
import History
import Ingest
import Reporting

/// `dvcheck check`: evaluate every rule and report findings (SPEC §5–§9), optionally compared
/// with a previous run (`--history`, `--baseline`).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Evaluate the rules over the logs and report every finding.")

    /// `--fail-on` thresholds.
    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case critical, high, medium, low, info, never
    }

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

    /// A report must never replace what it was made from: an input file, the history or the baseline.
    func outputRefusal(_ output: String, _ project: LoadedProject) -> Diagnostic? {
        let cwd = PathResolution.currentDirectory
        let target = PathResolution.absolute(output, base: cwd)
        let others = [history, baseline].compactMap { $0 }.map { PathResolution.absolute($0, base: cwd) }
        guard project.isInput(output) || others.contains(target) else { return nil }
        return .error(
            .configOutputIsInput,
            Message(.outputIsInput, ["path": output]))
    }

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
        monitor.begin(RunMonitor.Phase.load, detail: "reading configuration, rules, units and logs")
        let diagnosticFile = try DiagnosticFile.openOrExit(diagnosticsFile)
        var project = ProjectLoader.load(
            configPath: input.configPath, overrides: input.overrides(asOf: asOf?.day, language: language),
            today: { $0.today(now: Date()) }, stream: diagnosticFile?.stream)
        if let output, let refusal = outputRefusal(output, project) {
            diagnosticFile?.write(refusal, language: project.config.diagnosticLanguage)
            _ = diagnosticFile?.close()
            Terminal.printDiagnostics(
                project.diagnostics.sorted(by: Diagnostic.stableOrder) + [refusal], baseDir: project.config.baseDir,
                language: project.config.diagnosticLanguage)
            throw ExitCode(2)
        }
        var diagnostics = project.diagnostics + filterDiagnostics(project)
        let filtersValid = !diagnostics[project.diagnostics.count...].contains { $0.level == .error }
        var evaluation = EvaluationResult()
        let evaluated = project.inputsValid && filtersValid && project.registry != nil
        let events = project.logFiles.reduce(0) { $0 + $1.accepted }
        let ruleCount = rules.isEmpty ? project.rules.count : Set(rules).count
        if evaluated, let registry = project.registry {
            monitor.begin(
                RunMonitor.Phase.evaluate,
                detail: "\(project.logFiles.count) files read, \(events) events; evaluating \(ruleCount) rules")
            evaluation = Engine.evaluate(
                rules: project.rules, registry: registry, store: project.store, calendar: project.calendar,
                waivers: project.waivers, options: runOptions(project),
                // Satisfied findings are only counted unless a report lists them (memory at scale).
                listSatisfied: includeSatisfied || format == .html)
            monitor.update("\(ruleCount)/\(ruleCount) rules done")
            diagnostics += evaluation.diagnostics
        }
        // Where each evidence event was read, for the reports that point at it (SPEC §10.5, §10.8).
        // CSV and ICS show no positions, so they skip the scan of the rows.
        let evidence =
            format == .csv || format == .ics
            ? [:]
            : EvidenceLocator.locate(evaluation.findings, listSatisfied: includeSatisfied, in: project.store)
        // Findings name their events by id, so the events are not needed from here on: letting them
        // go before the report is built keeps the peak to the larger of the two phases, not their sum
        // (most of a gigabyte at ten million events).
        project.store = EventStore(events: EventTable(), unitCount: 0, files: [])
        var report = makeReport(project, evaluation: evaluation)
        report.events = evidence
        let outcome = Outcome(
            project: project, evaluation: evaluation, filtersValid: filtersValid, diagnostics: diagnostics)

        // The comparison with the previous run.
        let scope = RunComparison.scope(rules: rules, units: units, from: from?.day, to: to?.day)
        var code: Int32
        if evaluated, !noRecord, let path = history {
            code = try compareWriteAndRecord(
                report, outcome, historyPath: path, scope: scope, monitor: monitor, diagnosticFile: diagnosticFile)
        } else {
            var extra: [Diagnostic] = []
            if evaluated, let source = comparisonSource {
                monitor.begin(RunMonitor.Phase.compare)
                switch RunComparison(source: source, scope: scope).previous() {
                case .success(let previous):
                    report.changes = ChangeSet(current: evaluation.findings, previous: previous)
                case .failure(let failure): extra.append(failure.diagnostic)
                }
            }
            code = try write(
                &report, outcome, extraDiagnostics: extra, monitor: monitor, diagnosticFile: diagnosticFile)
        }
        monitor.finish()
        if stats {
            let records = project.logFiles.reduce(0) { $0 + $1.read }
            Terminal.writeError(
                monitor.statistics(events: events, records: records, logFiles: project.logFiles.count, rules: ruleCount)
            )
        }
        throw ExitCode(code)
    }

    /// What the run found, for the report and the exit code.
    struct Outcome {
        let project: LoadedProject
        let evaluation: EvaluationResult
        let filtersValid: Bool
        let diagnostics: [Diagnostic]
    }

    /// Renders and writes the report, prints the diagnostics; returns the exit code (SPEC §8).
    private func write(
        _ report: inout RunReport, _ outcome: Outcome, extraDiagnostics: [Diagnostic], monitor: RunMonitor,
        diagnosticFile: DiagnosticFile?
    ) throws -> Int32 {
        var all = outcome.diagnostics + extraDiagnostics
        var diagnosticFileFailed = false
        if let diagnosticFile {
            // The loaders streamed their own diagnostics as they found them; the rest follow here.
            for d in all[outcome.project.diagnostics.count...] { diagnosticFile.write(d, language: report.language) }
            if let failure = diagnosticFile.close() {
                all.append(failure)
                diagnosticFileFailed = true
            }
        }
        let sorted = all.sorted(by: Diagnostic.stableOrder)
        // At most 1,000 per code and file in the report, then one entry with the count (SPEC §10.6).
        report.diagnostics = BoundedDiagnostics.limited(sorted, to: BoundedDiagnostics.listedPerGroup)
        report.asOfIsKnown = outcome.project.asOfIsKnown
        // The exit code is part of the result (SPEC §10.5), so it is settled before rendering; only a
        // history that cannot be written afterwards can still turn it into 2. Extra diagnostics are
        // errors of the comparison (an unreadable baseline or history).
        var code = exitCode(
            project: outcome.project, evaluation: outcome.evaluation, filtersValid: outcome.filtersValid,
            changes: report.changes)
        if diagnosticFileFailed || !extraDiagnostics.isEmpty { code = 2 }
        report.exitCode = code
        report.untrusted = untrustedReasons(
            outcome.project, evaluation: outcome.evaluation, filtersValid: outcome.filtersValid,
            comparisonFailed: !extraDiagnostics.isEmpty)
        monitor.begin(RunMonitor.Phase.render, detail: "writing the \(format.rawValue) report")
        let bytes = format.renderData(report, color: output == nil && Terminal.colorWanted(fd: 1))
        monitor.stopLine()
        Terminal.printDiagnostics(sorted, baseDir: outcome.project.config.baseDir, language: report.language)
        monitor.begin(RunMonitor.Phase.write)
        try OutputWriter.write(bytes, to: output)
        if let output, !quiet {
            Terminal.announceReport(at: output, bytes: bytes.count, language: outcome.project.config.language)
        }
        return code
    }

    /// `--history` recording: compares with the history's previous run, writes the report and records
    /// this run while holding the history's write lock, so concurrent runs on one file take turns
    /// and each compares with the run recorded just before it.
    private func compareWriteAndRecord(
        _ report: RunReport, _ outcome: Outcome, historyPath: String, scope: String, monitor: RunMonitor,
        diagnosticFile: DiagnosticFile?
    ) throws -> Int32 {
        monitor.begin(RunMonitor.Phase.compare)
        let history: AuditHistory
        do {
            history = try AuditHistory(path: historyPath)
        } catch {
            var report = report
            _ = try write(
                &report, outcome, extraDiagnostics: [.error(.historyUnreadable, error.message)], monitor: monitor,
                diagnosticFile: diagnosticFile)
            return 2
        }
        var code: Int32 = 2
        var holding = false
        defer { if holding { Interruption.releaseSignals() } }
        do {
            try history.compareAndRecord(
                scope: scope,
                beforeCommit: {
                    FaultInjection.killInsideHistoryWrite()
                    FaultInjection.terminateInsideHistoryWrite()
                    if Interruption.isRequested { throw ExitCode(2) }
                }
            ) { previous in
                var report = report
                report.changes = ChangeSet(
                    current: outcome.evaluation.findings, previous: (previous ?? []).map(RunComparison.prior))
                code = try write(
                    &report, outcome, extraDiagnostics: [], monitor: monitor, diagnosticFile: diagnosticFile)
                guard code != 2, let changes = report.changes else { return nil }
                monitor.begin(RunMonitor.Phase.history)
                // From here to the commit a signal waits: the rows are written whole or not at all.
                Interruption.holdSignals()
                holding = true
                return RunComparison.runRecord(report, changes: changes, scope: scope, recordedAt: Date())
            }
        } catch let failure as AuditHistory.Failure {
            Terminal.printDiagnostics(
                [.error(.historyWriteFailed, failure.message)], baseDir: outcome.project.config.baseDir,
                language: report.language)
            code = 2
        }
        return code
    }

    /// Where the previous run comes from, if anywhere.
    private var comparisonSource: RunComparison.Source? {
        if let history { return .history(history) }
        if let baseline { return .baseline(baseline) }
        return nil
    }

    /// `--unit` and `--rule` naming nothing are errors (an audit filtered to a typo would pass).
    private func filterDiagnostics(_ project: LoadedProject) -> [Diagnostic] {
        guard project.inputsValid, let registry = project.registry else { return [] }
        var out: [Diagnostic] = []
        for id in units where registry.index(of: id) == nil {
            out.append(
                .error(
                    .configUnknownUnit,
                    Message(.unknownUnitOption, ["unit": id]) + Suggestions.didYouMean(id, in: registry.ids)))
        }
        let ruleIDs = project.rules.map(\.id)
        for id in rules where !ruleIDs.contains(id) {
            out.append(
                .error(
                    .configUnknownRule,
                    Message(.unknownRuleOption, ["rule": id]) + Suggestions.didYouMean(id, in: ruleIDs))
            )
        }
        return out
    }

    private func runOptions(_ project: LoadedProject) -> RunOptions {
        var options = RunOptions(asOf: project.asOf)
        options.from = from?.day
        options.to = to?.day
        options.units = units
        options.rules = rules
        options.language = project.config.language
        options.calendarFileGiven = project.hasCalendarFile
        options.calendarPath = project.config.calendar.map(project.config.display)
        return options
    }

    private func makeReport(_ project: LoadedProject, evaluation: EvaluationResult) -> RunReport {
        var report = RunReport(
            toolVersion: DVCheckCommand.version, asOf: project.asOf, language: project.config.diagnosticLanguage,
            ruleFiles: project.ruleFiles.map { .init(path: $0.path, sha256: $0.sha256) },
            logFiles: project.logFiles.map {
                .init(
                    path: $0.path, read: $0.read, accepted: $0.accepted, rejected: $0.rejected, ignored: $0.ignored,
                    sha256: $0.sha256)
            },
            evaluation: evaluation,
            rules: Dictionary(project.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            registry: project.inputsValid ? project.registry : nil, diagnostics: [],
            includeSatisfied: includeSatisfied)
        report.evaluatedRuleIDs = rules.isEmpty ? nil : rules
        for w in project.waivers {
            report.waivers[w.index] = .init(reason: w.reason, approvedBy: w.approvedBy, expires: w.expires)
        }
        report.registryFiles = InputDigests.registryFiles(project.config)
        report.projectName = project.config.name
        report.projectDir = input.projectDir
        report.timezone = project.config.timezone
        report.windowFrom = from?.day
        report.windowTo = to?.day
        report.options.failOn = (failOn ?? (failOnNew == nil ? .low : .never)).rawValue
        report.options.maxRejected = maxRejected
        report.options.failOnNew = failOnNew?.rawValue
        report.options.units = units
        report.options.rules = rules
        report.rejected = project.rejectedCount
        report.docsURL = project.config.docsURL
        report.workingDirectory = PathResolution.currentDirectory
        report.sort = sort
        report.options.sort = sort.rawValue
        return report
    }

    /// Why the run will exit 2, known before the report is rendered (the history is written after).
    func untrustedReasons(
        _ project: LoadedProject, evaluation: EvaluationResult, filtersValid: Bool, comparisonFailed: Bool
    ) -> [UntrustedReason] {
        var reasons: [UntrustedReason] = []
        if !project.inputsValid { reasons.append(.invalidInputs) }
        if project.inputsValid && !filtersValid { reasons.append(.unknownFilter) }
        if project.rejectedCount + evaluation.missingKeys > maxRejected {
            reasons.append(
                .tooManyRejected(
                    rejected: project.rejectedCount, missingKeys: evaluation.missingKeys, limit: maxRejected))
        }
        if comparisonFailed { reasons.append(.comparisonFailed) }
        return reasons
    }

    /// SPEC §8 exit codes, in order of precedence; `--fail-on-new` adds new violations to 1.
    func exitCode(project: LoadedProject, evaluation: EvaluationResult, filtersValid: Bool, changes: ChangeSet?)
        -> Int32
    {
        if !project.inputsValid || !filtersValid { return 2 }
        if project.rejectedCount + evaluation.missingKeys > maxRejected { return 2 }
        let threshold = failOn ?? (failOnNew == nil ? .low : .never)
        if let severity = Severity(rawValue: threshold.rawValue),
            evaluation.findings.contains(where: { $0.status == .violated && $0.severity >= severity })
        {
            return 1
        }
        if let severity = failOnNew, let changes,
            evaluation.findings.contains(where: { changes.isNewViolation($0) && $0.severity >= severity })
        {
            return 1
        }
        return 0
    }
}
