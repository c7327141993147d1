import ComplianceCore

/// With `--history`: a line chart of the open violations of the scope's recorded runs and of this
/// run (`RunReport.historyTrend`), as inline SVG like the overview's bar charts (no script, no font).
enum HTMLTrendChart {
    static func render(_ report: RunReport, _ labels: Labels, _ h: HTMLLabels) -> String {
        guard let points = report.historyTrend, !points.isEmpty else { return "" }
        var out = "<section id=\"trend-section\" class=\"charts\">\n<figure>\n"
        out += "<figcaption>\(Markup.escape(h.trendCaption(runs: points.count)))</figcaption>\n"
        out += svg(points, labels.presentation, h)
        return out + "</figure>\n</section>\n"
    }

    /// Points evenly spaced left to right, heights scaled to the largest count; each point carries
    /// its count above it and a tooltip; dates under the axis (every few when there are many).
    static func svg(_ points: [HistoryTrendPoint], _ show: Presentation, _ h: HTMLLabels) -> String {
        let (left, top, plotHeight, bottom) = (40, 24, 140, 40)
        // At least 480 pixels wide, so two or three runs still read as a trend.
        let plotWidth = max(480, (points.count - 1) * 56)
        let step = points.count > 1 ? plotWidth / (points.count - 1) : 0
        let width = left + plotWidth + 80
        let height = top + plotHeight + bottom
        let largest = max(points.map(\.violated).max() ?? 1, 1)
        let labelEvery = (points.count + 11) / 12
        func x(_ i: Int) -> Int { points.count > 1 ? left + 30 + i * step : left + 30 + plotWidth / 2 }
        func y(_ n: Int) -> Int { top + plotHeight - n * plotHeight / largest }
        var out = "<svg id=\"chart-trend\" role=\"img\" width=\"\(width)\" height=\"\(height)\""
        out += " viewBox=\"0 0 \(width) \(height)\" font-size=\"12\">\n"
        let axisY = top + plotHeight
        out += "<line x1=\"\(left)\" y1=\"\(axisY)\" x2=\"\(width - 10)\" y2=\"\(axisY)\" stroke=\"#888\"/>"
        out += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(width - 10)\" y2=\"\(top)\" stroke=\"#ddd\"/>"
        out += "<text x=\"\(left - 6)\" y=\"\(axisY + 4)\" text-anchor=\"end\">0</text>"
        out += "<text x=\"\(left - 6)\" y=\"\(top + 4)\" text-anchor=\"end\">\(largest)</text>\n"
        let line = points.indices.map { "\(x($0)),\(y(points[$0].violated))" }.joined(separator: " ")
        out += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"2\"/>\n"
        for (i, p) in points.enumerated() {
            let date = show.date(p.asOf)
            let name = p.run.map { "#\($0)" } ?? h.thisRun
            let current = p.run == nil
            out += "<g class=\"trend-point\"><title>\(Markup.escape(name)) — \(date): \(p.violated)</title>"
            out += "<circle cx=\"\(x(i))\" cy=\"\(y(p.violated))\" r=\"\(current ? 5 : 4)\""
            out += " fill=\"\(current ? "#c62828" : "#fff")\" stroke=\"#c62828\" stroke-width=\"2\"/>"
            out += "<text x=\"\(x(i))\" y=\"\(y(p.violated) - 8)\" text-anchor=\"middle\">\(p.violated)</text>"
            if i % labelEvery == 0 || current {
                out += "<text x=\"\(x(i))\" y=\"\(axisY + 16)\" text-anchor=\"middle\">\(date)</text>"
                out += "<text x=\"\(x(i))\" y=\"\(axisY + 30)\" text-anchor=\"middle\" fill=\"#555\">"
                out += "\(Markup.escape(name))</text>"
            }
            out += "</g>\n"
        }
        return out + "</svg>\n"
    }
}

/// The trend chart's words.
extension HTMLLabels {
    func trendCaption(runs: Int) -> String {
        vi
            ? "Vi phạm / chưa đạt còn mở qua \(runs) lần kiểm tra (lịch sử kiểm tra)"
            : "Open violations over \(runs) audit runs (the audit history)"
    }
    var thisRun: String { vi ? "lần này" : "this run" }
}
