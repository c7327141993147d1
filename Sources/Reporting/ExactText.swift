import Foundation

/// A string hashed and compared by its UTF-8 bytes, as a key of rendered text.
///
/// `String` equality is canonical equivalence: two spellings of one Vietnamese word are equal keys,
/// but a report writes each one's own bytes, so a cache keyed by `String` could write the wrong ones.
struct ExactText: Hashable {
    let text: String

    static func == (a: ExactText, b: ExactText) -> Bool { sameBytes(a.text, b.text) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Whether `a` and `b` are the same bytes (compared in place: this runs for every finding).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count else { return false }
                guard let p = x.baseAddress, let q = y.baseAddress else { return true }
                return memcmp(p, q, x.count) == 0
            }
        }
    }
}
