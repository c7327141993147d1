import ComplianceCore
import Evaluation

/// What makes the HTML report print: A4 landscape pages with the project and as-of date at the top
/// and page numbers at the bottom (CSS paged-media margin boxes, which Chromium renders), and the
/// legal bases gathered once in an appendix that the findings refer to by number, instead of
/// repeating the same paragraph on every row.
enum HTMLPrint {
    private static func e(_ s: String) -> String { Markup.escape(s) }

    /// The page rules; the project and date go into CSS strings, escaped so no input closes them.
    static func css(_ report: RunReport, _ labels: Labels, _ h: HTMLLabels) -> String {
        var left = "dvcheck"
        if let name = report.projectName { left += " — " + name }
        let right = "\(labels.asOf) \(labels.asOfDate(report))"
        return """
            @page{size:A4 landscape;margin:14mm 10mm 14mm 10mm;
            @top-left{content:\(cssString(left));font-size:8pt;color:#555}
            @top-right{content:\(cssString(right));font-size:8pt;color:#555}
            @bottom-right{content:\(cssString(h.page + " ")) counter(page) " / " counter(pages);font-size:8pt;color:#555}}
            .facts{display:flex;flex-wrap:wrap;gap:.4rem 1.5rem;margin:.5rem 0}.facts div{min-width:10rem}
            .facts dt{font-size:.8em;color:var(--muted)}.facts dd{margin:0;font-weight:600}
            .charts{display:flex;flex-wrap:wrap;gap:1rem 2rem}.charts figure{margin:0}
            .charts figcaption{font-weight:600;margin:.5rem 0}
            #rollup tfoot th,#rollup tfoot td{font-weight:700}
            .matrix td a{color:inherit;text-decoration:none;display:block}
            .matrix-part{margin:.75rem 0}.matrix-part h3{font-size:1rem;margin:.5rem 0 .25rem}
            #legal-appendix li{margin:.2rem 0}
            #search{font-size:14px;min-width:16rem}
            @media print{.matrix-part h3{break-after:avoid}.charts figure{break-inside:avoid}
            #findings-section{break-before:page}#legal-appendix{break-before:page}
            .matrix td a{display:inline}
            #findings{table-layout:fixed;width:100%;font-size:8pt}#findings td{overflow-wrap:anywhere}
            #findings th:nth-child(1){width:11%}#findings th:nth-child(2){width:12%}
            #findings th:nth-child(3){width:9%}#findings th:nth-child(4){width:6%}
            #findings th:nth-child(5){width:9%}#findings th:nth-child(6){width:8%}
            #findings th:nth-child(8){width:9%}#findings th:nth-child(9){width:7%}}
            """
    }

    /// A CSS string literal: everything but letters, digits, spaces and non-ASCII text escaped as
    /// `\HEX ` (quotes, backslashes, `<` of a closing tag, line breaks).
    static func cssString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            let v = scalar.value
            let plain =
                (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x20
                || (v >= 0xA0 && v != 0x2028 && v != 0x2029 && v != 0xFFFE && v != 0xFFFF)
            out += plain ? String(scalar) : "\\" + String(v, radix: 16) + " "
        }
        return out + "\""
    }

    /// The distinct legal bases of the evaluated rules, numbered from 1 in rule-id order.
    static func legalBases(_ report: RunReport) -> (
        list: [(text: String, url: String?, rules: [String])], number: [String: Int]
    ) {
        var list: [(text: String, url: String?, rules: [String])] = []
        var byText: [String: Int] = [:]
        var number: [String: Int] = [:]
        for rule in report.evaluatedRules {
            let text = SARIFReporter.legalSource(rule.source, report.language)
            let key = text + "\u{0}" + (rule.source.url ?? "")
            if let n = byText[key] {
                list[n - 1].rules.append(rule.id)
                number[rule.id] = n
            } else {
                list.append((text, rule.source.url, [rule.id]))
                byText[key] = list.count
                number[rule.id] = list.count
            }
        }
        return (list, number)
    }

    /// A finding's legal-source cell: a link to its basis in the appendix.
    static func basisReference(_ ruleID: String, _ bases: [String: Int], _ report: RunReport, _ labels: Labels)
        -> String
    {
        guard let n = bases[ruleID] else { return "" }
        var out = "<a href=\"#basis-\(n)\" class=\"basis-ref\">[\(n)]</a>"
        if let clause = report.rules[ruleID]?.source.clause {
            out += " <small>\(e(labels.presentation.clause(clause)))</small>"
        }
        return out
    }

    /// The appendix of legal bases, each with the rules that rest on it.
    static func appendix(_ report: RunReport, _ h: HTMLLabels) -> String {
        let bases = legalBases(report).list
        guard !bases.isEmpty else { return "" }
        var out = "<section id=\"legal-appendix\">\n<h2>\(e(h.legalAppendix))</h2>\n<ol>\n"
        for (i, basis) in bases.enumerated() {
            out += "<li id=\"basis-\(i + 1)\">\(e(basis.text))"
            if let url = WebLink.httpURL(basis.url) {
                out += " <a href=\"\(e(url))\" rel=\"noreferrer\">\(e(url))</a>"
            }
            out += "<br><small>\(e(h.rule)): \(e(basis.rules.joined(separator: ", ")))</small></li>\n"
        }
        return out + "</ol>\n</section>\n"
    }

    /// The findings table's text search (matches any cell, ignoring case and Vietnamese marks).
    static func searchBox(_ h: HTMLLabels) -> String {
        "<label>\(e(h.search)) <input type=\"search\" id=\"search\" autocomplete=\"off\"></label>\n"
    }
}

/// The print and appendix wording.
extension HTMLLabels {
    var page: String { vi ? "Trang" : "Page" }
    var legalAppendix: String { vi ? "Phụ lục: căn cứ pháp lý" : "Appendix: legal bases" }
    var search: String { vi ? "Tìm kiếm" : "Search" }
}
