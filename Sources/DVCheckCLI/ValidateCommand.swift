import ArgumentParser
import ComplianceCore
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

    func run() throws {
        let project = ProjectLoader.load(
            configPath: input.configPath, overrides: input.overrides(asOf: asOf?.day, language: nil),
            today: { $0.today(now: Date()) })
        var sorted = project.diagnostics.sorted(by: Diagnostic.stableOrder)
        if strict { sorted = sorted.map(Self.strictened) }
        Terminal.printDiagnostics(sorted, baseDir: project.config.baseDir)
        let failed =
            !project.inputsValid || project.rejectedCount > maxRejected
            || (strict && sorted.contains { $0.level == .error })
        switch format {
        case .json:
            try OutputWriter.write(JSONReporter.renderDiagnostics(sorted), to: nil)
        case .text:
            let errors = sorted.filter { $0.level == .error }.count
            let warnings = sorted.filter { $0.level == .warning }.count
            let records = project.logFiles.reduce(0) { $0 + $1.accepted }
            try OutputWriter.write(
                "\(project.rules.count) rules, \(project.registry?.units.count ?? 0) units, \(records) events: \(errors) errors, \(warnings) warnings\n",
                to: nil)
        }
        throw ExitCode(failed ? 2 : 0)
    }

    /// Under `--strict` a warning is reported as an error, with its code and message unchanged.
    static func strictened(_ d: Diagnostic) -> Diagnostic {
        guard d.level == .warning else { return d }
        return Diagnostic(.error, d.code, d.message, at: d.location, related: d.related)
    }
}
