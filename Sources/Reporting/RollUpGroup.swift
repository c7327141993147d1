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

    /// Every unit's group at once, in one pass down the hierarchy: a report asks for thousands of
    /// units, and walking up from each would cost the depth of the tree every time.
    public struct Lookup: Sendable {
        private let registry: UnitRegistry?
        private let groupIndex: [Int]

        /// The groups of `registry`'s units.
        public init(_ registry: UnitRegistry?) {
            self.registry = registry
            guard let registry else {
                groupIndex = []
                return
            }
            var groups = Array(registry.units.indices)
            // Parents come before their children in hierarchy order, so a parent's group is known.
            for i in registry.units.indices.sorted(by: {
                registry.hierarchyRank(of: $0) < registry.hierarchyRank(of: $1)
            })
            where registry.units[i].level != "district" {
                if let p = registry.parent(of: i) { groups[i] = groups[p] }
            }
            groupIndex = groups
        }

        /// The group's unit id; the unit's own id when it is unknown.
        public func group(of unitID: String) -> String {
            guard let registry, let index = registry.index(of: unitID) else { return unitID }
            return registry.units[groupIndex[index]].id
        }
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
        let lookup = Lookup(report.registry)
        for row in report.evaluation.matrix {
            let g = lookup.group(of: row.unit)
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
