import ArgumentParser
import ComplianceCore
import Evaluation
import Foundation
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
    var failOn: CheckCommand.FailOn?

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
        let cwd = PathResolution.currentDirectory
        if let output {
            let target = PathResolution.absolute(output, base: cwd)
            if results.contains(where: { PathResolution.absolute($0, base: cwd) == target }) {
                fail(
                    .error(
                        .configOutputIsInput,
                        Message(.outputIsResultRead, ["path": output])))
            }
        }
        // Opened before anything is read, as check does: a file that cannot be written is exit 2 at once.
        let diagnosticFile = try DiagnosticFile.openOrExit(diagnostics)
        var reports: [RunReport] = []
        for path in results {
            guard let data = FileManager.default.contents(atPath: path) else {
                fail(
                    .error(
                        .configMissingFile, Message(.cannotReadResult, ["path": path]), at: SourceLocation(path: path)))
            }
            do {
                reports.append(try ResultReader.read(data))
            } catch {
                fail(
                    .error(
                        .reportInvalidResult, Message(.notADVCheckResult, ["path": path, "why": "\(error)"]),
                        at: SourceLocation(path: path)))
            }
        }
        var report: RunReport
        do {
            report = try ResultMerger.merge(reports, names: results)
        } catch {
            fail(error.diagnostic)
        }
        report.workingDirectory = cwd
        if let failOn { report.options.failOn = failOn.rawValue }
        if let maxRejected { report.options.maxRejected = maxRejected }
        if let sort { report.options.sort = sort.rawValue }
        report.sort = report.options.sort.flatMap(ReportSort.init(rawValue:)) ?? .severity
        if let language, language != report.language { ReportLanguage.switch(&report, to: language) }
        report.exitCode = report.computedExitCode()
        report.untrusted = report.savedUntrustedReasons()
        if let diagnosticFile {
            // The results' diagnostics as listed (entries for left-out ones included), as JSON Lines.
            for d in report.diagnostics { diagnosticFile.write(d, language: report.language) }
            if let failure = diagnosticFile.close() {
                report.diagnostics.append(failure)
                report.exitCode = 2
            }
        }

        let bytes = format.renderData(report, color: output == nil && Terminal.colorWanted(fd: 1))
        Terminal.printDiagnostics(
            report.diagnostics, baseDir: PathResolution.absolute(report.projectDir, base: cwd), excerpts: false,
            language: report.language)
        try OutputWriter.write(bytes, to: output)
        throw ExitCode(report.exitCode)
    }

    /// Prints one diagnostic and exits 2.
    private func fail(_ diagnostic: Diagnostic) -> Never {
        Terminal.printDiagnostics([diagnostic], baseDir: PathResolution.currentDirectory)
        Self.exit(withError: ExitCode(2))
    }
}

/// A saved result shown in the other language: labels follow `report.language`, and each finding's
/// sentence is written again from its rule's template or the tool's sentence for the kind.
enum ReportLanguage {
    static func `switch`(_ report: inout RunReport, to language: Language) {
        report.language = language
        guard let registry = report.registry else { return }
        var templates: [String: MessageTemplate?] = [:]
        for (id, rule) in report.rules {
            templates[id] = rule.message.flatMap { try? MessageTemplate(vi: $0.vi, en: $0.en) }
        }
        for i in report.evaluation.findings.indices {
            let f = report.evaluation.findings[i]
            guard let rule = report.rules[f.rule], let unit = registry.unit(f.unit) else { continue }
            report.evaluation.findings[i].message = FindingMessages.message(
                for: f, ruleID: rule.id, title: rule.title, template: templates[f.rule] ?? nil, unit: unit,
                language: language)
        }
    }
}
