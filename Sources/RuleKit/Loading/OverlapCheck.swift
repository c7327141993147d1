import ComplianceCore
import NodeDecoding
import YAMLSupport

/// The "shadowed rule" lint: two rules of one kind that read the same events, for a common unit,
/// while both are in force, judge the same items twice — usually a successor whose predecessor's
/// `effective.to` was forgotten, or a copied rule.
enum OverlapCheck {
    static let code = "rule.overlaps"

    /// One loaded rule as the lint sees it.
    struct Candidate {
        let rule: Rule
        /// The canonical text of the kind's event patterns; nil for a kind without patterns.
        let patterns: String?
    }

    /// The canonical text of the event patterns a rule declares at its top level (every field of its
    /// kind whose shape is an event pattern), so that `type: a` equals `type: [a]`, key order and list
    /// order do not matter, and `{ eq: v }` equals `v`.
    static func patternSignature(of rule: YAMLNode, kind: any ObligationKind.Type) -> String? {
        var parts: [String] = []
        for field in kind.fields {
            guard case .reference("eventPattern") = field.type else { continue }
            let value = rule.value(forKey: field.name)
            parts.append(field.name + "=" + (value.map(canonical) ?? "-"))
        }
        return parts.isEmpty ? nil : parts.joined(separator: ";")
    }

    /// The names of a kind's event-pattern fields, for the message ("trigger and fulfil").
    static func patternFields(of kind: any ObligationKind.Type) -> [String] {
        kind.fields.compactMap { f in
            if case .reference("eventPattern") = f.type { return f.name }
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
            // Units each rule selects over its whole effective range, computed once per rule.
            let selected = members.map { i in
                Set(
                    facts.units(
                        selectedBy: candidates[i].rule.appliesTo, livingBetween: candidates[i].rule.effective.from,
                        and: candidates[i].rule.effective.to))
            }
            for b in members.indices {
                for a in 0..<b {
                    if let d = overlap(
                        candidates[members[a]].rule, candidates[members[b]].rule, selected[a], selected[b], facts)
                    {
                        out.append(d)
                    }
                }
            }
        }
        return out
    }

    /// The warning for `later` against `earlier`, or nil when their ranges or units are disjoint.
    private static func overlap(
        _ earlier: Rule, _ later: Rule, _ earlierUnits: Set<Int>, _ laterUnits: Set<Int>, _ facts: UnitFacts
    ) -> Diagnostic? {
        let from = max(earlier.effective.from, later.effective.from)
        let to: Day? =
            switch (earlier.effective.to, later.effective.to) {
            case (nil, nil): nil
            case (let a?, nil): a
            case (nil, let b?): b
            case (let a?, let b?): min(a, b)
            }
        if let to, to < from { return nil }
        // A common unit must also exist while both are in force.
        let common = earlierUnits.intersection(laterUnits).filter { i in
            let u = facts.registry.units[i]
            return (u.from.map { start in to.map { start <= $0 } ?? true } ?? true) && (u.to.map { $0 >= from } ?? true)
        }.sorted()
        guard let first = common.first else { return nil }
        let kind = Kinds.type(named: later.kind)
        let fields = kind.map(patternFields) ?? []
        let range = to.map { "from \(from) to \($0)" } ?? "from \(from) on"
        let units =
            common.count == 1
            ? "unit \(facts.registry.units[first].id)"
            : "\(common.count) units (\(facts.registry.units[first].id), …)"
        return Diagnostic(
            .warning, code,
            "rule \(later.id) overlaps rule \(earlier.id) (\(earlier.location.path):\(earlier.location.line)): "
                + "both are \(later.kind) rules on the same \(fields.joined(separator: " and ")) for \(units), "
                + "in force \(range), so the same events are judged twice; "
                + "if one replaces the other, end the earlier one's effective range before the later one starts",
            at: later.location, related: [earlier.location])
    }
}
