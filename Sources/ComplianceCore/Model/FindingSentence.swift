/// A tool-written finding message, "title: name (id)" and then the kind's words, assembled in one
/// buffer and made a `String` once (interpolating piece by piece is slow at millions of findings).
public struct FindingSentence {
    @usableFromInline var bytes: [UInt8] = []

    /// "title: name (id)".
    public init(title: String, unit: Unit) {
        bytes.reserveCapacity(192)
        add(title, ": ", unit.name, " (", unit.id, ")")
    }

    /// Appends the parts.
    @inlinable
    public mutating func add(_ parts: String...) {
        for var p in parts { p.withUTF8 { bytes.append(contentsOf: $0) } }
    }

    /// Appends `lead`, `text` and `tail` when `text` is present (an optional field's words).
    @inlinable
    public mutating func add(_ lead: String, ifPresent text: String?, _ tail: String = "") {
        guard let text else { return }
        add(lead)
        add(text)
        add(tail)
    }

    /// The message.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
