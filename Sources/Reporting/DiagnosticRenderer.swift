import ComplianceCore

/// Prints diagnostics like a compiler: `path:line:column: error: message [code]`, then the source
/// line and a caret under the column.
public enum DiagnosticRenderer {
    /// Renders one diagnostic; `sourceLine` returns a file's line (1-based) if it can be read, and `displayPath` maps a project path to the path shown (for example relative to the current folder).
    public static func render(
        _ d: Diagnostic, color: Bool, displayPath: (String) -> String = { $0 },
        sourceLine: (String, Int) -> String? = { _, _ in nil }
    ) -> String {
        var head = ""
        if let loc = d.location {
            head = displayPath(loc.path)
            head += ":\(max(loc.line, 1)):\(max(loc.column, 1)): "
        }
        let level =
            color
            ? (d.level == .error ? "\u{1B}[31merror\u{1B}[0m" : "\u{1B}[33m\(d.level.rawValue)\u{1B}[0m")
            : d.level.rawValue
        // A workbook's position is a row and column: the sheet is named, and no source line is shown.
        let sheet = d.location?.sheet.map { "sheet '\(printable($0))': " } ?? ""
        var out = head + level + ": " + sheet + d.message + " [\(d.code)]\n"
        if let loc = d.location, loc.line > 0, loc.sheet == nil, let text = sourceLine(loc.path, loc.line) {
            let clean = text.replacingOccurrences(of: "\t", with: " ")
            out += "  " + clean + "\n"
            if loc.column > 0 {
                let pad = String(repeating: " ", count: min(loc.column - 1, clean.count))
                out += "  " + pad + "^\n"
            }
        }
        for r in d.related where r.line > 0 {
            let sheet = r.sheet.map { " (sheet '\(printable($0))')" } ?? ""
            out += "\(displayPath(r.path)):\(r.line):\(max(r.column, 1)): note: related location\(sheet)\n"
        }
        return out
    }

    /// A sheet name with control characters shown as `?`, so no byte of a workbook drives the terminal.
    private static func printable(_ name: String) -> String {
        String(
            String.UnicodeScalarView(name.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }
}
