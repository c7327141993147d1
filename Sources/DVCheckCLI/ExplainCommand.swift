import ArgumentParser
import AuditRun
import ComplianceCore
import Foundation
import RuleAuthoring

/// `dvcheck explain`: why a finding is what it is — window, periods, events with file:line, every
/// due-date step, the override or extension applied, the nearest candidate, the verdict.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain the findings of one rule for one unit, step by step.")

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var input: InputOptions

    @Option(name: .long, help: "The rule id.")
    var rule: String

    @Option(name: .long, help: "The unit id.")
    var unit: String

    @Option(name: .long, help: "Only the finding for this period label (or trigger/target date, gap a/b, due date).")
    var period: String?

    @Option(name: .long, help: "Only findings with this ref.")
    var ref: String?

    @Option(name: .customLong("as-of"), help: "Evaluation date YYYY-MM-DD, years 1900–2199.")
    var asOf: DateArgument?

    @Option(name: .long, help: "Evaluate nothing before this date (YYYY-MM-DD, years 1900–2199).")
    var from: DateArgument?

    @Option(name: .long, help: "Evaluate nothing after this date (YYYY-MM-DD, years 1900–2199).")
    var to: DateArgument?

    @Option(name: .long, help: "text | json")
    var format: Format = .text

    @Option(name: .long, help: "vi | en (default: the project's language).")
    var language: Language?

    func validate() throws {
        try checkRange(from: from, to: to)
    }

    func run() throws {
        var request = Explainer.Request(rule: rule, unit: unit)
        request.period = period
        request.ref = ref
        request.from = from?.day
        request.to = to?.day
        switch ExplainRun.perform(
            request, configPath: input.configPath, overrides: input.overrides(asOf: asOf?.day, language: language))
        {
        case .refused(let diagnostics, let baseDir, let diagnosticLanguage):
            Terminal.printDiagnostics(diagnostics, baseDir: baseDir, language: diagnosticLanguage)
            throw ExitCode(2)
        case .explained(let explanation, let language):
            if format == .json {
                try OutputWriter.write(try ExplanationRendering.json(explanation), to: nil, language: language)
            } else {
                try OutputWriter.writeText(
                    ExplanationRendering.text(explanation, language: language), to: nil, language: language)
            }
        }
    }
}

/// Renders explanations as text or JSON.
enum ExplanationRendering {
    static func text(_ e: Explanation, language: Language = .en) -> String {
        // The frame's labels, dates and periods in `language` (SPEC §10.9); steps and verdicts come
        // worded by the rule kinds.
        func say(_ key: MessageKey, _ arguments: [String: String] = [:]) -> String {
            MessageCatalogue.render(key, arguments, in: language)
        }
        let show = Presentation(language)
        let binding = say(e.binding == .law ? .bindingLaw : .bindingGuidance)
        var out = say(.explainRuleLine, ["rule": e.rule, "title": e.title, "kind": e.kind, "binding": binding])
        out += "\n  \(e.parameters)\n"
        out += say(.explainUnitLine, ["unit": e.unit, "name": e.unitName]) + "\n"
        out += say(e.applies ? .explainAppliesYes : .explainAppliesNo, ["selector": e.appliesText]) + "\n"
        guard e.applies else { return out }
        let to = e.windowTo.map(show.date) ?? say(.explainOpen)
        out += say(.explainWindow, ["from": show.date(e.windowFrom), "to": to]) + "\n"
        out += "  " + say(.explainStarts, ["day": show.date(e.windowFrom), "reason": e.windowFromReason]) + "\n"
        out +=
            "  "
            + say(
                .explainEnds,
                ["day": e.windowTo.map(show.date) ?? "—", "reason": e.windowToReason, "asOf": show.date(e.asOf)])
            + "\n"
        if e.items.isEmpty { out += "\n" + say(.explainNoFinding) + "\n" }
        for item in e.items {
            let f = item.finding
            var head = "\n" + status(f.status, e.binding, language)
            if let p = f.period { head += "  \(show.period(p))" }
            if let r = f.ref { head += "  " + say(.explainRef, ["ref": r]) }
            if let d = f.due { head += "  " + say(.explainDue, ["day": show.date(d)]) }
            out += head + "\n"
            for s in item.steps { out += "  · \(s)\n" }
            if !item.events.isEmpty { out += "  " + say(.explainEvents) + "\n" }
            for ev in item.events {
                out += "    \(ev.id)  \(ev.type)  \(show.date(ev.date))  \(ev.origin)  (\(ev.role))\n"
            }
            out += item.rejected?.text() ?? ""
            out += "  " + say(.explainVerdict, ["verdict": item.verdict]) + "\n"
        }
        return out
    }

    /// A status as the report names it: a violated guidance rule reads CHƯA ĐẠT in Vietnamese.
    private static func status(_ s: Finding.Status, _ binding: Binding, _ language: Language) -> String {
        let key: MessageKey
        switch s {
        case .violated: key = binding == .guidance ? .statusViolatedGuidance : .statusViolated
        case .pending: key = .statusPending
        case .waived: key = .statusWaived
        case .satisfied: key = .statusSatisfied
        }
        return MessageCatalogue.label(key, language)
    }

    static func json(_ e: Explanation) throws -> String {
        let items: [[String: Any]] = e.items.map { item in
            let f = item.finding
            var finding: [String: Any] = [:]
            for field in FindingField.allCases where field.shownIn.contains(.explain) {
                if let value = field.value(in: f) { finding[field.name] = jsonObject(value) }
            }
            var explained: [String: Any] = [
                "finding": finding, "steps": item.steps, "verdict": item.verdict,
                "events": item.events.map {
                    ["id": $0.id, "type": $0.type, "date": $0.date.description, "origin": $0.origin, "role": $0.role]
                },
            ]
            if let rejected = item.rejected { explained["rejected"] = rejected.json() }
            return explained
        }
        var window: [String: Any] = [
            "from": e.windowFrom.description, "from_reason": e.windowFromReason, "to_reason": e.windowToReason,
        ]
        if let to = e.windowTo { window["to"] = to.description }
        let doc: [String: Any] = [
            "schema": "dvcheck.explanation/v1", "rule": e.rule, "title": e.title, "kind": e.kind,
            "binding": e.binding.rawValue,
            "parameters": e.parameters,
            "unit": e.unit, "unit_name": e.unitName, "applies": e.applies, "applies_to": e.appliesText,
            "as_of": e.asOf.description, "window": window, "findings": items,
        ]
        let data = try JSONSerialization.data(
            withJSONObject: doc, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A finding's value as `JSONSerialization` writes it; a ratio's percentages as decimals.
    private static func jsonObject(_ value: FindingValue) -> Any {
        switch value {
        case .text(let s): s
        case .integer(let n): n
        case .decimal(let t): Double(t.tenths) / 10
        case .date(let d): d.description
        case .list(let ids): ids
        case .counts(let satisfied, let violated, let pending):
            ["satisfied": satisfied, "violated": violated, "pending": pending]
        }
    }
}
