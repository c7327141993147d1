import ComplianceCore
import Evaluation

/// The HTML report's picture at a glance, above the details: what was checked (project, as-of date,
/// window, records read / accepted / rejected), a roll-up per district (SPEC §10.3) with counts by
/// status, what falls due within 14 days, and bar charts of violations per district and per rule as
/// inline SVG (no script, no font, prints as it shows).
enum HTMLOverview {
    /// How many rules the per-rule chart shows (the most violated).
    static let chartRules = 15

    static func render(_ report: RunReport, _ labels: Labels, _ h: HTMLLabels) -> String {
        var out = facts(report, labels, h)
        guard report.registry != nil else { return out }
        out += rollUp(report, labels, h)
        out += charts(report, labels, h)
        out += HTMLTrendChart.render(report, labels, h)
        out += dueSoon(report, labels, h)
        return out
    }

    private static func e(_ s: String) -> String { Markup.escape(s) }

    /// Project, as-of date, window and the records read, accepted and rejected.
    static func facts(_ report: RunReport, _ labels: Labels, _ h: HTMLLabels) -> String {
        let show = labels.presentation
        var out = "<dl id=\"facts\" class=\"facts\">\n"
        if let name = report.projectName { out += "<div><dt>\(e(labels.project))</dt><dd>\(e(name))</dd></div>\n" }
        out += "<div><dt>\(e(labels.asOf))</dt><dd>\(e(labels.asOfDate(report)))</dd></div>\n"
        let from = report.windowFrom.map { show.date($0) } ?? "…"
        let to =
            report.asOfIsKnown
            ? show.date(min(report.windowTo ?? report.asOf, report.asOf)) : report.windowTo.map { show.date($0) } ?? "…"
        out += "<div><dt>\(e(h.window))</dt><dd>\(from) – \(to)</dd></div>\n"
        let read = report.logFiles.reduce(0) { $0 + $1.read }
        let accepted = report.logFiles.reduce(0) { $0 + $1.accepted }
        let rejected = report.logFiles.reduce(0) { $0 + $1.rejected }
        out += "<div><dt>\(e(h.records))</dt><dd id=\"records\">"
        out += "\(read) \(e(h.read)) · \(accepted) \(e(h.accepted)) · \(rejected) \(e(h.rejected))</dd></div>\n"
        out += "<div><dt>\(e(h.scope))</dt><dd>\(report.evaluation.summary.rules) \(e(h.rulesWord)) · "
        out += "\(report.evaluation.summary.units) \(e(h.unitsWord))</dd></div>\n"
        return out + "</dl>\n"
    }

    /// One row per district (roll-up group) and a total row, counts by status.
    static func rollUp(_ report: RunReport, _ labels: Labels, _ h: HTMLLabels) -> String {
        let groups = RollUpGroup.counts(report)
        var out = "<section id=\"rollup-section\">\n<h2>\(e(h.rollUp))</h2>\n"
        guard !groups.isEmpty else { return out + "<p>\(e(h.noFindings))</p>\n</section>\n" }
        out += "<table id=\"rollup\" class=\"counts\">\n<thead><tr><th>\(e(h.district))</th>"
        let heads = [
            labels.status(.violated, binding: .law), labels.status(.violated, binding: .guidance),
            labels.status(.pending), labels.status(.waived), labels.status(.satisfied),
        ]
        let classes = ["violated", "violated", "pending", "waived", "satisfied"]
        for (head, cls) in zip(heads, classes) { out += "<th class=\"st-\(cls)\">\(e(head))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        var total = RollUpGroup.Counts(group: "")
        func cells(_ c: RollUpGroup.Counts) -> String {
            [c.violated - c.guidance, c.guidance, c.pending, c.waived, c.satisfied]
                .map { "<td class=\"n\">\($0)</td>" }.joined()
        }
        for c in groups {
            total.violated += c.violated
            total.guidance += c.guidance
            total.pending += c.pending
            total.waived += c.waived
            total.satisfied += c.satisfied
            out += "<tr data-group=\"\(e(c.group))\"><th scope=\"row\">\(e(report.unitName(c.group)))"
            out += " <small>\(e(c.group))</small></th>\(cells(c))</tr>\n"
        }
        out += "</tbody>\n<tfoot><tr><th scope=\"row\">\(e(h.total))</th>\(cells(total))</tr></tfoot>\n"
        return out + "</table>\n</section>\n"
    }

    /// Violations per district and per rule (the most violated), as horizontal bars.
    static func charts(_ report: RunReport, _ labels: Labels, _ h: HTMLLabels) -> String {
        var perGroup: [String: Int] = [:]
        var perRule: [String: Int] = [:]
        let lookup = RollUpGroup.Lookup(report.registry)
        for f in report.evaluation.findings where f.status == .violated {
            perGroup[lookup.group(of: f.unit), default: 0] += 1
            perRule[f.rule, default: 0] += 1
        }
        // A streamed run's violations are counted in its matrix (each finding is, there).
        if report.spill != nil {
            for row in report.evaluation.matrix where row.violated > 0 {
                perGroup[lookup.group(of: row.unit), default: 0] += row.violated
                perRule[row.rule, default: 0] += row.violated
            }
        }
        guard !perRule.isEmpty else { return "" }
        let groups = RollUpGroup.counts(report).filter { perGroup[$0.group] != nil }
            .map { (report.unitName($0.group), perGroup[$0.group] ?? 0) }
        let rules = perRule.sorted { a, b in a.value != b.value ? a.value > b.value : a.key.codePointPrecedes(b.key) }
            .prefix(chartRules).map { ($0.key, $0.value) }
        var out = "<section id=\"charts-section\" class=\"charts\">\n"
        out += "<figure>\n<figcaption>\(e(h.violationsPerDistrict))</figcaption>\n"
        out += bars(groups, id: "chart-districts") + "</figure>\n"
        out += "<figure>\n<figcaption>\(e(h.violationsPerRule(shown: rules.count, of: perRule.count)))</figcaption>\n"
        out += bars(rules, id: "chart-rules") + "</figure>\n"
        return out + "</section>\n"
    }

    /// A horizontal bar chart: label, bar scaled to the largest value, the value.
    static func bars(_ items: [(String, Int)], id: String) -> String {
        let (labelWidth, barWidth, row) = (280, 170, 20)
        let height = items.count * row + 4
        let largest = max(items.map(\.1).max() ?? 1, 1)
        var out = "<svg id=\"\(id)\" role=\"img\" width=\"\(labelWidth + barWidth + 40)\""
        out += " height=\"\(height)\" viewBox=\"0 0 \(labelWidth + barWidth + 40) \(height)\" font-size=\"12\">\n"
        for (i, item) in items.enumerated() {
            let y = i * row + 2
            let width = max(1, item.1 * barWidth / largest)
            let name = item.0.count > 40 ? String(item.0.prefix(39)) + "…" : item.0
            out += "<g><title>\(e(item.0)): \(item.1)</title>"
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 13)\" text-anchor=\"end\">\(e(name))</text>"
            out +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(width)\" height=\"\(row - 6)\" fill=\"#c62828\"/>"
            out += "<text x=\"\(labelWidth + width + 4)\" y=\"\(y + 13)\">\(item.1)</text></g>\n"
        }
        return out + "</svg>\n"
    }

    /// Pending items due within 14 days of the as-of date (SPEC §10.9), by due date.
    static func dueSoon(_ report: RunReport, _ labels: Labels, _ h: HTMLLabels) -> String {
        let soon = report.dueSoonFindings
        var out = "<section id=\"due-soon-section\">\n<h2>\(e(labels.dueSoonHeading))</h2>\n"
        guard !soon.isEmpty else { return out + "<p>\(e(h.nothingDueSoon))</p>\n</section>\n" }
        out += "<ol id=\"due-soon\">\n"
        for f in soon {
            out += "<li><span class=\"badge st-pending\">\(e(labels.dueSoon))</span> "
            out +=
                "<time datetime=\"\(f.due?.description ?? "")\">\(f.due.map { labels.presentation.date($0) } ?? "")</time> "
            out += "\(e(report.unitName(f.unit))) — \(e(report.ruleTitle(f.rule)))"
            if let p = f.period { out += " (\(e(labels.presentation.period(p))))" }
            out += " <small>\(e(f.rule))</small></li>\n"
        }
        return out + "</ol>\n</section>\n"
    }
}

/// The overview's headings.
extension HTMLLabels {
    var window: String { vi ? "Khoảng thời gian đánh giá" : "Window" }
    var records: String { vi ? "Bản ghi nhật ký" : "Log records" }
    var read: String { vi ? "đã đọc" : "read" }
    var accepted: String { vi ? "hợp lệ" : "accepted" }
    var rejected: String { vi ? "bị loại" : "rejected" }
    var scope: String { vi ? "Phạm vi" : "Scope" }
    var rulesWord: String { vi ? "quy tắc" : "rules" }
    var unitsWord: String { vi ? "đơn vị" : "units" }
    var rollUp: String { vi ? "Tổng hợp theo huyện" : "Roll-up by district" }
    var district: String { vi ? "Huyện / đơn vị" : "District / unit" }
    var total: String { vi ? "Tổng cộng" : "Total" }
    var violationsPerDistrict: String { vi ? "Số vi phạm / chưa đạt theo huyện" : "Violations per district" }
    func violationsPerRule(shown: Int, of all: Int) -> String {
        let part = shown < all ? (vi ? " (\(shown) quy tắc nhiều nhất / \(all))" : " (top \(shown) of \(all))") : ""
        return (vi ? "Số vi phạm / chưa đạt theo quy tắc" : "Violations per rule") + part
    }
    var nothingDueSoon: String {
        vi ? "Không có nghĩa vụ nào đến hạn trong 14 ngày tới." : "Nothing falls due within 14 days."
    }
}
