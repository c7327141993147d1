import ComplianceCore
import RuleKit

/// The rule catalogue (`dvcheck rules list` and `rules doc`): every rule with its parameters in
/// words, so a reader can review the pack without reading YAML.
public struct RuleCatalog {
    /// The rules, in id order.
    public let rules: [Rule]
    /// The language of titles and words.
    public let language: Language

    /// A catalogue of `rules`.
    public init(rules: [Rule], language: Language) {
        self.rules = rules.sorted { $0.id.codePointPrecedes($1.id) }
        self.language = language
    }

    /// Rules filtered by kind, severity, the level their `applies_to` names, and binding.
    public func filtered(kind: String?, severity: Severity?, level: String?, binding: Binding? = nil) -> RuleCatalog {
        RuleCatalog(
            rules: rules.filter { r in
                (kind.map { r.kind == $0 } ?? true) && (severity.map { r.severity == $0 } ?? true)
                    && (level.map { r.appliesTo?.levels?.contains($0) ?? true } ?? true)
                    && (binding.map { r.binding == $0 } ?? true)
            }, language: language)
    }

    /// `rules list`: one line per rule, aligned columns.
    public func list() -> String {
        let header = ["ID", "KIND", "SEVERITY", "BINDING", "EFFECTIVE", "APPLIES TO", "TITLE"]
        let rows = rules.map { r in
            [
                r.id, r.kind, r.severity.rawValue, r.binding.rawValue, effective(r), appliesTo(r),
                r.title.text(in: language),
            ]
        }
        let padded = header.count - 1
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < padded { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                i < padded ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0) : c
            }
            .joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n\(rules.count) rules\n"
    }

    /// The Markdown catalogue embedded in rules/README.md: one table per rule file, in file order,
    /// titles in both languages, parameters in words.
    public func markdownTable() -> String {
        let vi = language == .vi
        var byFile: [(String, [Rule])] = []
        for r in rules.sorted(by: { ($0.location.path, $0.location.line) < ($1.location.path, $1.location.line) }) {
            let file = r.location.path.split(separator: "/").last.map(String.init) ?? r.location.path
            if byFile.last?.0 == file { byFile[byFile.count - 1].1.append(r) } else { byFile.append((file, [r])) }
        }
        var out = ""
        for (file, fileRules) in byFile {
            out += "#### `\(file)`\n\n"
            out +=
                vi
                ? "| Mã | Tiêu đề | Loại | Nhịp / thời hạn | Áp dụng | Hiệu lực | Mức | Tính chất | Nguồn |\n"
                : "| id | title | kind | cadence / deadline | applies to | effective | severity | binding | source |\n"
            out += "|---|---|---|---|---|---|---|---|---|\n"
            for r in fileRules {
                let vt = r.title.text(in: .vi)
                let et = r.title.text(in: .en)
                let title = Self.cell(vt) + (et != vt ? "<br>*" + Self.cell(et) + "*" : "")
                let cells = [
                    "`\(r.id)`", title, r.kind, Self.cell(r.obligation.parametersText(language)),
                    Self.cell(appliesTo(r)),
                    Self.cell(effective(r)), r.severity.rawValue, binding(r), Self.cell(source(r)),
                ]
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
            out += "\n"
        }
        return out
    }

    /// `rules doc --format md`: the table, then a section per rule.
    public func markdown() -> String {
        let vi = language == .vi
        var out = vi ? "# Danh mục quy tắc\n\n" : "# Rule catalogue\n\n"
        out += markdownTable()
        for r in rules {
            out += "## \(r.id) — \(r.title.text(in: language))\n\n"
            if let other = r.title.text(in: vi ? .en : .vi).nilIfSame(r.title.text(in: language)) {
                out += "*\(other)*\n\n"
            }
            out += "- **\(vi ? "Loại" : "Kind")**: `\(r.kind)` — \(r.obligation.parametersText(language))\n"
            out += "- **\(vi ? "Áp dụng" : "Applies to")**: \(appliesTo(r))\n"
            out += "- **\(vi ? "Hiệu lực" : "Effective")**: \(effective(r))\n"
            out += "- **\(vi ? "Mức độ" : "Severity")**: \(r.severity.rawValue)\n"
            out += "- **\(vi ? "Tính chất" : "Binding")**: \(binding(r)) — \(bindingMeaning(r))\n"
            out += "- **\(vi ? "Nguồn" : "Source")**: \(source(r))\n"
            if let d = r.description?.text(in: language) { out += "\n\(d)\n" }
            out += "\n"
        }
        return out
    }

    func appliesTo(_ r: Rule) -> String {
        r.appliesTo.map { RuleWording.selector($0, language) } ?? (language == .vi ? "mọi đơn vị" : "every unit")
    }

    func binding(_ r: Rule) -> String {
        guard language == .vi else { return r.binding.rawValue }
        return r.binding == .law ? "luật" : "hướng dẫn"
    }

    /// What the binding means for a reader of the catalogue (SPEC §10.9).
    func bindingMeaning(_ r: Rule) -> String {
        switch (language, r.binding) {
        case (.vi, .law): return "nghĩa vụ do chỉ thị hoặc luật quy định; không đạt là VI PHẠM"
        case (.vi, .guidance): return "mức do bộ quy tắc chọn khi văn bản không quy định; không đạt là CHƯA ĐẠT"
        case (.en, .law): return "the directive or a law states the obligation; a violation reads VI PHẠM"
        case (.en, .guidance): return "the pack chose the number where no text gives one; a violation reads CHƯA ĐẠT"
        }
    }

    private func effective(_ r: Rule) -> String {
        "\(r.effective.from) – \(r.effective.to.map(\.description) ?? "")"
    }

    func source(_ r: Rule) -> String {
        ([r.source.clause.map { (language == .vi ? "mục " : "clause ") + $0 }, r.source.basis].compactMap { $0 })
            .joined(separator: "; ")
    }

    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}

extension Obligation {
    /// The parameters in words when the kind knows how to say them.
    func parametersText(_ language: Language) -> String {
        (self as? any ObligationKind)?.parameters(in: language) ?? ""
    }
}

extension String {
    fileprivate func nilIfSame(_ other: String) -> String? { self == other ? nil : self }
}
