import ComplianceCore
import Evaluation

/// Facts several reporters share: the rules evaluated, unit names and paths, the (rule, unit)
/// pairs, and the parent unit a finding is counted under in trends.
extension RunReport {
    /// The rules this run evaluated, sorted by id.
    public var evaluatedRules: [Rule] {
        let ids = evaluatedRuleIDs ?? Array(rules.keys)
        return ids.compactMap { rules[$0] }.sorted { $0.id.codePointPrecedes($1.id) }
    }

    /// A unit's display name, or its id when unknown.
    func unitName(_ id: String) -> String { registry?.unit(id)?.name ?? id }

    /// A rule's binding (law when the rule is unknown, as the loader's default).
    func binding(of ruleID: String) -> Binding { rules[ruleID]?.binding ?? .law }

    /// A finding's status label, with its rule's binding (SPEC §10.9).
    func statusLabel(_ f: Finding, _ labels: Labels) -> String { labels.status(f.status, binding: binding(of: f.rule)) }

    /// How many violated findings belong to guidance rules.
    var guidanceViolations: Int {
        evaluation.findings.reduce(0) { $0 + ($1.status == .violated && binding(of: $1.rule) == .guidance ? 1 : 0) }
    }

    /// A rule's title in the report language, or its id when unknown.
    func ruleTitle(_ id: String) -> String { rules[id]?.title.text(in: language) ?? id }

    /// The unit's ancestors from the root down to its parent.
    func ancestors(of id: String) -> [String] {
        guard let registry, var index = registry.index(of: id) else { return [] }
        var chain: [String] = []
        var steps = 0
        while let p = registry.parent(of: index), steps < registry.units.count {
            chain.append(registry.units[p].id)
            index = p
            steps += 1
        }
        return chain.reversed()
    }

    /// The tracked finding's change mark, when the run is compared with a previous one.
    func change(_ f: Finding) -> ChangeSet.Mark? { changes?.mark(f) }

    /// The unit a finding is counted under in trends and roll-ups (SPEC §10.3).
    public func trendGroup(of unitID: String) -> String {
        RollUpGroup.group(of: unitID, in: registry)
    }

    /// `trendGroup(of:)` for a given registry.
    public static func trendGroup(of unitID: String, in registry: UnitRegistry?) -> String {
        RollUpGroup.group(of: unitID, in: registry)
    }
}

/// Severity as the CI formats grade it.
extension Severity {
    /// SARIF `level`: critical and high are errors, medium and low warnings, info a note.
    var sarifLevel: String {
        switch self {
        case .critical, .high: "error"
        case .medium, .low: "warning"
        case .info: "note"
        }
    }
}
