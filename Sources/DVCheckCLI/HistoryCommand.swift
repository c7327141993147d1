import ArgumentParser
import ComplianceCore
import History

/// `dvcheck history`: the runs a `check --history FILE` recorded, and the trend of violations per
/// severity and per parent unit (district, or province after the 2025 reform).
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Show the recorded audit runs and the trend of violations.")

    @Option(name: .long, help: "The SQLite history file written by check --history.")
    var history: String

    @Option(name: .long, help: "Show only the last N runs.")
    var last: Int?

    @Option(name: .long, help: "vi | en (default: vi).")
    var language: Language = .vi

    func validate() throws {
        if let last, last < 1 { throw ValidationError("--last must be at least 1") }
    }

    func run() throws {
        let trend: HistoryTrend
        do {
            trend = try AuditHistory.openExisting(path: history).trend(last: last)
        } catch {
            Terminal.printDiagnostics([.error(.historyUnreadable, error.message)], baseDir: ".", language: language)
            throw ExitCode(2)
        }
        try OutputWriter.writeText(
            HistoryTrendText.render(trend, path: history, vietnamese: language == .vi), to: nil, language: language)
    }
}
