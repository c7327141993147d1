/// A value of an event attribute or a rule operand, with the readings SPEC §6 compares by: a text
/// that reads as a number compares as a number, so a CSV cell `10` equals the number 10.
public struct AttributeValue: Hashable, Sendable, CustomStringConvertible {
    /// NFC, trimmed text — what key fields and labels compare by.
    public let text: String
    /// The decimal it reads as, if any.
    public let number: Double?
    /// `true`/`false` in any letter case.
    public let boolean: Bool?
    /// `YYYY-MM-DD` (or `D/M/YYYY`) as a day.
    public let date: Day?

    /// Reads `raw` after NFC normalisation and trimming.
    public init(_ raw: String) {
        let t = TextNormalization.normalize(raw)
        text = t
        number = AttributeValue.readNumber(t)
        switch t.lowercased() {
        case "true": boolean = true
        case "false": boolean = false
        default: boolean = nil
        }
        date = t.count <= 10 ? DateText.parseCalendarDate(Substring(t)) : nil
    }

    public var description: String { text }

    /// Strict decimal: optional sign, digits, optional fraction.
    ///
    /// No exponents, no hex, no "nan".
    public static func readNumber(_ t: String) -> Double? {
        var sawDigit = false
        var sawDot = false
        for (i, b) in t.utf8.enumerated() {
            switch b {
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                if i != 0 { return nil }
            case UInt8(ascii: "."):
                if sawDot { return nil }
                sawDot = true
            case 48...57:
                sawDigit = true
            default:
                return nil
            }
        }
        return sawDigit ? Double(t) : nil
    }

    /// Typed equality of SPEC §6: number with number, date with date, boolean with boolean, else text.
    public func typedEquals(_ other: AttributeValue) -> Bool {
        if let a = number, let b = other.number { return a == b }
        if let a = boolean, let b = other.boolean { return a == b }
        if let a = date, let b = other.date { return a == b }
        return text == other.text
    }

    /// Typed ordering for gt/gte/lt/lte: numbers or dates; nil (condition false) otherwise.
    public func typedCompare(_ other: AttributeValue) -> Int? {
        if let a = number, let b = other.number { return a < b ? -1 : (a > b ? 1 : 0) }
        if let a = date, let b = other.date { return a < b ? -1 : (a > b ? 1 : 0) }
        return nil
    }
}
