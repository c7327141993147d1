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

extension FindingSentence {
    /// " is due for 2023-W03 (due 2023-01-22)" / " chưa đến hạn kỳ … (hạn …)".
    public static func isDue(_ f: Finding, _ language: Language, _ m: inout FindingSentence) {
        let show = Presentation(language)
        if language == .vi {
            m.add(" chưa đến hạn")
            m.add(" kỳ ", ifPresent: f.period.map { show.period($0) })
            m.add(" (hạn ", ifPresent: f.due.map { show.date($0) }, ")")
        } else {
            m.add(" is due")
            m.add(" for ", ifPresent: f.period)
            m.add(" (due ", ifPresent: f.due?.description, ")")
        }
    }

    /// " met it for 2023-W01" / " đã thực hiện kỳ …".
    public static func met(_ f: Finding, _ language: Language, _ m: inout FindingSentence) {
        if language == .vi {
            m.add(" đã thực hiện")
            m.add(" kỳ ", ifPresent: f.period.map { Presentation(.vi).period($0) })
        } else {
            m.add(" met it")
            m.add(" for ", ifPresent: f.period)
        }
    }
}
