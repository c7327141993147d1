import ComplianceCore
import NodeDecoding

/// At least and/or at most N matching events per period (SPEC §6.1) — for example a commune chairman receives citizens at least once a week.
public struct FrequencyObligation: ObligationKind {
    public static let kindName = "frequency"
    public static let fields = [
        FieldSpec("event", .reference("eventPattern"), required: true, "Which events count."),
        FieldSpec("per", .oneOf(PeriodKind.allCases.map(\.rawValue)), required: true, "The period counted in."),
        FieldSpec("at_least", .integer(minimum: 0), "Fewest matching events per period."),
        FieldSpec("at_most", .integer(minimum: 0), "Most matching events per period."),
        FieldSpec("distinct", .identifier, "Count distinct values of this field instead of events."),
    ]
    public static let summary = "At least and/or at most N matching events in each period."

    public static let examples = [
        KindExample(
            "a weekly obligation: one week met, one missed, the running week still pending",
            rule: "kind: frequency\nevent: { type: citizen-reception }\nper: week\nat_least: 1",
            effective: "{ from: 2023-01-02 }",
            events: ["e1,x1,citizen-reception,2023-01-04,,,"],
            asOf: "2023-01-18",
            findings: ["satisfied 2023-W01", "violated insufficient 2023-W02", "pending 2023-W03"]),
        KindExample(
            "at most two distinct cases a month",
            rule: "kind: frequency\nevent: { type: complaint-accepted }\nper: month\nat_most: 2\ndistinct: ref",
            events: [
                "a1,x1,complaint-accepted,2023-01-05,A,,", "a2,x1,complaint-accepted,2023-01-06,A,,",
                "a3,x1,complaint-accepted,2023-02-01,A,,", "a4,x1,complaint-accepted,2023-02-02,B,,",
                "a5,x1,complaint-accepted,2023-02-03,C,,",
            ],
            asOf: "2023-02-10",
            findings: ["satisfied 2023-01", "violated excess 2023-02"]),
    ]

    /// Fewer events than `at_least` in a closed period.
    static let insufficient = FindingReason("insufficient", vietnameseLabel: "không đủ số lần") { f, language, m in
        let (actual, expected) = (String(f.actual ?? 0), String(f.expected ?? 0))
        if language == .vi {
            m.add(" thực hiện ", actual, "/", expected, " lần")
            m.add(" kỳ ", ifPresent: f.period.map { Presentation(.vi).period($0) })
        } else {
            m.add(" has ", actual, " of the required ", expected)
            m.add(" for ", ifPresent: f.period)
        }
    }

    /// More events than `at_most`.
    static let excess = FindingReason("excess", vietnameseLabel: "vượt số lần") { f, language, m in
        let (actual, expected) = (String(f.actual ?? 0), String(f.expected ?? 0))
        if language == .vi {
            m.add(" thực hiện ", actual, " lần, vượt mức tối đa ", expected)
            m.add(" kỳ ", ifPresent: f.period.map { Presentation(.vi).period($0) })
        } else {
            m.add(" has ", actual, ", more than the allowed ", expected)
            m.add(" for ", ifPresent: f.period)
        }
    }

    public static let reasons = [insufficient, excess]

    /// Which events count.
    public let event: EventPattern
    /// The period.
    public let per: PeriodKind
    /// Lower bound.
    public let atLeast: Int?
    /// Upper bound.
    public let atMost: Int?
    /// Count distinct values of this field instead of events.
    public let distinct: String?

    public var eventTypes: [String] { event.types }
    public var eventPatterns: [(key: String, pattern: EventPattern)] { [("event", event)] }
    public var attributeNames: [String] { event.conditions.map(\.field) + (distinct.map { [$0] } ?? []) }

    public static func decode(_ map: MapView, _ reader: inout NodeReader, _ context: RuleDecodingContext) -> Self? {
        let event = map["event"].flatMap { PatternDecoder.pattern($0, &reader, what: "event") }
        let per = map["per"].flatMap { e in
            reader.choice(e.value, what: "per", among: PeriodKind.allCases.map(\.rawValue)).flatMap(PeriodKind.init)
        }
        let atLeast = map["at_least"].flatMap { reader.integer($0.value, what: "at_least") }
        let atMost = map["at_most"].flatMap { reader.integer($0.value, what: "at_most") }
        let distinct = map["distinct"].flatMap { reader.identifier($0.value, what: "distinct") }
        if !map.has("at_least") && !map.has("at_most") {
            reader.error("missing-field", Message(.frequencyNeedsBound), at: map.node)
            return nil
        }
        if let l = atLeast, let m = atMost, l > m, let node = map["at_least"]?.key {
            reader.error(
                "invalid-value", Message(.atLeastAboveAtMost, ["atLeast": "\(l)", "atMost": "\(m)"]), at: node)
            return nil
        }
        guard let event, let per else { return nil }
        if map.has("at_least") && atLeast == nil || map.has("at_most") && atMost == nil { return nil }
        return FrequencyObligation(event: event, per: per, atLeast: atLeast, atMost: atMost, distinct: distinct)
    }

    public func evaluate(_ ctx: EvaluationContext, into out: inout EvaluationOutput) {
        let window = ctx.window
        let last = min(window.to ?? ctx.asOf, ctx.asOf)
        guard window.from <= last else { return }
        let store = ctx.store
        let rows = store.rows(unit: ctx.unitIndex, matching: event)
        let distinctField = distinct.map { store.field(named: $0) }
        let skipsCut = ctx.rule.partialPeriods == .skip
        // Periods come in date order and rows are chronological, so one cursor walks both instead of
        // two binary searches per period.
        var lo = rows.startIndex
        for period in PeriodSequence(per, overlapping: window.from, last) {
            if skipsCut && window.cuts(period) { continue }
            while lo < rows.endIndex && store.day(rows[lo]) < period.start { lo += 1 }
            var hi = lo
            while hi < rows.endIndex && store.day(rows[hi]) <= period.end { hi += 1 }
            // The counted rows are rows[lo..<hi], or those of them with the distinct field.
            var present: [Int32]?
            let count: Int
            if let distinctField {
                let withField = rows[lo..<hi].filter { store.value($0, distinctField) != nil }
                count = Set(withField.compactMap { store.value($0, distinctField)?.text }).count
                present = withField
            } else {
                count = hi - lo
            }
            let closed = period.end < ctx.asOf
            var status = Finding.Status.satisfied
            var reason: String?
            var bound = atLeast ?? atMost
            if let m = atMost, count > m {
                (status, reason, bound) = (.violated, Self.excess.code, m)
            } else if let l = atLeast, count < l {
                if closed {
                    (status, reason, bound) = (.violated, Self.insufficient.code, l)
                } else {
                    status = .pending
                }
            }
            if out.countsOnly(status) { continue }
            let label = period.label
            var f = ctx.finding(
                status, reason: reason, sortDay: period.start, waiverSpan: period.start...period.end, identity: label)
            f.period = label
            f.due = period.end
            f.expected = bound
            f.actual = count
            f.events = (present.map { $0[...] } ?? rows[lo..<hi]).map { store.id($0) }
            out.findings.append(f)
        }
    }
}

extension FrequencyObligation {
    /// The period, whether it is closed, what was counted against which bounds.
    public func explain(_ finding: Finding, in context: ExplainContext) -> ExplainSteps {
        var out = ExplainSteps()
        let closed = finding.due.map { $0 < context.asOf } ?? true
        out.steps.append(
            "period \(finding.period ?? "") ends \(finding.due.map(\.description) ?? "") — \(closed ? "closed" : "open (it contains the as-of date \(context.asOf))")"
        )
        out.steps.append(
            "counted \(finding.actual ?? 0) \(distinct.map { "distinct \($0) value(s)" } ?? "matching event(s)"); bounds: "
                + [atLeast.map { "at least \($0)" }, atMost.map { "at most \($0)" }].compactMap { $0 }.joined(
                    separator: ", "))
        for id in finding.events { out.roles[id] = "counted" }
        return out
    }

    public func parameters(in language: Language) -> String {
        let vi = language == .vi
        var bounds: [String] = []
        if let l = atLeast { bounds.append(vi ? "ít nhất \(l)" : "at least \(l)") }
        if let m = atMost { bounds.append(vi ? "nhiều nhất \(m)" : "at most \(m)") }
        let what = distinct.map { vi ? " giá trị \($0) khác nhau" : " distinct \($0) values" } ?? (vi ? " lần" : "")
        let types = RuleWording.types(event.types, language)
        return bounds.joined(separator: vi ? " và " : " and ") + what + " " + RuleWording.per(per, language)
            + " (\(types))"
    }
}
