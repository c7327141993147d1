import ComplianceCore
import Evaluation

/// Facts several reporters share: the rules evaluated, unit names and paths, the (rule, unit)
/// pairs, and the parent unit a finding is counted under in trends.
extension RunReport {
    /// The rules this run evaluated, sorted by id.
    public var evaluatedRules: [ReportRule] {
        let ids = evaluatedRuleIDs ?? Array(rules.keys)
        return ids.compactMap { rules[$0] }.sorted { $0.id.codePointPrecedes($1.id) }
    }

    /// A unit's display name, or its id when unknown.
    public func unitName(_ id: String) -> String { registry?.unit(id)?.name ?? id }

    /// A rule's title in the report language, or its id when unknown.
    public func ruleTitle(_ id: String) -> String { rules[id]?.title.text(in: language) ?? id }

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

    /// An evidence event as people read it: `id (date, path:line)`.
    ///
    /// The id alone when its position is unknown; a workbook's event reads `path:Sheet!E5`.
    func evidenceText(_ id: String) -> String {
        guard let e = events[id] else { return id }
        return "\(id) (\(e.date), \(evidencePlace(e)))"
    }

    /// `path:line`, or `path:Sheet!E5` for a worksheet row.
    func evidencePlace(_ e: EvidenceEvent) -> String {
        if let cell = SARIFLocations.cellName(e) { return "\(e.path):\(cell)" }
        return "\(e.path):\(e.line)"
    }

    /// The tracked finding's change mark, when the run is compared with a previous one.
    func change(_ f: Finding) -> ChangeSet.Mark? { changes?.mark(f) }

    /// The unit a finding is counted under in trends (SPEC §10.3's roll-up group): the nearest unit
    /// at level `district` on the way up (the unit itself included), else the root of its hierarchy
    /// — the province, also for the communes that sit directly under it after the 2025 reform.
    public func trendGroup(of unitID: String) -> String {
        Self.trendGroup(of: unitID, in: registry)
    }

    /// `trendGroup(of:)` for a given registry.
    public static func trendGroup(of unitID: String, in registry: UnitRegistry?) -> String {
        guard let registry, var index = registry.index(of: unitID) else { return unitID }
        // SPEC §10.3: the nearest ancestor-or-self at level district, else the root.
        var steps = 0
        while registry.units[index].level != "district", let p = registry.parent(of: index),
            steps < registry.units.count
        {
            index = p
            steps += 1
        }
        return registry.units[index].id
    }
}

/// Severity as the CI formats grade it.
extension Severity {
    /// SARIF `level` of a failing result (SPEC §10.8): critical and high are errors, medium a
    /// warning, low and info notes.
    var sarifLevel: String {
        switch self {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }
}
