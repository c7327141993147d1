import ComplianceCore
import Foundation
import Ingest
import Reporting

/// What one `check` run is asked to do: the inputs, the evaluation's scope, the report it feeds and
/// the rules of its exit code — everything the command line says, already parsed.
public struct CheckRequest: Sendable {
    /// Where the previous run a check compares with comes from.
    public enum Comparison: Sendable, Equatable {
        /// `--history FILE`; `record: false` is `--no-record`.
        case history(String, record: Bool)
        /// `--baseline FILE`.
        case baseline(String)
    }

    /// The configuration file to read, if any (nil: `./dvcheck.yaml` when it exists).
    public var configPath: String?
    /// The command-line overrides of the configuration.
    public var overrides = InputOverrides()
    /// The project folder as given on the command line (`project_dir`, SPEC §10.5).
    public var projectDir = "."
    /// The tool's version, recorded in the result.
    public var toolVersion: String
    /// `--from`.
    public var from: Day?
    /// `--to`.
    public var to: Day?
    /// `--unit`, as given.
    public var units: [String] = []
    /// `--rule`, as given.
    public var rules: [String] = []
    /// The report the run feeds: what it lists and shows decides what the run keeps.
    public var format: ReportFormat = .text
    /// `--output`, refused when it names an input, the history or the baseline.
    public var output: String?
    /// `--fail-on`; nil: `low`, or `never` with `--fail-on-new`.
    public var failOn: FailOn?
    /// `--fail-on-new`.
    public var failOnNew: Severity?
    /// `--max-rejected`.
    public var maxRejected = 0
    /// `--include-satisfied`.
    public var includeSatisfied = false
    /// `--sort`.
    public var sort: ReportSort = .severity
    /// `--history` or `--baseline`.
    public var comparison: Comparison?
    /// The moment of the run: today's date when no as-of date is given, and the history's record time.
    public var now = Date()

    /// A request with every option at its default.
    public init(toolVersion: String) {
        self.toolVersion = toolVersion
    }

    /// The `--fail-on` threshold in effect.
    public var failThreshold: FailOn { failOn ?? (failOnNew == nil ? .low : .never) }
}

/// `--fail-on`: the lowest severity of a violation that fails the run, or `never`.
public enum FailOn: String, Sendable, CaseIterable {
    case critical, high, medium, low, info, never
}
