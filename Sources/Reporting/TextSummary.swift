import ComplianceCore
import Evaluation

/// The text report's opening: header, counts by status and severity, the roll-up per district, the
/// most severe violations and what falls due within 14 days — so the picture comes before the list.
enum TextSummary {
    /// How many of the most severe violations the summary repeats.
    static let worstCount = 5

    /// "dvcheck — <project> — Tính đến ngày 10/07/2024", then the records read, accepted, rejected.
    static func header(_ report: RunReport, _ labels: Labels) -> String {
        var title = "dvcheck"
        if let name = report.projectName { title += " — " + TextReporter.t(name) }
        var out = title + " — \(labels.asOf) \(labels.asOfDate(report))\n"
        let read = report.logFiles.reduce(0) { $0 + $1.read }
        let accepted = report.logFiles.reduce(0) { $0 + $1.accepted }
        let rejected = report.logFiles.reduce(0) { $0 + $1.rejected }
        if !report.logFiles.isEmpty {
            out += labels.records(read: read, accepted: accepted, rejected: rejected) + "\n"
        }
        return out
    }

    static func render(_ report: RunReport, _ labels: Labels, _ color: Bool) -> String {
        var out = "\n" + TextReporter.paint(labels.summaryHeading, .bold, color) + "\n"
        let groups = RollUpGroup.counts(report)
        var total = RollUpGroup.Counts(group: "")
        for c in groups {
            total.violated += c.violated
            total.guidance += c.guidance
            total.pending += c.pending
            total.waived += c.waived
            total.satisfied += c.satisfied
        }
        out += "  \(labels.byStatus): \(labels.counts(total))\n"
        let severities = Severity.allCases.sorted { $0 > $1 }.map {
            "\(labels.severity($0)) \(report.violatedCount($0))"
        }
        out += "  \(labels.violationsBySeverity): " + severities.joined(separator: " · ") + "\n"
        out += TextTrendLine.render(report, labels)
        if !groups.isEmpty {
            out += "  \(labels.byDistrict):\n"
            for c in groups {
                out += "    " + TextReporter.t("\(report.unitName(c.group)) (\(c.group))") + ": \(labels.counts(c))\n"
            }
        }
        let worst = report.worstViolations(worstCount)
        if !worst.isEmpty {
            out += "  \(labels.worstItems):\n"
            for f in worst { out += "    " + TextReporter.line(f, report, labels, color, showUnit: true) + "\n" }
        }
        let soon = report.dueSoonFindings
        if !soon.isEmpty {
            out += "\n" + TextReporter.paint(labels.dueSoonHeading, .bold, color) + "\n"
            for f in soon { out += "  " + TextReporter.line(f, report, labels, color, showUnit: true) + "\n" }
        }
        return out
    }
}
