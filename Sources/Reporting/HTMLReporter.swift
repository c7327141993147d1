import ComplianceCore
import Evaluation

/// `--format html`: one self-contained page to hand to inspectors — summary counts, a unit × rule
/// matrix grouped by the unit hierarchy, a sortable and filterable findings table, and the
/// upcoming obligations — with inline CSS and script and no network request.
///
/// Every data field goes through `Markup.escape`; the script only moves and hides existing rows.
public enum HTMLReporter {
    /// The most satisfied findings the findings table lists (with `--include-satisfied`): a run with
    /// more lists none of them and says how many there are, so the page of a national audit stays
    /// one a browser can open (the matrix and the summary still count them).
    public static let satisfiedListLimit = 10_000

    /// The page's bytes (UTF-8, LF, trailing newline).
    public static func render(_ report: RunReport) -> String {
        var bytes: [UInt8] = []
        let sink = ReportSink { bytes.append(contentsOf: $0) }
        write(report, to: sink)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the page to `out` as it is made; a streamed run's findings are read back from its spill.
    public static func write(_ report: RunReport, to out: ReportSink) {
        defer {
            if let failure = report.spill?.failure { out.fail(failure) }
            out.flush()
        }
        let labels = Labels(language: report.language, reasons: report.reasons)
        let h = HTMLLabels(labels)
        out += """
            <!DOCTYPE html>
            <html lang="\(report.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <meta name="generator" content="dvcheck \(e(report.toolVersion))">
            <title>\(e(h.title)) — \(e(labels.asOf)) \(e(labels.asOfDate(report)))</title>
            <style>
            \(HTMLAssets.css)
            \(HTMLPrint.css(report, labels, h))
            </style>
            </head>
            <body>
            <header>
            <h1>\(e(h.title))</h1>
            <p class="meta">\(e(labels.asOf)) \(report.asOfIsKnown ? "<time datetime=\"\(report.asOf)\">\(labels.presentation.date(report.asOf))</time>" : e(labels.asOfDate(report))) · \(e(h.generated)) dvcheck \(e(report.toolVersion)) <button type="button" id="print" class="no-print">\(e(h.print))</button></p>
            </header>

            """
        out += HTMLOverview.render(report, labels, h)
        out += summary(report, labels, h)
        if report.registry != nil {
            out += HTMLMatrix.render(report, labels, h)
            out += kpiTables(report, labels)
            out += silentUnits(report, labels)
            findingsTable(report, labels, h, into: out)
            out += upcoming(report, labels, h)
            out += resolved(report, labels)
            out += evidenceAppendix(report, h)
            out += HTMLPrint.appendix(report, h)
        } else {
            out += "<p id=\"invalid\">\(e(labels.invalidInputs))</p>\n"
        }
        out += diagnostics(report, h)
        out += "<script>\n\(HTMLAssets.script)\n</script>\n</body>\n</html>\n"
    }

    static func e(_ s: String) -> String { Markup.escape(s) }

    static func badge(_ status: Finding.Status, _ labels: Labels) -> String {
        "<span class=\"badge st-\(status.rawValue)\">\(e(labels.status(status)))</span>"
    }

    /// A status badge worded with a rule's binding (SPEC §10.9).
    static func badge(_ status: Finding.Status, binding: Binding, _ labels: Labels) -> String {
        "<span class=\"badge st-\(status.rawValue)\">\(e(labels.status(status, binding: binding)))</span>"
    }

    /// A finding's badge: its status worded with its rule's binding.
    static func badge(_ f: Finding, _ report: RunReport, _ labels: Labels) -> String {
        badge(f.status, binding: report.binding(of: f.rule), labels)
    }

    private static func summary(_ report: RunReport, _ labels: Labels, _ h: HTMLLabels) -> String {
        let s = report.evaluation.summary
        var out =
            "<section id=\"summary\">\n<h2>\(e(h.summary))</h2>\n<p>\(e(labels.summary(s, guidance: report.guidanceViolations)))</p>\n"
        out += "<div class=\"cards\">\n<table class=\"counts\" id=\"status-counts\">\n"
        out += "<thead><tr><th>\(e(h.status))</th><th>\(e(h.count))</th></tr></thead>\n<tbody>\n"
        let counts: [(Finding.Status, Int)] = [
            (.violated, s.violated), (.pending, s.pending), (.waived, s.waived), (.satisfied, s.satisfied),
        ]
        for (status, n) in counts {
            out += "<tr><td>\(badge(status, labels))</td><td class=\"n\">\(n)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += "<table class=\"counts\" id=\"severity-counts\">\n<caption>\(e(h.bySeverity))</caption>\n"
        out += "<thead><tr><th>\(e(h.severity))</th>"
        for status in [Finding.Status.violated, .pending, .waived] { out += "<th>\(badge(status, labels))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        var table: [Severity: [Finding.Status: Int]] = [:]
        if let spill = report.spill {
            for severity in Severity.allCases {
                for status in Finding.Status.allCases {
                    table[severity, default: [:]][status] = spill.count(severity, status)
                }
            }
        }
        for f in report.evaluation.findings { table[f.severity, default: [:]][f.status, default: 0] += 1 }
        for severity in Severity.allCases {
            out += "<tr><td>\(e(labels.severity(severity)))</td>"
            for status in [Finding.Status.violated, .pending, .waived] {
                out += "<td class=\"n\">\(table[severity]?[status] ?? 0)</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n</section>\n"
        return out
    }

    /// How many levels of a unit tree are shown indented; deeper units line up with the last level
    /// (the page must grow with the number of units, not with their depth squared).
    static let maxIndent = 12

    /// One KPI table per roll-up group (SPEC §10.3), from the ratio findings.
    private static func kpiTables(_ report: RunReport, _ labels: Labels) -> String {
        let tables = RollUp.kpiTables(report)
        guard !tables.isEmpty else { return "" }
        let h = HTMLLabels(labels)
        var out = "<section id=\"kpi-section\">\n<h2>\(e(labels.kpiHeading))</h2>\n"
        for table in tables {
            out += "<table class=\"kpi\" data-group=\"\(e(table.group))\">\n"
            out += "<caption>\(e(report.unitName(table.group))) <small>\(e(table.group))</small></caption>\n<thead><tr>"
            for head in [h.unit, h.rule, h.period, labels.share, labels.items, labels.threshold, h.status] {
                out += "<th scope=\"col\">\(e(head))</th>"
            }
            out += "</tr></thead>\n<tbody>\n"
            for f in table.rows {
                guard let share = f.share else { continue }
                out += "<tr><td>\(e(report.unitName(f.unit))) <small>\(e(f.unit))</small></td>"
                out += "<td>\(e(f.rule))<br><small>\(e(report.ruleTitle(f.rule)))</small></td>"
                out += "<td>\(e(f.period ?? ""))</td><td class=\"n\">\(e(labels.percent(share.actual)))</td>"
                out += "<td class=\"n\">\(e(labels.items(share)))</td>"
                out += "<td class=\"n\">≥ \(e(labels.percent(share.threshold)))</td>"
                out += "<td>\(badge(f, report, labels))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + "</section>\n"
    }

    /// The silent units (SPEC §10.3), each marked "no data".
    private static func silentUnits(_ report: RunReport, _ labels: Labels) -> String {
        let ids = report.evaluation.silentUnits
        guard !ids.isEmpty else { return "" }
        var out =
            "<section id=\"silent-section\">\n<h2>\(e(labels.silentHeading)) (\(ids.count))</h2>\n<ul id=\"silent\">\n"
        for id in ids {
            // The nearest ancestors only (as the text report caps its paths): linear in the tree's depth.
            let near = report.ancestors(of: id, limit: 12)
            let path = (near.map(report.unitName) + [report.unitName(id)]).joined(separator: " › ")
            out += "<li data-unit=\"\(e(id))\">\(e(path)) <small>\(e(id))</small> "
            out += "<span class=\"badge st-nodata\">\(e(labels.noData))</span></li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    private static func findingsTable(_ report: RunReport, _ labels: Labels, _ h: HTMLLabels, into out: ReportSink) {
        let table = TableFindings(report)
        out += "<section id=\"findings-section\">\n<h2>\(e(h.findings))</h2>\n"
        if table.omittedSatisfied > 0 {
            out += "<p class=\"hint\" id=\"satisfied-omitted\">\(e(h.satisfiedOmitted(table.omittedSatisfied)))</p>\n"
        }
        guard table.count > 0 else {
            out += "<p>\(e(h.noFindings))</p>\n</section>\n"
            return
        }
        out += "<div class=\"filters\">\n" + HTMLPrint.searchBox(h)
        // Each unit option names its parent: the script shows a unit's rows and its descendants'.
        let filterUnits = report.unitRows(for: table.units)
        out += select(
            "unit", h.unit, h.all,
            filterUnits.map { row in
                (
                    row.id,
                    String(repeating: "\u{00A0}\u{00A0}", count: min(row.depth, maxIndent)) + report.unitName(row.id)
                        + " (\(row.id))", row.parent
                )
            })
        let ruleIDs = table.rules.sorted { $0.codePointPrecedes($1) }
        out += select("rule", h.rule, h.all, ruleIDs.map { ($0, "\($0) — \(report.ruleTitle($0))") })
        let statuses = Finding.Status.allCases.filter { table.statuses.contains($0) }
        out += select("status", h.status, h.all, statuses.map { ($0.rawValue, labels.status($0)) })
        let severities = Severity.allCases.filter { table.severities.contains($0) }
        out += select("severity", h.severity, h.all, severities.map { ($0.rawValue, labels.severity($0)) })
        let bindings = Binding.allCases.filter { b in table.rules.contains { report.binding(of: $0) == b } }
        out += select("binding", h.binding, h.all, bindings.map { ($0.rawValue, labels.binding($0)) })
        if report.changes != nil {
            out += select(
                "change", h.change, h.all,
                [ChangeSet.Mark.new, .persisting].map { ($0.rawValue, labels.change($0)) })
        }
        out += "<p>\(e(h.shown)): <strong id=\"shown\">\(table.count)</strong> / \(table.count)"
        out += " <span class=\"hint\">\(e(h.sortHint))</span></p>\n</div>\n"
        out += "<div class=\"scroll\">\n<table id=\"findings\">\n<thead><tr>"
        var heads = [h.unit, h.rule, h.status, h.severity, h.period, h.due, h.details, h.evidence, h.source]
        if report.changes != nil { heads.append(h.change) }
        for head in heads { out += "<th scope=\"col\">\(e(head))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        var rows = HTMLFindingRows(report, labels)
        table.forEach(report) { f in rows.write(f, to: out) }
        rows.flush(to: out)
        out += "</tbody>\n</table>\n</div>\n</section>\n"
    }

    /// The findings the table lists, in the order of `--sort`, and what its filters offer: from the
    /// report's findings, or from a streamed run's spill and the counts gathered while it was written.
    struct TableFindings {
        /// Satisfied findings left out under `satisfiedListLimit`.
        var omittedSatisfied = 0
        var count = 0
        var units = Set<String>()
        var rules = Set<String>()
        var statuses = Set<Finding.Status>()
        var severities = Set<Severity>()
        /// The findings of an in-memory report, in table order.
        private var findings: [Finding] = []

        /// How many satisfied findings the report lists (none without `--include-satisfied`).
        static func listedSatisfied(_ report: RunReport) -> Int {
            guard report.includeSatisfied else { return 0 }
            if let spill = report.spill { return Severity.allCases.reduce(0) { $0 + spill.count($1, .satisfied) } }
            return report.evaluation.findings.reduce(0) { $0 + ($1.status == .satisfied ? 1 : 0) }
        }

        /// Whether the table leaves the satisfied findings out (more than `satisfiedListLimit`).
        static func omitsSatisfied(_ report: RunReport) -> Bool {
            listedSatisfied(report) > HTMLReporter.satisfiedListLimit
        }

        init(_ report: RunReport) {
            let satisfied = Self.listedSatisfied(report)
            if satisfied > HTMLReporter.satisfiedListLimit { omittedSatisfied = satisfied }
            if let spill = report.spill, omittedSatisfied == 0 {
                count = spill.count
                units = spill.unitIDs
                rules = spill.ruleIDs
                for severity in Severity.allCases {
                    for status in Finding.Status.allCases where spill.count(severity, status) > 0 {
                        statuses.insert(status)
                        severities.insert(severity)
                    }
                }
                return
            }
            if report.spill == nil {
                findings = report.sortedFindings
                if omittedSatisfied > 0 { findings.removeAll { $0.status == .satisfied } }
            }
            var (count, units, rules) = (0, Set<String>(), Set<String>())
            var (statuses, severities) = (Set<Finding.Status>(), Set<Severity>())
            forEach(report) { f in
                count += 1
                units.insert(f.unit)
                rules.insert(f.rule)
                statuses.insert(f.status)
                severities.insert(f.severity)
            }
            (self.count, self.units, self.rules, self.statuses, self.severities) =
                (count, units, rules, statuses, severities)
        }

        /// Calls `body` with each listed finding in table order.
        func forEach(_ report: RunReport, _ body: (Finding) -> Void) {
            guard let spill = report.spill else { return findings.forEach(body) }
            switch report.sort {
            case .severity:
                for (severity, status) in RunReport.severityOrder where spill.count(severity, status) > 0 {
                    if status == .satisfied && omittedSatisfied > 0 { continue }
                    let cursor = spill.cursor(bucket: (severity, status))
                    while let f = cursor.next() { body(f) }
                }
            case .unit:
                let cursor = spill.cursor()
                while let f = cursor.next() {
                    if f.status == .satisfied && omittedSatisfied > 0 { continue }
                    body(f)
                }
            }
        }
    }

    /// The (rule, unit) pairs with a row in the findings table, which the matrix links to.
    static func linkedPairs(_ report: RunReport) -> Set<String> {
        let omitting = TableFindings.omitsSatisfied(report)
        guard report.spill != nil else {
            return Set(
                report.listedFindings.lazy.filter { !(omitting && $0.status == .satisfied) }.map {
                    $0.rule + "\u{0}" + $0.unit
                })
        }
        // Every finding is counted in the matrix, so its rows say which pairs have listed ones.
        var pairs = Set<String>()
        for row in report.evaluation.matrix
        where row.violated + row.pending + row.waived > 0 || (report.includeSatisfied && !omitting && row.satisfied > 0)
        {
            pairs.insert(row.rule + "\u{0}" + row.unit)
        }
        return pairs
    }

    private static func select(_ key: String, _ label: String, _ all: String, _ options: [(String, String)]) -> String {
        select(key, label, all, options.map { ($0.0, $0.1, nil) })
    }

    private static func select(
        _ key: String, _ label: String, _ all: String, _ options: [(String, String, String?)]
    ) -> String {
        var out = "<label>\(e(label)) <select data-filter=\"\(key)\" id=\"filter-\(key)\"><option value=\"\">"
        out += "\(e(all))</option>"
        for (value, text, parent) in options {
            out += "<option value=\"\(e(value))\""
            if let parent { out += " data-parent=\"\(e(parent))\"" }
            out += ">\(e(text))</option>"
        }
        return out + "</select></label>\n"
    }

    /// Each evidence event as a link to its entry in the evidence appendix, with its date and
    /// `file:line`.
    static func evidenceLinks(_ f: Finding, _ report: RunReport) -> String {
        f.events.map { id in
            guard let event = report.events[id] else { return e(id) }
            return
                "<a href=\"#\(anchor(id))\">\(e(id))</a> <small>\(event.date) · \(e(report.evidencePlace(event)))</small>"
        }.joined(separator: "<br>")
    }

    /// A fragment id for an event id: `ev-` and the id's UTF-8 bytes outside [A-Za-z0-9_-] as `.XX`,
    /// so any id makes a valid, unique anchor.
    static func anchor(_ id: String) -> String {
        var out = "ev-"
        for byte in id.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || c == "-" || c == "_" {
                out.append(c)
            } else {
                out += "." + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// The evidence appendix: every event the listed findings name, with its date and the log line
    /// it was read from, in id order.
    private static func evidenceAppendix(_ report: RunReport, _ h: HTMLLabels) -> String {
        var seen = Set<String>()
        let named = report.spill?.eventIDs ?? report.listedFindings.flatMap(\.events)
        let ids = named.filter {
            report.events[$0] != nil && seen.insert($0).inserted
        }
        .sorted { $0.codePointPrecedes($1) }
        guard !ids.isEmpty else { return "" }
        var out = "<section id=\"evidence\">\n<h2>\(e(h.evidenceAppendix)) (\(ids.count))</h2>\n<table>\n"
        out += "<thead><tr><th scope=\"col\">\(e(h.evidence))</th><th scope=\"col\">\(e(h.date))</th>"
        out += "<th scope=\"col\">\(e(h.logLine))</th></tr></thead>\n<tbody>\n"
        for id in ids {
            guard let event = report.events[id] else { continue }
            out += "<tr id=\"\(anchor(id))\"><td>\(e(id))</td><td><time>\(event.date)</time></td>"
            out += "<td><code>\(e(report.evidencePlace(event)))</code></td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    static func statusRank(_ s: Finding.Status) -> Int {
        switch s {
        case .violated: 1
        case .pending: 2
        case .waived: 3
        case .satisfied: 4
        }
    }

    private static func upcoming(_ report: RunReport, _ labels: Labels, _ h: HTMLLabels) -> String {
        let pending = report.pendingWithDue
            .enumerated().sorted { a, b in
                let (da, db) = (a.element.due?.ordinal ?? 0, b.element.due?.ordinal ?? 0)
                return da != db ? da < db : a.offset < b.offset
            }.map(\.element)
        var out = "<section id=\"upcoming-section\">\n<h2>\(e(h.upcoming))</h2>\n"
        guard !pending.isEmpty else { return out + "<p>\(e(h.noUpcoming))</p>\n</section>\n" }
        out += "<ol id=\"upcoming\">\n"
        for f in pending {
            out +=
                "<li><time datetime=\"\(f.due?.description ?? "")\">\(f.due.map { labels.presentation.date($0) } ?? "")</time>\(e(report.unitName(f.unit))) — "
            out += "\(e(report.ruleTitle(f.rule)))"
            if let p = f.period { out += " (\(e(labels.period)) \(e(labels.presentation.period(p))))" }
            out += " <small>\(e(f.rule))</small></li>\n"
        }
        return out + "</ol>\n</section>\n"
    }

    private static func resolved(_ report: RunReport, _ labels: Labels) -> String {
        guard let changes = report.changes else { return "" }
        var out =
            "<section id=\"resolved-section\">\n<h2>\(e(labels.resolvedHeading)) (\(changes.resolved.count))</h2>\n"
        guard !changes.resolved.isEmpty else { return out + "</section>\n" }
        out += "<ul id=\"resolved\">\n"
        for p in changes.resolved {
            out += "<li>\(e(report.unitName(p.unit))) <small>\(e(p.unit))</small> — \(e(p.rule))"
            if let period = p.period { out += " \(e(labels.presentation.period(period)))" }
            out += " (\(e(labels.was)) \(e(labels.status(raw: p.status))))</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    private static func diagnostics(_ report: RunReport, _ h: HTMLLabels) -> String {
        guard !report.diagnostics.isEmpty else { return "" }
        // Exact counts: an entry standing for left-out diagnostics (SPEC §10.6) counts as them all.
        let count = report.diagnostics.reduce(0) { $0 + max($1.omitted, 1) }
        var out = "<section id=\"diagnostics\">\n<h2>\(e(h.diagnostics)) (\(count))</h2>\n<ul>\n"
        for d in report.diagnostics {
            var place = ""
            if d.omitted > 0, let loc = d.location {
                place = loc.path + ": "
            } else if let loc = d.location {
                place =
                    loc.path + (loc.line > 0 ? ":\(loc.line)" : "") + (loc.column > 0 ? ":\(loc.column)" : "") + ": "
            }
            out +=
                "<li><code>\(e(place))\(e(d.level.rawValue))</code> \(e(d.message(in: report.language))) <small>[\(e(d.code))]</small></li>\n"
        }
        return out + "</ul>\n</section>\n"
    }
}
