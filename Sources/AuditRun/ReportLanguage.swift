import ComplianceCore
import Evaluation
import Reporting
import RuleKit

/// A saved result shown in the other language: labels follow `report.language`, and each finding's
/// sentence is written again from its rule's template or the tool's sentence for the kind.
enum ReportLanguage {
    static func `switch`(_ report: inout RunReport, to language: Language) {
        report.language = language
        guard let registry = report.registry else { return }
        var templates: [String: MessageTemplate?] = [:]
        for (id, rule) in report.rules {
            templates[id] = rule.message.flatMap { try? MessageTemplate(vi: $0.vi, en: $0.en) }
        }
        for i in report.evaluation.findings.indices {
            let f = report.evaluation.findings[i]
            guard let rule = report.rules[f.rule], let unit = registry.unit(f.unit),
                let kind = Kinds.type(named: rule.kind)
            else { continue }
            report.evaluation.findings[i].message = FindingMessages.message(
                for: f, ruleID: rule.id, title: rule.title, template: templates[f.rule] ?? nil, kind: kind, unit: unit,
                language: language)
        }
    }
}
