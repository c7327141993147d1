import ComplianceCore
import Evaluation
import Foundation
import History
import Ingest
import Reporting

/// One `check` run (SPEC §5–§9): load the project, check the filters, evaluate, compare with a
/// previous run, settle the exit code, hand the outcome to the delegate and record the run.
public enum CheckRun {
    /// Runs `request`; `sink` receives every diagnostic as it is found (`--diagnostics`).
    public static func perform(
        _ request: CheckRequest, diagnosticSink sink: DiagnosticSink?, delegate: some CheckRunDelegate
    ) throws -> CheckCompletion {
        delegate.phaseBegan(.load, detail: "reading configuration, rules, units and logs")
        var project = ProjectLoader.load(
            configPath: request.configPath, overrides: request.overrides, today: { $0.today(now: request.now) },
            stream: sink?.stream)
        if let refusal = outputRefusal(request, project) {
            sink?.write(refusal, language: project.config.diagnosticLanguage)
            _ = sink?.close()
            delegate.show(
                project.diagnostics.sorted(by: Diagnostic.stableOrder) + [refusal], baseDir: project.config.baseDir,
                language: project.config.diagnosticLanguage)
            return CheckCompletion(exitCode: 2, statistics: nil)
        }
        let filterProblems = RunFilters.problems(units: request.units, rules: request.rules, in: project)
        let filtersValid = !filterProblems.contains { $0.level == .error }
        let evaluated = project.inputsValid && filtersValid && project.registry != nil
        let statistics = CheckStatistics(
            events: project.logFiles.reduce(0) { $0 + $1.accepted },
            records: project.logFiles.reduce(0) { $0 + $1.read }, logFiles: project.logFiles.count,
            rules: request.rules.isEmpty ? project.rules.count : Set(request.rules).count)
        // The events go to the evaluation phase and end with it: findings name their events by id,
        // so the report is built without them and the peak is the larger phase, not the sum.
        let events = project.takeEvents()
        let (evaluation, evidence, spill) = evaluate(
            consume events, project, request, evaluated: evaluated, statistics: statistics, sink: sink,
            delegate: delegate)
        var report = makeReport(project, evaluation: evaluation, request)
        report.events = evidence
        report.spill = spill
        let run = Settled(
            project: project, evaluation: evaluation, spill: spill, filtersValid: filtersValid,
            diagnostics: project.diagnostics + filterProblems + (evaluated ? evaluation.diagnostics : []),
            request: request, sink: sink)

        let scope = RunComparison.scope(rules: request.rules, units: request.units, from: request.from, to: request.to)
        if evaluated, case .history(let path, record: true) = request.comparison {
            let code = try compareDeliverAndRecord(report, run, historyPath: path, scope: scope, delegate: delegate)
            return CheckCompletion(exitCode: code, statistics: statistics)
        }
        var extra: [Diagnostic] = []
        if evaluated, let source = comparisonSource(request.comparison) {
            delegate.phaseBegan(.compare, detail: "")
            switch RunComparison(source: source, scope: scope).previous() {
            case .success(let previous):
                report.changes = ChangeSet(current: evaluation.findings, previous: previous)
                switch RunComparison(source: source, scope: scope).recordedTrend() {
                case .success(let recorded):
                    report.historyTrend = recorded.map { RunComparison.trend($0, current: report) }
                case .failure(let failure): extra.append(failure.diagnostic)
                }
            case .failure(let failure): extra.append(failure.diagnostic)
            }
        }
        let code = try deliver(&report, run, extraDiagnostics: extra, delegate: delegate)
        return CheckCompletion(exitCode: code, statistics: statistics)
    }

    /// What the run found, for settling the report and the exit code.
    struct Settled {
        let project: LoadedProject
        let evaluation: EvaluationResult
        /// The findings, when they were streamed to a spill instead of held in `evaluation`.
        let spill: FindingSpill?
        let filtersValid: Bool
        let diagnostics: [Diagnostic]
        let request: CheckRequest
        let sink: DiagnosticSink?
    }

    /// The evaluation phase, owning the events: the findings and where their evidence was read.
    ///
    /// Without a comparison (or `DVCHECK_IN_MEMORY_REPORT=1`), the report takes the findings a
    /// block of units at a time into a spill file in report order, so a national audit's millions
    /// of findings are never held whole; the spill is nil when they are in the result (also when
    /// `ratio` rules, which read other rules' findings, made the engine keep them).
    private static func evaluate(
        _ store: consuming EventStore, _ project: LoadedProject, _ request: CheckRequest, evaluated: Bool,
        statistics: CheckStatistics, sink: DiagnosticSink?, delegate: some CheckRunDelegate
    ) -> (EvaluationResult, [String: EvidenceEvent], FindingSpill?) {
        var evaluation = EvaluationResult()
        let spill =
            request.comparison == nil && !ReportFormat.inMemoryRequested
            ? FindingSpill(includesSatisfied: request.includeSatisfied) : nil
        if evaluated, let registry = project.registry {
            let rules = statistics.rules
            delegate.phaseBegan(
                .evaluate,
                detail: "\(statistics.logFiles) files read, \(statistics.events) events; evaluating \(rules) rules")
            evaluation = Engine.evaluate(
                rules: project.rules, registry: registry, store: store, calendar: project.calendar,
                waivers: project.waivers, options: runOptions(project, request, sink: sink),
                // Satisfied findings are only counted unless the report lists them (memory at scale);
                // no report reads unlisted ones (the matrix counts them, KPI tables read ratio findings,
                // which are always kept).
                listSatisfied: request.includeSatisfied,
                streamingTo: blockSink(spill))
            delegate.phaseProgressed("\(rules)/\(rules) rules done")
        }
        let streamed = evaluation.streamed ? spill : nil
        streamed?.flush()
        // Where each evidence event was read, for the reports that point at it (SPEC §10.5, §10.8).
        var evidence: [String: EvidenceEvent] = [:]
        if request.format.showsEvidencePositions {
            evidence =
                if let streamed {
                    EvidenceLocator.locate(eventIDs: streamed.eventIDs, in: store)
                } else {
                    EvidenceLocator.locate(evaluation.findings, listSatisfied: request.includeSatisfied, in: store)
                }
        }
        // The events end here; their hundreds of megabytes are handed back to the system on another
        // thread while this one renders the report.
        let released = Released(consume store)
        DispatchQueue.global(qos: .utility).async { released.drop() }
        return (evaluation, evidence, streamed)
    }

    /// The events, held until another thread drops them.
    private final class Released: @unchecked Sendable {
        private var store: EventStore?
        init(_ store: consuming EventStore) { self.store = store }
        func drop() { store = nil }
    }

    /// The engine's block sink that appends to `spill`, if there is one.
    private static func blockSink(_ spill: FindingSpill?) -> ((inout [Finding]) -> Void)? {
        guard let spill else { return nil }
        return { (findings: inout [Finding]) in spill.append(findings) }
    }

    /// Settles the diagnostics and the exit code (SPEC §8), then hands the report to the delegate;
    /// returns the exit code.
    private static func deliver(
        _ report: inout RunReport, _ run: Settled, extraDiagnostics: [Diagnostic], delegate: some CheckRunDelegate
    ) throws -> Int32 {
        var all = run.diagnostics + extraDiagnostics
        var sinkFailed = false
        if let sink = run.sink {
            // The loaders streamed their own diagnostics as they found them; the rest follow here,
            // the work items' from the spool, uncapped, in place of their capped list.
            let items = run.diagnostics.count - run.evaluation.diagnostics.count
            for d in all[run.project.diagnostics.count..<items] { sink.write(d, language: report.language) }
            sink.writeSpooled()
            for d in all[(items + run.evaluation.itemDiagnosticCount)...] { sink.write(d, language: report.language) }
            if let failure = sink.close() {
                all.append(failure)
                sinkFailed = true
            }
        }
        let sorted = all.sorted(by: Diagnostic.stableOrder)
        // At most 1,000 per code and file in the report, then one entry with the count (SPEC §10.6).
        report.diagnostics = BoundedDiagnostics.limited(sorted, to: BoundedDiagnostics.listedPerGroup)
        report.asOfIsKnown = run.project.asOfIsKnown
        // The exit code is part of the result (SPEC §10.5), so it is settled before rendering; only a
        // history that cannot be written afterwards can still turn it into 2. Extra diagnostics are
        // errors of the comparison (an unreadable baseline or history).
        var code = RunVerdict.exitCode(run, changes: report.changes)
        if sinkFailed || !extraDiagnostics.isEmpty { code = 2 }
        report.exitCode = code
        report.untrusted = RunVerdict.untrustedReasons(run, comparisonFailed: !extraDiagnostics.isEmpty)
        try delegate.deliver(
            CheckOutcome(
                report: report, diagnostics: sorted, baseDir: run.project.config.baseDir,
                language: run.project.config.language))
        return code
    }

    /// `--history` recording: compares with the history's previous run, delivers the report and
    /// records this run while holding the history's write lock, so concurrent runs on one file take
    /// turns and each compares with the run recorded just before it.
    private static func compareDeliverAndRecord(
        _ report: RunReport, _ run: Settled, historyPath: String, scope: String, delegate: some CheckRunDelegate
    ) throws -> Int32 {
        delegate.phaseBegan(.compare, detail: "")
        let history: AuditHistory
        do {
            history = try AuditHistory(path: historyPath)
        } catch {
            var report = report
            _ = try deliver(
                &report, run, extraDiagnostics: [.error(.historyUnreadable, error.message)], delegate: delegate)
            return 2
        }
        var code: Int32 = 2
        var holding = false
        defer { if holding { delegate.historyWriteEnded() } }
        do {
            try history.compareAndRecord(
                scope: scope, trendLength: HistoryTrendPoint.recordedRunsShown,
                beforeCommit: { try delegate.beforeHistoryCommit() }
            ) { previous, trend in
                var report = report
                report.historyTrend = RunComparison.trend(trend, current: report)
                report.changes = ChangeSet(
                    current: run.evaluation.findings, previous: (previous ?? []).map(RunComparison.prior))
                code = try deliver(&report, run, extraDiagnostics: [], delegate: delegate)
                guard code != 2, let changes = report.changes else { return nil }
                delegate.phaseBegan(.history, detail: "")
                // From here to the commit a signal waits: the rows are written whole or not at all.
                delegate.historyWriteBegins()
                holding = true
                return RunComparison.runRecord(report, changes: changes, scope: scope, recordedAt: run.request.now)
            }
        } catch let failure as AuditHistory.Failure {
            delegate.show(
                [.error(.historyWriteFailed, failure.message)], baseDir: run.project.config.baseDir,
                language: report.language)
            code = 2
        }
        return code
    }

    /// Where the previous run comes from, if anywhere.
    private static func comparisonSource(_ comparison: CheckRequest.Comparison?) -> RunComparison.Source? {
        switch comparison {
        case .history(let path, _): .history(path)
        case .baseline(let path): .baseline(path)
        case nil: nil
        }
    }

    /// A report must never replace what it was made from: an input file, the history or the baseline.
    static func outputRefusal(_ request: CheckRequest, _ project: LoadedProject) -> Diagnostic? {
        guard let output = request.output else { return nil }
        let cwd = PathResolution.currentDirectory
        let target = PathResolution.absolute(output, base: cwd)
        let others: [String] =
            switch request.comparison {
            case .history(let path, _), .baseline(let path): [PathResolution.absolute(path, base: cwd)]
            case nil: []
            }
        guard project.isInput(output) || others.contains(target) else { return nil }
        return .error(.configOutputIsInput, Message(.outputIsInput, ["path": output]))
    }

    private static func runOptions(
        _ project: LoadedProject, _ request: CheckRequest, sink: DiagnosticSink?
    ) -> RunOptions {
        var options = RunOptions(asOf: project.asOf)
        sink?.spool.language = project.config.diagnosticLanguage
        options.diagnosticSink = sink?.spool
        options.from = request.from
        options.to = request.to
        options.units = request.units
        options.rules = request.rules
        options.language = project.config.language
        options.calendarFileGiven = project.hasCalendarFile
        options.calendarPath = project.config.calendar.map(project.config.display)
        return options
    }

    private static func makeReport(_ project: LoadedProject, evaluation: EvaluationResult, _ request: CheckRequest)
        -> RunReport
    {
        var report = RunReport(
            toolVersion: request.toolVersion, asOf: project.asOf, language: project.config.diagnosticLanguage,
            ruleFiles: project.ruleFiles.map { .init(path: $0.path, sha256: $0.sha256) },
            logFiles: project.logFiles.map {
                .init(
                    path: $0.path, read: $0.read, accepted: $0.accepted, rejected: $0.rejected, ignored: $0.ignored,
                    sha256: $0.sha256)
            },
            evaluation: evaluation,
            rules: Dictionary(project.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            registry: project.inputsValid ? project.registry : nil, diagnostics: [],
            includeSatisfied: request.includeSatisfied)
        report.evaluatedRuleIDs = request.rules.isEmpty ? nil : request.rules
        for w in project.waivers {
            report.waivers[w.index] = .init(reason: w.reason, approvedBy: w.approvedBy, expires: w.expires)
        }
        report.registryFiles = InputDigests.registryFiles(project.config)
        report.projectName = project.config.name
        report.projectDir = request.projectDir
        report.timezone = project.config.timezone
        report.windowFrom = request.from
        report.windowTo = request.to
        report.options.failOn = request.failThreshold.rawValue
        report.options.maxRejected = request.maxRejected
        report.options.failOnNew = request.failOnNew?.rawValue
        report.options.units = request.units
        report.options.rules = request.rules
        report.rejected = project.rejectedCount
        report.docsURL = project.config.docsURL
        report.workingDirectory = PathResolution.currentDirectory
        report.sort = request.sort
        report.options.sort = request.sort.rawValue
        return report
    }
}

extension LoadedProject {
    /// Hands the events over and leaves the project without them.
    fileprivate mutating func takeEvents() -> EventStore {
        let events = store
        store = EventStore(events: EventTable(), unitCount: 0, files: [])
        return events
    }
}
