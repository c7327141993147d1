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

    /// Whether `a` and `b` are the same bytes.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }
}
