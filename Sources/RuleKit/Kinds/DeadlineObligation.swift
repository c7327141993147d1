import ComplianceCore
import NodeDecoding
import YAMLSupport

/// A response within a time limit after a trigger (SPEC §6.2, §10.1) — for example a complaint resolved within 30 days of its acceptance, 45 in remote areas, with extensions; a withdrawal closes the case and a suspension stops the clock.
public struct DeadlineObligation: ObligationKind {
    public static let kindName = "deadline"
    public static let fields = [
        FieldSpec("trigger", .reference("eventPattern"), required: true, "What starts the clock."),
        FieldSpec("fulfil", .reference("eventPattern"), required: true, "What stops it."),
        FieldSpec(
            "key", .scalarOrList,
            "Fields that must be equal on trigger, fulfilment, closing event, extension and pause events."),
        FieldSpec("within", .duration, required: true, "The time limit, e.g. 30 days or 10 working days."),
        FieldSpec(
            "overrides", .list(.object(overrideFields)), "Other limits for some units or triggers; first match wins."),
        FieldSpec("extensions", .object(extensionFields), "Events that move the due date."),
        FieldSpec(
            "closed_by", .reference("eventPattern"),
            "Events that end the case without a fulfilment (withdrawal, termination): closed by the due date, else late."
        ),
        FieldSpec("pause", .object(pauseFields), "Events that stop the clock and start it again."),
    ]

    /// Keys of `pause`.
    static let pauseFields = [
        FieldSpec("start", .reference("eventPattern"), required: true, "What stops the clock (a suspension)."),
        FieldSpec("end", .reference("eventPattern"), required: true, "What starts it again (a resumption)."),
    ]

    /// Keys of one override.
    static let overrideFields = [
        FieldSpec("when", .object(whenFields), required: true, "When the override applies."),
        FieldSpec("within", .duration, required: true, "The limit in that case."),
    ]

    /// Keys of an override's `when`.
    static let whenFields = [
        FieldSpec("unit", .reference("selector"), "Units the override applies to."),
        FieldSpec("trigger", .reference("where"), "Conditions on the trigger's attributes."),
    ]

    /// Keys of `extensions`.
    static let extensionFields = [
        FieldSpec("event", .reference("eventPattern"), required: true, "Which events extend."),
        FieldSpec("by", .duration, required: true, "How far each extension moves the due date."),
        FieldSpec("max", .integer(minimum: 0), "How many extensions count (default 1)."),
    ]
    public static let summary = "Each trigger event must be followed by a fulfilment within a time limit."

    public static let examples = [
        KindExample(
            "complaints resolved within 30 days, first in first out",
            rule:
                "kind: deadline\ntrigger: { type: complaint-accepted }\nfulfil: { type: complaint-resolved }\nkey: [ref]\nwithin: 30 days",
            events: [
                "t1,x1,complaint-accepted,2023-01-02,K1,,", "t2,x1,complaint-accepted,2023-01-16,K1,,",
                "f1,x1,complaint-resolved,2023-01-20,K1,,", "f2,x1,complaint-resolved,2023-03-01,K1,,",
                "t3,x1,complaint-accepted,2023-03-01,K2,,",
            ],
            asOf: "2023-03-10",
            findings: ["satisfied 2023-01-02", "violated late 2023-01-16", "pending 2023-03-01"]),
        KindExample(
            "an extension moves the due date once",
            rule: """
                kind: deadline
                trigger: { type: complaint-accepted }
                fulfil: { type: complaint-resolved }
                key: [ref]
                within: 30 days
                extensions: { event: { type: complaint-extended }, by: 20 days, max: 1 }
                """,
            events: [
                "t1,x1,complaint-accepted,2023-03-01,A,,", "x1,x1,complaint-extended,2023-03-20,A,,",
                "f1,x1,complaint-resolved,2023-04-18,A,,",
            ],
            asOf: "2023-06-01",
            findings: ["satisfied 2023-03-01"]),
        KindExample(
            "a withdrawal closes the case: in time it is satisfied (closed), after the due date late",
            rule: """
                kind: deadline
                trigger: { type: complaint-accepted }
                fulfil: { type: complaint-resolved }
                key: [ref]
                within: 30 days
                closed_by: { type: [complaint-withdrawn, complaint-terminated] }
                """,
            events: [
                "ta,x1,complaint-accepted,2023-03-01,A,,", "wa,x1,complaint-withdrawn,2023-03-10,A,,",
                "tb,x1,complaint-accepted,2023-03-02,B,,", "wb,x1,complaint-terminated,2023-04-05,B,,",
            ],
            asOf: "2023-06-01",
            findings: ["satisfied closed 2023-03-01", "violated late 2023-03-02"]),
        KindExample(
            "a suspension stops the clock: the due date moves by the pause's length when it ends; an open pause is pending",
            rule: """
                kind: deadline
                trigger: { type: complaint-accepted }
                fulfil: { type: complaint-resolved }
                key: [ref]
                within: 30 days
                pause: { start: { type: complaint-suspended }, end: { type: complaint-resumed } }
                """,
            events: [
                "ta,x1,complaint-accepted,2023-03-01,A,,", "sa,x1,complaint-suspended,2023-03-10,A,,",
                "ua,x1,complaint-resumed,2023-03-20,A,,", "fa,x1,complaint-resolved,2023-04-10,A,,",
                "tb,x1,complaint-accepted,2023-03-01,B,,", "sb,x1,complaint-suspended,2023-03-15,B,,",
            ],
            asOf: "2023-06-01",
            findings: ["satisfied 2023-03-01", "pending paused 2023-03-01"]),
    ]

    /// The fulfilment or closing event came in time, and it closed the case without a decision.
    static let closed = FindingReason(
        "closed", vietnameseLabel: "đã kết thúc (rút, đình chỉ)", verdict: "closed by the due date"
    ) { f, language, m in
        if language == .vi {
            m.add(" đã kết thúc vụ việc")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" không cần quyết định, trong hạn")
            m.add(" (hạn ", ifPresent: f.due.map { Presentation(.vi).date($0) }, ")")
        } else {
            m.add(" closed the case")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" without a decision, in time")
            m.add(" (due ", ifPresent: f.due?.description, ")")
        }
    }

    /// Neither paired nor restarted: the clock is stopped, and the case has no due date.
    static let paused = FindingReason(
        "paused", vietnameseLabel: "tạm dừng tính thời hạn", verdict: "paused (the clock is stopped; no due date)"
    ) { f, language, m in
        if language == .vi {
            m.add(" đang tạm đình chỉ vụ việc")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" ngày ", ifPresent: f.period.map { Presentation(.vi).period($0) })
            m.add(": thời hạn tạm dừng")
        } else {
            m.add(" has the case")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" of ", ifPresent: f.period)
            m.add(" suspended: the clock is stopped")
        }
    }

    /// Unpaired after the due date.
    static let overdue = FindingReason("overdue", vietnameseLabel: "quá hạn", delaySaysReason: true) {
        f, language, m in
        let days = String(f.daysLate ?? 0)
        if language == .vi {
            m.add(" quá hạn ", days, " ngày")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" (hạn ", ifPresent: f.due.map { Presentation(.vi).date($0) }, ")")
        } else {
            m.add(" is ", days, " day(s) overdue")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" (due ", ifPresent: f.due?.description, ")")
        }
    }

    public static let reasons = [FindingReason.late, closed, paused, overdue]

    /// A different limit for some units or triggers; the first match wins.
    public struct Override: Sendable {
        /// Units it applies to.
        public let unit: UnitSelector?
        /// Conditions on the trigger's attributes.
        public let trigger: [FieldCondition]
        /// The limit.
        public let within: DurationSpec
    }

    /// Events that move the due date.
    public struct Extensions: Sendable {
        /// Which events extend.
        public let event: EventPattern
        /// By how much each extension moves the due date.
        public let by: DurationSpec
        /// How many extensions count at most.
        public let max: Int
    }

    /// Events that stop the clock and start it again (SPEC §10.1).
    public struct Pause: Sendable {
        /// What stops the clock.
        public let start: EventPattern
        /// What starts it again.
        public let end: EventPattern
    }

    /// What starts the clock.
    public let trigger: EventPattern
    /// What stops it.
    public let fulfil: EventPattern
    /// Fields that must be equal on trigger, fulfilment and extension.
    public let key: [String]
    /// The default limit.
    public let within: DurationSpec
    /// Overrides, first match wins.
    public let overrides: [Override]
    /// Extensions.
    public let extensions: Extensions?
    /// Events that end the case without a fulfilment.
    public let closedBy: EventPattern?
    /// Events that stop and restart the clock.
    public let pause: Pause?

    /// Every pattern besides the trigger, for vocabulary checks.
    private var otherPatterns: [EventPattern] {
        [fulfil] + [extensions?.event, closedBy, pause?.start, pause?.end].compactMap { $0 }
    }

    public var eventTypes: [String] { trigger.types + otherPatterns.flatMap(\.types) }
    public var eventPatterns: [(key: String, pattern: EventPattern)] {
        let named: [(String, EventPattern?)] = [
            ("trigger", trigger), ("fulfil", fulfil), ("extensions.event", extensions?.event), ("closed_by", closedBy),
            ("pause.start", pause?.start), ("pause.end", pause?.end),
        ]
        return named.compactMap { key, pattern in pattern.map { (key, $0) } }
    }
    public var attributeNames: [String] {
        var names = key + trigger.conditions.map(\.field)
        for p in otherPatterns { names += p.conditions.map(\.field) }
        for o in overrides { names += o.trigger.map(\.field) }
        return names
    }

    public static func decode(_ map: MapView, _ reader: inout NodeReader, _ context: RuleDecodingContext) -> Self? {
        let trigger = map["trigger"].flatMap { PatternDecoder.pattern($0, &reader, what: "trigger") }
        let fulfil = map["fulfil"].flatMap { PatternDecoder.pattern($0, &reader, what: "fulfil") }
        let keyList = map["key"].map { reader.identifierList($0.value, what: "key") }
        let key = keyList.flatMap { $0 } ?? []
        let within = map["within"].flatMap { reader.duration($0.value, what: "within") }
        var overrides: [Override] = []
        var ok = true
        if let entry = map["overrides"] {
            if let items = entry.value.items {
                for item in items {
                    if let o = decodeOverride(item, &reader) { overrides.append(o) } else { ok = false }
                }
            } else {
                reader.error("invalid-value", Message(.overridesMustBeList), at: entry.value)
                ok = false
            }
        }
        var extensions: Extensions?
        if let entry = map["extensions"] {
            if let m = reader.mapping(
                entry.value, allowed: extensionFields.names, required: extensionFields.requiredNames,
                what: "extensions", keyNode: entry.key)
            {
                let ev = m["event"].flatMap { PatternDecoder.pattern($0, &reader, what: "extensions.event") }
                let by = m["by"].flatMap { reader.duration($0.value, what: "extensions.by") }
                let max = m["max"].map { reader.integer($0.value, what: "extensions.max", minimum: 0) } ?? 1
                if let ev, let by, let max { extensions = Extensions(event: ev, by: by, max: max) } else { ok = false }
            } else {
                ok = false
            }
        }
        var closedBy: EventPattern?
        if let entry = map["closed_by"] {
            closedBy = PatternDecoder.pattern(entry, &reader, what: "closed_by")
            ok = ok && closedBy != nil
        }
        var pause: Pause?
        if let entry = map["pause"] {
            if let m = reader.mapping(
                entry.value, allowed: pauseFields.names, required: pauseFields.requiredNames, what: "pause",
                keyNode: entry.key)
            {
                let start = m["start"].flatMap { PatternDecoder.pattern($0, &reader, what: "pause.start") }
                let end = m["end"].flatMap { PatternDecoder.pattern($0, &reader, what: "pause.end") }
                if let start, let end { pause = Pause(start: start, end: end) } else { ok = false }
            } else {
                ok = false
            }
        }
        if case .some(nil) = keyList { ok = false }
        guard ok, let trigger, let fulfil, let within else { return nil }
        return DeadlineObligation(
            trigger: trigger, fulfil: fulfil, key: key, within: within, overrides: overrides, extensions: extensions,
            closedBy: closedBy, pause: pause)
    }

    private static func decodeOverride(_ node: YAMLNode, _ reader: inout NodeReader) -> Override? {
        guard
            let m = reader.mapping(
                node, allowed: overrideFields.names, required: overrideFields.requiredNames, what: "override")
        else { return nil }
        let within = m["within"].flatMap { reader.duration($0.value, what: "within") }
        var unit: UnitSelector?
        var conditions: [FieldCondition] = []
        var ok = true
        if let when = m["when"],
            let w = reader.mapping(when.value, allowed: whenFields.names, what: "when", keyNode: when.key)
        {
            if let u = w["unit"] {
                unit = PatternDecoder.selector(u.value, &reader, what: "when.unit")
                ok = ok && unit != nil
            }
            if let t = w["trigger"] {
                if let c = PatternDecoder.conditions(t.value, &reader, what: "when.trigger") {
                    conditions = c
                } else {
                    ok = false
                }
            }
        } else {
            ok = false
        }
        guard ok, let within else { return nil }
        return Override(unit: unit, trigger: conditions, within: within)
    }

    public func evaluate(_ ctx: EvaluationContext, into out: inout EvaluationOutput) {
        let store = ctx.store
        let keyFields = key.map { store.field(named: $0) }
        let triggers = store.rows(unit: ctx.unitIndex, matching: trigger)
        // Fulfilments and closing events pair as one stream in date order (ties by id); an event
        // matching both patterns is a fulfilment.
        var closers = rows(fulfil, ctx)
        var closing = Set<Int32>()
        if let closedBy {
            let fulfilments = Set(closers)
            for c in rows(closedBy, ctx) where !fulfilments.contains(c) {
                closers.append(c)
                closing.insert(c)
            }
            if !closing.isEmpty { store.sortChronologically(&closers) }
        }

        // Triggers per key, in date order (ties by id): the FIFO queues.
        var triggerKeys = [EventKey?](repeating: nil, count: triggers.count)
        for (i, t) in triggers.enumerated() {
            guard let k = store.key(t, fields: keyFields) else {
                if ctx.window.contains(store.day(t)) {
                    out.missingKeys += 1
                    out.diagnostics.append(
                        .error(
                            .deadlineMissingKey,
                            Message(
                                .triggerLacksKey,
                                ["event": store.id(t), "rule": ctx.rule.id, "fields": key.joined(separator: ", ")]),
                            at: store.location(of: t)))
                }
                continue
            }
            triggerKeys[i] = k
        }
        let queues = KeyGroups(items: triggers.indices.map { Int32($0) }, keys: triggerKeys)
        let extsByKey = grouped(extensions.map { rows($0.event, ctx) } ?? [], keyFields, ctx, &out)
        let startsByKey = grouped(pause.map { rows($0.start, ctx) } ?? [], keyFields, ctx, &out)
        let endsByKey = grouped(pause.map { rows($0.end, ctx) } ?? [], keyFields, ctx, &out)

        // Pairing: each fulfilment or closing event, in date order, takes the earliest unpaired
        // trigger dated on or before it with the same key; an event never pairs with itself.
        var pairedWith = [Int32?](repeating: nil, count: triggers.count)
        var heads = [Int](repeating: 0, count: queues.count)
        for f in closers {
            guard let k = store.key(f, fields: keyFields) else {
                out.diagnostics.append(unkeyed(f, ctx))
                continue
            }
            guard let g = queues.group(of: k) else { continue }
            let queue = queues.members(of: g)
            var pos = queue.startIndex + heads[g]
            while pos < queue.endIndex, pairedWith[Int(queue[pos])] != nil { pos += 1 }
            heads[g] = pos - queue.startIndex
            var candidate = pos
            let fDay = store.day(f)
            while candidate < queue.endIndex {
                let ti = Int(queue[candidate])
                let t = triggers[ti]
                if store.day(t) > fDay { break }
                if pairedWith[ti] == nil && t != f {
                    pairedWith[ti] = f
                    break
                }
                candidate += 1
            }
        }

        let overrideUnits = overrides.map { o in o.unit?.matches(ctx.unitIndex, in: ctx.registry) ?? true }
        let overrideConditions = overrides.map { o in o.trigger.map { (store.field(named: $0.field), $0.conditions) } }
        for (i, t) in triggers.enumerated() {
            let tDay = store.day(t)
            guard ctx.window.contains(tDay) && tDay <= ctx.asOf, let k = triggerKeys[i] else { continue }
            let limit =
                override(where: { overrideUnits[$0] && EventPattern.holds(overrideConditions[$0], t, store) })?.within
                ?? within
            let paired = pairedWith[i]
            let pairedDay = paired.map { store.day($0) }
            let exts = extsByKey.members(of: k)
            let starts = startsByKey.members(of: k)
            let ends = endsByKey.members(of: k)
            let clock = DeadlineClock(
                trigger: tDay, limit: limit, extensions: extensions, paired: pairedDay, extensionCount: exts.count,
                extensionDay: { store.day(exts[exts.startIndex + $0]) }, startCount: starts.count,
                startDay: { store.day(starts[starts.startIndex + $0]) }, endCount: ends.count,
                endDay: { store.day(ends[ends.startIndex + $0]) }, calendar: ctx.calendar,
                outside: &out.outsideCalendar)
            let due = clock.due
            var status = Finding.Status.satisfied
            var reason: String?
            var daysLate: Int?
            if let p = pairedDay, let paired {
                if p > due {
                    (status, reason, daysLate) = (.violated, FindingReason.late.code, due.days(to: p))
                } else if closing.contains(paired) {
                    reason = Self.closed.code
                }
            } else if clock.openPause != nil {
                (status, reason) = (.pending, Self.paused.code)
            } else if ctx.asOf > due {
                (status, reason, daysLate) = (.violated, Self.overdue.code, due.days(to: ctx.asOf))
            } else {
                status = .pending
            }
            if out.countsOnly(status) { continue }
            var f = ctx.finding(status, reason: reason, sortDay: tDay, waiverSpan: tDay...tDay, identity: store.id(t))
            f.daysLate = daysLate
            f.period = tDay.description
            f.due = clock.openPause == nil ? due : nil
            f.ref = store.ref(t)
            // Evidence: trigger, fulfilment or closing event, extensions, pause starts and ends.
            f.events = [f.identity] + (paired.map { [store.id($0)] } ?? [])
            for x in clock.appliedExtensions { f.events.append(store.id(exts[exts.startIndex + x])) }
            for p in clock.pauseEvents {
                if let s = p.start { f.events.append(store.id(starts[starts.startIndex + s])) }
                if let e = p.end { f.events.append(store.id(ends[ends.startIndex + e])) }
            }
            out.findings.append(f)
        }
    }

    /// The first override whose unit and trigger conditions `matches` (by index), if any.
    func override(where matches: (Int) -> Bool) -> Override? {
        overrides.indices.first(where: matches).map { overrides[$0] }
    }

    /// The unit's rows matching `pattern`, with its successors' rows dated after each hand-over (§3),
    /// in date order.
    private func rows(_ pattern: EventPattern, _ ctx: EvaluationContext) -> [Int32] {
        var found = ctx.store.rows(unit: ctx.unitIndex, matching: pattern)
        let chain = ctx.successorChain
        guard !chain.isEmpty else { return found }
        for link in chain {
            found += ctx.store.rows(unit: link.unit, matching: pattern).filter { ctx.store.day($0) > link.after }
        }
        ctx.store.sortChronologically(&found)
        return found
    }

    /// `events` by key, each group in date order; events lacking a key field are warned about.
    private func grouped(
        _ events: [Int32], _ keyFields: [EventField], _ ctx: EvaluationContext, _ out: inout EvaluationOutput
    ) -> KeyGroups {
        var keys = [EventKey?](repeating: nil, count: events.count)
        for (i, x) in events.enumerated() {
            guard let k = ctx.store.key(x, fields: keyFields) else {
                out.diagnostics.append(unkeyed(x, ctx))
                continue
            }
            keys[i] = k
        }
        return KeyGroups(items: events, keys: keys)
    }

    private func unkeyed(_ e: Int32, _ ctx: EvaluationContext) -> Diagnostic {
        .warning(
            .deadlineUnkeyedEvent,
            Message(
                .eventLacksKey, ["event": ctx.store.id(e), "fields": key.joined(separator: ", "), "rule": ctx.rule.id]),
            at: ctx.store.location(of: e))
    }

}

extension DeadlineObligation {
    /// The limit (after overrides), the due date and how extensions and pauses moved it, through
    /// the same `override(where:)` and `DeadlineClock` as the evaluation, then the pairing.
    public func explain(_ finding: Finding, in context: ExplainContext) -> ExplainSteps {
        var out = ExplainSteps()
        let (events, calendar) = (context.events, context.calendar)
        guard let triggerID = finding.events.first, let trigger = events[triggerID] else { return out }
        out.roles[triggerID] = "trigger"
        let unitIndex = context.registry.index(of: finding.unit)
        let chosen = override(where: { o in
            (overrides[o].unit.map { sel in unitIndex.map { sel.matches($0, in: context.registry) } ?? false } ?? true)
                && EventPattern(types: [trigger.type], conditions: overrides[o].trigger).matchesConditions(trigger)
        })
        let limit = chosen?.within ?? within
        if let chosen {
            out.steps.append("override applies: within \(chosen.within) instead of \(within)")
        } else {
            out.steps.append("limit: within \(within)")
        }
        out.steps += calendar.explainAdd(limit, to: trigger.day).steps.map { "due: " + $0 }
        // The evidence after the trigger, in the order the evaluation lists it: the pairing (when
        // there is one), the extensions, the pause events.
        let f = finding
        let paired = f.status == .satisfied || f.reason == FindingReason.late.code || f.reason == Self.closed.code
        var rest = f.events.dropFirst().compactMap { events[$0] }[...]
        var pairing: Event?
        if paired, let first = rest.first {
            pairing = first
            rest = rest.dropFirst()
        }
        var applied: [Event] = []
        if let ext = extensions {
            while let e = rest.first, ext.event.matches(e) {
                applied.append(e)
                rest = rest.dropFirst()
            }
        }
        let starts = rest.filter { pause?.start.matches($0) ?? false }
        let ends = rest.filter { !(pause?.start.matches($0) ?? false) }
        var outside = false
        let clock = DeadlineClock(
            trigger: trigger.day, limit: limit, extensions: extensions, paired: pairing?.day,
            extensionCount: applied.count, extensionDay: { applied[$0].day }, startCount: starts.count,
            startDay: { starts[$0].day }, endCount: ends.count, endDay: { ends[$0].day }, calendar: calendar,
            outside: &outside)
        for step in clock.steps {
            switch step {
            case .extended(let i, let day, let from, _):
                let e = applied[i]
                out.roles[e.id] = "extension"
                out.steps.append("extension \(e.id) on \(day) (after the trigger, on or before the due date \(from)):")
                out.steps += calendar.explainAdd(extensions?.by ?? limit, to: from).steps.map { "  " + $0 }
            case .pause(let s, let startDay, let end, let endDay, let length, let from, _):
                out.roles[starts[s].id] = "pause start"
                let ender: String
                if let end {
                    out.roles[ends[end].id] = "pause end"
                    ender = "restarted by \(ends[end].id) on \(endDay)"
                } else {
                    ender = "ended by the pairing with \(pairing?.id ?? "") on \(endDay)"
                }
                out.steps.append("pause: clock stopped by \(starts[s].id) on \(startDay), \(ender)")
                out.steps.append(
                    "  " + Self.pauseLength(limit.unit, from: startDay, until: endDay, length: length, calendar))
                let moved = DurationSpec(count: length, unit: limit.unit)
                out.steps.append("  on \(endDay) the due date moves by \(moved):")
                out.steps += calendar.explainAdd(moved, to: from).steps.map { "    " + $0 }
            }
        }
        if let open = clock.openPause {
            out.roles[starts[open.index].id] = "pause start"
            out.steps.append(
                "pause: clock stopped by \(starts[open.index].id) on \(open.day) and neither restarted nor paired by \(context.asOf): no due date while paused"
            )
        }
        if let pairing {
            if fulfil.matches(pairing) {
                out.roles[pairing.id] = "fulfilment"
                out.steps.append("paired first-in first-out with fulfilment \(pairing.id) on \(pairing.day)")
            } else {
                out.roles[pairing.id] = "closing event"
                out.steps.append(
                    "paired first-in first-out with closing event \(pairing.id) on \(pairing.day) (closed_by: the case ended without a decision)"
                )
            }
            out.steps.append("due date \(clock.due); \(pairing.day <= clock.due ? "on or before it" : "after it")")
        } else {
            out.steps.append(
                "no fulfilment or closing event with the same key paired with this trigger by \(context.asOf)")
        }
        return out
    }

    /// The pause's length in words: calendar days, or the working days counted and the days skipped.
    private static func pauseLength(
        _ unit: DurationSpec.Unit, from start: Day, until end: Day, length: Int, _ calendar: WorkCalendar
    ) -> String {
        switch unit {
        case .days:
            return "length: \(end) − \(start) = \(length) day(s)"
        case .workingDays:
            let skipped = calendar.offDays(from: start, until: end)
            return "length: \(length) working day(s) in [\(start), \(end))"
                + (skipped.isEmpty ? "" : "; not counted: " + skipped.joined(separator: "; "))
        }
    }

    public func parameters(in language: Language) -> String {
        let vi = language == .vi
        var text = (vi ? "trong vòng " : "within ") + RuleWording.duration(within, language)
        text += vi ? " sau mỗi " : " of each "
        text +=
            RuleWording.types(trigger.types, language) + (vi ? " phải có " : ", a ")
            + RuleWording.types(fulfil.types, language)
        for o in overrides {
            var cases: [String] = []
            if let unit = o.unit { cases.append(RuleWording.selector(unit, language)) }
            if !o.trigger.isEmpty { cases.append(RuleWording.conditions(o.trigger, language)) }
            text +=
                "; " + RuleWording.duration(o.within, language) + (vi ? " khi " : " when ")
                + cases.joined(separator: ", ")
        }
        if let e = extensions {
            text +=
                vi
                ? "; gia hạn \(RuleWording.duration(e.by, language)) tối đa \(e.max) lần"
                : "; extensions of \(RuleWording.duration(e.by, language)), at most \(e.max)"
        }
        if let c = closedBy {
            text += vi ? "; kết thúc khi có " : "; closed by "
            text += RuleWording.types(c.types, language)
        }
        if let p = pause {
            text +=
                vi
                ? "; tạm dừng tính thời hạn từ \(RuleWording.types(p.start.types, language)) đến \(RuleWording.types(p.end.types, language))"
                : "; the clock stops from \(RuleWording.types(p.start.types, language)) to \(RuleWording.types(p.end.types, language))"
        }
        if !key.isEmpty {
            text += vi ? " (cùng \(key.joined(separator: ", ")))" : " (same \(key.joined(separator: ", ")))"
        }
        return text
    }
}
