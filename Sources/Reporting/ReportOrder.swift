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
        evaluation.findings.enumerated().filter { _, f in
            guard f.status == .pending, let due = f.due else { return false }
            let days = asOf.days(to: due)
            return days >= 0 && days <= Labels.dueSoonDays
        }.sorted { a, b in
            let (da, db) = (a.element.due?.ordinal ?? 0, b.element.due?.ordinal ?? 0)
            return da != db ? da < db : a.offset < b.offset
        }.map(\.element)
    }
}
