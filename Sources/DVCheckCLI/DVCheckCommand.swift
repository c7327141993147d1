import ArgumentParser

/// The `dvcheck` command line: subcommands, each in its own file.
public struct DVCheckCommand: ParsableCommand {
    /// The tool's version, written into every report.
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "dvcheck",
        abstract: "Check units' activity logs against the obligations of the Bắc Kạn dân vận directive.",
        version: version,
        subcommands: [
            CheckCommand.self,
            ReportCommand.self,
            ValidateCommand.self,
            TestCommand.self,
            RulesCommand.self,
            SchemaCommand.self,
            DiagnosticsDocCommand.self,
            ExplainCommand.self,
            HistoryCommand.self,
            InitCommand.self,
        ]
    )

    public init() {}
}
