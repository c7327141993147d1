/// One input file of a recorded run: its digest (rules and registry files) or its accounting (logs).
public struct InputRecord: Sendable, Equatable {
    /// `rule`, `file` (units, calendar, vocabulary, waivers) or `log`.
    public var kind: String
    /// Project-relative path.
    public var path: String
    /// Hex SHA-256 of the bytes, when known.
    public var sha256: String?
    /// Log accounting (nil for other kinds).
    public var read: Int?, accepted: Int?, rejected: Int?, ignored: Int?

    /// An input entry.
    public init(
        kind: String, path: String, sha256: String? = nil, read: Int? = nil, accepted: Int? = nil,
        rejected: Int? = nil, ignored: Int? = nil
    ) {
        self.kind = kind
        self.path = path
        self.sha256 = sha256
        self.read = read
        self.accepted = accepted
        self.rejected = rejected
        self.ignored = ignored
    }
}

/// One tracked finding (violated, pending or waived) as the history keeps it, by fingerprint.
public struct FindingRecord: Sendable, Equatable {
    /// Stable hash (SPEC §8).
    public var fingerprint: String
    /// Rule id.
    public var rule: String
    /// Unit id.
    public var unit: String
    /// The unit the finding counts under in trends (district, or province after the 2025 reform).
    public var group: String
    /// That unit's name when recorded.
    public var groupName: String
    /// `violated`, `pending` or `waived`; `resolved` for a finding of the previous run that this
    /// run no longer tracks (its former status in `previousStatus`).
    public var status: String
    /// `critical` … `info`.
    public var severity: String
    /// Why violated.
    public var reason: String?
    /// Period label, trigger/target date or gap.
    public var period: String?
    /// Due date.
    public var due: String?
    /// The trigger's or target's ref.
    public var ref: String?
    /// The reported sentence.
    public var message: String
    /// `new` or `persisting` compared with the previous run of the same scope; `resolved` for a
    /// resolved row.
    public var change: String
    /// The unit's name in this run (nil in histories written before names were stored).
    public var unitName: String?
    /// The rule's title in this run.
    public var ruleTitle: String?
    /// A resolved row's status in the previous run.
    public var previousStatus: String?

    /// A finding record.
    public init(
        fingerprint: String, rule: String, unit: String, group: String, groupName: String, status: String,
        severity: String, reason: String?, period: String?, due: String?, ref: String?, message: String,
        change: String, unitName: String? = nil, ruleTitle: String? = nil, previousStatus: String? = nil
    ) {
        self.fingerprint = fingerprint
        self.rule = rule
        self.unit = unit
        self.group = group
        self.groupName = groupName
        self.status = status
        self.severity = severity
        self.reason = reason
        self.period = period
        self.due = due
        self.ref = ref
        self.message = message
        self.change = change
        self.unitName = unitName
        self.ruleTitle = ruleTitle
        self.previousStatus = previousStatus
    }
}

/// Everything one `check --history` run stores, written in one transaction.
public struct RunRecord: Sendable {
    /// When the run happened (ISO 8601, from the CLI's clock; informative only).
    public var recordedAt: String
    /// The evaluation date.
    public var asOf: String
    /// dvcheck's version.
    public var toolVersion: String
    /// The filters (`--rule`, `--unit`, `--from`, `--to`) as one canonical text; runs compare only
    /// with earlier runs of the same scope.
    public var scope: String
    /// Input files.
    public var inputs: [InputRecord]
    /// Counts: evaluated, satisfied, violated, pending, waived.
    public var evaluated = 0, satisfied = 0, violated = 0, pending = 0, waived = 0
    /// Tracked findings resolved since the previous run of the scope.
    public var resolved = 0
    /// Tracked findings.
    public var findings: [FindingRecord]

    /// A run to record.
    public init(
        recordedAt: String, asOf: String, toolVersion: String, scope: String, inputs: [InputRecord],
        findings: [FindingRecord]
    ) {
        self.recordedAt = recordedAt
        self.asOf = asOf
        self.toolVersion = toolVersion
        self.scope = scope
        self.inputs = inputs
        self.findings = findings
    }
}

/// A recorded run as `dvcheck history` lists it.
public struct RunEntry: Sendable, Equatable {
    /// Run number (1, 2, …), in recording order.
    public var id: Int
    /// When it ran.
    public var recordedAt: String
    /// Evaluation date.
    public var asOf: String
    /// dvcheck's version.
    public var toolVersion: String
    /// Canonical filters.
    public var scope: String
    /// SHA-256 over the input list (paths, digests, log accounting): equal digests, equal inputs.
    public var inputsDigest: String
    /// Counts.
    public var evaluated: Int, satisfied: Int, violated: Int, pending: Int, waived: Int
    /// Tracked findings new in this run.
    public var new: Int
    /// Tracked findings resolved since the previous run of the scope.
    public var resolved: Int
}

/// Violations per run for one key (a severity, or a parent unit).
public struct TrendSeries: Sendable, Equatable {
    /// The severity or unit id.
    public var key: String
    /// Display label (the unit's name; the severity itself).
    public var label: String
    /// Violated findings per run, aligned with `HistoryTrend.runs`.
    public var counts: [Int]
}

/// The last runs and their violations per severity and per parent unit.
public struct HistoryTrend: Sendable {
    /// Runs, oldest first.
    public var runs: [RunEntry]
    /// One series per severity (critical first).
    public var bySeverity: [TrendSeries]
    /// One series per parent unit, by id.
    public var byGroup: [TrendSeries]
}
