import ComplianceCore

/// Which rules run in which phase (SPEC §10.2): the rules that read events first — with the base
/// rules of the selected rules that read findings, also when `--rule` left them out —, then the
/// rules that read those findings.
struct EvaluationPlan {
    /// Phase 1: the selected rules that read events, then the base rules `--rule` left out.
    let eventRules: [Rule]
    /// Phase 2: the selected rules that read another rule's findings.
    let findingRules: [Rule]
    /// The ids of the rules whose findings phase 2 reads.
    let baseIDs: Set<String>

    init(selected: [Rule], all: [Rule]) {
        findingRules = selected.filter { $0.obligation.baseRule != nil }
        let baseIDs = Set(findingRules.compactMap { $0.obligation.baseRule })
        let selectedIDs = Set(selected.map(\.id))
        let hidden = all.filter { r in
            baseIDs.contains(r.id) && !selectedIDs.contains(r.id) && r.obligation.baseRule == nil
        }
        eventRules = selected.filter { $0.obligation.baseRule == nil } + hidden
        self.baseIDs = baseIDs
    }
}
