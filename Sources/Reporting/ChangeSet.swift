import ComplianceCore

/// A finding of an earlier run, as a history or a baseline JSON remembers it: enough to mark the
/// current findings `new` or `persisting` and to list the ones that are gone.
public struct PriorFinding: Sendable, Equatable {
    /// The finding's stable hash (SPEC §8 `fingerprint`).
    public var fingerprint: String
    /// Rule id.
    public var rule: String
    /// Unit id.
    public var unit: String
    /// Status in that run (`violated`, `pending` or `waived`).
    public var status: String
    /// Severity in that run.
    public var severity: String
    /// Why violated, if it was.
    public var reason: String?
    /// Period label, trigger/target date or gap.
    public var period: String?
    /// Due date (`YYYY-MM-DD`).
    public var due: String?
    /// The trigger's or target's ref.
    public var ref: String?
    /// The sentence reported then.
    public var message: String

    /// A remembered finding.
    public init(
        fingerprint: String, rule: String, unit: String, status: String, severity: String, reason: String?,
        period: String?, due: String?, ref: String?, message: String
    ) {
        self.fingerprint = fingerprint
        self.rule = rule
        self.unit = unit
        self.status = status
        self.severity = severity
        self.reason = reason
        self.period = period
        self.due = due
        self.ref = ref
        self.message = message
    }

    /// The same fields taken from a current finding (what a history stores).
    public init(_ f: Finding) {
        self.init(
            fingerprint: f.fingerprint, rule: f.rule, unit: f.unit, status: f.status.rawValue,
            severity: f.severity.rawValue, reason: f.reason, period: f.period, due: f.due?.description, ref: f.ref,
            message: f.message)
    }

    /// Report order for lists of prior findings: unit, rule, period, fingerprint (code points).
    public static func reportOrder(_ a: PriorFinding, _ b: PriorFinding) -> Bool {
        if a.unit != b.unit { return a.unit.codePointPrecedes(b.unit) }
        if a.rule != b.rule { return a.rule.codePointPrecedes(b.rule) }
        let pa = a.period ?? ""
        let pb = b.period ?? ""
        if pa != pb { return pa.codePointPrecedes(pb) }
        return a.fingerprint.codePointPrecedes(b.fingerprint)
    }
}

/// How the current run's findings compare with the previous run's (`--history`, `--baseline`).
///
/// Only tracked findings are compared: violated, pending and waived ones (what a report lists by
/// default). A finding is `persisting` when the previous run reported the same fingerprint with the
/// same status, else `new` — so a pending item that became violated, or a violation whose waiver
/// expired, is a new violation. `resolved` lists the previous run's tracked findings whose
/// fingerprint is no longer tracked (satisfied now, or out of the run).
public struct ChangeSet: Sendable {
    /// The mark a tracked finding carries.
    public enum Mark: String, Sendable {
        case new, persisting
    }

    /// Marks by fingerprint.
    public private(set) var marks: [String: Mark] = [:]
    /// The previous status of findings that are `new` only because their status changed.
    public private(set) var previousStatus: [String: String] = [:]
    /// Tracked findings of the previous run that are gone, in report order.
    public private(set) var resolved: [PriorFinding] = []

    /// Compares `current` findings with the `previous` run's tracked findings.
    public init(current: [Finding], previous: [PriorFinding]) {
        var before: [String: PriorFinding] = [:]
        for p in previous where p.status != Finding.Status.satisfied.rawValue { before[p.fingerprint] = p }
        var tracked = Set<String>()
        for f in current where Self.isTracked(f) {
            tracked.insert(f.fingerprint)
            if let p = before[f.fingerprint] {
                if p.status == f.status.rawValue {
                    marks[f.fingerprint] = .persisting
                } else {
                    marks[f.fingerprint] = .new
                    previousStatus[f.fingerprint] = p.status
                }
            } else {
                marks[f.fingerprint] = .new
            }
        }
        resolved = before.values.filter { !tracked.contains($0.fingerprint) }.sorted(by: PriorFinding.reportOrder)
    }

    /// A comparison as a saved JSON result records it: the marks and previous statuses of its
    /// findings and the resolved ones.
    public init(marks: [String: Mark], previousStatus: [String: String], resolved: [PriorFinding]) {
        self.marks = marks
        self.previousStatus = previousStatus
        self.resolved = resolved
    }

    /// Whether a finding takes part in the comparison (everything but satisfied).
    public static func isTracked(_ f: Finding) -> Bool { f.status != .satisfied }

    /// The mark of a finding, nil for untracked (satisfied) ones.
    public func mark(_ f: Finding) -> Mark? { isTrackedFingerprint(f) ? marks[f.fingerprint] : nil }

    /// Whether the finding is a violation the previous run did not report as one.
    public func isNewViolation(_ f: Finding) -> Bool { f.status == .violated && mark(f) == .new }

    private func isTrackedFingerprint(_ f: Finding) -> Bool { Self.isTracked(f) }

    /// How many tracked findings are new.
    public var newCount: Int { marks.values.filter { $0 == .new }.count }
}
