import ComplianceCore
import NodeDecoding

/// No gap longer than a limit between matching events (SPEC §6.6) — for example a leader attends a grassroots party-cell meeting at least every 45 days.
public struct RegularityObligation: ObligationKind {
    public static let kindName = "regularity"
    public static let fields = [
        FieldSpec("event", .reference("eventPattern"), required: true, "The events."),
        FieldSpec("max_gap", .duration, required: true, "Longest allowed gap, in calendar days."),
    ]
    public static let summary = "No gap between consecutive matching events longer than a limit."

    public static let examples = [
        KindExample(
            "party-cell meetings attended at least every 45 days",
            rule: "kind: regularity\nevent: { type: party-cell-meeting-attended }\nmax_gap: 45 days",
            events: [
                "a1,x1,party-cell-meeting-attended,2023-02-15,,,", "a2,x1,party-cell-meeting-attended,2023-04-02,,,",
                "a3,x1,party-cell-meeting-attended,2023-05-15,,,",
            ],
            asOf: "2023-06-10",
            findings: [
                "satisfied 2023-01-01/2023-02-15", "violated gap 2023-02-15/2023-04-02",
                "satisfied 2023-04-02/2023-05-15", "pending 2023-05-15/2023-06-10",
            ])
    ]

    /// A gap longer than `max_gap`.
    static let gap = FindingReason(
        "gap", vietnameseLabel: "gián đoạn quá lâu",
        delay: DelayWording(vietnamese: "vượt", english: "over the limit")
    ) { f, language, m in
        let days = String(f.daysLate ?? 0)
        if language == .vi {
            m.add(
                " để khoảng cách vượt mức cho phép ", days, " ngày (",
                f.period.map { Presentation(.vi).period($0) } ?? "", ")")
        } else {
            m.add(" went ", days, " day(s) past the allowed gap ", f.period ?? "")
        }
    }

    public static let reasons = [gap]

    /// The events.
    public let event: EventPattern
    /// Longest allowed gap, in calendar days.
    public let maxGap: Int

    public var eventTypes: [String] { event.types }
    public var eventPatterns: [(key: String, pattern: EventPattern)] { [("event", event)] }
    public var attributeNames: [String] { event.conditions.map(\.field) }

    public static func decode(_ map: MapView, _ reader: inout NodeReader, _ context: RuleDecodingContext) -> Self? {
        let event = map["event"].flatMap { PatternDecoder.pattern($0, &reader, what: "event") }
        var gap: Int?
        if let e = map["max_gap"], let d = reader.duration(e.value, what: "max_gap") {
            if d.unit == .days {
                gap = d.count
            } else {
                reader.error(
                    "invalid-value", Message(.maxGapCalendarDays), at: e.value)
            }
        }
        guard let event, let gap else { return nil }
        return RegularityObligation(event: event, maxGap: gap)
    }

    public func evaluate(_ ctx: EvaluationContext, into out: inout EvaluationOutput) {
        let window = ctx.window
        let end = min(window.to ?? ctx.asOf, ctx.asOf)
        guard window.from <= end else { return }
        // The last gap stays open while the window goes on past the as-of date.
        let open = end == ctx.asOf && (window.to.map { $0 > ctx.asOf } ?? true)
        let store = ctx.store
        let rows = store.rows(unit: ctx.unitIndex, matching: event)
        let inWindow = store.slice(rows, from: window.from, through: end)
        // Points on the same date count once; each point keeps the positions of its events in
        // `inWindow` (ids are read only for the findings that are built).
        var points: [Day] = [window.from]
        var spans: [Range<Int>] = [inWindow.startIndex..<inWindow.startIndex]
        for i in inWindow.indices {
            let day = store.day(inWindow[i])
            if points.last != day {
                points.append(day)
                spans.append(i..<i + 1)
            } else {
                spans[spans.count - 1] = spans[spans.count - 1].lowerBound..<i + 1
            }
        }
        func ids(_ i: Int) -> [String] { inWindow[spans[i]].map { store.id($0) } }
        func gap(_ i: Int, _ a: Day, _ b: Day, open isOpen: Bool, next: Int?) {
            let length = a.days(to: b)
            var status = Finding.Status.satisfied
            if length > maxGap {
                status = .violated
            } else if isOpen {
                status = .pending
            }
            if out.countsOnly(status) { return }
            let label = "\(a)/\(b)"
            // The identity is the gap's start alone (SPEC §10.4): b moves with the as-of date while
            // the gap is open, and a finding must keep its fingerprint while nothing changed.
            var f = ctx.finding(status, sortDay: a, waiverSpan: b...b, identity: "gap:\(a)")
            f.period = label
            f.due = a.adding(days: maxGap)
            f.events = ids(i) + (a == b ? [] : next.map(ids) ?? [])
            if status == .violated {
                f.reason = Self.gap.code
                f.daysLate = length - maxGap
            }
            out.findings.append(f)
        }
        for i in points.indices.dropFirst() { gap(i - 1, points[i - 1], points[i], open: false, next: i) }
        let lastIndex = points.count - 1
        let lastPoint = points[lastIndex]
        if lastPoint < end {
            gap(lastIndex, lastPoint, end, open: open, next: nil)
        } else if open, !spans[lastIndex].isEmpty {
            gap(lastIndex, end, end, open: true, next: nil)
        }
    }
}

extension RegularityObligation {
    /// The gap, its limit and when the next event was due.
    public func explain(_ finding: Finding, in context: ExplainContext) -> ExplainSteps {
        var out = ExplainSteps()
        out.steps.append(
            "gap \(finding.period ?? ""): at most \(maxGap) days allowed; next event due \(finding.due.map(\.description) ?? "")"
        )
        for id in finding.events { out.roles[id] = "event at a gap end" }
        return out
    }

    public func parameters(in language: Language) -> String {
        language == .vi
            ? "không để quá \(maxGap) ngày giữa hai lần \(RuleWording.types(event.types, language))"
            : "no gap longer than \(maxGap) days between \(RuleWording.types(event.types, language)) events"
    }
}
