/// Escaping for the markup formats (HTML, JUnit XML), so no data field can open a tag, close an
/// attribute or carry a character XML 1.0 forbids.
public enum Markup {
    /// Text escaped for an HTML or XML text node or a double- or single-quoted attribute value.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                if isForbidden(scalar) {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Like `escape`, but keeps line breaks as real newlines (for a `<failure>` body or `<pre>`).
    public static func escapeKeepingLines(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
            .joined(separator: "\n")
    }

    /// C0 controls other than tab, LF and CR, the surrogates' replacement and the non-characters
    /// U+FFFE/U+FFFF are not allowed in XML 1.0 documents, even as references.
    private static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\t" && s != "\n" && s != "\r") || s.value == 0xFFFE || s.value == 0xFFFF
            || (0x7F...0x9F).contains(s.value)
    }
}
