import ComplianceCore
import Evaluation

/// The roll-up group of SPEC §10.3, shared by every report that totals units: a unit's district is
/// its nearest ancestor-or-self with level `district`; a unit with none (a commune directly under
/// the province after the 2025 reform) is grouped under its root.
public enum RollUpGroup {
    /// The group's unit id; the unit's own id when it is unknown to the registry.
    public static func group(of unitID: String, in registry: UnitRegistry?) -> String {
        guard let registry, var index = registry.index(of: unitID) else { return unitID }
        var steps = 0
        while registry.units[index].level != "district", steps <= registry.units.count {
            guard let parent = registry.parent(of: index) else { return registry.units[index].id }
            index = parent
            steps += 1
        }
        return registry.units[index].id
    }

    /// One group's counts of findings by status; `guidance` of the violated belong to guidance rules.
    public struct Counts: Sendable, Equatable {
        /// The group's unit id.
        public let group: String
        /// Findings by status.
        public var violated = 0, guidance = 0, pending = 0, waived = 0, satisfied = 0
        /// Empty counts for a group.
        public init(group: String) { self.group = group }
    }

    /// The run's findings (satisfied included) counted per group, groups in hierarchy order.
    ///
    /// Counted from the matrix, which keeps the satisfied counts also when satisfied findings are not listed.
    public static func counts(_ report: RunReport) -> [Counts] {
        var byGroup: [String: Counts] = [:]
        for row in report.evaluation.matrix {
            let g = group(of: row.unit, in: report.registry)
            var c = byGroup[g] ?? Counts(group: g)
            c.violated += row.violated
            if report.binding(of: row.rule) == .guidance { c.guidance += row.violated }
            c.pending += row.pending
            c.waived += row.waived
            c.satisfied += row.satisfied
            byGroup[g] = c
        }
        let order: [String] =
            report.registry.map { TextReporter.hierarchyOrder($0, units: Set(byGroup.keys)) } ?? []
        let unknown = byGroup.keys.filter { !order.contains($0) }.sorted { $0.codePointPrecedes($1) }
        return (order + unknown).compactMap { byGroup[$0] }
    }
}
