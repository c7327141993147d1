import ComplianceCore
import Evaluation

/// The unit × rule matrix, one part per district (SPEC §10.3 roll-up group) and at most
/// `columnsPerPart` rule columns per part, so a printed A4 landscape page never cuts a column off;
/// each cell links to the pair's first finding in the findings table.
enum HTMLMatrix {
    /// Rule columns per table: what fits an A4 landscape page beside the unit names.
    static let columnsPerPart = 20

    private static func e(_ s: String) -> String { Markup.escape(s) }

    /// Anchors of every pair, by `rule \0 unit`.
    static func anchors(_ report: RunReport) -> [String: String] {
        var out: [String: String] = [:]
        for (i, row) in report.evaluation.matrix.enumerated() { out[row.rule + "\u{0}" + row.unit] = "pair-\(i)" }
        return out
    }

    static func render(_ report: RunReport, _ labels: Labels, _ h: HTMLLabels) -> String {
        var cells: [String: MatrixRow] = [:]
        var unitsByGroup: [String: Set<String>] = [:]
        var rulesByGroup: [String: Set<String>] = [:]
        let lookup = RollUpGroup.Lookup(report.registry)
        for row in report.evaluation.matrix {
            cells[row.rule + "\u{0}" + row.unit] = row
            let group = lookup.group(of: row.unit)
            unitsByGroup[group, default: []].insert(row.unit)
            rulesByGroup[group, default: []].insert(row.rule)
        }
        let linked = HTMLReporter.linkedPairs(report)
        let anchors = anchors(report)
        var out = "<section id=\"matrix-section\">\n<h2>\(e(h.matrix))</h2>\n<p class=\"hint\">\(e(h.matrixNote)) "
        for status in [Finding.Status.violated, .pending, .waived, .satisfied] {
            out += HTMLReporter.badge(status, labels) + " "
        }
        out += "</p>\n"
        for group in RollUpGroup.counts(report).map(\.group) where unitsByGroup[group] != nil {
            let units = rows(report, group: group, units: unitsByGroup[group] ?? [])
            let rules = report.evaluatedRules.filter { rulesByGroup[group]?.contains($0.id) == true }
            let parts = stride(from: 0, to: rules.count, by: columnsPerPart).map {
                Array(rules[$0..<min($0 + columnsPerPart, rules.count)])
            }
            for (p, part) in parts.enumerated() {
                out += "<div class=\"matrix-part scroll\" data-group=\"\(e(group))\">\n<h3>\(e(report.unitName(group)))"
                if parts.count > 1 { out += " <small>(\(p + 1)/\(parts.count))</small>" }
                out += "</h3>\n<table class=\"matrix\">\n<thead><tr><th>\(e(h.unit))</th>"
                for rule in part {
                    out += "<th class=\"rule\" scope=\"col\" title=\"\(e(rule.title.text(in: report.language)))\">"
                    out += "\(e(rule.id))</th>"
                }
                out += "</tr></thead>\n<tbody>\n"
                for row in units {
                    let name = report.unitName(row.id)
                    out += "<tr data-unit=\"\(e(row.id))\"><th scope=\"row\"\(row.isGroup ? " class=\"group\"" : "")"
                    out += " style=\"padding-left:\(Double(row.depth) * 1.1 + 0.4)rem\">"
                    out += "\(e(name)) <small>\(e(row.id))</small></th>"
                    for rule in part {
                        let key = rule.id + "\u{0}" + row.id
                        guard let c = cells[key] else {
                            out += "<td class=\"st-na\"></td>"
                            continue
                        }
                        out += cell(
                            c, rule: rule, unitName: name, labels, link: linked.contains(key) ? anchors[key] : nil)
                    }
                    out += "</tr>\n"
                }
                out += "</tbody>\n</table>\n</div>\n"
            }
        }
        return out + "</section>\n"
    }

    private static func cell(_ c: MatrixRow, rule: ReportRule, unitName: String, _ labels: Labels, link: String?)
        -> String
    {
        let (status, mark): (Finding.Status, String) =
            c.violated > 0
            ? (.violated, "✗\(c.violated)")
            : c.pending > 0 ? (.pending, "!\(c.pending)") : c.waived > 0 ? (.waived, "~\(c.waived)") : (.satisfied, "✓")
        let title =
            "\(rule.id) · \(unitName): \(c.violated) \(labels.status(.violated)), \(c.pending) \(labels.status(.pending)), "
            + "\(c.waived) \(labels.status(.waived)), \(c.satisfied) \(labels.status(.satisfied))"
        let body = link.map { "<a href=\"#\($0)\">\(mark)</a>" } ?? mark
        return "<td class=\"st-\(status.rawValue)\" title=\"\(e(title))\">\(body)</td>"
    }

    /// How many levels are shown indented; deeper units line up with the last level.
    static let maxIndent = 12

    /// The group's units with matrix rows, with their ancestors inside the group, in hierarchy
    /// order; depth counts from the group's unit.
    ///
    /// Linear in the units: each chain is walked up only until it meets a unit already seen or the
    /// group's unit, so a deep tree costs its size, not its depth squared.
    private static func rows(_ report: RunReport, group: String, units: Set<String>) -> [(
        id: String, depth: Int, isGroup: Bool
    )] {
        guard let registry = report.registry, let top = registry.index(of: group) else {
            return units.sorted { $0.codePointPrecedes($1) }.map { ($0, 0, false) }
        }
        var all = Set<Int>()
        var parents = Set<Int>()
        for id in units {
            guard var index = registry.index(of: id), all.insert(index).inserted else { continue }
            var steps = 0
            while index != top, let p = registry.parent(of: index), steps < registry.units.count {
                parents.insert(p)
                guard all.insert(p).inserted else { break }
                index = p
                steps += 1
            }
        }
        var depth: [Int: Int] = [:]
        return all.sorted { registry.hierarchyRank(of: $0) < registry.hierarchyRank(of: $1) }.map { index in
            let d = index == top ? 0 : registry.parent(of: index).flatMap { depth[$0] }.map { $0 + 1 } ?? 0
            depth[index] = d
            return (registry.units[index].id, min(d, maxIndent), parents.contains(index))
        }
    }
}
