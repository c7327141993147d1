import ComplianceCore

/// Units that log nothing while rules that read events apply to them (SPEC §10.3): a deadline or
/// precedence rule is never violated by a unit that logs nothing, so silence must be shown.
enum SilentUnits {
    /// The silent units (registry order, which is id code-point order) with the days they were
    /// expected to log something in.
    static func find(spans: [RuleSpan?], registry: UnitRegistry, store: EventStore, options: RunOptions)
        -> [(unit: Int, days: ClosedRange<Day>)]
    {
        var silent: [(Int, ClosedRange<Day>)] = []
        for u in spans.indices {
            guard let span = spans[u] else { continue }
            let unit = registry.units[u]
            let from = [span.from, unit.from, options.from].compactMap { $0 }.max() ?? span.from
            let to = [span.to, unit.to, options.to, options.asOf].compactMap { $0 }.min() ?? options.asOf
            guard from <= to, !store.hasEvent(unit: u, in: from...to) else { continue }
            silent.append((u, from...to))
        }
        return silent
    }

    /// The `unit.no-events` warning for a silent unit, at its definition.
    static func warning(_ unit: Unit, days: ClosedRange<Day>) -> Diagnostic {
        .warning(
            .unitNoEvents,
            Message(
                .unitLoggedNoEvent, ["unit": unit.id, "from": "\(days.lowerBound)", "to": "\(days.upperBound)"]),
            at: unit.location)
    }
}
