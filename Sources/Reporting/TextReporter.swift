import ComplianceCore
import Evaluation

extension RunSummary: RunSummaryLike {}

/// `--format text`: what an inspector reads — the summary first (counts by status and severity, a
/// roll-up per district, the worst items, what falls due soon), then one line per finding in the
/// order of `--sort`: by severity under severity headings, or by unit under each unit's path.
public enum TextReporter {
    /// Renders the report; `color` adds ANSI colours (only on a terminal, never with NO_COLOR).
    public static func render(_ report: RunReport, color: Bool) -> String {
        let labels = Labels(language: report.language)
        var out = TextSummary.header(report, labels)
        let findings = report.sortedFindings
        guard let registry = report.registry else {
            return out + "\n" + labels.invalidInputs + "\n"
        }
        out += TextSummary.render(report, labels, color)
        out += "\n" + paint(labels.findingsHeading(report.sort), .bold, color) + "\n"
        if findings.isEmpty { out += labels.noFindings + "\n" }
        switch report.sort {
        case .severity:
            var current: Severity?
            for f in findings {
                if f.severity != current {
                    current = f.severity
                    out += "\n" + paint(labels.severityHeading(f.severity), .bold, color) + "\n"
                }
                out += "  " + line(f, report, labels, color, showUnit: true) + "\n"
            }
        case .unit:
            var byUnit: [String: [Finding]] = [:]
            for f in findings { byUnit[f.unit, default: []].append(f) }
            for unitID in hierarchyOrder(registry, units: Set(byUnit.keys)) {
                guard let list = byUnit[unitID] else { continue }
                out += "\n" + paint(path(of: unitID, registry), .bold, color) + "\n"
                for f in list { out += "  " + line(f, report, labels, color) + "\n" }
            }
        }
        if let changes = report.changes, !changes.resolved.isEmpty {
            out += "\n" + paint(labels.resolvedHeading + " (\(changes.resolved.count))", .bold, color) + "\n"
            for p in changes.resolved {
                var parts = [p.unit, p.rule, report.ruleTitle(p.rule)]
                if let period = p.period { parts.append(labels.presentation.period(period)) }
                parts.append("\(labels.was) " + labels.status(raw: p.status))
                out += "  " + parts.joined(separator: "  ") + "\n"
            }
        }
        out += "\n" + labels.summary(report.evaluation.summary, guidance: report.guidanceViolations) + "\n"
        return out
    }

    /// One finding on one line; `showUnit` names the unit (when the lines are not under its path).
    static func line(
        _ f: Finding, _ report: RunReport, _ labels: Labels, _ color: Bool, showUnit: Bool = false
    ) -> String {
        let title = report.rules[f.rule]?.title.text(in: report.language) ?? ""
        let tone: Tone =
            switch f.status {
            case .violated: .red
            case .pending: .yellow
            case .waived: .blue
            case .satisfied: .green
            }
        let show = labels.presentation
        var parts = [paint(report.statusLabel(f, labels), tone, color), "[\(labels.severity(f.severity))]"]
        if showUnit { parts.append("\(report.unitName(f.unit)) (\(f.unit))") }
        parts += [f.rule, title]
        if let mark = report.change(f) {
            var tag = "(" + labels.change(mark)
            if let was = report.changes?.previousStatus[f.fingerprint] {
                tag += ", \(labels.was) " + labels.status(raw: was)
            }
            parts.insert(paint(tag + ")", mark == .new ? .bold : .plain, color), at: 1)
        }
        if let p = f.period { parts.append(show.period(p)) }
        if let r = f.ref { parts.append("\(labels.ref) \(r)") }
        if let d = f.due { parts.append("\(labels.due) \(show.date(d))") }
        if let a = f.actual, let e = f.expected { parts.append("\(a)/\(e)") }
        if let reason = labels.reasonAndDelay(f) { parts.append(reason) }
        if let w = f.waiver { parts.append("\(labels.waiver) #\(w)") }
        if !f.events.isEmpty { parts.append("\(labels.evidence): " + f.events.joined(separator: ", ")) }
        return parts.joined(separator: "  ")
    }

    /// "Tỉnh ủy Bắc Kạn › Huyện ủy Pác Nặm › UBND xã (id)".
    static func path(of id: String, _ registry: UnitRegistry) -> String {
        guard var index = registry.index(of: id) else { return id }
        var names: [String] = []
        var guardCount = 0
        while let p = registry.parent(of: index), guardCount < 64 {
            names.append(registry.units[p].name)
            index = p
            guardCount += 1
        }
        let unit = registry.units[registry.index(of: id) ?? 0]
        return (names.reversed() + ["\(unit.name) (\(unit.id))"]).joined(separator: " › ")
    }

    /// Units in hierarchy order: a parent's findings before its children's, siblings by id.
    static func hierarchyOrder(_ registry: UnitRegistry, units: Set<String>) -> [String] {
        units.compactMap { id in registry.index(of: id).map { (id, registry.hierarchyRank(of: $0)) } }
            .sorted { $0.1 < $1.1 }
            .map(\.0)
    }

    enum Tone: String {
        case red = "31", yellow = "33", blue = "34", green = "32", bold = "1", plain = "0"
    }

    static func paint(_ s: String, _ tone: Tone, _ color: Bool) -> String {
        color ? "\u{1B}[\(tone.rawValue)m\(s)\u{1B}[0m" : s
    }
}
