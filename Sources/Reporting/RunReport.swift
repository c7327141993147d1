import ComplianceCore
import Evaluation

/// Everything a reporter may show: the run's inputs, its findings and its diagnostics.
///
/// Reporters turn this into bytes and know nothing of a rule kind's internals.
public struct RunReport: Sendable {
    /// One rule file read.
    public struct RuleFile: Sendable {
        /// Display path.
        public let path: String
        /// Hex sha256.
        public let sha256: String
        /// A rule file entry.
        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    /// One log file read.
    public struct LogFile: Sendable {
        /// Display path.
        public let path: String
        /// Accounting.
        public let read: Int, accepted: Int, rejected: Int, ignored: Int
        /// A log file entry.
        public init(path: String, read: Int, accepted: Int, rejected: Int, ignored: Int) {
            self.path = path
            self.read = read
            self.accepted = accepted
            self.rejected = rejected
            self.ignored = ignored
        }
    }

    /// Tool version.
    public var toolVersion: String
    /// Evaluation date.
    public var asOf: Day
    /// False when `asOf` is only a stand-in (an invalid `as_of` stopped the run): the JSON report
    /// then names no date.
    public var asOfIsKnown = true
    /// Report language.
    public var language: Language
    /// Rule files.
    public var ruleFiles: [RuleFile]
    /// Log files.
    public var logFiles: [LogFile]
    /// Evaluation output (empty when inputs were invalid).
    public var evaluation: EvaluationResult
    /// Rules by id (titles, sources for reporters).
    public var rules: [String: Rule]
    /// Units (for names and the hierarchy); nil when the registry was invalid.
    public var registry: UnitRegistry?
    /// Every diagnostic of the run, loading and evaluation, in stable order.
    public var diagnostics: [Diagnostic]
    /// Whether satisfied findings are listed.
    public var includeSatisfied: Bool
    /// The comparison with a previous run (`--history`, `--baseline`); nil when there is none, and
    /// then no report shows change marks.
    public var changes: ChangeSet?
    /// Waiver reasons by the waiver's 1-based index, for reports that show why a finding is waived.
    public var waiverReasons: [Int: String] = [:]
    /// The ids of the rules evaluated (after `--rule`); nil means every rule in `rules`.
    public var evaluatedRuleIDs: [String]?
    /// The other input files and their digests (units, calendar, vocabulary, waivers), for SARIF's
    /// run properties and the history.
    public var otherInputs: [RuleFile] = []
    /// Why the run exits 2, when it does (text reports say it in their last line).
    public var untrusted: [UntrustedReason] = []
    /// The order of findings in text and HTML (`--sort`, SPEC §10.9).
    public var sort: ReportSort = .severity
    /// The project's name for report headers: `name:` in dvcheck.yaml, else the project folder's name.
    public var projectName: String?
    /// The evaluation window's bounds (`--from`, `--to`); nil means unbounded on that side.
    public var windowFrom: Day?, windowTo: Day?

    /// A report.
    public init(
        toolVersion: String, asOf: Day, language: Language, ruleFiles: [RuleFile], logFiles: [LogFile],
        evaluation: EvaluationResult, rules: [String: Rule], registry: UnitRegistry?, diagnostics: [Diagnostic],
        includeSatisfied: Bool
    ) {
        self.toolVersion = toolVersion
        self.asOf = asOf
        self.language = language
        self.ruleFiles = ruleFiles
        self.logFiles = logFiles
        self.evaluation = evaluation
        self.rules = rules
        self.registry = registry
        self.diagnostics = diagnostics
        self.includeSatisfied = includeSatisfied
    }

    /// The findings a report lists: violated, pending and waived, plus satisfied when asked.
    public var listedFindings: [Finding] {
        includeSatisfied ? evaluation.findings : evaluation.findings.filter { $0.status != .satisfied }
    }
}
