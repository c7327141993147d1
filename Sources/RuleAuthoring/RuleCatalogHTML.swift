import ComplianceCore
import RuleKit

/// `rules doc --format html`: one self-contained page — an index table, then a section per rule
/// with its description and legal basis, anchored by the rule id itself (`#RULE-ID`), which is what
/// SARIF's `helpUri` (`docs_url` + `#` + rule id) points at when `docs_url` is where the page is
/// published; a search box (inline script, offline) that ignores case and Vietnamese marks.
extension RuleCatalog {
    /// The page.
    public func html() -> String {
        let heading = label(.catalogueHeading)
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\">"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<title>\(heading)</title><style>\(Self.style)</style></head><body>\n"
        out += "<h1>\(heading)</h1>\n"
        out += "<p class=\"search\"><label for=\"catalogue-search\">\(label(.catalogueSearch))</label> "
        out += "<input type=\"search\" id=\"catalogue-search\" placeholder=\""
        out += Self.escape(label(.catalogueSearchHint)) + "\""
        out += " autocomplete=\"off\"> <span id=\"catalogue-shown\">\(rules.count)</span> / \(rules.count)"
        out += " \(label(.catalogueRulesCount))</p>\n"
        out += indexTable()
        for r in rules { out += section(r) }
        return out + "<script>\(Self.script)</script>\n</body></html>\n"
    }

    /// One row per rule, its id linking to its section.
    private func indexTable() -> String {
        let show = Presentation(language)
        var out = "<table id=\"catalogue-index\"><thead><tr>"
        let heads: [MessageKey] = [
            .catalogueId, .catalogueTitle, .catalogueKind, .catalogueParameters, .catalogueAppliesTo,
            .catalogueEffective, .catalogueSeverityShort, .catalogueBinding, .catalogueSource,
        ]
        for h in heads { out += "<th>\(Self.escape(label(h)))</th>" }
        out += "</tr></thead><tbody>\n"
        for r in rules {
            out += "<tr data-rule=\"\(Self.escape(r.id))\"><td><a href=\"#\(Self.escape(r.id))\">"
            out += "\(Self.escape(r.id))</a></td>"
            let cells = [
                r.title.text(in: language), r.kind, r.obligation.parametersText(language), appliesTo(r),
                effectiveDates(r), show.severity(r.severity), binding(r), source(r),
            ]
            out += cells.map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    /// A rule's section: titles in both languages, parameters, scope, dates, severity, binding and
    /// what it means, the legal source in full, the description.
    private func section(_ r: Rule) -> String {
        let vi = language == .vi
        let e = Self.escape
        let title = r.title.text(in: language)
        var out = "<section class=\"rule\" id=\"\(e(r.id))\" data-rule=\"\(e(r.id))\">\n"
        out += "<h2><a href=\"#\(e(r.id))\">\(e(r.id))</a> — \(e(title))</h2>\n"
        let other = r.title.text(in: vi ? .en : .vi)
        if other != title { out += "<p class=\"other\">\(e(other))</p>\n" }
        if let d = r.description?.text(in: language) { out += "<p class=\"description\">\(e(d))</p>\n" }
        out += "<dl>\n"
        func item(_ label: String, _ value: String) { out += "<dt>\(e(label))</dt><dd>\(value)</dd>\n" }
        item(label(.catalogueKind), "<code>\(e(r.kind))</code> — \(e(r.obligation.parametersText(language)))")
        item(label(.catalogueAppliesTo), e(appliesTo(r)))
        item(label(.catalogueEffective), e(effectiveDates(r)))
        item(label(.catalogueSeverity), e(Presentation(language).severity(r.severity)))
        item(label(.catalogueBinding), "\(e(binding(r))) — \(e(bindingMeaning(r)))")
        item(label(.catalogueDocument), e(r.source.document))
        if let clause = r.source.clause { item(label(.catalogueItem), e(Presentation(language).clause(clause))) }
        item(label(.catalogueLegalBasis), r.source.basis.map { e($0) } ?? label(.catalogueNoBasis))
        if let url = Self.httpURL(r.source.url) {
            item(label(.catalogueLink), "<a href=\"\(e(url))\">\(e(url))</a>")
        }
        return out + "</dl>\n</section>\n"
    }

    /// "01/01/2023 – " in the catalogue's language (SPEC §10.9: dates DD/MM/YYYY in Vietnamese).
    func effectiveDates(_ r: Rule) -> String {
        let show = Presentation(language)
        return "\(show.date(r.effective.from)) – \(r.effective.to.map { show.date($0) } ?? "")"
    }

    /// A rule's `source.url` when it is an http(s) link without spaces or quotes, else nil: no
    /// `javascript:` link reaches the page.
    static func httpURL(_ text: String?) -> String? {
        guard let text else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        let unsafe = text.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\"" || $0 == "<" }
        return unsafe ? nil : text
    }

    static let style = """
        body{font-family:system-ui,sans-serif;margin:2em;}table{border-collapse:collapse;}\
        td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;}th{background:#eee;}\
        #catalogue-index td:first-child{white-space:nowrap;}\
        .search input{width:24em;padding:4px;}section.rule{border-top:1px solid #ccc;margin-top:1.5em;}\
        section.rule:target{background:#fff8e1;}dt{font-weight:600;float:left;clear:left;width:9em;}\
        dd{margin-left:10em;margin-bottom:.2em;}.other{font-style:italic;color:#555;}\
        @media print{.search{display:none;}section.rule{break-inside:avoid;}}
        """

    /// Hides the index rows and sections whose text does not contain the query; case and marks are
    /// ignored ("vi pham" finds "vi phạm", "d" finds "đ") as in the HTML report.
    static let script = """
        (function () {
          "use strict";
          var search = document.getElementById("catalogue-search");
          var shown = document.getElementById("catalogue-shown");
          function fold(t) { return t.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase(); }
          var sections = Array.prototype.slice.call(document.querySelectorAll("section.rule"));
          var rows = Array.prototype.slice.call(document.querySelectorAll("#catalogue-index tbody tr"));
          var text = Object.create(null);
          sections.forEach(function (s) { text[s.getAttribute("data-rule")] = fold(s.textContent); });
          rows.forEach(function (r) {
            var id = r.getAttribute("data-rule");
            text[id] = (text[id] || "") + " " + fold(r.textContent);
          });
          function apply() {
            var q = fold(search.value.trim());
            var count = 0;
            sections.forEach(function (s) {
              var ok = !q || text[s.getAttribute("data-rule")].indexOf(q) >= 0;
              s.hidden = !ok;
              if (ok) { count += 1; }
            });
            rows.forEach(function (r) { r.hidden = !!q && text[r.getAttribute("data-rule")].indexOf(q) < 0; });
            shown.textContent = String(count);
          }
          search.addEventListener("input", apply);
        })();
        """
}
