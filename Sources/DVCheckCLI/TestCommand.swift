import ArgumentParser
import ComplianceCore
import Foundation
import Ingest
import RuleAuthoring

/// `dvcheck test`: run rule tests written in YAML (exit 0 all pass, 1 a failure, 2 an invalid file).
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run rule tests: timelines with the findings they must produce.")

    @Argument(help: "Rule-test files or folders (default: rules/tests).")
    var paths: [String] = []

    func run() throws {
        let report = RuleTestRunner().run(paths: paths.isEmpty ? ["rules/tests"] : paths)
        Terminal.printDiagnostics(
            report.diagnostics.sorted(by: Diagnostic.stableOrder), baseDir: PathResolution.currentDirectory)
        var out = ""
        for o in report.outcomes {
            let place = "\(o.location.path):\(o.location.line)"
            if let failure = o.failure {
                out += "FAIL \(place)  \(o.name)\n\(failure)"
            } else {
                out += "PASS \(place)  \(o.name)\n"
            }
        }
        out += "\(report.passed) passed, \(report.failed) failed\n"
        try OutputWriter.writeText(out, to: nil)
        if report.diagnostics.contains(where: { $0.level == .error }) { throw ExitCode(2) }
        if report.failed > 0 { throw ExitCode(1) }
    }
}
