import ComplianceCore

/// Prints diagnostics like a compiler: `path:line:column: error: message [code]`, then the source
/// line and a caret under the column.
///
/// Paths, messages and source lines go through `TerminalText.escaped`: nothing the inputs contain
/// reaches the terminal raw.
public enum DiagnosticRenderer {
    /// Renders one diagnostic; `sourceLine` returns a file's line (1-based) if it can be read, and `displayPath` maps a project path to the path shown (for example relative to the current folder).
    public static func render(
        _ d: Diagnostic, color: Bool, language: Language = .en, displayPath: (String) -> String = { $0 },
        sourceLine: (String, Int) -> String? = { _, _ in nil }
    ) -> String {
        if d.omitted > 0 {
            // The line that stands for the diagnostics not shown (SPEC §10.6).
            let place = d.location.map { displayPath($0.path) + ": " } ?? ""
            return place + "note: \(d.message(in: language)) [\(d.code)]\n"
        }
        var head = ""
        if let loc = d.location {
            head = TerminalText.escaped(displayPath(loc.path))
            head += ":\(max(loc.line, 1)):\(max(loc.column, 1)): "
        }
        let level =
            color
            ? (d.level == .error ? "\u{1B}[31merror\u{1B}[0m" : "\u{1B}[33m\(d.level.rawValue)\u{1B}[0m")
            : d.level.rawValue
        // A workbook's position is a row and column: the sheet is named, and no source line is shown.
        let sheet =
            d.location?.sheet.map {
                MessageCatalogue.render(.sheetPrefix, ["sheet": TerminalText.escaped($0)], in: language)
            }
            ?? ""
        var out =
            head + level + ": " + sheet + TerminalText.escaped(d.message(in: language))
            + " [\(TerminalText.escaped(d.code))]\n"
        if let loc = d.location, loc.line > 0, loc.sheet == nil, let text = sourceLine(loc.path, loc.line) {
            let clean = text.replacingOccurrences(of: "\t", with: " ")
            out += "  " + TerminalText.escaped(clean) + "\n"
            if loc.column > 0 {
                // The caret stands under the column as shown: each escape before it widens the line.
                let before = String(clean.unicodeScalars.prefix(loc.column - 1))
                let widened = TerminalText.escaped(before).unicodeScalars.count - before.unicodeScalars.count
                let pad = String(repeating: " ", count: min(loc.column - 1, clean.count) + widened)
                out += "  " + pad + "^\n"
            }
        }
        for r in d.related where r.line > 0 {
            let sheet = r.sheet.map { " (sheet '\(TerminalText.escaped($0))')" } ?? ""
            let related = MessageCatalogue.label(.relatedLocation, language)
            out +=
                "\(TerminalText.escaped(displayPath(r.path))):\(r.line):\(max(r.column, 1)): note: \(related)\(sheet)\n"
        }
        return out
    }
}
