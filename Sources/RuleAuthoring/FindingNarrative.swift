import ComplianceCore
import RuleKit

/// Writes out, for one finding, the computation a rule kind performed: which events counted, how
/// the due date was reached, and why the status follows.
struct FindingNarrative {
    let rule: Rule
    let registry: UnitRegistry
    let finding: Finding
    let events: [String: Event]
    let store: EventStore
    let calendar: WorkCalendar
    let asOf: Day
    /// The base rule's findings (all units kept, every status), for a rule that reads them.
    var baseFindings: [Finding] = []

    func item() -> Explanation.Item {
        var steps: [String] = []
        var roles: [String: String] = [:]
        switch rule.obligation {
        case let o as FrequencyObligation: frequency(o, &steps, &roles)
        case let o as DeadlineObligation: deadline(o, &steps, &roles)
        case let o as PrecedenceObligation: precedence(o, &steps, &roles)
        case let o as PeriodicObligation: periodic(o, &steps, &roles)
        case let o as OnceObligation: once(o, &steps, &roles)
        case let o as RegularityObligation: regularity(o, &steps, &roles)
        case let o as RatioObligation: ratio(o, &steps)
        default: break
        }
        if let w = finding.waiver { steps.append("waived by waiver \(w) (the finding keeps its reason)") }
        let lines = finding.events.compactMap { id -> Explanation.EventLine? in
            guard let e = events[id] else { return nil }
            return Explanation.EventLine(
                id: e.id, type: e.type, date: e.day, unit: "", origin: "\(store.path(of: e.origin)):\(e.origin.line)",
                role: roles[id] ?? "evidence")
        }
        return Explanation.Item(finding: finding, steps: steps, events: lines, verdict: verdict())
    }

    private func verdict() -> String {
        let f = finding
        switch (f.status, f.reason) {
        case (.satisfied, "closed"?): return "satisfied: closed by the due date"
        case (.satisfied, _): return "satisfied"
        case (.pending, "paused"?): return "pending: paused (the clock is stopped; no due date)"
        case (.pending, _): return "pending: not yet due" + (f.due.map { " (due \($0), as of \(asOf))" } ?? "")
        case (_, let reason?):
            let late = f.daysLate.map { ", \($0) day(s)" } ?? ""
            return "\(f.status == .waived ? "waived" : "violated"): \(reason)\(late)"
        default: return f.status.rawValue
        }
    }

    /// The period, the base items counted, the share and the comparison, then each decided item.
    private func ratio(_ o: RatioObligation, _ steps: inout [String]) {
        guard let share = finding.share, let due = finding.due else { return }
        let period = o.per.period(containing: due)
        let closed = period.end < asOf
        steps.append(
            "period \(finding.period ?? "") (\(period.start) … \(period.end)) — \(closed ? "closed" : "open (it contains the as-of date \(asOf))")"
        )
        guard let unitIndex = registry.index(of: finding.unit) else { return }
        let items = baseFindings.filter { f in
            guard period.contains(f.sortDay), let u = registry.index(of: f.unit) else { return false }
            return o.over == .subtree ? registry.isSelfOrDescendant(u, of: unitIndex) : u == unitIndex
        }
        steps.append(
            "items of rule \(o.of) dated in the period, \(o.over == .subtree ? "of the unit and every unit below it" : "of the unit itself"): \(share.satisfied) satisfied, \(share.violated) violated, \(share.pending) pending (waived and pending items are not decided)"
        )
        let comparison = share.reachesThreshold ? "≥" : "<"
        steps.append(
            "share = \(share.satisfied)/\(share.decided) = \(share.actual)% (rounded half-up to one decimal); "
                + "at least \(share.threshold)%: \(share.satisfied) × 1000 = \(share.satisfied * 1000) \(comparison) "
                + "\(share.threshold.tenths) × \(share.decided) = \(share.threshold.tenths * share.decided)")
        if share.pending > 0 && closed {
            steps.append("the period is closed but \(share.pending) item(s) are still pending: the share can change")
        }
        for f in items where f.status == .satisfied || f.status == .violated {
            var line = "decided item: \(f.unit)  \(f.ref ?? "—")  \(f.status.rawValue)"
            if let reason = f.reason { line += " (\(reason))" }
            line += "  \(f.period ?? f.sortDay.description)"
            steps.append(line)
        }
    }

    private func frequency(_ o: FrequencyObligation, _ steps: inout [String], _ roles: inout [String: String]) {
        let closed = finding.due.map { $0 < asOf } ?? true
        steps.append(
            "period \(finding.period ?? "") ends \(finding.due.map(\.description) ?? "") — \(closed ? "closed" : "open (it contains the as-of date \(asOf))")"
        )
        steps.append(
            "counted \(finding.actual ?? 0) \(o.distinct.map { "distinct \($0) value(s)" } ?? "matching event(s)"); bounds: "
                + [o.atLeast.map { "at least \($0)" }, o.atMost.map { "at most \($0)" }].compactMap { $0 }.joined(
                    separator: ", "))
        for id in finding.events { roles[id] = "counted" }
    }

    private func deadline(_ o: DeadlineObligation, _ steps: inout [String], _ roles: inout [String: String]) {
        guard let triggerID = finding.events.first, let trigger = events[triggerID] else { return }
        roles[triggerID] = "trigger"
        var limit = o.within
        if let override = o.overrides.first(where: { ov in
            (ov.unit.map { sel in registry.index(of: finding.unit).map { sel.matches($0, in: registry) } ?? false }
                ?? true)
                && ov.trigger.allSatisfy { fc in
                    fc.conditions.allSatisfy { $0.holds(for: trigger.value(of: fc.field)) }
                }
        }) {
            limit = override.within
            steps.append("override applies: within \(override.within) instead of \(o.within)")
        } else {
            steps.append("limit: within \(o.within)")
        }
        let (_, calc) = calendar.explainAdd(limit, to: trigger.day)
        steps += calc.map { "due: " + $0 }
        // The evidence after the trigger: the pairing (when there is one), extensions, pause events.
        let f = finding
        let paired = f.status == .satisfied || f.reason == "late" || f.reason == "closed"
        var rest = f.events.dropFirst().compactMap { events[$0] }[...]
        var pairing: Event?
        if paired, let first = rest.first {
            pairing = first
            rest = rest.dropFirst()
        }
        var extensions: [Event] = []
        if let ext = o.extensions {
            while let e = rest.first, ext.event.matches(e) {
                extensions.append(e)
                rest = rest.dropFirst()
            }
        }
        let starts = rest.filter { o.pause?.start.matches($0) ?? false }
        let ends = rest.filter { !(o.pause?.start.matches($0) ?? false) }
        var outside = false
        let clock = DeadlineClock(
            trigger: trigger.day, limit: limit, extensions: o.extensions, paired: pairing?.day,
            extensionCount: extensions.count, extensionDay: { extensions[$0].day }, startCount: starts.count,
            startDay: { starts[$0].day }, endCount: ends.count, endDay: { ends[$0].day }, calendar: calendar,
            outside: &outside)
        for step in clock.steps {
            switch step {
            case .extended(let i, let day, let from, _):
                let e = extensions[i]
                roles[e.id] = "extension"
                steps.append("extension \(e.id) on \(day) (after the trigger, on or before the due date \(from)):")
                steps += calendar.explainAdd(o.extensions?.by ?? limit, to: from).steps.map { "  " + $0 }
            case .pause(let s, let startDay, let end, let endDay, let length, let from, _):
                roles[starts[s].id] = "pause start"
                let ender: String
                if let end {
                    roles[ends[end].id] = "pause end"
                    ender = "restarted by \(ends[end].id) on \(endDay)"
                } else {
                    ender = "ended by the pairing with \(pairing?.id ?? "") on \(endDay)"
                }
                steps.append("pause: clock stopped by \(starts[s].id) on \(startDay), \(ender)")
                steps.append("  " + pauseLength(limit.unit, from: startDay, until: endDay, length: length))
                let moved = DurationSpec(count: length, unit: limit.unit)
                steps.append("  on \(endDay) the due date moves by \(moved):")
                steps += calendar.explainAdd(moved, to: from).steps.map { "    " + $0 }
            }
        }
        if let open = clock.openPause {
            roles[starts[open.index].id] = "pause start"
            steps.append(
                "pause: clock stopped by \(starts[open.index].id) on \(open.day) and neither restarted nor paired by \(asOf): no due date while paused"
            )
        }
        if let pairing {
            if o.fulfil.matches(pairing) {
                roles[pairing.id] = "fulfilment"
                steps.append("paired first-in first-out with fulfilment \(pairing.id) on \(pairing.day)")
            } else {
                roles[pairing.id] = "closing event"
                steps.append(
                    "paired first-in first-out with closing event \(pairing.id) on \(pairing.day) (closed_by: the case ended without a decision)"
                )
            }
            steps.append("due date \(clock.due); \(pairing.day <= clock.due ? "on or before it" : "after it")")
        } else {
            steps.append("no fulfilment or closing event with the same key paired with this trigger by \(asOf)")
        }
    }

    /// The pause's length in words: calendar days, or the working days counted and the days skipped.
    private func pauseLength(_ unit: DurationSpec.Unit, from start: Day, until end: Day, length: Int) -> String {
        switch unit {
        case .days:
            return "length: \(end) − \(start) = \(length) day(s)"
        case .workingDays:
            let skipped = calendar.offDays(from: start, until: end)
            return "length: \(length) working day(s) in [\(start), \(end))"
                + (skipped.isEmpty ? "" : "; not counted: " + skipped.joined(separator: "; "))
        }
    }

    private func precedence(_ o: PrecedenceObligation, _ steps: inout [String], _ roles: inout [String: String]) {
        guard let targetID = finding.events.first, let target = events[targetID] else { return }
        roles[targetID] = "target"
        var outside = false
        let lo = calendar.subtract(o.leadMax, from: target.day, outside: &outside)
        let hi = calendar.subtract(o.leadMin, from: target.day, outside: &outside)
        steps.append("lead window: \(lo) … \(hi) (target \(target.day) − \(o.leadMax) … − \(o.leadMin), never rolled)")
        if let other = finding.events.dropFirst().first {
            if finding.status == .satisfied {
                roles[other] = "prior event in the window"
            } else {
                roles[other] = "nearest candidate (outside the window)"
                steps.append(
                    "no \(o.requires.types.joined(separator: "/")) in the window; nearest candidate \(other), distance \(finding.distanceDays ?? 0) day(s)"
                )
            }
        } else if finding.status != .satisfied {
            steps.append("no \(o.requires.types.joined(separator: "/")) with the same key at all")
        }
    }

    private func periodic(_ o: PeriodicObligation, _ steps: inout [String], _ roles: inout [String: String]) {
        steps.append(
            "period \(finding.period ?? ""); matched by \(o.matching == .label ? "the event's period label" : "event date")"
        )
        if let period = finding.period, let p = periodBounds(period, o.per) {
            let base = o.anchor == .end ? p.end : p.start
            let (_, calc) = calendar.explainAdd(o.offset, to: base)
            steps.append("due counts from the period's \(o.anchor.rawValue), \(base)")
            steps += calc.map { "due: " + $0 }
        }
        for id in finding.events { roles[id] = "deciding event (the earliest match)" }
    }

    private func once(_ o: OnceObligation, _ steps: inout [String], _ roles: inout [String: String]) {
        steps.append("events count from \(o.from ?? rule.effective.from); due \(o.by) (a fixed date, never rolled)")
        for id in finding.events { roles[id] = "deciding event (the earliest match)" }
    }

    private func regularity(_ o: RegularityObligation, _ steps: inout [String], _ roles: inout [String: String]) {
        steps.append(
            "gap \(finding.period ?? ""): at most \(o.maxGap) days allowed; next event due \(finding.due.map(\.description) ?? "")"
        )
        for id in finding.events { roles[id] = "event at a gap end" }
    }

    private func periodBounds(_ label: String, _ kind: PeriodKind) -> Period? {
        // The finding's period starts on its sort day.
        let p = kind.period(containing: finding.sortDay)
        return p.label == label ? p : nil
    }

}
