import ComplianceCore
import Evaluation

/// `--sort` (SPEC §10.9): the order of the findings in text and HTML reports.
///
/// Machine formats (JSON, SARIF, JUnit, CSV, ICS) always follow SPEC §8.
public enum ReportSort: String, Sendable, CaseIterable {
    /// SPEC §8: unit, rule, date, event.
    case unit
    /// Severity (most severe first), then status (violated, pending, waived, satisfied), then §8.
    case severity
}

extension RunReport {
    /// The listed findings in the order `sort` asks for.
    var sortedFindings: [Finding] { Self.ordered(listedFindings, by: sort) }

    /// `findings` (given in §8 order) in the order of `sort`; stable, so ties keep §8's order.
    static func ordered(_ findings: [Finding], by sort: ReportSort) -> [Finding] {
        guard sort == .severity else { return findings }
        return findings.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.severity != y.severity { return x.severity > y.severity }
            let (sx, sy) = (statusRank(x.status), statusRank(y.status))
            if sx != sy { return sx < sy }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// The (severity, status) groups in `--sort severity` order: most severe first, then by status.
    static let severityOrder: [(Severity, Finding.Status)] = Severity.allCases.sorted { $0 > $1 }.flatMap { severity in
        Finding.Status.allCases.sorted { statusRank($0) < statusRank($1) }.map { (severity, $0) }
    }

    /// The first `count` violated findings in `--sort severity` order.
    func worstViolations(_ count: Int) -> [Finding] {
        guard let spill else {
            return Array(
                Self.ordered(evaluation.findings.filter { $0.status == .violated }, by: .severity).prefix(count))
        }
        var worst: [Finding] = []
        for severity in Severity.allCases.sorted(by: { $0 > $1 }) where worst.count < count {
            guard spill.count(severity, .violated) > 0 else { continue }
            worst += spill.cursor(bucket: (severity, .violated)).next(count - worst.count)
        }
        return worst
    }

    /// Violated findings of `severity`.
    func violatedCount(_ severity: Severity) -> Int {
        spill?.count(severity, .violated)
            ?? evaluation.findings.reduce(0) { $0 + ($1.status == .violated && $1.severity == severity ? 1 : 0) }
    }

    /// The pending findings with a due date, in SPEC §8 order.
    var pendingWithDue: [Finding] {
        spill?.pendingWithDue ?? evaluation.findings.filter { $0.status == .pending && $0.due != nil }
    }

    /// Violated first, then pending, waived, satisfied.
    static func statusRank(_ s: Finding.Status) -> Int {
        switch s {
        case .violated: 1
        case .pending: 2
        case .waived: 3
        case .satisfied: 4
        }
    }

    /// Pending findings due within `Labels.dueSoonDays` of the as-of date, by due date (SPEC §10.9).
    var dueSoonFindings: [Finding] {
        pendingWithDue.enumerated().filter { _, f in
            guard f.status == .pending, let due = f.due else { return false }
            let days = asOf.days(to: due)
            return days >= 0 && days <= Labels.dueSoonDays
        }.sorted { a, b in
            let (da, db) = (a.element.due?.ordinal ?? 0, b.element.due?.ordinal ?? 0)
            return da != db ? da < db : a.offset < b.offset
        }.map(\.element)
    }
}
