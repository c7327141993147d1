import ComplianceCore
import Evaluation

extension RunSummary: RunSummaryLike {}

/// `--format text`: what an inspector reads — the summary first (counts by status and severity, a
/// roll-up per district, the worst items, what falls due soon), then one line per finding in the
/// order of `--sort`: by severity under severity headings, or by unit under each unit's path.
///
/// Every text taken from the inputs goes through `TerminalText.escaped` (`t` here): only the tool's
/// own colours reach the terminal.
public enum TextReporter {
    /// Renders the report; `color` adds ANSI colours (only on a terminal, never with NO_COLOR).
    public static func render(_ report: RunReport, color: Bool) -> String {
        var bytes: [UInt8] = []
        let sink = ReportSink { bytes.append(contentsOf: $0) }
        write(report, to: sink, color: color)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the report to `sink` as it is made (a streamed run's findings read back from its
    /// spill, a severity and status or a unit at a time, in the order `sort` lists them).
    public static func write(_ report: RunReport, to out: ReportSink, color: Bool) {
        defer {
            if let failure = report.spill?.failure { out.fail(failure) }
            out.flush()
        }
        let labels = Labels(language: report.language, reasons: report.reasons)
        out += TextSummary.header(report, labels)
        let closing =
            report.untrusted.isEmpty ? "" : "\n" + UntrustedReason.line(report.untrusted, report.language) + "\n"
        guard let registry = report.registry else {
            out += closing.isEmpty ? "\n" + labels.invalidInputs + "\n" : closing
            return
        }
        // A refused --unit/--rule evaluated nothing: "no findings" would read as a clean audit.
        if report.untrusted.contains(.unknownFilter) {
            out += closing
            return
        }
        out += TextSummary.render(report, labels, color)
        out += "\n" + paint(labels.findingsHeading(report.sort), .bold, color) + "\n"
        if let spill = report.spill {
            if spill.count == 0 { out += labels.noFindings + "\n" }
            switch report.sort {
            case .severity:
                var current: Severity?
                for (severity, status) in RunReport.severityOrder where spill.count(severity, status) > 0 {
                    let cursor = spill.cursor(bucket: (severity, status))
                    while let f = cursor.next() {
                        if f.severity != current {
                            current = f.severity
                            out += "\n" + paint(labels.severityHeading(f.severity), .bold, color) + "\n"
                        }
                        out += "  " + line(f, report, labels, color, showUnit: true) + "\n"
                    }
                }
            case .unit:
                for unitID in hierarchyOrder(registry, units: spill.unitIDs) {
                    guard let range = spill.unitRanges[unitID] else { continue }
                    out += "\n" + paint(path(of: unitID, registry), .bold, color) + "\n"
                    let cursor = spill.cursor(range: range)
                    while let f = cursor.next() { out += "  " + line(f, report, labels, color) + "\n" }
                }
            }
        } else {
            let findings = report.sortedFindings
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
        }
        if let changes = report.changes, !changes.resolved.isEmpty {
            out += "\n" + paint(labels.resolvedHeading + " (\(changes.resolved.count))", .bold, color) + "\n"
            for p in changes.resolved {
                var parts = [p.unit, p.rule, report.ruleTitle(p.rule)]
                if let period = p.period { parts.append(labels.presentation.period(period)) }
                parts.append("\(labels.was) " + labels.status(raw: p.status))
                out += "  " + parts.map(t).joined(separator: "  ") + "\n"
            }
        }
        out += kpiTables(report, labels, color)
        out += silentUnits(report, labels, color)
        out += "\n" + labels.summary(report.evaluation.summary, guidance: report.guidanceViolations) + "\n"
        out += closing
    }

    /// One KPI table per roll-up group: unit, rule, period, share, items, threshold, status.
    static func kpiTables(_ report: RunReport, _ labels: Labels, _ color: Bool) -> String {
        let tables = RollUp.kpiTables(report)
        guard !tables.isEmpty else { return "" }
        var out = "\n" + paint(labels.kpiHeading, .bold, color) + "\n"
        for table in tables {
            out += "  " + paint(report.unitName(table.group) + " (\(table.group))", .bold, color) + "\n"
            for f in table.rows {
                guard let share = f.share else { continue }
                let parts = [
                    report.unitName(f.unit) + " (\(f.unit))", f.rule, f.period ?? "",
                    "\(labels.percent(share.actual)) (\(labels.items(share)))",
                    "≥ " + labels.percent(share.threshold), report.statusLabel(f, labels),
                ]
                out += "    " + parts.map(t).joined(separator: "  ") + "\n"
            }
        }
        return out
    }

    /// The silent units (SPEC §10.3), each marked "no data".
    static func silentUnits(_ report: RunReport, _ labels: Labels, _ color: Bool) -> String {
        let ids = report.evaluation.silentUnits
        guard !ids.isEmpty, let registry = report.registry else { return "" }
        var out = "\n" + paint(labels.silentHeading + " (\(ids.count))", .bold, color) + "\n"
        for id in ids { out += "  " + path(of: id, registry) + "  " + paint(labels.noData, .yellow, color) + "\n" }
        return out
    }

    /// The fields a finding's line shows after its status, rule and change mark: the text report's
    /// order, then any other field the table shows in text, as `key value`.
    static let lineFields = FindingField.order(
        .text, placed: [.period, .ref, .due, .actual, .items, .reason, .waiver, .events])

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
        if showUnit { parts.append(t("\(report.unitName(f.unit)) (\(f.unit))")) }
        parts += [t(f.rule), t(title)]
        if let mark = report.change(f) {
            var tag = "(" + labels.change(mark)
            if let was = report.changes?.previousStatus[f.fingerprint] {
                tag += ", \(labels.was) " + labels.status(raw: was)
            }
            parts.insert(paint(tag + ")", mark == .new ? .bold : .plain, color), at: 1)
        }
        for field in lineFields {
            switch field {
            case .period: if let p = f.period { parts.append(show.period(p)) }
            case .ref: if let r = f.ref { parts.append("\(labels.ref) \(t(r))") }
            case .due: if let d = f.due { parts.append("\(labels.due) \(show.date(d))") }
            // The count with its bound; a ratio's share with its items and threshold.
            case .actual: if let a = f.actual, let e = f.expected { parts.append("\(a)/\(e)") }
            case .items:
                if let s = f.share {
                    parts.append("\(labels.percent(s.actual)) (\(labels.items(s))) ≥ \(labels.percent(s.threshold))")
                }
            case .reason: if let reason = labels.reasonAndDelay(f) { parts.append(reason) }
            case .waiver: if let w = f.waiver { parts.append("\(labels.waiver) #\(w)") }
            case .events:
                if !f.events.isEmpty {
                    parts.append("\(labels.evidence): " + t(f.events.map(report.evidenceText).joined(separator: ", ")))
                }
            default: if let value = field.value(in: f) { parts.append("\(field.name) \(t(value.text))") }
            }
        }
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
        return t((names.reversed() + ["\(unit.name) (\(unit.id))"]).joined(separator: " › "))
    }

    /// Input text as it may be shown on a terminal.
    static func t(_ s: String) -> String { TerminalText.escaped(s) }

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
