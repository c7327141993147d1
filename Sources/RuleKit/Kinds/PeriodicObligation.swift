import ComplianceCore
import NodeDecoding

/// One deliverable per period by a due date (SPEC §6.4) — for example a half-year report within 15 days of the half-year's end, or an annual plan by the end of January.
public struct PeriodicObligation: ObligationKind {
    public static let kindName = "periodic"
    public static let fields = [
        FieldSpec("event", .reference("eventPattern"), required: true, "The deliverable."),
        FieldSpec("per", .oneOf(PeriodKind.allCases.map(\.rawValue)), required: true, "One deliverable per period."),
        FieldSpec("due", .object(dueFields), "When it is due (default: the period's last day)."),
        FieldSpec("match_period", .oneOf(["label", "date"]), "Assign events by their period label (default) or date."),
    ]

    /// Keys of `due`.
    static let dueFields = [
        FieldSpec("after", .oneOf(["end", "start"]), "Count from the period's end (default) or start."),
        FieldSpec("offset", .duration, "How long after (default 0 days; rolled to a working day)."),
    ]
    public static let summary = "One matching event per period, by a due date after the period's start or end."

    public static let examples = [
        KindExample(
            "a half-year report due 15 days after the half-year ends, matched by its period label",
            rule:
                "kind: periodic\nevent: { type: report-submitted }\nper: half-year\ndue: { after: end, offset: 15 days }",
            events: ["r1,x1,report-submitted,2023-07-20,,,2023-H1", "r2,x1,report-submitted,2023-08-01,,,2023-H2"],
            asOf: "2024-01-10",
            findings: ["violated late 2023-H1", "satisfied 2023-H2", "pending 2024-H1"]),
        KindExample(
            "an annual plan due by the end of January, matched by date",
            rule: """
                kind: periodic
                event: { type: plan-issued }
                per: year
                due: { after: start, offset: 30 days }
                match_period: date
                """,
            effective: "{ from: 2023-01-01, to: 2024-12-31 }",
            events: ["p1,x1,plan-issued,2023-01-20,,,", "p2,x1,plan-issued,2024-02-15,,,"],
            asOf: "2024-06-01",
            findings: ["satisfied 2023", "violated late 2024"]),
    ]

    /// Which end of the period the due date counts from.
    public enum Anchor: String, Sendable {
        case start, end
    }

    /// How an event is assigned to a period.
    public enum Matching: String, Sendable {
        case label, date
    }

    public static let reasons = [FindingReason.late, .missing]

    /// The deliverable.
    public let event: EventPattern
    /// The period.
    public let per: PeriodKind
    /// Due after start or end.
    public let anchor: Anchor
    /// Offset from the anchor (rolled).
    public let offset: DurationSpec
    /// Label or date matching.
    public let matching: Matching

    public var eventTypes: [String] { event.types }
    public var eventPatterns: [(key: String, pattern: EventPattern)] { [("event", event)] }
    public var attributeNames: [String] { event.conditions.map(\.field) }

    public static func decode(_ map: MapView, _ reader: inout NodeReader, _ context: RuleDecodingContext) -> Self? {
        let event = map["event"].flatMap { PatternDecoder.pattern($0, &reader, what: "event") }
        let per = map["per"].flatMap { e in
            reader.choice(e.value, what: "per", among: PeriodKind.allCases.map(\.rawValue)).flatMap(PeriodKind.init)
        }
        var anchor: Anchor? = .end
        var offset: DurationSpec? = DurationSpec(count: 0, unit: .days)
        if let due = map["due"],
            let m = reader.mapping(due.value, allowed: dueFields.names, what: "due", keyNode: due.key)
        {
            if let a = m["after"] {
                anchor = reader.choice(a.value, what: "due.after", among: ["end", "start"]).flatMap(Anchor.init)
            }
            if let o = m["offset"] { offset = reader.duration(o.value, what: "due.offset") }
        } else if map.has("due") {
            return nil
        }
        let matching =
            map["match_period"].map { e in
                reader.choice(e.value, what: "match_period", among: ["label", "date"]).flatMap(Matching.init)
            } ?? .label
        if matching == .date, anchor == .end, let entry = map["match_period"] {
            reader.error(
                "invalid-value",
                Message(.matchPeriodDateNeedsStart),
                at: entry.key)
            return nil
        }
        guard let event, let per, let anchor, let offset, let matching else { return nil }
        return PeriodicObligation(event: event, per: per, anchor: anchor, offset: offset, matching: matching)
    }

    public func evaluate(_ ctx: EvaluationContext, into out: inout EvaluationOutput) {
        let window = ctx.window
        let last = min(window.to ?? ctx.asOf, ctx.asOf)
        guard window.from <= last else { return }
        let store = ctx.store
        let rows = store.rows(unit: ctx.unitIndex, matching: event)
        let periodField = store.field(named: "period")
        for period in PeriodSequence(per, overlapping: window.from, last) {
            if window.cuts(period) && ctx.rule.partialPeriods == .skip { continue }
            let base = anchor == .end ? period.end : period.start
            let due = ctx.calendar.add(offset, to: base, outside: &out.outsideCalendar)
            let label = period.label
            let deciding: Int32?
            switch matching {
            case .date: deciding = store.slice(rows, from: period.start, through: period.end).first
            case .label: deciding = rows.first { store.value($0, periodField)?.text == label }
            }
            var status = Finding.Status.satisfied
            var reason: String?
            var daysLate: Int?
            if let e = deciding {
                let day = store.day(e)
                if day > due { (status, reason, daysLate) = (.violated, FindingReason.late.code, due.days(to: day)) }
            } else if ctx.asOf > due {
                (status, reason, daysLate) = (.violated, FindingReason.missing.code, due.days(to: ctx.asOf))
            } else {
                status = .pending
            }
            if out.countsOnly(status) { continue }
            var f = ctx.finding(
                status, reason: reason, sortDay: period.start, waiverSpan: period.start...period.end, identity: label)
            f.period = label
            f.due = due
            f.daysLate = daysLate
            if let e = deciding { f.events = [store.id(e)] }
            out.findings.append(f)
        }
    }
}

extension PeriodicObligation {
    /// The period, how events are matched to it, and how its due date was reached.
    public func explain(_ finding: Finding, in context: ExplainContext) -> ExplainSteps {
        var out = ExplainSteps()
        out.steps.append(
            "period \(finding.period ?? ""); matched by \(matching == .label ? "the event's period label" : "event date")"
        )
        // The finding's period starts on its sort day.
        let period = per.period(containing: finding.sortDay)
        if let label = finding.period, period.label == label {
            let base = anchor == .end ? period.end : period.start
            let (_, calc) = context.calendar.explainAdd(offset, to: base)
            out.steps.append("due counts from the period's \(anchor.rawValue), \(base)")
            out.steps += calc.map { "due: " + $0 }
        }
        for id in finding.events { out.roles[id] = "deciding event (the earliest match)" }
        return out
    }

    public func parameters(in language: Language) -> String {
        let vi = language == .vi
        let anchorText: String
        switch (anchor, vi) {
        case (.end, true): anchorText = "sau khi kết thúc kỳ"
        case (.end, false): anchorText = "after the period ends"
        case (.start, true): anchorText = "sau khi bắt đầu kỳ"
        case (.start, false): anchorText = "after the period starts"
        }
        let base =
            (vi ? "một " : "one ") + RuleWording.types(event.types, language) + " " + RuleWording.per(per, language)
        return base + (vi ? ", hạn " : ", due ") + RuleWording.duration(offset, language) + " " + anchorText
    }
}
