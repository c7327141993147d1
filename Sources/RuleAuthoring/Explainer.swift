import ComplianceCore
import Evaluation
import Ingest
import RuleKit

/// Builds an `Explanation` by evaluating one rule for one unit and writing out how each finding was
/// reached; the arithmetic is the calendar's own, so the explanation cannot disagree with `check`.
public enum Explainer {
    /// What to explain.
    public struct Request: Sendable {
        /// Rule id.
        public var rule: String
        /// Unit id.
        public var unit: String
        /// Only the finding with this period label (or trigger/target date, or gap).
        public var period: String?
        /// Only findings with this ref.
        public var ref: String?
        /// `--from`/`--to`.
        public var from: Day?
        /// See `from`.
        public var to: Day?

        /// A request.
        public init(rule: String, unit: String) {
            self.rule = rule
            self.unit = unit
        }
    }

    /// Explains, or returns the diagnostic saying why it cannot (unknown rule or unit).
    public static func explain(_ request: Request, in project: LoadedProject, language: Language) -> Result<
        Explanation, Diagnostic
    > {
        guard let registry = project.registry else {
            return .failure(.error(.configInvalidValue, Message(.registryInvalidSeeAbove)))
        }
        guard let rule = project.rules.first(where: { $0.id == request.rule }) else {
            return .failure(
                .error(
                    .configUnknownRule,
                    Message(.noRuleNamed, ["rule": request.rule])
                        + Suggestions.didYouMean(request.rule, in: project.rules.map(\.id))))
        }
        guard let unitIndex = registry.index(of: request.unit) else {
            return .failure(
                .error(
                    .configUnknownUnit,
                    Message(.noUnitNamed, ["unit": request.unit])
                        + Suggestions.didYouMean(request.unit, in: registry.ids)))
        }
        let unit = registry.units[unitIndex]
        let applies = rule.appliesTo?.matches(unitIndex, in: registry) ?? true
        let (from, fromReason) = windowStart(rule, unit, request.from, language)
        let (to, toReason) = windowEnd(rule, unit, request.to, language)
        var items: [Explanation.Item] = []
        if applies {
            var options = RunOptions(asOf: project.asOf)
            options.rules = [rule.id]
            options.units = [unit.id]
            options.from = request.from
            options.to = request.to
            options.language = language
            // A rule that reads another rule's findings (a ratio) needs that rule too; the engine
            // evaluates it without listing it.
            let base = rule.obligation.baseRule.flatMap { id in project.rules.first { $0.id == id } }
            let result = Engine.evaluate(
                rules: [rule] + (base.map { [$0] } ?? []), registry: registry, store: project.store,
                calendar: project.calendar, waivers: project.waivers, options: options)
            var baseFindings: [Finding] = []
            if let base {
                options.rules = [base.id]
                baseFindings =
                    Engine.evaluate(
                        rules: [base], registry: registry, store: project.store, calendar: project.calendar,
                        waivers: project.waivers, options: options
                    ).findings
            }
            let findings = result.findings.filter { f in
                f.unit == unit.id && (request.period.map { f.period == $0 || f.due?.description == $0 } ?? true)
                    && (request.ref.map { f.ref == $0 } ?? true)
            }
            let ids = Set(findings.flatMap(\.events))
            let events = project.store.events(ids: ids)
            for f in findings {
                items.append(
                    FindingNarrative(
                        rule: rule, registry: registry, finding: f, events: events, store: project.store,
                        calendar: project.calendar,
                        asOf: project.asOf, baseFindings: baseFindings
                    ).item())
            }
            let finder = RejectedEventFinder(
                rule: rule, unitIndex: unitIndex, store: project.store, from: from,
                to: min(to ?? project.asOf, project.asOf), language: language)
            let rejected = finder.rejected()
            for i in items.indices { items[i].rejected = finder.near(items[i].finding, among: rejected) }
        }
        let words = (rule.obligation as? any ObligationKind)?.parameters(in: language) ?? ""
        return .success(
            Explanation(
                rule: rule.id, title: rule.title.text(in: language), kind: rule.kind, parameters: words,
                binding: rule.binding,
                unit: unit.id,
                unitName: unit.name, applies: applies,
                appliesText: rule.appliesTo.map { RuleWording.selector($0, language) }
                    ?? MessageCatalogue.label(.explainEveryUnit, language), windowFrom: from,
                windowFromReason: fromReason, windowTo: to, windowToReason: toReason, asOf: project.asOf, items: items))
    }

    static func windowStart(_ rule: Rule, _ unit: Unit, _ cli: Day?, _ language: Language = .en) -> (Day, String) {
        var best = (rule.effective.from, MessageCatalogue.label(.windowFromEffective, language))
        if let f = unit.from, f > best.0 { best = (f, MessageCatalogue.label(.windowFromUnit, language)) }
        if let f = cli, f > best.0 { best = (f, "--from") }
        return best
    }

    static func windowEnd(_ rule: Rule, _ unit: Unit, _ cli: Day?, _ language: Language = .en) -> (Day?, String) {
        var best: (Day?, String) = (nil, MessageCatalogue.label(.windowOpenEnded, language))
        for (day, why) in [
            (rule.effective.to, MessageCatalogue.label(.windowToEffective, language)),
            (unit.to, MessageCatalogue.label(.windowToUnit, language)), (cli, "--to"),
        ] {
            if let d = day, best.0.map({ d < $0 }) ?? true { best = (d, why) }
        }
        return best
    }
}
