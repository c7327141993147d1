import Foundation

/// Vietnamese text arrives in both NFC and NFD; every comparison and every output uses NFC with
/// surrounding white space trimmed (SPEC §6), so "Tiếp" typed on two keyboards is one word.
public enum TextNormalization {
    /// NFC and trimmed.
    ///
    /// Text that needs neither (plain ASCII ids, most values) is returned as it is without a
    /// Foundation round trip, which costs microseconds per call and dominated loading large files.
    public static func normalize(_ text: String) -> String {
        let utf8 = text.utf8
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return text }
        if isASCII(text) {
            // As before, only these four spaces at an end start a trim (a form feed alone does not).
            let needsTrim = isSpace(firstByte) || isSpace(lastByte)
            return needsTrim ? text.trimmingCharacters(in: .whitespacesAndNewlines) : text
        }
        let scalars = text.unicodeScalars
        if let first = scalars.first, let last = scalars.last, !whitespace.contains(first), !whitespace.contains(last) {
            return nfc(text)  // Trimming would keep every scalar.
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
    }

    /// NFC without trimming (names and free text written back out).
    public static func nfc(_ text: String) -> String {
        isKnownNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// What `trimmingCharacters(in: .whitespacesAndNewlines)` removes.
    private static let whitespace = CharacterSet.whitespacesAndNewlines

    /// Whether `text` is plain ASCII, usually read from a flag the string already carries.
    static func isASCII(_ text: String) -> Bool {
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            var span = text.utf8Span
            return span.isKnownASCII || span.checkForASCII()
        }
        return text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether `text` is NFC by Unicode's quick check (ASCII always is; precomposed Vietnamese
    /// letters are); when unsure it says no and Foundation normalizes, which changes nothing then.
    static func isKnownNFC(_ text: String) -> Bool {
        if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
            var span = text.utf8Span
            return span.checkForNFC(quickCheck: true)
        }
        return isASCII(text)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
