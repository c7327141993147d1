import ArgumentParser
import ComplianceCore
import Evaluation
import Foundation
import Ingest
import Reporting

/// `dvcheck check`: evaluate every rule and report findings (SPEC §5–§9).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Evaluate the rules over the logs and report every finding.")

    /// Output formats; more arrive with their issues.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// `--fail-on` thresholds.
    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case critical, high, medium, low, info, never
    }

    @OptionGroup var input: InputOptions

    @Option(
        name: .customLong("as-of"), help: "Evaluation date YYYY-MM-DD (default: as_of in dvcheck.yaml, else today).")
    var asOf: DateArgument?

    @Option(name: .long, help: "Evaluate nothing before this date.")
    var from: DateArgument?

    @Option(name: .long, help: "Evaluate nothing after this date.")
    var to: DateArgument?

    @Option(name: .customLong("unit"), help: "Keep this unit and its descendants (repeatable).")
    var units: [String] = []

    @Option(name: .customLong("rule"), help: "Keep this rule (repeatable).")
    var rules: [String] = []

    @Option(name: .long, help: "text | json")
    var format: Format = .text

    @Option(name: .long, help: "Write the report to this file (default: standard output).")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Lowest severity of a violation that fails the run (or never).")
    var failOn: FailOn = .low

    @Option(name: .customLong("max-rejected"), help: "Rejected records (plus missing-key triggers) tolerated.")
    var maxRejected: Int = 0

    @Flag(name: .customLong("include-satisfied"), help: "List satisfied findings too.")
    var includeSatisfied = false

    @Option(name: .long, help: "vi | en (default: the project's language).")
    var language: Language?

    func run() throws {
        let project = ProjectLoader.load(
            configPath: input.configPath, overrides: input.overrides(asOf: asOf?.day, language: language),
            today: { $0.today(now: Date()) })
        var diagnostics = project.diagnostics
        var evaluation = EvaluationResult()
        if project.inputsValid, let registry = project.registry {
            for id in units where registry.index(of: id) == nil {
                diagnostics.append(
                    .error(
                        "config.unknown-unit",
                        "--unit names unknown unit '\(id)'" + Suggestions.hint(for: id, in: registry.ids)))
            }
            let ruleIDs = project.rules.map(\.id)
            for id in rules where !ruleIDs.contains(id) {
                diagnostics.append(
                    .error(
                        "config.unknown-rule",
                        "--rule names unknown rule '\(id)'" + Suggestions.hint(for: id, in: ruleIDs)))
            }
        }
        let filtersValid = !diagnostics[project.diagnostics.count...].contains { $0.level == .error }
        if project.inputsValid && filtersValid, let registry = project.registry {
            var options = RunOptions(asOf: project.asOf)
            options.from = from?.day
            options.to = to?.day
            options.units = units
            options.rules = rules
            options.language = project.config.language
            options.calendarFileGiven = project.hasCalendarFile
            evaluation = Engine.evaluate(
                rules: project.rules, registry: registry, store: project.store, calendar: project.calendar,
                waivers: project.waivers, options: options)
            diagnostics += evaluation.diagnostics
        }
        let sorted = diagnostics.sorted(by: Diagnostic.stableOrder)
        let report = RunReport(
            toolVersion: DVCheckCommand.version, asOf: project.asOf, language: project.config.language,
            ruleFiles: project.ruleFiles.map { .init(path: $0.path, sha256: $0.sha256) },
            logFiles: project.logFiles.map {
                .init(path: $0.path, read: $0.read, accepted: $0.accepted, rejected: $0.rejected, ignored: $0.ignored)
            },
            evaluation: evaluation,
            rules: Dictionary(project.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            registry: project.inputsValid ? project.registry : nil, diagnostics: sorted,
            includeSatisfied: includeSatisfied)
        Terminal.printDiagnostics(sorted, baseDir: project.config.baseDir)
        let text: String
        switch format {
        case .json: text = JSONReporter.render(report)
        case .text: text = TextReporter.render(report, color: output == nil && Terminal.colorWanted(fd: 1))
        }
        try OutputWriter.write(text, to: output)
        throw ExitCode(exitCode(project: project, evaluation: evaluation, filtersValid: filtersValid))
    }

    /// SPEC §8 exit codes, in order of precedence.
    func exitCode(project: LoadedProject, evaluation: EvaluationResult, filtersValid: Bool) -> Int32 {
        if !project.inputsValid || !filtersValid { return 2 }
        if project.rejectedCount + evaluation.missingKeys > maxRejected { return 2 }
        guard let threshold = Severity(rawValue: failOn.rawValue) else { return 0 }
        let failing = evaluation.findings.contains { $0.status == .violated && $0.severity >= threshold }
        return failing ? 1 : 0
    }
}
