/// Escaping for the markup formats (HTML, JUnit XML), so no data field can open a tag, close an
/// attribute or carry a character XML 1.0 forbids.
public enum Markup {
    /// Text escaped for an HTML or XML text node or a double- or single-quoted attribute value.
    public static func escape(_ s: String) -> String {
        // Most text has nothing to escape: returned as it is, after one pass over its bytes.
        guard s.utf8.contains(where: mayNeedEscape) else { return s }
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

    /// Whether a UTF-8 byte may start something `escape` changes: an ASCII control, `&<>"'`, DEL,
    /// or the lead byte of U+0080–U+00BF or of U+F000–U+FFFF (which holds U+FFFE and U+FFFF).
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00..<0x20, 0x26, 0x3C, 0x3E, 0x22, 0x27, 0x7F, 0xC2, 0xEF: true
        default: false
        }
    }

    /// C0 controls other than tab, LF and CR, the surrogates' replacement and the non-characters
    /// U+FFFE/U+FFFF are not allowed in XML 1.0 documents, even as references.
    private static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\t" && s != "\n" && s != "\r") || s.value == 0xFFFE || s.value == 0xFFFF
            || (0x7F...0x9F).contains(s.value)
    }
}

/// Links taken from the inputs.
enum WebLink {
    /// `text` when it is an `http:` or `https:` URL (scheme in any case) with a host and no white
    /// space or control character, else nil: no `javascript:`, `data:` or `file:` link reaches a
    /// report.
    static func httpURL(_ text: String?) -> String? {
        guard let text else { return nil }
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            return nil
        }
        guard let first = rest.unicodeScalars.first, first != "/",
            !text.unicodeScalars.contains(where: {
                $0.properties.isWhitespace || TerminalText.needsEscape($0) || $0 == "\\"
            })
        else { return nil }
        return text
    }
}
