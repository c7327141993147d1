import ComplianceCore

/// `dvcheck history` as text: the runs, then violations per severity and per parent unit, one
/// column per run, in the project language.
public enum HistoryTrendText {
    /// Renders the trend; `vietnamese` picks the labels.
    public static func render(_ trend: HistoryTrend, path: String, vietnamese: Bool) -> String {
        let vi = vietnamese
        let show = Presentation(vi ? .vi : .en)
        guard !trend.runs.isEmpty else {
            return (vi ? "Lịch sử \(path): chưa có lần chạy nào.\n" : "History \(path): no runs yet.\n")
        }
        var out = (vi ? "Lịch sử kiểm tra: " : "Audit history: ") + path + "\n\n"
        let head =
            vi
            ? [
                "#", "ghi lúc", "tính đến", "phạm vi", "vi phạm", "chưa đến hạn", "miễn trừ", "đạt", "mới",
                "đã khắc phục", "đầu vào",
            ]
            : [
                "#", "recorded", "as of", "scope", "violated", "pending", "waived", "satisfied", "new", "resolved",
                "inputs",
            ]
        var rows = [head]
        for r in trend.runs {
            rows.append([
                String(r.id), r.recordedAt, show.date(iso: r.asOf),
                r.scope.isEmpty ? (vi ? "toàn bộ" : "all") : r.scope,
                String(r.violated), String(r.pending), String(r.waived), String(r.satisfied), String(r.new),
                String(r.resolved), String(r.inputsDigest.prefix(12)),
            ])
        }
        out += table(rows, numericFrom: 4)
        let runHeads = trend.runs.map { "#\($0.id) " + show.date(iso: $0.asOf) }
        out += "\n" + (vi ? "Vi phạm theo mức độ" : "Violations by severity") + "\n"
        var sev = [[vi ? "mức độ" : "severity"] + runHeads]
        for s in trend.bySeverity {
            let label = Severity(rawValue: s.key).map { show.severity($0) } ?? s.label
            sev.append([label] + s.counts.map(String.init))
        }
        out += table(sev, numericFrom: 1)
        out +=
            "\n"
            + (vi
                ? "Vi phạm theo đơn vị cấp trên (huyện; tỉnh sau sắp xếp 2025)"
                : "Violations by parent unit (district; province after the 2025 reform)") + "\n"
        if trend.byGroup.isEmpty {
            out += vi ? "  (không có vi phạm)\n" : "  (no violations)\n"
        } else {
            var groups = [[vi ? "đơn vị" : "unit"] + runHeads]
            for g in trend.byGroup { groups.append(["\(g.label) (\(g.key))"] + g.counts.map(String.init)) }
            out += table(groups, numericFrom: 1)
        }
        return out
    }

    /// Left-aligned text columns, right-aligned numeric ones, two spaces apart.
    static func table(_ rows: [[String]], numericFrom: Int) -> String {
        var widths: [Int] = []
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i >= widths.count { widths.append(0) }
                widths[i] = max(widths[i], cell.count)
            }
        }
        var out = ""
        for row in rows {
            var line = " "
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                line += " " + (i >= numericFrom ? pad + cell : cell + pad)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
