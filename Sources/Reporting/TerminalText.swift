/// Text from the inputs made safe to show on a terminal.
///
/// Every control character (C0, DEL, C1 — ESC, BEL, the start of an OSC sequence…) and every bidirectional formatting character (the
/// embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069, the marks U+200E, U+200F,
/// U+061C) and the line and paragraph separators U+2028, U+2029 are written as Swift-style
/// escapes, `\u{1B}`, so they are seen rather than obeyed. Nothing else changes (a backslash stays
/// a backslash).
public enum TerminalText {
    /// `text` with every character above escaped; with `keepingLines`, line feeds and tabs stay
    /// (for text the tool lays out itself, such as a rule test's failure listing).
    public static func escaped(_ text: String, keepingLines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLines) }) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingLines) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `scalar` must not reach a terminal as it is.
    public static func needsEscape(_ scalar: Unicode.Scalar, _ keepingLines: Bool = false) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: !keepingLines
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029: true
        default: false
        }
    }
}
