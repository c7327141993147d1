import ComplianceCore
import NodeDecoding
import YAMLSupport

/// A share of another rule's items per period (SPEC §10.2) — a KPI such as "at least 85% of
/// complaints resolved on time each year", per unit or rolled up over a unit's subtree.
public struct RatioObligation: ObligationKind {
    public static let kindName = "ratio"
    public static let fields = [
        FieldSpec("of", .identifier, required: true, "The deadline or precedence rule whose items are counted."),
        FieldSpec(
            "per", .oneOf(PeriodKind.allCases.map(\.rawValue)), required: true, "The period of each item's date."),
        FieldSpec(
            "at_least", .text, required: true,
            "The least share of satisfied among decided items: a percentage with %, 0–100, at most one decimal."),
        FieldSpec(
            "over", .oneOf(Scope.allCases.map(\.rawValue)),
            "self (default): the unit's own items; subtree: its descendants' items too."),
        FieldSpec("min_items", .integer(minimum: 1), "Fewer decided items in a period, no finding (default 1)."),
    ]
    public static let summary =
        "A share of another rule's items per period: satisfied among satisfied and violated, at least a percentage."

    /// The kinds whose findings are items with a date and a verdict of their own.
    public static let baseKinds = [DeadlineObligation.kindName, PrecedenceObligation.kindName]

    public static let examples = [
        KindExample(
            "at least 80% of complaints resolved on time each year: 3 of 4 (75%) falls short; the running year is pending",
            rule: "kind: ratio\nof: BASE\nper: year\nat_least: 80%",
            base: """
                kind: deadline
                trigger: { type: complaint-accepted }
                fulfil: { type: complaint-resolved }
                key: [ref]
                within: 10 days
                """,
            events: [
                "a1,x1,complaint-accepted,2023-03-01,A1,,", "b1,x1,complaint-resolved,2023-03-05,A1,,",
                "a2,x1,complaint-accepted,2023-05-02,A2,,", "b2,x1,complaint-resolved,2023-05-08,A2,,",
                "a3,x1,complaint-accepted,2023-07-03,A3,,", "b3,x1,complaint-resolved,2023-07-04,A3,,",
                "a4,x1,complaint-accepted,2023-09-01,A4,,", "b4,x1,complaint-resolved,2023-10-02,A4,,",
                "a5,x1,complaint-accepted,2024-01-08,A5,,", "b5,x1,complaint-resolved,2024-01-10,A5,,",
            ],
            asOf: "2024-02-01",
            findings: ["violated below-ratio 2023", "pending 2024"]),
        KindExample(
            "a closed period with a case still open stays pending; min_items 2 leaves a quarter with one decided item without a finding",
            rule: "kind: ratio\nof: BASE\nper: quarter\nat_least: 50%\nmin_items: 2",
            base: """
                kind: deadline
                trigger: { type: complaint-accepted }
                fulfil: { type: complaint-resolved }
                key: [ref]
                within: 30 days
                """,
            events: [
                "a1,x1,complaint-accepted,2023-01-05,A1,,", "b1,x1,complaint-resolved,2023-01-20,A1,,",
                "a2,x1,complaint-accepted,2023-02-01,A2,,", "b2,x1,complaint-resolved,2023-02-10,A2,,",
                "a3,x1,complaint-accepted,2023-03-25,A3,,",
                "a4,x1,complaint-accepted,2023-04-03,A4,,", "b4,x1,complaint-resolved,2023-04-05,A4,,",
            ],
            asOf: "2023-04-20",
            findings: ["pending 2023-Q1"]),
        KindExample(
            "exactly the threshold is enough: 1 of 2 on time (50%) meets at least 50%",
            rule: "kind: ratio\nof: BASE\nper: half-year\nat_least: 50%",
            base: """
                kind: deadline
                trigger: { type: complaint-accepted }
                fulfil: { type: complaint-resolved }
                key: [ref]
                within: 10 days
                """,
            events: [
                "a1,x1,complaint-accepted,2023-03-01,A1,,", "b1,x1,complaint-resolved,2023-03-05,A1,,",
                "a2,x1,complaint-accepted,2023-05-02,A2,,", "b2,x1,complaint-resolved,2023-06-08,A2,,",
                "a3,x1,complaint-accepted,2023-07-03,A3,,", "b3,x1,complaint-resolved,2023-07-04,A3,,",
                "a4,x1,complaint-accepted,2023-09-01,A4,,", "b4,x1,complaint-resolved,2023-09-02,A4,,",
            ],
            asOf: "2024-02-01",
            findings: ["satisfied 2023-H1", "satisfied 2023-H2"]),
    ]

    /// A settled period whose share is below `at_least`.
    static let belowRatio = FindingReason("below-ratio", vietnameseLabel: "tỷ lệ dưới mức yêu cầu") { f, language, m in
        RatioObligation.describe(f, in: language, into: &m)
    }

    public static let reasons = [belowRatio]

    /// Whose items a unit's share is taken over.
    public enum Scope: String, Sendable, CaseIterable {
        case `self`, subtree
    }

    /// The base rule's id.
    public let of: String
    /// Where `of` was written, for diagnostics about the base rule.
    public let ofLocation: SourceLocation
    /// The period of each item's date.
    public let per: PeriodKind
    /// The least share, in percent.
    public let atLeast: Tenths
    /// Self or subtree.
    public let over: Scope
    /// Fewest decided items for a finding.
    public let minItems: Int

    public var eventTypes: [String] { [] }
    public var eventPatterns: [(key: String, pattern: EventPattern)] { [] }
    public var attributeNames: [String] { [] }
    public var baseRule: String? { of }
    public var baseRuleLocation: SourceLocation? { ofLocation }

    public static func decode(_ map: MapView, _ reader: inout NodeReader, _ context: RuleDecodingContext) -> Self? {
        let of = map["of"].flatMap { reader.identifier($0.value, what: "of") }
        let per = map["per"].flatMap { e in
            reader.choice(e.value, what: "per", among: PeriodKind.allCases.map(\.rawValue)).flatMap(PeriodKind.init)
        }
        let atLeast = map["at_least"].flatMap { percentage($0.value, &reader) }
        let over =
            map["over"].map { e in
                reader.choice(e.value, what: "over", among: Scope.allCases.map(\.rawValue)).flatMap(Scope.init)
            } ?? .`self`
        let minItems = map["min_items"].map { reader.integer($0.value, what: "min_items", minimum: 1) } ?? 1
        guard let of, let ofNode = map["of"]?.value, let per, let atLeast, let over, let minItems else { return nil }
        return RatioObligation(
            of: of, ofLocation: reader.location(ofNode), per: per, atLeast: atLeast, over: over, minItems: minItems)
    }

    /// `85%`, `57.5%`: 0–100 with at most one decimal and the % sign (a bare number is refused, so
    /// 0.85 and 85 cannot be confused).
    static func percentage(_ node: YAMLNode, _ reader: inout NodeReader) -> Tenths? {
        let text = node.scalar.map(TextNormalization.normalize) ?? ""
        let refuse = { (reader: inout NodeReader) -> Tenths? in
            reader.error(
                "invalid-value",
                Message(.percentageExpected, ["value": node.scalar ?? node.kindName]),
                at: node)
            return nil
        }
        guard !node.isNull, text.hasSuffix("%") else { return refuse(&reader) }
        let number = text.dropLast()
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        let isDigits = { (s: Substring) in !s.isEmpty && s.count <= 3 && s.allSatisfy { $0 >= "0" && $0 <= "9" } }
        guard parts.count <= 2, isDigits(parts[0]), parts.count == 1 || (parts[1].count == 1 && isDigits(parts[1])),
            let whole = Int(parts[0])
        else { return refuse(&reader) }
        let tenths = whole * 10 + (parts.count == 2 ? Int(parts[1]) ?? 0 : 0)
        guard tenths <= 1000 else { return refuse(&reader) }
        return Tenths(tenths: tenths)
    }

    public func refusal(ofBase base: Rule) -> Message? {
        guard !Self.baseKinds.contains(base.kind) else { return nil }
        return Message(.ratioBaseKind, ["rule": base.id, "ruleKind": base.kind])
    }

    public func evaluate(_ ctx: EvaluationContext, into out: inout EvaluationOutput) {
        guard let base = ctx.baseFindings else { return }
        let window = ctx.window
        let last = min(window.to ?? ctx.asOf, ctx.asOf)
        guard window.from <= last else { return }
        // Items counted by the start of their period: (satisfied, violated, pending).
        var counts: [Day: (Int, Int, Int)] = [:]
        // A period cut by the window and evaluated anyway counts all its items, as frequency counts
        // all its events; the base rule made none after the as-of date.
        for item in base.items(of: ctx.unitIndex, subtree: over == .subtree) {
            let start = per.period(containing: item.day).start
            var c = counts[start] ?? (0, 0, 0)
            switch item.status {
            case .satisfied: c.0 += 1
            case .violated: c.1 += 1
            case .pending: c.2 += 1
            case .waived: continue
            }
            counts[start] = c
        }
        for period in PeriodSequence(per, overlapping: window.from, last) {
            if window.cuts(period) && ctx.rule.partialPeriods == .skip { continue }
            guard let (satisfied, violated, pending) = counts[period.start], satisfied + violated >= minItems
            else { continue }
            let share = Share(threshold: atLeast, satisfied: satisfied, violated: violated, pending: pending)
            let settled = period.end < ctx.asOf && pending == 0
            let status: Finding.Status = !settled ? .pending : share.reachesThreshold ? .satisfied : .violated
            if out.countsOnly(status) { continue }
            let label = period.label
            var f = ctx.finding(
                status, reason: status == .violated ? Self.belowRatio.code : nil, sortDay: period.start,
                waiverSpan: period.start...period.end, identity: label)
            f.period = label
            f.due = period.end
            f.share = share
            out.findings.append(f)
        }
    }
}

extension RatioObligation {
    /// "reached 75% (3/4 decided items), below the required 80% for 2023": every status names the share.
    public static func describe(_ f: Finding, in language: Language, into m: inout FindingSentence) {
        guard let share = f.share else { return FindingSentence.met(f, language, &m) }
        let vi = language == .vi
        let actual = share.actual.text(separator: vi ? "," : ".") + "%"
        let expected = share.threshold.text(separator: vi ? "," : ".") + "%"
        let counts = "\(share.satisfied)/\(share.decided)"
        let pending =
            share.pending > 0 ? (vi ? ", \(share.pending) mục chưa có kết quả" : ", \(share.pending) pending") : ""
        switch (f.status, f.reason == belowRatio.code, vi) {
        case (_, true, true):
            m.add(" đạt tỷ lệ ", actual, " (", counts, " mục), thấp hơn mức tối thiểu ", expected)
        case (_, true, false):
            m.add(" reached ", actual, " (", counts, " decided items), below the required ", expected)
        case (.pending, _, true):
            m.add(" tạm đạt tỷ lệ ", actual, " (", counts, " mục", pending, "), yêu cầu ", expected)
        case (.pending, _, false):
            m.add(" has ", actual, " so far (", counts, " decided items", pending, "), required ", expected)
        case (_, _, true): m.add(" đạt tỷ lệ ", actual, " (", counts, " mục), yêu cầu tối thiểu ", expected)
        case (_, _, false):
            m.add(" reached ", actual, " (", counts, " decided items), at least ", expected, " required")
        }
        m.add(vi ? " kỳ " : " for ", ifPresent: f.period)
    }

    /// The period, the base items counted, the share and the comparison, then each decided item.
    public func explain(_ finding: Finding, in context: ExplainContext) -> ExplainSteps {
        var out = ExplainSteps()
        guard let share = finding.share, let due = finding.due else { return out }
        let asOf = context.asOf
        let period = per.period(containing: due)
        let closed = period.end < asOf
        out.steps.append(
            "period \(finding.period ?? "") (\(period.start) … \(period.end)) — \(closed ? "closed" : "open (it contains the as-of date \(asOf))")"
        )
        let registry = context.registry
        guard let unitIndex = registry.index(of: finding.unit) else { return out }
        let items = context.baseFindings.filter { f in
            guard period.contains(f.sortDay), let u = registry.index(of: f.unit) else { return false }
            return over == .subtree ? registry.isSelfOrDescendant(u, of: unitIndex) : u == unitIndex
        }
        out.steps.append(
            "items of rule \(of) dated in the period, \(over == .subtree ? "of the unit and every unit below it" : "of the unit itself"): \(share.satisfied) satisfied, \(share.violated) violated, \(share.pending) pending (waived and pending items are not decided)"
        )
        let comparison = share.reachesThreshold ? "≥" : "<"
        out.steps.append(
            "share = \(share.satisfied)/\(share.decided) = \(share.actual)% (rounded half-up to one decimal); "
                + "at least \(share.threshold)%: \(share.satisfied) × 1000 = \(share.satisfied * 1000) \(comparison) "
                + "\(share.threshold.tenths) × \(share.decided) = \(share.threshold.tenths * share.decided)")
        if share.pending > 0 && closed {
            out.steps.append(
                "the period is closed but \(share.pending) item(s) are still pending: the share can change")
        }
        for f in items where f.status == .satisfied || f.status == .violated {
            var line = "decided item: \(f.unit)  \(f.ref ?? "—")  \(f.status.rawValue)"
            if let reason = f.reason { line += " (\(reason))" }
            line += "  \(f.period ?? f.sortDay.description)"
            out.steps.append(line)
        }
        return out
    }

    public func parameters(in language: Language) -> String {
        let vi = language == .vi
        let share = atLeast.text(separator: vi ? "," : ".") + "%"
        let scope: String
        switch (over, vi) {
        case (.`self`, true): scope = "của chính đơn vị"
        case (.`self`, false): scope = "of the unit itself"
        case (.subtree, true): scope = "của đơn vị và các đơn vị trực thuộc"
        case (.subtree, false): scope = "of the unit and every unit below it"
        }
        let minimum =
            minItems > 1
            ? (vi ? ", khi có ít nhất \(minItems) mục đã có kết quả" : ", when at least \(minItems) are decided") : ""
        return vi
            ? "ít nhất \(share) mục của quy tắc \(of) \(scope) đạt, \(RuleWording.per(per, language))\(minimum)"
            : "at least \(share) of rule \(of)'s items \(scope) satisfied, \(RuleWording.per(per, language))\(minimum)"
    }
}
