import ComplianceCore
import Evaluation

/// SPEC §10.3's roll-up groups and the KPI tables reports build on them.
///
/// A unit's group is its nearest ancestor-or-self at level `district`, else the root of its
/// hierarchy (after the 2025 reform, communes sit directly under the province). One place, so every
/// report and the history group alike.
public enum RollUp {
    /// The index of the unit's roll-up group.
    public static func group(of index: Int, in registry: UnitRegistry) -> Int {
        var current = index
        var steps = 0
        while registry.units[current].level != "district", let p = registry.parent(of: current),
            steps < registry.units.count
        {
            current = p
            steps += 1
        }
        return current
    }

    /// The id of the unit's roll-up group (the id itself when the unit is unknown).
    public static func group(of unitID: String, in registry: UnitRegistry?) -> String {
        guard let registry, let index = registry.index(of: unitID) else { return unitID }
        return registry.units[group(of: index, in: registry)].id
    }

    /// One roll-up group's KPI rows: the `ratio` findings of the units in it.
    public struct KPITable: Sendable {
        /// The group's unit id.
        public let group: String
        /// Its ratio findings, by rule, period, then the unit's place in the hierarchy.
        public let rows: [Finding]
    }

    /// The KPI tables of a report, groups in hierarchy order: built from the ratio findings (every
    /// status, since a share that is met is worth showing), nothing recomputed.
    public static func kpiTables(_ report: RunReport) -> [KPITable] {
        guard let registry = report.registry else { return [] }
        var byGroup: [Int: [(rank: Int, finding: Finding)]] = [:]
        for f in report.evaluation.findings where f.share != nil {
            guard let u = registry.index(of: f.unit) else { continue }
            byGroup[group(of: u, in: registry), default: []].append((registry.hierarchyRank(of: u), f))
        }
        return byGroup.keys.sorted { registry.hierarchyRank(of: $0) < registry.hierarchyRank(of: $1) }.map { g in
            let rows = (byGroup[g] ?? []).sorted { a, b in
                if a.finding.rule != b.finding.rule { return a.finding.rule.codePointPrecedes(b.finding.rule) }
                if a.finding.sortDay != b.finding.sortDay { return a.finding.sortDay < b.finding.sortDay }
                return a.rank < b.rank
            }
            return KPITable(group: registry.units[g].id, rows: rows.map(\.finding))
        }
    }
}
