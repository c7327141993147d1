import Foundation

/// Vietnamese text arrives in both NFC and NFD; every comparison and every output uses NFC with
/// surrounding white space trimmed (SPEC §6), so "Tiếp" typed on two keyboards is one word.
public enum TextNormalization {
    /// NFC and trimmed.
    ///
    /// Pure-ASCII text (ids, most values) skips the Unicode work.
    public static func normalize(_ text: String) -> String {
        var asciiOnly = true
        var needsTrim = false
        for (i, b) in text.utf8.enumerated() {
            if b >= 0x80 { asciiOnly = false; break }
            if (i == 0 || i == text.utf8.count - 1) && isSpace(b) { needsTrim = true }
        }
        if asciiOnly {
            return needsTrim ? text.trimmingCharacters(in: .whitespacesAndNewlines) : text
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
    }

    /// NFC without trimming (names and free text written back out).
    public static func nfc(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
