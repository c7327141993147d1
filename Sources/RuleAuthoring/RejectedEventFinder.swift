import ComplianceCore

/// Finds, for `explain`, the unit's events that have one of a rule's event types but fail its
/// `where` conditions, in the days a finding covers or — when none falls there — the nearest ones.
struct RejectedEventFinder {
    /// How many rejected events one finding lists; the rest are counted.
    static let shown = 10

    let rule: Rule
    let unitIndex: Int
    let store: EventStore
    /// The evaluation window's first day.
    let from: Day
    /// Its last day, the as-of date at the latest (later events are not evaluated).
    let to: Day
    let language: Language

    /// The rule's event patterns with the key that states each, as its kind declares them.
    var patterns: [(key: String, pattern: EventPattern)] { rule.obligation.eventPatterns }

    /// Rejected events in the window, by date, each with the pattern that rejected it; an event
    /// another pattern of the rule accepts (a deadline's fulfilment is no trigger) is not rejected.
    func rejected() -> [(event: Event, key: String, pattern: EventPattern)] {
        let all = patterns
        var seen = Set<String>()
        var out: [(event: Event, key: String, pattern: EventPattern)] = []
        for (key, pattern) in all where !pattern.conditions.isEmpty {
            for e in store.events(unit: unitIndex, types: pattern.types)
            where e.day >= from && e.day <= to && !pattern.matchesConditions(e) {
                guard !all.contains(where: { $0.pattern.matches(e) }), seen.insert(e.id).inserted else { continue }
                out.append((e, key, pattern))
            }
        }
        return out.sorted { a, b in
            a.event.day != b.event.day ? a.event.day < b.event.day : a.event.id.codePointPrecedes(b.event.id)
        }
    }

    /// The rejected events near `finding`: those in its days (its period, or from its trigger to its
    /// due date), else the nearest, out of `rejected()`; nil when there is none.
    func near(
        _ finding: Finding, among candidates: [(event: Event, key: String, pattern: EventPattern)]
    ) -> Explanation.RejectedEvents? {
        guard !candidates.isEmpty else { return nil }
        let start = finding.waiverSpan.lowerBound
        let end = max(finding.waiverSpan.upperBound, finding.due ?? finding.waiverSpan.upperBound)
        let inSpan = candidates.filter { $0.event.day >= start && $0.event.day <= end }
        let chosen: [(event: Event, key: String, pattern: EventPattern)]
        if inSpan.isEmpty {
            func distance(_ d: Day) -> Int { d < start ? start.ordinal - d.ordinal : d.ordinal - end.ordinal }
            chosen = candidates.enumerated()
                .sorted { a, b in
                    let (da, db) = (distance(a.element.event.day), distance(b.element.event.day))
                    return da != db ? da < db : a.offset < b.offset
                }
                .prefix(Self.shown).sorted { $0.offset < $1.offset }.map(\.element)
        } else {
            chosen = Array(inSpan.prefix(Self.shown))
        }
        let entries = chosen.map { c in entry(c.event, key: c.key, pattern: c.pattern) }
        return Explanation.RejectedEvents(
            entries: entries, more: inSpan.isEmpty ? 0 : inSpan.count - chosen.count, inSpan: !inSpan.isEmpty,
            language: language)
    }

    private func entry(_ e: Event, key: String, pattern: EventPattern) -> Explanation.RejectedEvents.Entry {
        var field = "", value: String?, expected = ""
        search: for fc in pattern.conditions {
            let v = e.value(of: fc.field)
            for c in fc.conditions where !c.holds(for: v) {
                (field, value, expected) = (fc.field, v?.text, Self.words(c, field: fc.field, language))
                break search
            }
        }
        return .init(
            id: e.id, date: e.day, origin: "\(store.path(of: e.origin)):\(e.origin.line)", pattern: key, field: field,
            value: value, expected: expected)
    }

    /// A condition as the rule states it, in words: "role: head", "role: một trong head, deputy".
    static func words(_ c: Condition, field f: String, _ language: Language) -> String {
        func say(_ key: MessageKey, _ arguments: [String: String]) -> String {
            MessageCatalogue.render(key, arguments, in: language)
        }
        func list(_ vs: [AttributeValue]) -> String { vs.map(\.text).joined(separator: ", ") }
        switch c {
        case .eq(let v): return "\(f): \(v.text)"
        case .isIn(let vs): return say(.rejectedOneOf, ["field": f, "values": list(vs)])
        case .notIn(let vs): return say(.rejectedNoneOf, ["field": f, "values": list(vs)])
        case .gt(let v): return "\(f) > \(v.text)"
        case .gte(let v): return "\(f) ≥ \(v.text)"
        case .lt(let v): return "\(f) < \(v.text)"
        case .lte(let v): return "\(f) ≤ \(v.text)"
        case .exists(let present):
            return say(present ? .rejectedPresent : .rejectedAbsent, ["field": f])
        case .contains(let s): return say(.rejectedContains, ["field": f, "text": s])
        case .startsWith(let s): return say(.rejectedStartsWith, ["field": f, "text": s])
        }
    }

}
