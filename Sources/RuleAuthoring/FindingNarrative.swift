import ComplianceCore

/// Writes out, for one finding, the computation its rule's kind performed (`Obligation.explain`):
/// which events counted, how the due date was reached, and why the status follows.
struct FindingNarrative {
    let rule: Rule
    let registry: UnitRegistry
    let finding: Finding
    let events: [String: Event]
    let store: EventStore
    let calendar: WorkCalendar
    let asOf: Day
    /// The base rule's findings (all units kept, every status), for a rule that reads them.
    var baseFindings: [Finding] = []

    func item() -> Explanation.Item {
        let context = ExplainContext(
            rule: rule, registry: registry, events: events, store: store, calendar: calendar, asOf: asOf,
            baseFindings: baseFindings)
        let explained = rule.obligation.explain(finding, in: context)
        var steps = explained.steps
        if let w = finding.waiver { steps.append("waived by waiver \(w) (the finding keeps its reason)") }
        let lines = finding.events.compactMap { id -> Explanation.EventLine? in
            guard let e = events[id] else { return nil }
            return Explanation.EventLine(
                id: e.id, type: e.type, date: e.day, unit: "", origin: "\(store.path(of: e.origin)):\(e.origin.line)",
                role: explained.roles[id] ?? "evidence")
        }
        return Explanation.Item(finding: finding, steps: steps, events: lines, verdict: verdict())
    }

    /// The status in words; a reason may add what the status alone would hide (`FindingReason.verdict`).
    private func verdict() -> String {
        let f = finding
        let declared = f.reason.flatMap { code in type(of: rule.obligation).reasons.first { $0.code == code } }
        switch (f.status, declared?.verdict) {
        case (.satisfied, let words?): return "satisfied: " + words
        case (.satisfied, _): return "satisfied"
        case (.pending, let words?): return "pending: " + words
        case (.pending, _): return "pending: not yet due" + (f.due.map { " (due \($0), as of \(asOf))" } ?? "")
        default:
            guard let reason = f.reason else { return f.status.rawValue }
            let late = f.daysLate.map { ", \($0) day(s)" } ?? ""
            return "\(f.status == .waived ? "waived" : "violated"): \(reason)\(late)"
        }
    }
}
