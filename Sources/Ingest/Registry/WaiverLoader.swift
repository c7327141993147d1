import ComplianceCore
import NodeDecoding
import YAMLSupport

/// Loads approved waivers (SPEC §7), checking that each names known rules and units.
public enum WaiverLoader {
    /// Keys of one waiver (the loader's and the JSON Schema's source).
    public static let fields = [
        FieldSpec("rule", .scalarOrList, required: true, "One rule id or a list."),
        FieldSpec("units", .scalarOrList, "Units (each covering its descendants); default all."),
        FieldSpec(
            "periods", .object(CalendarLoader.rangeFields),
            "The dates it covers; default always."),
        FieldSpec("reason", .text, required: true, "Why the obligation is waived."),
        FieldSpec("approved_by", .text, required: true, "Who approved it."),
        FieldSpec("expires", .date, required: true, "The waiver holds through this day."),
    ]

    /// Top-level keys of a waivers file.
    public static let fileFields = [FieldSpec("waivers", .list(.object(fields)), required: true, "The waivers.")]

    /// Loads `path` against the known rule and unit ids; nil when any error was found.
    ///
    /// `refusedRuleIDs` are rules that exist but failed to load, and `checksUnits` is false when no
    /// unit could be read: naming those is no further error (their own diagnostics say what is wrong).
    public static func load(
        path: String, display: String, ruleIDs: Set<String>, unitIDs: Set<String>, refusedRuleIDs: Set<String> = [],
        checksUnits: Bool = true
    ) -> ([Waiver]?, [Diagnostic]) {
        let loaded = YAMLFileLoader.load(path: path, displayPath: display)
        var reader = NodeReader(path: display, prefix: "waiver")
        reader.diagnostics = loaded.diagnostics
        guard loaded.readable, !loaded.diagnostics.contains(where: { $0.level == .error }) else {
            return (nil, reader.diagnostics)
        }
        guard let root = loaded.root else {
            // An empty file is probably a truncated one: say so; it waives nothing.
            reader.diagnostics.append(
                .warning(
                    .waiverEmptyFile, Message(.waiversEmpty),
                    at: SourceLocation(path: display, line: 1, column: 1)))
            return ([], reader.diagnostics)
        }
        guard
            let top = reader.mapping(
                root, allowed: fileFields.names, required: fileFields.requiredNames, what: "the waivers file"),
            let list = top["waivers"]
        else { return (nil, reader.diagnostics) }
        var waivers: [Waiver] = []
        for (offset, item) in (list.value.items ?? []).enumerated() {
            guard
                let m = reader.mapping(
                    item, allowed: fields.names, required: fields.requiredNames, what: "waiver")
            else { continue }
            let rules = m["rule"].flatMap { reader.identifierList($0.value, what: "rule") } ?? []
            if let e = m["rule"] {
                for r in rules where !ruleIDs.contains(r) && !refusedRuleIDs.contains(r) {
                    reader.diagnostics.append(
                        .error(
                            .waiverUnknownRule,
                            Message(.waiverUnknownRule, ["rule": r]) + Suggestions.didYouMean(r, in: ruleIDs),
                            at: reader.location(e.value)))
                }
            }
            var units: [String]?
            if let e = m["units"], !e.value.isNull {
                units = reader.identifierList(e.value, what: "units")
                for u in units ?? [] where checksUnits && !unitIDs.contains(u) {
                    reader.diagnostics.append(
                        .error(
                            .waiverUnknownUnit,
                            Message(.waiverUnknownUnit, ["unit": u]) + Suggestions.didYouMean(u, in: unitIDs),
                            at: reader.location(e.value)))
                }
            }
            var periods: ClosedRange<Day>?
            if let e = m["periods"], !e.value.isNull,
                let p = reader.mapping(
                    e.value, allowed: CalendarLoader.rangeFields.names,
                    required: CalendarLoader.rangeFields.requiredNames, what: "periods", keyNode: e.key),
                let f = p["from"].flatMap({ reader.date($0.value, what: "periods.from") }),
                let t = p["to"].flatMap({ reader.date($0.value, what: "periods.to") })
            {
                if t < f {
                    reader.error("invalid-value", Message(.periodsToBeforeFrom), at: e.value)
                } else {
                    periods = f...t
                }
            }
            let reason = m["reason"].flatMap { nonBlank($0.value, what: "reason", &reader) }
            let approved = m["approved_by"].flatMap { nonBlank($0.value, what: "approved_by", &reader) }
            let expires = m["expires"].flatMap { reader.date($0.value, what: "expires") }
            if let reason, let approved, let expires {
                waivers.append(
                    Waiver(
                        index: offset + 1, rules: rules, units: units, periods: periods, reason: reason,
                        approvedBy: approved, expires: expires, location: reader.location(item)))
            }
        }
        if let e = top["waivers"], e.value.items == nil, !e.value.isNull {
            reader.error("invalid-value", Message(.waiversMustBeList), at: e.value)
        }
        return reader.hasErrors ? (nil, reader.diagnostics) : (waivers, reader.diagnostics)
    }

    /// Text that says something: a waiver with a blank reason or approver is no approval at all.
    private static func nonBlank(_ node: YAMLNode, what: String, _ reader: inout NodeReader) -> String? {
        guard let text = reader.text(node, what: what) else { return nil }
        guard !TextNormalization.normalize(text).isEmpty else {
            reader.error("invalid-value", Message(.mustNotBeBlank, ["what": what]), at: node)
            return nil
        }
        return text
    }
}
