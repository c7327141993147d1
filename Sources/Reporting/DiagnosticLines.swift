import ComplianceCore

/// `--diagnostics FILE`: one diagnostic per line as a compact JSON object (JSON Lines), with the
/// same fields as the report's `diagnostics` entries (SPEC §10.6).
public enum DiagnosticLines {
    /// One diagnostic as a JSON line, newline included.
    public static func line(_ d: Diagnostic, language: Language = .en) -> String {
        var out = "{\"level\":" + JSONWriter.quote(d.level.rawValue) + ",\"code\":" + JSONWriter.quote(d.code)
        if d.omitted > 0 {
            if let path = d.location?.path { out += ",\"path\":" + JSONWriter.quote(path) }
            return out + ",\"omitted\":\(d.omitted)}\n"
        }
        out += ",\"message\":" + JSONWriter.quote(d.message(in: language))
        if let loc = d.location {
            out += ",\"path\":" + JSONWriter.quote(loc.path)
            if loc.line > 0 { out += ",\"line\":\(loc.line)" }
            if loc.column > 0 { out += ",\"column\":\(loc.column)" }
        }
        return out + "}\n"
    }
}
