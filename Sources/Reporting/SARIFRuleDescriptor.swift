import ComplianceCore

/// One rule in `tool.driver.rules` (SPEC §10.8): short and full descriptions, help as text and
/// Markdown, tags, and `helpUri` only from the project's `docs_url`.
enum SARIFRuleDescriptor {
    static func write(_ rule: ReportRule, _ report: RunReport, _ w: inout JSONWriter) {
        let language = report.language
        w.beginObject()
        w.field("id", rule.id)
        w.beginObject("shortDescription")
        w.field("text", rule.title.text(in: language))
        w.endObject()
        w.beginObject("fullDescription")
        w.field("text", fullDescription(rule, language))
        w.endObject()
        // No URL from the inputs but the project's own docs_url becomes a link (SPEC §10.8).
        // A saved result's docs_url is read back, so it is checked again here: http or https only.
        if let docs = report.docsURL { w.field("helpUri", WebLink.httpURL(docs + "#" + SARIFReporter.uri(rule.id))) }
        w.beginObject("help")
        w.field("text", helpText(rule, language))
        w.field("markdown", helpMarkdown(rule, language))
        w.endObject()
        w.beginObject("defaultConfiguration")
        w.field("level", rule.severity.sarifLevel)
        w.endObject()
        w.beginObject("properties")
        w.inlineArray("tags", tags(rule))
        w.field("severity", rule.severity.rawValue)
        w.field("kind", rule.kind)
        w.field("binding", rule.binding.rawValue)
        w.beginObject("title")
        w.field("vi", rule.title.vi)
        w.field("en", rule.title.en)
        w.endObject()
        w.beginObject("source")
        w.field("document", rule.source.document)
        w.field("clause", rule.source.clause)
        w.field("basis", rule.source.basis)
        w.field("url", rule.source.url)
        w.endObject()
        w.endObject()
        w.endObject()
    }

    /// `properties.tags`: the kind, the severity and the binding (§10.9).
    static func tags(_ rule: ReportRule) -> [String] { [rule.kind, rule.severity.rawValue, rule.binding.rawValue] }

    /// The rule's description (when it has one), then its legal source.
    static func fullDescription(_ rule: ReportRule, _ language: Language) -> String {
        let source = SARIFReporter.legalSource(rule.source, language)
        guard let description = rule.description?.text(in: language), !description.isEmpty else { return source }
        return description + "\n\n" + source
    }

    /// Title, description, source, basis and binding as plain text.
    static func helpText(_ rule: ReportRule, _ language: Language) -> String {
        helpLines(rule, language).map { $0.label.isEmpty ? $0.value : "\($0.label): \($0.value)" }
            .joined(separator: "\n")
    }

    /// The same as Markdown: the title in bold, then one item per fact; every text from the
    /// inputs is escaped, so a rule file cannot add links or markup to a code-scanning page.
    static func helpMarkdown(_ rule: ReportRule, _ language: Language) -> String {
        var lines = helpLines(rule, language)
        let title = lines.removeFirst()
        var out = "**" + escape(title.value) + "**"
        if let description = lines.first, description.label.isEmpty {
            out += "\n\n" + escape(description.value)
            lines.removeFirst()
        }
        if !lines.isEmpty {
            out += "\n\n" + lines.map { "- " + escape($0.label) + ": " + escape($0.value) }.joined(separator: "\n")
        }
        return out
    }

    private static func helpLines(_ rule: ReportRule, _ language: Language) -> [(label: String, value: String)] {
        let vi = language == .vi
        var lines: [(String, String)] = [("", rule.title.text(in: language))]
        if let d = rule.description?.text(in: language), !d.isEmpty { lines.append(("", d)) }
        var source = rule.source.document
        if let clause = rule.source.clause { source += vi ? ", mục \(clause)" : ", item \(clause)" }
        lines.append((vi ? "Nguồn" : "Source", source))
        if let basis = rule.source.basis { lines.append((vi ? "Căn cứ" : "Basis", basis)) }
        // The binding (law or guidance, SPEC §10.9), worded as the other reports word it.
        lines.append((vi ? "Tính chất" : "Binding", Labels(language: language).binding(rule.binding)))
        return lines
    }

    /// Backslash before every ASCII punctuation character Markdown may read as syntax (CommonMark
    /// allows escaping any of them), and line breaks kept as spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "\n" || c == "\r" {
                out.append(" ")
            } else if c.isASCII, let a = c.asciiValue, "\\`*_{}[]()<>#+-.!|~\"'&=:".utf8.contains(a) {
                out.append("\\")
                out.append(c)
            } else {
                out.append(c)
            }
        }
        return out
    }
}
