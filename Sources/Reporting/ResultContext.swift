import ComplianceCore
import Evaluation

/// The parts of a JSON result that let it be rendered again without the inputs (SPEC §10.5): the
/// rules' texts and locations, the units it names, the waivers its findings name and where each
/// evidence event was read.
enum ResultContext {
    /// What the context lists, in order: worked out apart from the writing, so that a streamed report
    /// can sort hundreds of thousands of ids on another core while it writes its findings.
    struct Listed: Sendable {
        /// The units named, with their ancestors (nil when the registry was invalid).
        let units: [String]?
        let waiverIndices: [Int]
        /// The evidence events' ids.
        let eventIDs: [String]
    }

    /// What `report`'s context lists.
    static func listed(_ report: RunReport) -> Listed {
        let listed = report.spill == nil ? report.listedFindings : []
        var seen = Set<String>()
        var ids: [String] = []
        for f in listed { for id in f.events where seen.insert(id).inserted { ids.append(id) } }
        // A streamed run's listed findings are in its spill, which gathered their events as written.
        if let spill = report.spill { ids = spill.eventIDs }
        ids.sort { $0.codePointPrecedes($1) }
        return Listed(
            units: report.registry.map { namedUnits(report, $0) },
            waiverIndices: (report.spill?.waiverIndices ?? Set(listed.compactMap(\.waiver))).sorted(), eventIDs: ids)
    }

    /// Writes `rules`, `units` (absent when the registry was invalid), `waivers` and `events`, as
    /// `listed` worked them out.
    static func write(_ report: RunReport, _ listed: Listed, _ w: inout JSONWriter) {
        w.beginArray("rules")
        for rule in report.evaluatedRules { write(rule, &w) }
        w.endArray()
        if let registry = report.registry, let units = listed.units {
            w.beginArray("units")
            for id in units {
                guard let unit = registry.unit(id) else { continue }
                w.beginObject()
                w.field("id", unit.id)
                w.field("name", unit.name)
                w.field("parent", unit.parent)
                w.field("level", unit.level)
                w.field("kind", unit.kind)
                w.endObject()
            }
            w.endArray()
        }
        w.beginArray("waivers")
        for index in listed.waiverIndices {
            guard let waiver = report.waivers[index] else { continue }
            w.beginObject()
            w.field("index", index)
            w.field("reason", waiver.reason)
            w.field("approved_by", waiver.approvedBy)
            w.field("expires", waiver.expires)
            w.endObject()
        }
        w.endArray()
        w.beginObject("events")
        for id in listed.eventIDs {
            guard let e = report.events[id] else { continue }
            w.beginObject(named: id)
            w.field("date", e.date)
            w.field("path", e.path)
            w.field("line", e.line)
            w.field("column", e.column)
            w.field("sheet", e.sheet)
            w.endObject()
        }
        w.endObject()
    }

    static func write(_ rule: ReportRule, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("id", rule.id)
        w.field("kind", rule.kind)
        localized("title", rule.title, &w)
        if let message = rule.message { localized("message", message, &w) }
        if let description = rule.description { localized("description", description, &w) }
        w.field("severity", rule.severity.rawValue)
        w.field("binding", rule.binding.rawValue)
        w.beginObject("source")
        w.field("document", rule.source.document)
        w.field("clause", rule.source.clause)
        w.field("basis", rule.source.basis)
        w.field("url", rule.source.url)
        w.endObject()
        w.beginObject("location")
        w.field("path", rule.location.path)
        w.field("line", rule.location.line)
        w.field("column", rule.location.column)
        w.field("end_line", rule.endLine)
        w.endObject()
        w.endObject()
    }

    static func localized(_ key: StaticString, _ text: LocalizedText, _ w: inout JSONWriter) {
        w.beginObject(key)
        w.field("vi", text.vi)
        w.field("en", text.en)
        w.endObject()
    }

    /// Every unit the result names (findings, resolved findings, matrix, silent units) and their ancestors, which
    /// reports show as the path above a unit; in id code-point order.
    static func namedUnits(_ report: RunReport, _ registry: UnitRegistry) -> [String] {
        var named = Set<String>()
        // A streamed run's findings name no unit the matrix does not (each finding is counted there).
        if report.spill == nil { for f in report.listedFindings { named.insert(f.unit) } }
        for row in report.evaluation.matrix { named.insert(row.unit) }
        for p in report.changes?.resolved ?? [] { named.insert(p.unit) }
        for id in report.evaluation.silentUnits { named.insert(id) }
        var all = named
        for id in named { all.formUnion(report.ancestors(of: id)) }
        return all.filter { registry.unit($0) != nil }.sorted { $0.codePointPrecedes($1) }
    }
}
