import ArgumentParser
import ComplianceCore
import Foundation
import Ingest
import ProjectStarter

/// `dvcheck init DIR`: writes a starter project (SPEC §10.10); the work is `ProjectStarter`'s.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter project (configuration, rule pack, calendar, units, vocabulary, a sample log).")

    @Argument(help: "The project folder: new, or empty.")
    var directory: String

    @Option(name: .long, help: "A rule file or folder to copy into rules/ (default: the directive's pack).")
    var pack: String?

    @Option(name: .long, help: "vi | en: the project's language (default: vi).")
    var language: Language = .vi

    func run() throws {
        // The pinned as-of date is today in the project's default zone.
        let zone = ZoneConverter(identifier: "Asia/Ho_Chi_Minh")
        let today = zone?.today(now: Date()) ?? Day(ordinal: 0)
        let request = ProjectStarter.Request(directory: directory, pack: pack, language: language, asOf: today)
        switch ProjectStarter.create(request) {
        case .refused(let diagnostics):
            Terminal.printDiagnostics(diagnostics, baseDir: PathResolution.currentDirectory, language: language)
            throw ExitCode(2)
        case .written(let files):
            // The top-level entries written ("dvcheck.yaml", "rules/", …), in the order they were written.
            var entries: [String] = []
            for file in files {
                let parts = file.split(separator: "/", maxSplits: 1)
                let entry = parts.count > 1 ? parts[0] + "/" : file
                if !entries.contains(entry) { entries.append(entry) }
            }
            let next = "  dvcheck validate --project \(directory)\n  dvcheck check --project \(directory)\n"
            try OutputWriter.write(
                language == .vi
                    ? "Đã tạo dự án trong \(directory): \(entries.joined(separator: ", "))\nTiếp theo:\n" + next
                    : "Created a project in \(directory): \(entries.joined(separator: ", "))\nNext:\n" + next,
                to: nil)
        }
    }
}
