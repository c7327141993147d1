import ComplianceCore
import RuleKit
import Testing

// A straightforward reference evaluator: the rule kinds' evaluation as it was before the
// optimisation work (events as `Event` values, indexed in dictionaries, no interning, one thread),
// kept so that `OptimisationTests` can prove the optimised engine's findings identical on generated
// projects. A kind it does not know fails the test: a new kind needs its reference here too.

/// The events indexed the plain way: unit → type → `Event` values sorted by date, then id.
struct ReferenceIndex {
    private let byUnit: [[String: [Event]]]
    private let byType: [String: [Event]]
    private let files: [String]

    /// Indexes `events` (each unit's events by type, date-sorted) for `unitCount` units.
    init(events: [Event], unitCount: Int, files: [String]) {
        var units = [[String: [Event]]](repeating: [:], count: unitCount)
        var types: [String: [Event]] = [:]
        for e in events {
            units[Int(e.unit)][e.type, default: []].append(e)
            types[e.type, default: []].append(e)
        }
        for u in units.indices {
            for key in units[u].keys { units[u][key]?.sort(by: Event.chronological) }
        }
        for key in types.keys { types[key]?.sort(by: Event.chronological) }
        byUnit = units
        byType = types
        self.files = files
    }

    /// The unit's events matching `pattern`, date-sorted.
    func events(_ unit: Int, _ pattern: EventPattern) -> [Event] {
        var merged: [Event] = []
        if pattern.types.count == 1 {
            merged = byUnit[unit][pattern.types[0]] ?? []
        } else {
            for t in Set(pattern.types) { merged.append(contentsOf: byUnit[unit][t] ?? []) }
            merged.sort(by: Event.chronological)
        }
        return pattern.conditions.isEmpty ? merged : merged.filter(pattern.matchesConditions)
    }

    /// Every unit's events of `types`, date-sorted.
    func events(types: [String]) -> [Event] {
        if types.count == 1 { return byType[types[0]] ?? [] }
        var merged: [Event] = []
        for t in Set(types) { merged.append(contentsOf: byType[t] ?? []) }
        return merged.sorted(by: Event.chronological)
    }

    /// Where an event was read.
    func location(of event: Event) -> ComplianceCore.SourceLocation {
        let file = Int(event.origin.file)
        return ComplianceCore.SourceLocation(
            path: file < files.count ? files[file] : "", line: Int(event.origin.line), column: 0)
    }
}

/// The joined text of an event's key fields, or nil when one is absent.
struct ReferenceKeys {
    let fields: [String]

    func key(of event: Event) -> String? {
        if fields.isEmpty { return "" }
        if fields.count == 1 { return event.value(of: fields[0])?.text }
        var parts: [String] = []
        for f in fields {
            guard let v = event.value(of: f) else { return nil }
            parts.append(v.text)
        }
        return parts.joined(separator: "\u{1F}")
    }
}

/// Runs the reference evaluation of every rule over every applicable unit: the findings (any
/// order) and diagnostics a rule kind produced before the optimisation work.
enum ReferenceEvaluator {
    /// Evaluates like `Engine.evaluate` without waivers, messages, fingerprints or sorting.
    static func evaluate(
        rules: [Rule], registry: UnitRegistry, index: ReferenceIndex, store: EventStore, calendar: WorkCalendar,
        asOf: Day
    ) -> EvaluationOutput {
        var out = EvaluationOutput()
        for rule in rules {
            for u in registry.units.indices {
                if let selector = rule.appliesTo, !selector.matches(u, in: registry) { continue }
                let unit = registry.units[u]
                let from = max(rule.effective.from, unit.from ?? rule.effective.from)
                let to = [rule.effective.to, unit.to].compactMap { $0 }.min()
                if let to, from > to, !(rule.obligation is OnceObligation) { continue }
                let ctx = EvaluationContext(
                    rule: rule, unitIndex: u, registry: registry, store: store,
                    window: EvaluationWindow(from: from, to: to), asOf: asOf, calendar: calendar, runBounds: nil)
                switch rule.obligation {
                case let k as FrequencyObligation: k.referenceEvaluate(ctx, index, into: &out)
                case let k as DeadlineObligation: k.referenceEvaluate(ctx, index, into: &out)
                case let k as PrecedenceObligation: k.referenceEvaluate(ctx, index, into: &out)
                case let k as PeriodicObligation: k.referenceEvaluate(ctx, index, into: &out)
                case let k as OnceObligation: k.referenceEvaluate(ctx, index, into: &out)
                case let k as RegularityObligation: k.referenceEvaluate(ctx, index, into: &out)
                default:
                    Issue.record("the reference evaluator does not know the kind '\(rule.kind)' of rule \(rule.id)")
                    return out
                }
            }
        }
        return out
    }
}

extension FrequencyObligation {
    /// The evaluation as it was before the optimisation work.
    func referenceEvaluate(_ ctx: EvaluationContext, _ ref: ReferenceIndex, into out: inout EvaluationOutput) {
        let window = ctx.window
        let last = min(window.to ?? ctx.asOf, ctx.asOf)
        guard window.from <= last else { return }
        let events = ref.events(ctx.unitIndex, event)
        for period in per.periods(overlapping: window.from, last) {
            if window.cuts(period) && ctx.rule.partialPeriods == .skip { continue }
            var counted = Array(events.slice(from: period.start, through: period.end))
            let count: Int
            if let distinct {
                counted = counted.filter { $0.value(of: distinct) != nil }
                count = Set(counted.compactMap { $0.value(of: distinct)?.text }).count
            } else {
                count = counted.count
            }
            let closed = period.end < ctx.asOf
            var status = Finding.Status.satisfied
            var reason: String?
            var bound = atLeast ?? atMost
            if let m = atMost, count > m {
                (status, reason, bound) = (.violated, "excess", m)
            } else if let l = atLeast, count < l {
                if closed { (status, reason, bound) = (.violated, "insufficient", l) } else { status = .pending }
            }
            var f = ctx.finding(
                status, reason: reason, sortDay: period.start, waiverSpan: period.start...period.end,
                identity: period.label)
            f.period = period.label
            f.due = period.end
            f.expected = bound
            f.actual = count
            f.events = counted.map(\.id)
            out.findings.append(f)
        }
    }
}

extension DeadlineObligation {
    /// The evaluation as it was before the optimisation work, with SPEC §10.1's closing events and
    /// pauses added as a day-by-day walk (a different algorithm from `DeadlineClock`'s event merge,
    /// so the two check each other).
    func referenceEvaluate(_ ctx: EvaluationContext, _ ref: ReferenceIndex, into out: inout EvaluationOutput) {
        let keys = ReferenceKeys(fields: key)
        let triggers = ref.events(ctx.unitIndex, trigger)
        func withSuccessors(_ pattern: EventPattern?) -> [Event] {
            guard let pattern else { return [] }
            var found = ref.events(ctx.unitIndex, pattern)
            for link in ctx.successorChain { found += ref.events(link.unit, pattern).filter { $0.day > link.after } }
            return found.sorted(by: Event.chronological)
        }
        let fulfils = withSuccessors(fulfil)
        let fulfilIDs = Set(fulfils.map(\.id))
        let closings = withSuccessors(closedBy).filter { !fulfilIDs.contains($0.id) }
        let closingIDs = Set(closings.map(\.id))
        let stream = (fulfils + closings).sorted(by: Event.chronological)

        // Triggers per key, in date order (ties by id): the FIFO queues.
        var queues: [String: [Int]] = [:]
        var triggerKeys = [String?](repeating: nil, count: triggers.count)
        for (i, t) in triggers.enumerated() {
            guard let k = keys.key(of: t) else {
                if ctx.window.contains(t.day) {
                    out.missingKeys += 1
                    out.diagnostics.append(
                        .error(
                            .deadlineMissingKey,
                            Message(
                                .triggerLacksKey,
                                ["event": t.id, "rule": ctx.rule.id, "fields": key.joined(separator: ", ")]),
                            at: ref.location(of: t)))
                }
                continue
            }
            triggerKeys[i] = k
            queues[k, default: []].append(i)
        }
        func byKey(_ events: [Event]) -> [String: [Event]] {
            var grouped: [String: [Event]] = [:]
            for x in events {
                guard let k = keys.key(of: x) else {
                    out.diagnostics.append(referenceUnkeyed(x, ctx, ref))
                    continue
                }
                grouped[k, default: []].append(x)
            }
            return grouped
        }
        let extsByKey = byKey(withSuccessors(extensions?.event))
        let startsByKey = byKey(withSuccessors(pause?.start))
        let endsByKey = byKey(withSuccessors(pause?.end))

        // Pairing: each fulfilment or closing event, in date order, takes the earliest unpaired
        // trigger dated on or before it with the same key; an event never pairs with itself.
        var pairedWith = [Event?](repeating: nil, count: triggers.count)
        var heads: [String: Int] = [:]
        for f in stream {
            guard let k = keys.key(of: f) else {
                out.diagnostics.append(referenceUnkeyed(f, ctx, ref))
                continue
            }
            guard let queue = queues[k] else { continue }
            var pos = heads[k] ?? 0
            while pos < queue.count, pairedWith[queue[pos]] != nil { pos += 1 }
            heads[k] = pos
            var candidate = pos
            while candidate < queue.count {
                let ti = queue[candidate]
                let t = triggers[ti]
                if t.day > f.day { break }
                if pairedWith[ti] == nil && t.id != f.id {
                    pairedWith[ti] = f
                    break
                }
                candidate += 1
            }
        }

        for (i, t) in triggers.enumerated() where ctx.window.contains(t.day) && t.day <= ctx.asOf {
            guard let k = triggerKeys[i] else { continue }
            let limit =
                overrides.first { o in
                    (o.unit?.matches(ctx.unitIndex, in: ctx.registry) ?? true)
                        && o.trigger.allSatisfy { fc in
                            fc.conditions.allSatisfy { $0.holds(for: t.value(of: fc.field)) }
                        }
                }?.within ?? within
            var due = ctx.calendar.add(limit, to: t.day, outside: &out.outsideCalendar)
            let paired = pairedWith[i]
            var applied: [Event] = []
            var pauseEvidence: [Event] = []
            var usedEnds = Set<String>()
            var running: Event?
            var open = false
            // One day at a time: extensions, then the end of a running pause, then starts (each
            // start may end the same day, by an end event or the pairing).
            func endPause(on day: Day, by end: Event?) {
                guard let start = running else { return }
                var outside = false
                let n: Int
                if limit.unit == .days {
                    n = start.day.days(to: day)
                } else {
                    n =
                        (0..<start.day.days(to: day)).filter {
                            ctx.calendar.isWorkingDay(start.day.adding(days: $0), outside: &outside)
                        }.count
                }
                due = ctx.calendar.add(DurationSpec(count: n, unit: limit.unit), to: due, outside: &out.outsideCalendar)
                if let end {
                    usedEnds.insert(end.id)
                    pauseEvidence.append(end)
                }
                running = nil
            }
            // An unused end dated `day` (the walk only asks on or after the running pause's start).
            func endOf(_ day: Day) -> Event? {
                (endsByKey[k] ?? []).first { $0.day == day && !usedEnds.contains($0.id) }
            }
            var day = t.day.adding(days: 1)
            while day <= ctx.asOf {
                if let extensions {
                    for x in extsByKey[k] ?? [] where x.day == day {
                        if applied.count >= extensions.max || x.day > due || x.id == t.id { continue }
                        if let p = paired, p.day < x.day { continue }
                        due = ctx.calendar.add(extensions.by, to: due, outside: &out.outsideCalendar)
                        applied.append(x)
                    }
                }
                if running != nil {
                    if let end = endOf(day) {
                        endPause(on: day, by: end)
                    } else if paired?.day == day {
                        endPause(on: day, by: nil)
                    }
                }
                for s in startsByKey[k] ?? [] where s.day == day {
                    guard running == nil, !open, s.day <= due else { continue }
                    if let p = paired, p.day < s.day { continue }
                    running = s
                    pauseEvidence.append(s)
                    if let end = endOf(day) {
                        endPause(on: day, by: end)
                    } else if paired?.day == day {
                        endPause(on: day, by: nil)
                    }
                }
                day = day.adding(days: 1)
            }
            if running != nil { open = true }
            var f = ctx.finding(.satisfied, sortDay: t.day, waiverSpan: t.day...t.day, identity: t.id)
            if let p = paired {
                if p.day > due {
                    f.status = .violated
                    f.reason = "late"
                    f.daysLate = due.days(to: p.day)
                } else if closingIDs.contains(p.id) {
                    f.reason = "closed"
                }
            } else if open {
                f.status = .pending
                f.reason = "paused"
            } else if ctx.asOf > due {
                f.status = .violated
                f.reason = "overdue"
                f.daysLate = due.days(to: ctx.asOf)
            } else {
                f.status = .pending
            }
            f.period = t.day.description
            f.due = open ? nil : due
            f.ref = t.ref
            f.events = [t.id] + (paired.map { [$0.id] } ?? []) + applied.map(\.id) + pauseEvidence.map(\.id)
            out.findings.append(f)
        }
    }

    func referenceUnkeyed(_ e: Event, _ ctx: EvaluationContext, _ ref: ReferenceIndex) -> Diagnostic {
        .warning(
            .deadlineUnkeyedEvent,
            Message(.eventLacksKey, ["event": e.id, "fields": key.joined(separator: ", "), "rule": ctx.rule.id]),
            at: ref.location(of: e))
    }
}

extension PrecedenceObligation {
    /// The evaluation as it was before the optimisation work.
    func referenceEvaluate(_ ctx: EvaluationContext, _ ref: ReferenceIndex, into out: inout EvaluationOutput) {
        let keys = ReferenceKeys(fields: key)
        let targets = ref.events(ctx.unitIndex, target)
        let pool: [Event]
        switch scope {
        case .sameUnit: pool = ref.events(ctx.unitIndex, requires)
        case .anyUnit:
            let all = ref.events(types: requires.types)
            pool = requires.conditions.isEmpty ? all : all.filter(requires.matchesConditions)
        }
        var byKey: [String: [Event]] = [:]
        for e in pool {
            if let k = keys.key(of: e) { byKey[k, default: []].append(e) }
        }
        for t in targets where ctx.window.contains(t.day) && t.day <= ctx.asOf {
            guard let k = keys.key(of: t) else {
                out.missingKeys += 1
                out.diagnostics.append(
                    .error(
                        .precedenceMissingKey,
                        Message(
                            .targetLacksKey,
                            ["event": t.id, "rule": ctx.rule.id, "fields": key.joined(separator: ", ")]),
                        at: ref.location(of: t)))
                continue
            }
            let candidates = byKey[k] ?? []
            let lo = ctx.calendar.subtract(leadMax, from: t.day, outside: &out.outsideCalendar)
            let hi = ctx.calendar.subtract(leadMin, from: t.day, outside: &out.outsideCalendar)
            var f = ctx.finding(.satisfied, sortDay: t.day, waiverSpan: t.day...t.day, identity: t.id)
            f.period = t.day.description
            f.ref = t.ref
            let inWindow = lo <= hi ? candidates.slice(from: lo, through: hi).first { $0.id != t.id } : nil
            if let prior = inWindow {
                f.events = [t.id, prior.id]
            } else {
                f.status = .violated
                f.reason = "no-prior"
                f.events = [t.id]
                if let c = referenceNearest(to: t, in: candidates) {
                    f.events.append(c.id)
                    f.distanceDays = c.day.days(to: t.day)
                }
            }
            out.findings.append(f)
        }
    }

    func referenceNearest(to t: Event, in candidates: [Event]) -> Event? {
        let pivot = candidates.firstIndex(onOrAfter: t.day)
        var earlier: Event?
        if pivot > 0 {
            let day = candidates[pivot - 1].day
            var i = pivot - 1
            while i > 0 && candidates[i - 1].day == day { i -= 1 }
            earlier = candidates[i]
        }
        let later = candidates[pivot...].first { $0.id != t.id }
        switch (earlier, later) {
        case (nil, nil): return nil
        case (let e?, nil): return e
        case (nil, let l?): return l
        case (let e?, let l?):
            return abs(l.day.days(to: t.day)) < abs(e.day.days(to: t.day)) ? l : e
        }
    }
}

extension PeriodicObligation {
    /// The evaluation as it was before the optimisation work.
    func referenceEvaluate(_ ctx: EvaluationContext, _ ref: ReferenceIndex, into out: inout EvaluationOutput) {
        let window = ctx.window
        let last = min(window.to ?? ctx.asOf, ctx.asOf)
        guard window.from <= last else { return }
        let events = ref.events(ctx.unitIndex, event)
        for period in per.periods(overlapping: window.from, last) {
            if window.cuts(period) && ctx.rule.partialPeriods == .skip { continue }
            let base = anchor == .end ? period.end : period.start
            let due = ctx.calendar.add(offset, to: base, outside: &out.outsideCalendar)
            let deciding: Event?
            switch matching {
            case .date: deciding = events.slice(from: period.start, through: period.end).first
            case .label:
                let label = period.label
                deciding = events.first { $0.value(of: "period")?.text == label }
            }
            var f = ctx.finding(
                .satisfied, sortDay: period.start, waiverSpan: period.start...period.end, identity: period.label)
            f.period = period.label
            f.due = due
            if let e = deciding {
                f.events = [e.id]
                if e.day > due {
                    f.status = .violated
                    f.reason = "late"
                    f.daysLate = due.days(to: e.day)
                }
            } else if ctx.asOf > due {
                f.status = .violated
                f.reason = "missing"
                f.daysLate = due.days(to: ctx.asOf)
            } else {
                f.status = .pending
            }
            out.findings.append(f)
        }
    }
}

extension OnceObligation {
    /// The evaluation as it was before the optimisation work.
    func referenceEvaluate(_ ctx: EvaluationContext, _ ref: ReferenceIndex, into out: inout EvaluationOutput) {
        let start = from ?? ctx.rule.effective.from
        guard start <= ctx.asOf else { return }
        let effective = ctx.rule.effective
        guard effective.from <= by, effective.to.map({ by <= $0 }) ?? true else { return }
        if let bounds = ctx.runBounds, !bounds.contains(by) { return }
        let unit = ctx.unit
        guard unit.from.map({ $0 <= by }) ?? true, unit.to.map({ $0 >= start }) ?? true else { return }
        let events = ref.events(ctx.unitIndex, event)
        let deciding = events.count > 0 ? events[events.firstIndex(onOrAfter: start)...].first : nil
        var f = ctx.finding(.satisfied, sortDay: by, waiverSpan: by...by, identity: by.description)
        f.due = by
        if let e = deciding {
            f.events = [e.id]
            if e.day > by {
                f.status = .violated
                f.reason = "late"
                f.daysLate = by.days(to: e.day)
            }
        } else if ctx.asOf > by {
            f.status = .violated
            f.reason = "missing"
            f.daysLate = by.days(to: ctx.asOf)
        } else {
            f.status = .pending
        }
        out.findings.append(f)
    }
}

extension RegularityObligation {
    /// The evaluation as it was before the optimisation work.
    func referenceEvaluate(_ ctx: EvaluationContext, _ ref: ReferenceIndex, into out: inout EvaluationOutput) {
        let window = ctx.window
        let end = min(window.to ?? ctx.asOf, ctx.asOf)
        guard window.from <= end else { return }
        // The last gap stays open while the window goes on past the as-of date.
        let open = end == ctx.asOf && (window.to.map { $0 > ctx.asOf } ?? true)
        let events = Array(ref.events(ctx.unitIndex, event).slice(from: window.from, through: end))
        var points: [Day] = [window.from]
        var idsAt: [Day: [String]] = [:]
        for e in events {
            if points.last != e.day { points.append(e.day) }
            idsAt[e.day, default: []].append(e.id)
        }
        func gap(_ a: Day, _ b: Day, open isOpen: Bool) {
            let length = a.days(to: b)
            let label = "\(a)/\(b)"
            var f = ctx.finding(.satisfied, sortDay: a, waiverSpan: b...b, identity: "gap:\(a)")
            f.period = label
            f.due = a.adding(days: maxGap)
            f.events = (idsAt[a] ?? []) + (a == b ? [] : (idsAt[b] ?? []))
            if length > maxGap {
                f.status = .violated
                f.reason = "gap"
                f.daysLate = length - maxGap
            } else if isOpen {
                f.status = .pending
            }
            out.findings.append(f)
        }
        for i in points.indices.dropFirst() { gap(points[i - 1], points[i], open: false) }
        if let lastPoint = points.last {
            if lastPoint < end {
                gap(lastPoint, end, open: open)
            } else if open, idsAt[end] != nil {
                gap(end, end, open: true)
            }
        }
    }
}
