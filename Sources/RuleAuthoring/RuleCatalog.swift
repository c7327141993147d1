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
        var byFile: [(String, [Rule])] = []
        for r in rules.sorted(by: { ($0.location.path, $0.location.line) < ($1.location.path, $1.location.line) }) {
            let file = r.location.path.split(separator: "/").last.map(String.init) ?? r.location.path
            if byFile.last?.0 == file { byFile[byFile.count - 1].1.append(r) } else { byFile.append((file, [r])) }
        }
        var out = ""
        for (file, fileRules) in byFile {
            out += "#### `\(file)`\n\n"
            let heads: [MessageKey] = [
                .catalogueId, .catalogueTitle, .catalogueKind, .catalogueCadence, .catalogueAppliesTo,
                .catalogueEffective, .catalogueSeverityShort, .catalogueBinding, .catalogueSource,
            ]
            out += "| " + heads.map(label).joined(separator: " | ") + " |\n"
            out += "|---|---|---|---|---|---|---|---|---|\n"
            for r in fileRules {
                let vt = r.title.text(in: .vi)
                let et = r.title.text(in: .en)
                let title = Self.cell(vt) + (et != vt ? "<br>*" + Self.cell(et) + "*" : "")
                let cells = [
                    "`\(r.id)`", title, r.kind, Self.cell(r.obligation.parametersText(language)),
                    Self.cell(appliesTo(r)),
                    Self.cell(effectiveDates(r)), Presentation(language).severity(r.severity), binding(r),
                    Self.cell(source(r)),
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
        var out = "# " + label(.catalogueHeading) + "\n\n"
        out += markdownTable()
        for r in rules {
            out += "## \(r.id) — \(r.title.text(in: language))\n\n"
            if let other = r.title.text(in: vi ? .en : .vi).nilIfSame(r.title.text(in: language)) {
                out += "*\(other)*\n\n"
            }
            out += "- **\(label(.catalogueKind))**: `\(r.kind)` — \(r.obligation.parametersText(language))\n"
            out += "- **\(label(.catalogueAppliesTo))**: \(appliesTo(r))\n"
            out += "- **\(label(.catalogueEffective))**: \(effectiveDates(r))\n"
            out += "- **\(label(.catalogueSeverity))**: \(Presentation(language).severity(r.severity))\n"
            out += "- **\(label(.catalogueBinding))**: \(binding(r)) — \(bindingMeaning(r))\n"
            out += "- **\(label(.catalogueSource))**: \(source(r))\n"
            if let d = r.description?.text(in: language) { out += "\n\(d)\n" }
            out += "\n"
        }
        return out
    }

    func appliesTo(_ r: Rule) -> String {
        r.appliesTo.map { RuleWording.selector($0, language) } ?? label(.catalogueEveryUnit)
    }

    /// A label of the catalogue in its language.
    func label(_ key: MessageKey) -> String { MessageCatalogue.label(key, language) }

    func binding(_ r: Rule) -> String {
        label(r.binding == .law ? .catalogueBindingLaw : .catalogueBindingGuidance)
    }

    /// What the binding means for a reader of the catalogue (SPEC §10.9).
    func bindingMeaning(_ r: Rule) -> String {
        label(r.binding == .law ? .catalogueLawMeaning : .catalogueGuidanceMeaning)
    }

    /// ISO dates: `rules list` is the compact, grep-friendly listing (its headers are the keys).
    private func effective(_ r: Rule) -> String {
        "\(r.effective.from) – \(r.effective.to.map(\.description) ?? "")"
    }

    func source(_ r: Rule) -> String {
        ([r.source.clause.map { Presentation(language).clause($0) }, r.source.basis].compactMap { $0 })
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
