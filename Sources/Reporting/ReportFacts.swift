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

    /// A rule's binding (law when the rule is unknown, as the loader's default).
    func binding(of ruleID: String) -> Binding { rules[ruleID]?.binding ?? .law }

    /// A finding's status label, with its rule's binding (SPEC §10.9).
    func statusLabel(_ f: Finding, _ labels: Labels) -> String { labels.status(f.status, binding: binding(of: f.rule)) }

    /// How many violated findings belong to guidance rules.
    var guidanceViolations: Int {
        if let spill {
            return spill.violatedByRule.reduce(0) { $0 + (binding(of: $1.key) == .guidance ? $1.value : 0) }
        }
        return evaluation.findings.reduce(0) {
            $0 + ($1.status == .violated && binding(of: $1.rule) == .guidance ? 1 : 0)
        }
    }

    /// A rule's title in the report language, or its id when unknown.
    public func ruleTitle(_ id: String) -> String { rules[id]?.title.text(in: language) ?? id }

    /// The unit's ancestors from the root down to its parent.
    ///
    /// `limit` keeps the nearest ones only: a list naming each unit's whole chain would grow with
    /// the square of the tree's depth.
    func ancestors(of id: String, limit: Int = Int.max) -> [String] {
        guard let registry, var index = registry.index(of: id) else { return [] }
        var chain: [String] = []
        var steps = 0
        while let p = registry.parent(of: index), steps < min(registry.units.count, limit) {
            chain.append(registry.units[p].id)
            index = p
            steps += 1
        }
        return chain.reversed()
    }

    /// One unit of the tree a report shows: its depth below its root, whether a listed unit is
    /// below it, and its parent.
    struct UnitRow {
        let id: String
        let depth: Int
        let isGroup: Bool
        let parent: String?
    }

    /// `units` and their ancestors, in hierarchy order (a parent before its children).
    ///
    /// Linear in the units listed: each chain is walked up only until it meets a unit already seen,
    /// so a report grows with the number of units, not with their depth squared.
    func unitRows(for units: Set<String>) -> [UnitRow] {
        guard let registry else { return [] }
        var all = Set<Int>()
        var parents = Set<Int>()
        for id in units {
            guard var index = registry.index(of: id), all.insert(index).inserted else { continue }
            var steps = 0
            while let p = registry.parent(of: index), steps < registry.units.count {
                parents.insert(p)
                guard all.insert(p).inserted else { break }
                index = p
                steps += 1
            }
        }
        var depth: [Int: Int] = [:]
        return all.sorted { registry.hierarchyRank(of: $0) < registry.hierarchyRank(of: $1) }.map { index in
            let parent = registry.parent(of: index)
            let d = parent.flatMap { depth[$0] }.map { $0 + 1 } ?? 0
            depth[index] = d
            return UnitRow(
                id: registry.units[index].id, depth: d, isGroup: parents.contains(index),
                parent: parent.map { registry.units[$0].id })
        }
    }

    /// An evidence event as people read it: `id (date, path:line)`.
    ///
    /// The id alone when its position is unknown; a workbook's event reads `path:Sheet!E5`.
    func evidenceText(_ id: String) -> String {
        guard let e = events[id] else { return id }
        return "\(id) (\(Presentation(language).date(e.date)), \(evidencePlace(e)))"
    }

    /// `path:line`, or `path:Sheet!E5` for a worksheet row.
    func evidencePlace(_ e: EvidenceEvent) -> String {
        if let cell = SARIFLocations.cellName(e) { return "\(e.path):\(cell)" }
        return "\(e.path):\(e.line)"
    }

    /// The tracked finding's change mark, when the run is compared with a previous one.
    func change(_ f: Finding) -> ChangeSet.Mark? { changes?.mark(f) }

    /// The unit a finding is counted under in trends: its roll-up group (SPEC §10.3, `RollUp`).
    public func trendGroup(of unitID: String) -> String {
        RollUp.group(of: unitID, in: registry)
    }

    /// `trendGroup(of:)` for a given registry.
    public static func trendGroup(of unitID: String, in registry: UnitRegistry?) -> String {
        RollUp.group(of: unitID, in: registry)
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
