import ArgumentParser
import ComplianceCore
import Foundation
import Ingest
import Reporting

/// `dvcheck validate`: load everything a check would and report every problem (exit 0 or 2).
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check the configuration, rules, units, calendar, waivers and logs.")

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var input: InputOptions

    @Option(
        name: .customLong("as-of"), help: "Evaluation date YYYY-MM-DD (default: as_of in dvcheck.yaml, else today).")
    var asOf: DateArgument?

    @Option(name: .customLong("max-rejected"), help: "Rejected records tolerated.")
    var maxRejected: Int = 0

    @Option(name: .long, help: "text | json")
    var format: Format = .text

    func run() throws {
        let project = ProjectLoader.load(
            configPath: input.configPath, overrides: input.overrides(asOf: asOf?.day, language: nil),
            today: { $0.today(now: Date()) })
        let sorted = project.diagnostics.sorted(by: Diagnostic.stableOrder)
        Terminal.printDiagnostics(sorted, baseDir: project.config.baseDir)
        let failed = !project.inputsValid || project.rejectedCount > maxRejected
        switch format {
        case .json:
            try OutputWriter.write(JSONReporter.renderDiagnostics(sorted), to: nil)
        case .text:
            let errors = sorted.filter { $0.level == .error }.count
            let warnings = sorted.filter { $0.level == .warning }.count
            let records = project.logFiles.reduce(0) { $0 + $1.accepted }
            var reasons: [UntrustedReason] = project.inputsValid ? [] : [.invalidInputs]
            if project.rejectedCount > maxRejected {
                reasons.append(.tooManyRejected(rejected: project.rejectedCount, missingKeys: 0, limit: maxRejected))
            }
            let closing = reasons.isEmpty ? "" : UntrustedReason.line(reasons, project.config.language) + "\n"
            try OutputWriter.write(
                "\(project.rules.count) rules, \(project.registry?.units.count ?? 0) units, \(records) events: \(errors) errors, \(warnings) warnings\n"
                    + closing,
                to: nil)
        }
        throw ExitCode(failed ? 2 : 0)
    }
}
