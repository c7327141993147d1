import ComplianceCore
import Foundation
import History
import Reporting

/// The previous run a check compares with — from the history or a baseline JSON — and the
/// recording of this run in the history: the audit run's bridge between `History` and `Reporting`.
struct RunComparison {
    /// Where the previous run comes from.
    enum Source {
        case history(String), baseline(String)
    }

    let source: Source
    let scope: String

    /// The canonical filter text: runs compare only with earlier runs of the same scope.
    static func scope(rules: [String], units: [String], from: Day?, to: Day?) -> String {
        var parts: [String] = []
        if !rules.isEmpty {
            parts.append("rule=" + Set(rules).sorted { $0.codePointPrecedes($1) }.joined(separator: ","))
        }
        if !units.isEmpty {
            parts.append("unit=" + Set(units).sorted { $0.codePointPrecedes($1) }.joined(separator: ","))
        }
        if let from { parts.append("from=\(from)") }
        if let to { parts.append("to=\(to)") }
        return parts.joined(separator: " ")
    }

    /// The previous run's tracked findings (empty for a new history), or a diagnostic saying why
    /// they cannot be had.
    func previous() -> Result<[PriorFinding], DiagnosticFailure> {
        switch source {
        case .history(let path):
            do {
                let history = try AuditHistory(path: path)
                let records = try history.previousFindings(scope: scope) ?? []
                return .success(records.map(Self.prior))
            } catch {
                return .failure(DiagnosticFailure(.error(.historyUnreadable, error.message)))
            }
        case .baseline(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(
                    DiagnosticFailure(
                        .error(.configMissingFile, Message(.baselineUnreadable, ["path": path]))))
            }
            switch BaselineReader.findings(from: data) {
            case .success(let found): return .success(found)
            case .failure(let problem):
                return .failure(
                    DiagnosticFailure(
                        .error(
                            .baselineInvalid,
                            Message(.baselineInvalid, ["path": path], nested: ["why": problem.message]))))
            }
        }
    }

    /// The run as the history records it.
    static func runRecord(_ report: RunReport, changes: ChangeSet, scope: String, recordedAt: Date) -> RunRecord {
        let s = report.evaluation.summary
        var inputs = report.ruleFiles.map { InputRecord(kind: "rule", path: $0.path, sha256: $0.sha256) }
        inputs += report.registryFiles.all.map { InputRecord(kind: "file", path: $0.path, sha256: $0.sha256) }
        inputs += report.logFiles.map {
            InputRecord(
                kind: "log", path: $0.path, read: $0.read, accepted: $0.accepted, rejected: $0.rejected,
                ignored: $0.ignored)
        }
        var findings = report.evaluation.findings.filter(ChangeSet.isTracked).map { f in
            let group = report.trendGroup(of: f.unit)
            return FindingRecord(
                fingerprint: f.fingerprint, rule: f.rule, unit: f.unit, group: group,
                groupName: report.registry?.unit(group)?.name ?? group, status: f.status.rawValue,
                severity: f.severity.rawValue, reason: f.reason, period: f.period, due: f.due?.description,
                ref: f.ref, message: f.message, change: (changes.mark(f) ?? .new).rawValue,
                unitName: report.unitName(f.unit), ruleTitle: report.ruleTitle(f.rule))
        }
        // Resolved findings are rows of the run that resolved them, so their time to resolution can
        // be queried.
        findings += changes.resolved.map { p in
            let group = report.trendGroup(of: p.unit)
            return FindingRecord(
                fingerprint: p.fingerprint, rule: p.rule, unit: p.unit, group: group,
                groupName: report.registry?.unit(group)?.name ?? group, status: "resolved", severity: p.severity,
                reason: p.reason, period: p.period, due: p.due, ref: p.ref, message: p.message, change: "resolved",
                unitName: report.unitName(p.unit), ruleTitle: report.ruleTitle(p.rule), previousStatus: p.status)
        }
        var run = RunRecord(
            recordedAt: ISO8601DateFormatter().string(from: recordedAt), asOf: report.asOf.description,
            toolVersion: report.toolVersion, scope: scope, inputs: inputs, findings: findings)
        run.evaluated = s.evaluated
        run.satisfied = s.satisfied
        run.violated = s.violated
        run.pending = s.pending
        run.waived = s.waived
        run.resolved = changes.resolved.count
        return run
    }

    /// A history record as the comparison needs it.
    static func prior(_ r: FindingRecord) -> PriorFinding {
        PriorFinding(
            fingerprint: r.fingerprint, rule: r.rule, unit: r.unit, status: r.status, severity: r.severity,
            reason: r.reason, period: r.period, due: r.due, ref: r.ref, message: r.message)
    }
}

/// A diagnostic carried as an error value.
struct DiagnosticFailure: Error {
    let diagnostic: Diagnostic
    init(_ d: Diagnostic) { diagnostic = d }
}
