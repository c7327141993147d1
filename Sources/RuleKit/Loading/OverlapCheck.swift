import ComplianceCore
import NodeDecoding
import YAMLSupport

/// The "shadowed rule" lint: two rules of one kind that read the same events, for a common unit,
/// while both are in force, judge the same items twice — usually a successor whose predecessor's
/// `effective.to` was forgotten, or a copied rule.
enum OverlapCheck {
    static let code: DiagnosticCode = .ruleOverlaps

    /// One loaded rule as the lint sees it.
    struct Candidate {
        let rule: Rule
        /// The canonical text of the kind's event patterns; nil for a kind without patterns.
        let patterns: String?
    }

    /// The canonical text of the event patterns that say what a rule judges — every *required*
    /// top-level field of its kind whose shape is an event pattern (`event`; `trigger` and `fulfil`;
    /// `target` and `requires`); optional ones such as extensions only change how an item is judged —
    /// so that `type: a` equals `type: [a]`, key and list order do not matter, and `{ eq: v }` is `v`.
    static func patternSignature(of rule: YAMLNode, kind: any ObligationKind.Type) -> String? {
        let fields = patternFields(of: kind)
        let parts = fields.map { name in name + "=" + (rule.value(forKey: name).map(canonical) ?? "-") }
        return parts.isEmpty ? nil : parts.joined(separator: ";")
    }

    /// The names of a kind's required event-pattern fields, for the signature and the message.
    static func patternFields(of kind: any ObligationKind.Type) -> [String] {
        kind.fields.compactMap { f in
            if case .reference("eventPattern") = f.type, f.required { return f.name }
            return nil
        }
    }

    private static func canonical(_ node: YAMLNode) -> String {
        if let items = node.items {
            if items.count == 1 { return canonical(items[0]) }
            return "[" + items.map(canonical).sorted().joined(separator: ",") + "]"
        }
        if let entries = node.entries {
            if entries.count == 1, entries[0].key.scalar == "eq" { return canonical(entries[0].value) }
            let pairs = entries.map { e in
                (e.key.scalar.map(TextNormalization.normalize) ?? "?") + ":" + canonical(e.value)
            }
            return "{" + pairs.sorted().joined(separator: ",") + "}"
        }
        if node.isNull { return "null" }
        return "'" + TextNormalization.normalize(node.scalar ?? "") + "'"
    }

    /// One warning per overlapping pair, at the later rule (load order), the earlier one related.
    static func diagnostics(_ candidates: [Candidate], facts: UnitFacts) -> [Diagnostic] {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (i, c) in candidates.enumerated() {
            guard let patterns = c.patterns else { continue }
            let key = c.rule.kind + "\u{1F}" + patterns
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        var out: [Diagnostic] = []
        for key in order {
            guard let members = groups[key], members.count > 1 else { continue }
            // Units each rule selects over its whole effective range, computed once per rule and
            // only for rules whose range meets another's (successor splits never need it).
            var selected: [Int: [Bool]] = [:]
            for b in members.indices {
                for a in 0..<b {
                    let (earlier, later) = (candidates[members[a]].rule, candidates[members[b]].rule)
                    guard let days = commonDays(earlier.effective, later.effective) else { continue }
                    for m in [members[a], members[b]] where selected[m] == nil {
                        let e = candidates[m].rule.effective
                        selected[m] = facts.selection(candidates[m].rule.appliesTo, between: e.from, and: e.to)
                    }
                    guard let x = selected[members[a]], let y = selected[members[b]] else { continue }
                    let common = x.indices.filter {
                        x[$0] && y[$0] && facts.exists($0, between: days.from, and: days.to)
                    }
                    if !common.isEmpty { out.append(warning(earlier, later, common, days, facts)) }
                }
            }
        }
        return out
    }

    /// The days both ranges hold, or nil when they are disjoint.
    private static func commonDays(_ a: Effective, _ b: Effective) -> (from: Day, to: Day?)? {
        let from = max(a.from, b.from)
        let to: Day? =
            switch (a.to, b.to) {
            case (nil, nil): nil
            case (let x?, nil): x
            case (nil, let y?): y
            case (let x?, let y?): min(x, y)
            }
        if let to, to < from { return nil }
        return (from, to)
    }

    /// The warning for `later` against `earlier`, naming the first common unit and the common days.
    private static func warning(
        _ earlier: Rule, _ later: Rule, _ common: [Int], _ days: (from: Day, to: Day?), _ facts: UnitFacts
    ) -> Diagnostic {
        let fields = Kinds.type(named: later.kind).map(patternFields) ?? []
        let range =
            days.to.map { Message(.rangeFromTo, ["from": "\(days.from)", "to": "\($0)"]) }
            ?? Message(.rangeFromOn, ["from": "\(days.from)"])
        let first = facts.registry.units[common[0]].id
        let units =
            common.count == 1
            ? Message(.overlapOneUnit, ["unit": first])
            : Message(.overlapManyUnits, ["count": "\(common.count)", "unit": first])
        return Diagnostic(
            .warning, code,
            Message(
                .rulesOverlap,
                [
                    "later": later.id, "earlier": earlier.id, "ruleKind": later.kind,
                    "place": "\(earlier.location.path):\(earlier.location.line)",
                ],
                nested: [
                    "units": units, "range": range,
                    "fields": fields.count == 2
                        ? Message(.overlapFields, ["first": fields[0], "second": fields[1]])
                        : .verbatim(fields.joined(separator: ", ")),
                ]),
            at: later.location, related: [earlier.location])
    }
}
