import ComplianceCore
import NodeDecoding

/// A one-off obligation by a fixed date (SPEC §6.5) — for example the directive disseminated to every party cell by 31 March 2022.
public struct OnceObligation: ObligationKind {
    public static let kindName = "once"
    public static let fields = [
        FieldSpec("event", .reference("eventPattern"), required: true, "The deliverable."),
        FieldSpec("from", .date, "Earliest date an event counts (default: effective.from)."),
        FieldSpec("by", .date, required: true, "The fixed due date (never rolled)."),
    ]
    public static let summary = "One matching event, dated from a start date, by a fixed date."

    public static let examples = [
        KindExample(
            "the directive disseminated by 31 March 2022",
            rule: "kind: once\nevent: { type: directive-disseminated }\nby: 2022-03-31",
            effective: "{ from: 2022-02-09 }",
            events: ["d1,x1,directive-disseminated,2022-04-05,,,"],
            asOf: "2022-06-01",
            findings: ["violated late 2022-03-31"])
    ]

    public static let reasons = [FindingReason.late, .missing]

    /// The deliverable.
    public let event: EventPattern
    /// Earliest date an event counts; nil = effective.from.
    public let from: Day?
    /// The fixed due date (never rolled).
    public let by: Day

    /// The due date is fixed: a unit that ended before the rule began may still have missed it.
    public var evaluatesEmptyWindow: Bool { true }

    public var eventTypes: [String] { event.types }
    public var eventPatterns: [(key: String, pattern: EventPattern)] { [("event", event)] }
    public var attributeNames: [String] { event.conditions.map(\.field) }

    public static func decode(_ map: MapView, _ reader: inout NodeReader, _ context: RuleDecodingContext) -> Self? {
        let event = map["event"].flatMap { PatternDecoder.pattern($0, &reader, what: "event") }
        let from = map["from"].map { reader.date($0.value, what: "from") }
        let by = map["by"].flatMap { reader.date($0.value, what: "by") }
        if case .some(nil) = from { return nil }
        guard let event, let by else { return nil }
        if let f = from.flatMap({ $0 }), f > by, let node = map["from"]?.key {
            reader.error("invalid-value", Message(.fromAfterBy, ["from": "\(f)", "by": "\(by)"]), at: node)
            return nil
        }
        return OnceObligation(event: event, from: from.flatMap { $0 }, by: by)
    }

    public func evaluate(_ ctx: EvaluationContext, into out: inout EvaluationOutput) {
        let start = from ?? ctx.rule.effective.from
        guard start <= ctx.asOf else { return }
        let effective = ctx.rule.effective
        guard effective.from <= by, effective.to.map({ by <= $0 }) ?? true else { return }
        if let bounds = ctx.runBounds, !bounds.contains(by) { return }
        let unit = ctx.unit
        guard unit.from.map({ $0 <= by }) ?? true, unit.to.map({ $0 >= start }) ?? true else { return }
        let store = ctx.store
        let rows = store.rows(unit: ctx.unitIndex, matching: event)
        let first = store.firstIndex(in: rows, onOrAfter: start)
        let deciding = first < rows.count ? rows[first] : nil
        var status = Finding.Status.satisfied
        var reason: String?
        var daysLate: Int?
        if let e = deciding {
            let day = store.day(e)
            if day > by { (status, reason, daysLate) = (.violated, FindingReason.late.code, by.days(to: day)) }
        } else if ctx.asOf > by {
            (status, reason, daysLate) = (.violated, FindingReason.missing.code, by.days(to: ctx.asOf))
        } else {
            status = .pending
        }
        if out.countsOnly(status) { return }
        var f = ctx.finding(status, reason: reason, sortDay: by, waiverSpan: by...by, identity: by.description)
        f.due = by
        f.daysLate = daysLate
        if let e = deciding { f.events = [store.id(e)] }
        out.findings.append(f)
    }
}

extension OnceObligation {
    /// When events start counting and the fixed due date.
    public func explain(_ finding: Finding, in context: ExplainContext) -> ExplainSteps {
        var out = ExplainSteps()
        out.steps.append(
            "events count from \(from ?? context.rule.effective.from); due \(by) (a fixed date, never rolled)")
        for id in finding.events { out.roles[id] = "deciding event (the earliest match)" }
        return out
    }

    public func parameters(in language: Language) -> String {
        let vi = language == .vi
        let start = from.map { vi ? " (tính từ \($0))" : " (counted from \($0))" } ?? ""
        return (vi ? "một " : "one ") + RuleWording.types(event.types, language) + (vi ? " trước hạn " : " by ")
            + "\(by)"
            + start
    }
}
