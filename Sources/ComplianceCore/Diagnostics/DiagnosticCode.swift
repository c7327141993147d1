/// A diagnostic code of the catalogue: the stable dotted kebab-case name machines match on, its level,
/// and what it means (the sentence docs/diagnostics.md shows).
public struct DiagnosticCode: Hashable, Sendable, CustomStringConvertible {
    /// `rule.unknown-key`.
    public let rawValue: String
    /// The level it is reported at (`validate --strict` reports warnings as errors).
    public let level: Diagnostic.Level
    /// The docs/diagnostics.md table it is listed in.
    public let section: String
    /// What it means, in English, as docs/diagnostics.md shows it.
    public let meaning: String

    init(_ rawValue: String, _ level: Diagnostic.Level, section: String, meaning: String) {
        self.rawValue = rawValue
        self.level = level
        self.section = section
        self.meaning = meaning
    }

    public var description: String { rawValue }

    public static func == (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// The catalogued code named `rawValue`; a code outside the catalogue is a programming error.
    public static func named(_ rawValue: String) -> DiagnosticCode {
        guard let code = DiagnosticCatalogue.byName[rawValue] else {
            preconditionFailure("diagnostic code '\(rawValue)' is not in DiagnosticCatalogue")
        }
        return code
    }
}

/// The table of every diagnostic code (`all`, in DiagnosticCodes.swift) and the page made from it.
public enum DiagnosticCatalogue {
    static let byName: [String: DiagnosticCode] = Dictionary(uniqueKeysWithValues: all.map { ($0.rawValue, $0) })

    /// The Markdown table of one section: consecutive codes of the same level and meaning share a row.
    public static func table(section: String) -> String {
        var rows: [(codes: [String], level: String, meaning: String)] = []
        for code in all where code.section == section {
            if let last = rows.last, last.level == code.level.rawValue, last.meaning == code.meaning {
                rows[rows.count - 1].codes.append(code.rawValue)
            } else {
                rows.append(([code.rawValue], code.level.rawValue, code.meaning))
            }
        }
        var out = "| code | level | meaning |\n|---|---|---|\n"
        for row in rows {
            out += "| " + row.codes.map { "`\($0)`" }.joined(separator: ", ") + " | \(row.level) | \(row.meaning) |\n"
        }
        return out
    }

    /// `page` with the text between each `<!-- BEGIN GENERATED: section -->` and its
    /// `<!-- END GENERATED: section -->` replaced by that section's table; the prose around is kept.
    public static func filling(_ page: String) -> String {
        var out = ""
        var rest = Substring(page)
        while let begin = rest.range(of: "<!-- BEGIN GENERATED: ") {
            out += rest[..<begin.upperBound]
            rest = rest[begin.upperBound...]
            guard let close = rest.range(of: " -->\n") else { break }
            let section = String(rest[..<close.lowerBound])
            out += rest[..<close.upperBound]
            rest = rest[close.upperBound...]
            guard let end = rest.range(of: "<!-- END GENERATED: \(section) -->") else { break }
            out += table(section: section)
            rest = rest[end.lowerBound...]
        }
        return out + rest
    }

    /// The sections the catalogue lists codes in, in order of first appearance.
    public static var sections: [String] {
        var seen: [String] = []
        for code in all where !seen.contains(code.section) { seen.append(code.section) }
        return seen
    }
}
