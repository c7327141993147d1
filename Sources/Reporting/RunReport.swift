import ComplianceCore
import Evaluation

/// Everything a reporter may show: the run's inputs, its findings and its diagnostics.
///
/// Reporters turn this into bytes and know nothing of a rule kind's internals. A report is built
/// either from a live run (`check`) or from a saved JSON result (`report`, `ResultReader`), and the
/// two give the same bytes (SPEC §10.5), so everything here is what the JSON result records.
public struct RunReport: Sendable {
    /// One input file and its digest.
    public struct InputFile: Sendable, Equatable {
        /// Display path.
        public let path: String
        /// Hex sha256.
        public let sha256: String
        /// A file entry.
        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    /// One log file read.
    public struct LogFile: Sendable, Equatable {
        /// Display path.
        public let path: String
        /// Accounting.
        public let read: Int, accepted: Int, rejected: Int, ignored: Int
        /// Hex sha256 of the file, made while it was read; nil when it could not be read.
        public var sha256: String?
        /// A log file entry.
        public init(path: String, read: Int, accepted: Int, rejected: Int, ignored: Int, sha256: String? = nil) {
            self.path = path
            self.read = read
            self.accepted = accepted
            self.rejected = rejected
            self.ignored = ignored
            self.sha256 = sha256
        }
    }

    /// The registry files of the run (`inputs.units`, `calendar`, `vocabulary`, `waivers`).
    public struct RegistryFiles: Sendable, Equatable {
        /// The unit registry.
        public var units: InputFile?
        /// The calendar.
        public var calendar: InputFile?
        /// The vocabulary.
        public var vocabulary: InputFile?
        /// The waivers.
        public var waivers: InputFile?
        /// None.
        public init() {}
        /// The files given, in the order SARIF's run properties and the history list them.
        public var all: [InputFile] { [units, calendar, vocabulary, waivers].compactMap { $0 } }
    }

    /// The options of the run that decide what a report shows and how the run exits (`options`).
    public struct Options: Sendable, Equatable {
        /// `--fail-on`: a severity or `never`.
        public var failOn = "low"
        /// `--max-rejected`.
        public var maxRejected = 0
        /// `--unit`, as given.
        public var units: [String] = []
        /// `--rule`, as given.
        public var rules: [String] = []
        /// `--sort`, when given.
        public var sort: String?
        /// `--fail-on-new`, when given.
        public var failOnNew: String?
        /// Defaults.
        public init() {}
    }

    /// A waiver a finding names, as reports show it.
    public struct WaiverInfo: Sendable, Equatable {
        /// Why.
        public let reason: String
        /// Who approved it.
        public let approvedBy: String
        /// Last day it holds.
        public let expires: Day
        /// A waiver entry.
        public init(reason: String, approvedBy: String, expires: Day) {
            self.reason = reason
            self.approvedBy = approvedBy
            self.expires = expires
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
    public var ruleFiles: [InputFile]
    /// Log files.
    public var logFiles: [LogFile]
    /// Evaluation output (empty when inputs were invalid).
    public var evaluation: EvaluationResult
    /// Rules by id, as reports show them.
    public var rules: [String: ReportRule]
    /// Units (for names and the hierarchy); nil when the registry was invalid.
    public var registry: UnitRegistry?
    /// Every diagnostic of the run, loading and evaluation, in stable order.
    public var diagnostics: [Diagnostic]
    /// Whether satisfied findings are listed.
    public var includeSatisfied: Bool
    /// The comparison with a previous run (`--history`, `--baseline`); nil when there is none, and
    /// then no report shows change marks.
    public var changes: ChangeSet?
    /// The waivers findings name, by their 1-based index.
    public var waivers: [Int: WaiverInfo] = [:]
    /// The ids of the rules evaluated (after `--rule`); nil means every rule in `rules`.
    public var evaluatedRuleIDs: [String]?
    /// The registry files and their digests (units, calendar, vocabulary, waivers).
    public var registryFiles = RegistryFiles()
    /// `name:` of dvcheck.yaml.
    public var projectName: String?
    /// The project folder as given on the command line, or `.`.
    public var projectDir = "."
    /// The project's time zone.
    public var timezone = "Asia/Ho_Chi_Minh"
    /// `--from`, when given.
    public var windowFrom: Day?
    /// `--to`, when given.
    public var windowTo: Day?
    /// The options that decide the exit code and the listing.
    public var options = Options()
    /// The run's exit code (SPEC §8), recorded in the JSON result.
    public var exitCode: Int32 = 0
    /// Rejected records plus file errors (exact, whatever the diagnostics cap).
    public var rejected = 0
    /// Where each evidence event named by a listed finding was read.
    public var events: [String: EvidenceEvent] = [:]
    /// `docs_url` of dvcheck.yaml (http or https): SARIF's `helpUri` base.
    public var docsURL: String?
    /// The folder the tool runs in (absolute), which SARIF URIs are made relative to; not recorded.
    public var workingDirectory = "/"
    /// Set for a saved result (or a merge holding one) whose run could not be trusted for another
    /// reason than its rejected records (invalid inputs): it keeps exit code 2.
    public var untrustedShard = false
    /// Why the run exits 2, when it does (text reports say it in their last line).
    public var untrusted: [UntrustedReason] = []
    /// The order of findings in text and HTML (`--sort`, SPEC §10.9).
    public var sort: ReportSort = .severity
    /// With `--history`: open violations of the earlier runs of the scope and of this run, oldest
    /// first (`history_trend`); nil without a history.
    public var historyTrend: [HistoryTrendPoint]?
    /// The listed findings of a streamed run (`check` of a large audit, SPEC §8 order), in place of
    /// `evaluation.findings`, which is then empty; nil when the findings are in memory.
    public var spill: FindingSpill?
    /// The reasons the rule kinds declare, for their labels: a live run's from its rules; a saved
    /// result's given to `ResultReader`, since the result records codes only.
    public var reasons = FindingReasons()

    /// A report.
    public init(
        toolVersion: String, asOf: Day, language: Language, ruleFiles: [InputFile], logFiles: [LogFile],
        evaluation: EvaluationResult, rules: [String: ReportRule], registry: UnitRegistry?, diagnostics: [Diagnostic],
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

    /// A report of a live run, its rules taken from the loaded `Rule`s.
    public init(
        toolVersion: String, asOf: Day, language: Language, ruleFiles: [InputFile], logFiles: [LogFile],
        evaluation: EvaluationResult, rules: [String: Rule], registry: UnitRegistry?, diagnostics: [Diagnostic],
        includeSatisfied: Bool
    ) {
        self.init(
            toolVersion: toolVersion, asOf: asOf, language: language, ruleFiles: ruleFiles, logFiles: logFiles,
            evaluation: evaluation, rules: rules.mapValues(ReportRule.init), registry: registry,
            diagnostics: diagnostics, includeSatisfied: includeSatisfied)
        reasons = FindingReasons(rules.values.flatMap { type(of: $0.obligation).reasons })
    }

    /// The findings a report lists: violated, pending and waived, plus satisfied when asked (a
    /// streamed run's read back from its spill: for library callers; the reporters stream them).
    public var listedFindings: [Finding] {
        if let spill {
            var all: [Finding] = []
            spill.forEach { all.append($0) }
            return all
        }
        return includeSatisfied ? evaluation.findings : evaluation.findings.filter { $0.status != .satisfied }
    }

    /// Calls `body` with each listed finding in SPEC §8 order, from memory or from the spill.
    public func forEachListed(_ body: (Finding) -> Void) {
        if let spill {
            spill.forEach(body)
        } else {
            for f in evaluation.findings where includeSatisfied || f.status != .satisfied { body(f) }
        }
    }

    /// The units the listed findings name.
    var listedUnitIDs: Set<String> {
        if let spill { return spill.unitIDs }
        var ids = Set<String>()
        for f in evaluation.findings where includeSatisfied || f.status != .satisfied { ids.insert(f.unit) }
        return ids
    }

    /// Waiver reasons by the waiver's 1-based index.
    public var waiverReasons: [Int: String] { waivers.mapValues(\.reason) }

    /// Missing-key triggers and targets (counted against `--max-rejected`).
    public var missingKeys: Int { evaluation.missingKeys }
}

extension RunReport {
    /// Whether the run could not be trusted whatever the options (invalid inputs).
    public var untrustedInputs: Bool { untrustedShard }

    /// Why a saved or merged result exits 2 under the report's options, for the text report's
    /// last line (`check` knows its reasons from the run itself).
    public func savedUntrustedReasons() -> [UntrustedReason] {
        var reasons: [UntrustedReason] = []
        if untrustedShard { reasons.append(.invalidInputs) }
        if rejected + missingKeys > options.maxRejected {
            reasons.append(.tooManyRejected(rejected: rejected, missingKeys: missingKeys, limit: options.maxRejected))
        }
        return reasons
    }

    /// The exit code of SPEC §8 from the findings and counts under the report's options, for a
    /// saved or merged result (`check` computes its own from the run).
    public func computedExitCode() -> Int32 {
        if untrustedInputs || rejected + missingKeys > options.maxRejected { return 2 }
        if let severity = Severity(rawValue: options.failOn),
            evaluation.findings.contains(where: { $0.status == .violated && $0.severity >= severity })
        {
            return 1
        }
        if let severity = options.failOnNew.flatMap(Severity.init(rawValue:)), let changes,
            evaluation.findings.contains(where: { changes.isNewViolation($0) && $0.severity >= severity })
        {
            return 1
        }
        return 0
    }
}
