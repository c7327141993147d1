import ComplianceCore

/// The sentence each finding carries: the rule's template when it has one, else the words its
/// kind writes (`Obligation.describe`), in the project language.
public enum FindingMessages {
    static func message(for f: Finding, rule: Rule, unit: Unit, language: Language) -> String {
        message(
            for: f, ruleID: rule.id, title: rule.title, template: rule.message, kind: type(of: rule.obligation),
            unit: unit, language: language)
    }

    /// The sentence from a rule's parts, for a saved result rendered in another language.
    public static func message(
        for f: Finding, ruleID: String, title ruleTitle: LocalizedText, template: MessageTemplate?,
        kind: any Obligation.Type, unit: Unit, language: Language
    ) -> String {
        if let template {
            // Dates and periods as people of the language read them (SPEC §10.9).
            let show = Presentation(language)
            var values: [String: String] = ["unit.id": unit.id, "unit.name": unit.name, "rule.id": ruleID]
            if let v = f.period { values["period"] = show.period(v) }
            if let v = f.due { values["due"] = show.date(v) }
            if let v = f.actual { values["actual"] = String(v) }
            if let v = f.expected { values["expected"] = String(v) }
            if let share = f.share {
                let separator = language == .vi ? "," : "."
                values["actual"] = share.actual.text(separator: separator)
                values["expected"] = share.threshold.text(separator: separator)
            }
            if let v = f.daysLate { values["days_late"] = String(v) }
            if let v = f.ref { values["ref"] = v }
            return template.render(language, values: values)
        }
        var sentence = FindingSentence(title: ruleTitle.text(in: language), unit: unit)
        kind.describe(f, in: language, into: &sentence)
        return sentence.text
    }
}
