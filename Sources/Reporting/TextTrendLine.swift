/// With `--history`: the text summary's line of open violations over the scope's recorded runs and
/// this one, oldest first ("#1 31/03/2025: 12 → #2 30/09/2025: 15 → lần này 31/12/2025: 14").
enum TextTrendLine {
    /// The line with its indent and newline; empty without a history.
    static func render(_ report: RunReport, _ labels: Labels) -> String {
        guard let points = report.historyTrend, !points.isEmpty else { return "" }
        let vi = labels.language == .vi
        let steps = points.map { p in
            (p.run.map { "#\($0)" } ?? (vi ? "lần này" : "this run"))
                + " \(labels.presentation.date(p.asOf)): \(p.violated)"
        }
        return "  \(vi ? "Vi phạm qua các lần kiểm tra" : "Violations over the audit runs"): "
            + steps.joined(separator: " → ") + "\n"
    }
}
