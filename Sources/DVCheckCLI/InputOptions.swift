import ArgumentParser
import AuditRun
import ComplianceCore
import Ingest
import Reporting

/// The input options shared by `check` and `validate` (SPEC §9).
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "Project folder holding dvcheck.yaml.")
    var project: String?

    @Option(name: .long, help: "Configuration file (paths are relative to its folder).")
    var config: String?

    @Option(name: .long, help: "Rule file or folder (repeatable; replaces the configuration's list).")
    var rules: [String] = []

    @Option(name: .long, help: "Unit registry file.")
    var units: String?

    @Option(name: .long, help: "Log file or folder (repeatable; replaces the configuration's list).")
    var logs: [String] = []

    @Option(name: .long, help: "Working-day calendar file.")
    var calendar: String?

    @Option(name: .long, help: "Vocabulary of event types.")
    var vocabulary: String?

    @Option(name: .long, help: "Waivers file.")
    var waivers: String?

    @Option(name: .long, help: "IANA time zone (default Asia/Ho_Chi_Minh).")
    var timezone: String?

    func validate() throws {
        if project != nil && config != nil {
            throw ValidationError("use either --project or --config, not both")
        }
    }

    /// The configuration file to read, if any.
    var configPath: String? {
        if let config { return config }
        if let project { return project + "/dvcheck.yaml" }
        return nil
    }

    /// The project folder as given on the command line (`project_dir`, SPEC §10.5): `--project`,
    /// the folder of `--config`, else `.`.
    var projectDir: String {
        if let project { return project }
        if let config, let slash = config.lastIndex(of: "/") {
            return slash == config.startIndex ? "/" : String(config[..<slash])
        }
        return "."
    }

    /// The command-line overrides.
    func overrides(asOf: Day?, language: Language?) -> InputOverrides {
        var o = InputOverrides()
        o.rules = rules
        o.units = units
        o.logs = logs
        o.calendar = calendar
        o.vocabulary = vocabulary
        o.waivers = waivers
        o.timezone = timezone
        o.asOf = asOf
        o.language = language
        return o
    }
}

/// Parses `YYYY-MM-DD` option values in the supported years (`DateText.checkedISODate`, the same
/// check as every date in the project's files).
struct DateArgument: ExpressibleByArgument {
    let day: Day

    init?(argument: String) {
        guard case .success(let d) = DateText.checkedISODate(Substring(argument)) else { return nil }
        day = d
    }
}

/// Refuses `--from` after `--to` (SPEC §10.0), naming both options.
func checkRange(from: DateArgument?, to: DateArgument?) throws {
    if let from, let to, to.day < from.day {
        throw ValidationError("--from \(from.day) is after --to \(to.day)")
    }
}

extension Language: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
extension Binding: ExpressibleByArgument {}
extension FailOn: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension ReportSort: ExpressibleByArgument {}
