/// `Markup`'s escaping written straight into a report's bytes, a run of plain bytes at a time: a
/// national audit escapes tens of millions of fields, and making a `String` of each was most of
/// the time of writing HTML and JUnit.
extension ByteBuffer {
    /// The bytes of `Markup.escape(text)` (with `keepingLines`, of `Markup.escapeKeepingLines`).
    mutating func appendMarkup(_ text: String, keepingLines: Bool = false) {
        var text = text
        text.withUTF8 { appendMarkup($0, keepingLines: keepingLines) }
    }

    /// The bytes of `Markup.escape` of the text whose (valid) UTF-8 is `bytes`.
    mutating func appendMarkup(_ bytes: UnsafeBufferPointer<UInt8>, keepingLines: Bool = false) {
        let n = bytes.count
        var i = 0
        var plain = 0
        while i < n {
            let byte = bytes[i]
            guard Markup.mayNeedEscape(byte) else {
                i += 1
                continue
            }
            append(UnsafeBufferPointer(rebasing: bytes[plain..<i]))
            switch byte {
            case 0x26: append("&amp;")
            case 0x3C: append("&lt;")
            case 0x3E: append("&gt;")
            case 0x22: append("&quot;")
            case 0x27: append("&#39;")
            // `escapeKeepingLines` splits at Characters, and CR LF is one Character: its LF is escaped.
            case 0x0A: if keepingLines && !(i > 0 && bytes[i - 1] == 0x0D) { append(0x0A) } else { append("&#10;") }
            case 0x0D: append("&#13;")
            case 0x09: append("&#9;")
            case 0xC2:
                // U+0080–U+009F are forbidden; the rest of the two-byte sequence is copied.
                if (0x80...0x9F).contains(bytes[i + 1]) {
                    append("\u{FFFD}")
                } else {
                    append(UnsafeBufferPointer(rebasing: bytes[i..<i + 2]))
                }
                i += 1
            case 0xEF:
                // U+FFFE and U+FFFF are forbidden; the rest of the three-byte sequence is copied.
                if bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF) {
                    append("\u{FFFD}")
                } else {
                    append(UnsafeBufferPointer(rebasing: bytes[i..<i + 3]))
                }
                i += 2
            default: append("\u{FFFD}")  // the other C0 controls and DEL
            }
            i += 1
            plain = i
        }
        append(UnsafeBufferPointer(rebasing: bytes[plain..<n]))
    }

    /// `Int`'s decimal digits, with a minus sign when negative.
    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDecimal(value.magnitude)
    }

    /// The bytes of `text`, as they are.
    mutating func appendText(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// The bytes written so far as text.
    var text: String { withBytes { String(decoding: $0, as: UTF8.self) } }
}
