import ComplianceCore
import NodeDecoding

/// Something must come first (SPEC §6.3) — for example the MTTQ is consulted within 90 days before a decision on land or site clearance.
public struct PrecedenceObligation: ObligationKind {
    public static let kindName = "precedence"
    public static let fields = [
        FieldSpec("target", .reference("eventPattern"), required: true, "The events that need a prior event."),
        FieldSpec("requires", .reference("eventPattern"), required: true, "The prior event."),
        FieldSpec("key", .scalarOrList, "Fields that must be equal on target and prior event."),
        FieldSpec("lead", .object(leadFields), required: true, "How long before the target the prior event may be."),
        FieldSpec("scope", .oneOf(["same-unit", "any-unit"]), "Whose prior events count (default same-unit)."),
    ]

    /// Keys of `lead`.
    static let leadFields = [
        FieldSpec("min", .duration, "At least this long before (default 0 days)."),
        FieldSpec("max", .duration, required: true, "At most this long before."),
    ]
    public static let summary = "Each target event must be preceded by a required event within a lead window."

    public static let examples = [
        KindExample(
            "consult the MTTQ within 90 days before a land decision",
            rule: """
                kind: precedence
                target: { type: decision, where: { topic: land } }
                requires: { type: mttq-consultation }
                key: [ref]
                lead: { min: 0 days, max: 90 days }
                """,
            events: [
                "c1,x1,mttq-consultation,2023-04-01,P1,,", "d1,x1,decision,2023-06-30,P1,land,",
                "c2,x1,mttq-consultation,2023-03-31,P2,,", "d2,x1,decision,2023-06-30,P2,land,",
                "d3,x1,decision,2023-06-30,P3,culture,",
            ],
            asOf: "2023-07-10",
            findings: ["satisfied 2023-06-30", "violated no-prior 2023-06-30"])
    ]

    /// No prior event in the lead window.
    static let noPrior = FindingReason("no-prior", vietnameseLabel: "thiếu bước trước") { f, language, m in
        if language == .vi {
            m.add(" không có bước thực hiện trước")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" trước ngày ", f.period.map { Presentation(.vi).period($0) } ?? "")
        } else {
            m.add(" has no required prior event")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" before ", f.period ?? "")
        }
    }

    public static let reasons = [noPrior]

    /// Whose `requires` events count.
    public enum Scope: String, Sendable {
        case sameUnit = "same-unit"
        case anyUnit = "any-unit"
    }

    /// The events that need a prior event.
    public let target: EventPattern
    /// The prior event.
    public let requires: EventPattern
    /// Fields that must be equal.
    public let key: [String]
    /// requires.date ∈ [target − max, target − min].
    public let leadMin: DurationSpec
    /// See `leadMin`.
    public let leadMax: DurationSpec
    /// Scope.
    public let scope: Scope

    public var eventTypes: [String] { target.types + requires.types }
    public var eventPatterns: [(key: String, pattern: EventPattern)] { [("target", target), ("requires", requires)] }
    public var attributeNames: [String] { key + target.conditions.map(\.field) + requires.conditions.map(\.field) }

    public static func decode(_ map: MapView, _ reader: inout NodeReader, _ context: RuleDecodingContext) -> Self? {
        let target = map["target"].flatMap { PatternDecoder.pattern($0, &reader, what: "target") }
        let requires = map["requires"].flatMap { PatternDecoder.pattern($0, &reader, what: "requires") }
        let keyList = map["key"].map { reader.identifierList($0.value, what: "key") }
        var leadMin: DurationSpec? = DurationSpec(count: 0, unit: .days)
        var leadMax: DurationSpec?
        if let lead = map["lead"],
            let m = reader.mapping(
                lead.value, allowed: leadFields.names, required: leadFields.requiredNames, what: "lead",
                keyNode: lead.key)
        {
            leadMax = m["max"].flatMap { reader.duration($0.value, what: "lead.max") }
            if let e = m["min"] { leadMin = reader.duration(e.value, what: "lead.min") }
        }
        let scope =
            map["scope"].map { e in
                reader.choice(e.value, what: "scope", among: ["same-unit", "any-unit"]).flatMap(Scope.init)
            } ?? .sameUnit
        if case .some(nil) = keyList { return nil }
        guard let target, let requires, let leadMin, let leadMax, let scope else { return nil }
        return PrecedenceObligation(
            target: target, requires: requires, key: keyList.flatMap { $0 } ?? [], leadMin: leadMin, leadMax: leadMax,
            scope: scope)
    }

    public func evaluate(_ ctx: EvaluationContext, into out: inout EvaluationOutput) {
        let store = ctx.store
        let keyFields = key.map { store.field(named: $0) }
        let targets = store.rows(unit: ctx.unitIndex, matching: target)
        let byKey: KeyGroups
        switch scope {
        case .sameUnit:
            let pool = store.rows(unit: ctx.unitIndex, matching: requires)
            byKey = KeyGroups(items: pool, keys: pool.map { store.key($0, fields: keyFields) })
        case .anyUnit:
            // The same pool for every unit: grouped once per rule (its location tells versions apart).
            byKey = store.groupsAcrossUnits("\(ctx.rule.id) \(ctx.rule.location)") {
                let all = store.rows(types: requires.types)
                let pool = requires.conditions.isEmpty ? all : store.filter(all, matching: requires)
                return KeyGroups(items: pool, keys: pool.map { store.key($0, fields: keyFields) })
            }
        }
        for t in targets {
            let tDay = store.day(t)
            guard ctx.window.contains(tDay) && tDay <= ctx.asOf else { continue }
            guard let k = store.key(t, fields: keyFields) else {
                out.missingKeys += 1
                out.diagnostics.append(
                    .error(
                        .precedenceMissingKey,
                        Message(
                            .targetLacksKey,
                            ["event": store.id(t), "rule": ctx.rule.id, "fields": key.joined(separator: ", ")]),
                        at: store.location(of: t)))
                continue
            }
            let candidates = byKey.members(of: k)
            let (lo, hi) = leadWindow(before: tDay, ctx.calendar, outside: &out.outsideCalendar)
            let inWindow = lo <= hi ? store.slice(candidates, from: lo, through: hi).first { $0 != t } : nil
            if inWindow != nil && out.countsOnly(.satisfied) { continue }
            let targetID = store.id(t)
            var f = ctx.finding(.satisfied, sortDay: tDay, waiverSpan: tDay...tDay, identity: targetID)
            f.period = tDay.description
            f.ref = store.ref(t)
            if let prior = inWindow {
                f.events = [targetID, store.id(prior)]
            } else {
                f.status = .violated
                f.reason = Self.noPrior.code
                f.events = [targetID]
                if let c = nearest(to: t, in: candidates, store) {
                    f.events.append(store.id(c))
                    f.distanceDays = store.day(c).days(to: tDay)
                }
            }
            out.findings.append(f)
        }
    }

    /// The days a prior event may fall on for a target dated `day`: day − max … day − min, never rolled.
    func leadWindow(before day: Day, _ calendar: WorkCalendar, outside: inout Bool) -> (Day, Day) {
        (
            calendar.subtract(leadMax, from: day, outside: &outside),
            calendar.subtract(leadMin, from: day, outside: &outside)
        )
    }

    /// The candidate nearest the target: the smallest distance, ties to the earlier date, then id.
    private func nearest(to t: Int32, in candidates: ArraySlice<Int32>, _ store: EventStore) -> Int32? {
        let tDay = store.day(t)
        let pivot = store.firstIndex(in: candidates, onOrAfter: tDay)
        var earlier: Int32?
        if pivot > candidates.startIndex {
            let day = store.day(candidates[pivot - 1])
            var i = pivot - 1
            while i > candidates.startIndex && store.day(candidates[i - 1]) == day { i -= 1 }
            earlier = candidates[i]
        }
        let later = candidates[pivot...].first { $0 != t }
        switch (earlier, later) {
        case (nil, nil): return nil
        case (let e?, nil): return e
        case (nil, let l?): return l
        case (let e?, let l?):
            return abs(store.day(l).days(to: tDay)) < abs(store.day(e).days(to: tDay)) ? l : e
        }
    }

    /// The candidate with the smallest |target − candidate| days, ties to the earlier date, then id.
    ///
    /// Candidates are date-sorted, so only two can win: the first of the last date group before the
    /// target's date, and the first at or after it.

}

extension PrecedenceObligation {
    /// The lead window before the target, then the prior event found or the nearest candidate.
    public func explain(_ finding: Finding, in context: ExplainContext) -> ExplainSteps {
        var out = ExplainSteps()
        guard let targetID = finding.events.first, let target = context.events[targetID] else { return out }
        out.roles[targetID] = "target"
        var outside = false
        let (lo, hi) = leadWindow(before: target.day, context.calendar, outside: &outside)
        out.steps.append("lead window: \(lo) … \(hi) (target \(target.day) − \(leadMax) … − \(leadMin), never rolled)")
        if let other = finding.events.dropFirst().first {
            if finding.status == .satisfied {
                out.roles[other] = "prior event in the window"
            } else {
                out.roles[other] = "nearest candidate (outside the window)"
                out.steps.append(
                    "no \(requires.types.joined(separator: "/")) in the window; nearest candidate \(other), distance \(finding.distanceDays ?? 0) day(s)"
                )
            }
        } else if finding.status != .satisfied {
            out.steps.append("no \(requires.types.joined(separator: "/")) with the same key at all")
        }
        return out
    }

    public func parameters(in language: Language) -> String {
        let vi = language == .vi
        let window =
            vi
            ? "từ \(RuleWording.duration(leadMax, language)) đến \(RuleWording.duration(leadMin, language)) trước"
            : "\(RuleWording.duration(leadMin, language)) to \(RuleWording.duration(leadMax, language)) before"
        var text = RuleWording.types(requires.types, language) + " " + window + (vi ? " mỗi " : " each ")
        text += RuleWording.types(target.types, language)
        if !target.conditions.isEmpty { text += " (" + RuleWording.conditions(target.conditions, language) + ")" }
        if !key.isEmpty {
            text += vi ? ", cùng \(key.joined(separator: ", "))" : ", same \(key.joined(separator: ", "))"
        }
        if scope == .anyUnit { text += vi ? ", của bất kỳ đơn vị nào" : ", by any unit" }
        return text
    }
}
