/// Escaping for the markup formats (HTML, JUnit XML), so no data field can open a tag, close an
/// attribute or carry a character XML 1.0 forbids.
public enum Markup {
    /// Text escaped for an HTML or XML text node or a double- or single-quoted attribute value.
    public static func escape(_ s: String) -> String {
        // Most text has nothing to escape: returned as it is, after one pass over its bytes.
        guard s.utf8.contains(where: mayNeedEscape) else { return s }
        var out = ByteBuffer(capacity: s.utf8.count + 16)
        out.appendMarkup(s)
        return out.text
    }

    /// Like `escape`, but keeps line breaks as real newlines (for a `<failure>` body or `<pre>`).
    public static func escapeKeepingLines(_ s: String) -> String {
        guard s.utf8.contains(where: mayNeedEscape) else { return s }
        var out = ByteBuffer(capacity: s.utf8.count + 16)
        out.appendMarkup(s, keepingLines: true)
        return out.text
    }

    /// Whether a UTF-8 byte may start something `escape` changes: an ASCII control, `&<>"'`, DEL,
    /// or the lead byte of U+0080–U+00BF or of U+F000–U+FFFF (which holds U+FFFE and U+FFFF).
    static func mayNeedEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00..<0x20, 0x26, 0x3C, 0x3E, 0x22, 0x27, 0x7F, 0xC2, 0xEF: true
        default: false
        }
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
