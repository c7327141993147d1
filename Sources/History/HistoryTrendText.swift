import ComplianceCore

/// `dvcheck history` as text: the runs, then violations per severity and per parent unit, one
/// column per run, in the project language.
public enum HistoryTrendText {
    /// Renders the trend; `vietnamese` picks the labels.
    public static func render(_ trend: HistoryTrend, path: String, vietnamese: Bool) -> String {
        let language: Language = vietnamese ? .vi : .en
        let show = Presentation(language)
        func say(_ key: MessageKey, _ arguments: [String: String] = [:]) -> String {
            MessageCatalogue.render(key, arguments, in: language)
        }
        guard !trend.runs.isEmpty else { return say(.historyNoRuns, ["path": path]) + "\n" }
        var out = say(.historyHeading, ["path": path]) + "\n\n"
        let headKeys: [MessageKey] = [
            .historyRecorded, .historyAsOf, .historyScope, .historyViolated, .historyPending, .historyWaived,
            .historySatisfied, .historyNew, .historyResolved, .historyInputs,
        ]
        var rows = [["#"] + headKeys.map { say($0) }]
        for r in trend.runs {
            rows.append([
                String(r.id), vietnamese ? localTime(r.recordedAt, show) : r.recordedAt, show.date(iso: r.asOf),
                r.scope.isEmpty ? say(.historyAllScope) : r.scope,
                String(r.violated), String(r.pending), String(r.waived), String(r.satisfied), String(r.new),
                String(r.resolved), String(r.inputsDigest.prefix(12)),
            ])
        }
        out += table(rows, numericFrom: 4)
        let runHeads = trend.runs.map { "#\($0.id) " + show.date(iso: $0.asOf) }
        out += "\n" + say(.historyBySeverity) + "\n"
        var sev = [[say(.historySeverity)] + runHeads]
        for s in trend.bySeverity {
            let label = Severity(rawValue: s.key).map { show.severity($0) } ?? s.label
            sev.append([label] + s.counts.map(String.init))
        }
        out += table(sev, numericFrom: 1)
        out += "\n" + say(.historyByParent) + "\n"
        if trend.byGroup.isEmpty {
            out += "  " + say(.historyNoViolations) + "\n"
        } else {
            var groups = [[say(.historyUnit)] + runHeads]
            for g in trend.byGroup { groups.append(["\(g.label) (\(g.key))"] + g.counts.map(String.init)) }
            out += table(groups, numericFrom: 1)
        }
        return out
    }

    /// A recording time (`2026-12-07T12:34:56Z`) as Vietnamese readers keep time: in Asia/Ho_Chi_Minh
    /// (UTC+7 all year), "07/12/2026 19:34"; text of another shape is shown as it is.
    static func localTime(_ iso: String, _ show: Presentation) -> String {
        let chars = Array(iso.utf8)
        guard chars.count == 20, chars[10] == UInt8(ascii: "T"), chars[19] == UInt8(ascii: "Z"),
            let day = DateText.parseISODate(String(iso.prefix(10))),
            let hour = Int(String(decoding: chars[11..<13], as: UTF8.self)),
            let minute = Int(String(decoding: chars[14..<16], as: UTF8.self)), (0..<24).contains(hour),
            (0..<60).contains(minute)
        else { return iso }
        let local = hour + 7
        let date = local >= 24 ? day.adding(days: 1) : day
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return show.date(date) + " " + two(local % 24) + ":" + two(minute)
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
