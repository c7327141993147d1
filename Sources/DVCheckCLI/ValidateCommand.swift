import ArgumentParser
import AuditRun
import ComplianceCore
import Evaluation
import Foundation
import Ingest
import Reporting

/// `dvcheck validate`: load everything a check would and report every problem (exit 0 or 2).
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the configuration, rules, units, calendar, waivers and logs (--strict: warnings are errors).")

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var input: InputOptions

    @Option(
        name: .customLong("as-of"),
        help: "Evaluation date YYYY-MM-DD, years 1900–2199 (default: as_of in dvcheck.yaml, else today).")
    var asOf: DateArgument?

    @Option(name: .customLong("max-rejected"), help: "Rejected records tolerated.")
    var maxRejected: Int = 0

    @Option(name: .long, help: "text | json")
    var format: Format = .text

    @Flag(name: .long, help: "Treat warnings as errors (exit 2): for rule authors' CI.")
    var strict = false

    func validate() throws {
        if maxRejected < 0 { throw ValidationError("--max-rejected must be 0 or more, not \(maxRejected)") }
    }

    @Option(
        name: .customLong("diagnostics"),
        help:
            "Write every diagnostic to this file as JSON Lines, as they are found (reports list at most 1,000 per code and file)."
    )
    var diagnosticsFile: String?

    func run() throws {
        let diagnosticFile = try DiagnosticFile.openOrExit(
            diagnosticsFile,
            language: ProjectLoader.diagnosticLanguage(
                configPath: input.configPath, overrides: input.overrides(asOf: nil, language: nil)))
        let project = ProjectLoader.load(
            configPath: input.configPath, overrides: input.overrides(asOf: asOf?.day, language: nil),
            today: { $0.today(now: Date()) }, stream: diagnosticFile?.stream)
        diagnosticFile?.spool.language = project.config.diagnosticLanguage
        let keys = missingKeys(project, sink: diagnosticFile?.spool)
        var diagnostics = project.diagnostics + keys.diagnostics
        diagnosticFile?.writeSpooled()
        if let failure = diagnosticFile?.close() { diagnostics.append(failure) }
        var sorted = diagnostics.sorted(by: Diagnostic.stableOrder)
        if strict { sorted = sorted.map(Self.strictened) }
        let language = project.config.diagnosticLanguage
        Terminal.printDiagnostics(sorted, baseDir: project.config.baseDir, language: language)
        let failed =
            !project.inputsValid || project.rejectedCount + keys.count > maxRejected
            || diagnostics.contains { $0.code == "output.write-failed" }
            || (strict && sorted.contains { $0.level == .error })
        switch format {
        case .json:
            try OutputWriter.write(
                JSONReporter.renderDiagnostics(
                    BoundedDiagnostics.limited(sorted, to: BoundedDiagnostics.listedPerGroup),
                    language: language), to: nil, language: language)
        case .text:
            // Exact counts, the diagnostics left out of the lists included (SPEC §10.6).
            let errors = BoundedDiagnostics.count(of: .error, in: sorted)
            let warnings = BoundedDiagnostics.count(of: .warning, in: sorted)
            let records = project.logFiles.reduce(0) { $0 + $1.accepted }
            var reasons: [UntrustedReason] = project.inputsValid ? [] : [.invalidInputs]
            if project.rejectedCount > maxRejected {
                reasons.append(.tooManyRejected(rejected: project.rejectedCount, missingKeys: 0, limit: maxRejected))
            }
            let closing = reasons.isEmpty ? "" : UntrustedReason.line(reasons, language) + "\n"
            let counts = [
                "rules": project.rules.count, "units": project.registry?.units.count ?? 0, "events": records,
                "errors": errors, "warnings": warnings,
            ]
            let summary = MessageCatalogue.render(.validateSummary, counts.mapValues { String($0) }, in: language)
            try OutputWriter.write(summary + "\n" + closing, to: nil, language: language)
        }
        throw ExitCode(failed ? 2 : 0)
    }

    /// Under `--strict` a warning is reported as an error, with its code and message unchanged.
    static func strictened(_ d: Diagnostic) -> Diagnostic {
        guard d.level == .warning else { return d }
        return d.reported(as: .error)
    }

    /// Triggers and targets that lack their key (`deadline.missing-key`, `precedence.missing-key`,
    /// `deadline.unkeyed-event`): errors in the data, found by running the keyed rules, as `check`
    /// would, and keeping only these diagnostics; they count against `--max-rejected` as in `check`.
    ///
    /// Every one of them also goes to `sink` (`--diagnostics FILE`), uncapped.
    private func missingKeys(_ project: LoadedProject, sink: DiagnosticSpool?) -> (
        diagnostics: [Diagnostic], count: Int
    ) {
        let keyed = project.rules.filter { ["deadline", "precedence"].contains(type(of: $0.obligation).kindName) }
        guard project.inputsValid, let registry = project.registry, !keyed.isEmpty else { return ([], 0) }
        var options = RunOptions(asOf: project.asOf)
        options.language = project.config.language
        options.diagnosticSink = sink
        let evaluation = Engine.evaluate(
            rules: keyed, registry: registry, store: project.store, calendar: project.calendar, waivers: [],
            options: options, listSatisfied: false)
        let codes: Set<String> = ["deadline.missing-key", "precedence.missing-key", "deadline.unkeyed-event"]
        return (evaluation.diagnostics.filter { codes.contains($0.code) }, evaluation.missingKeys)
    }
}
