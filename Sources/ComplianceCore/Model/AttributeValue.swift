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

    /// A value whose readings are already known (`ValueTable` keeps them apart from the text).
    public init(text: String, number: Double?, boolean: Bool?, date: Day?) {
        self.text = text
        self.number = number
        self.boolean = boolean
        self.date = date
    }

    /// Reads text already known to be NFC and trimmed plain ASCII (what most log values are), with
    /// the same readings as `init(_:)` but without its Unicode work: ingestion builds one value per
    /// distinct reference number, a million and more in a national log.
    public init(plainASCII bytes: UnsafeBufferPointer<UInt8>) {
        let t = String(decoding: bytes, as: UTF8.self)
        text = t
        // A decimal too long for a double (a 400-digit cell) is text, never infinity.
        number = Self.isDecimal(bytes) ? Double(t).flatMap { $0.isFinite ? $0 : nil } : nil
        boolean = Self.readBoolean(bytes)
        date =
            bytes.count <= 10 && bytes.contains(where: { $0 == 0x2D || $0 == 0x2F })
            ? DateText.parseCalendarDate(Substring(t)) : nil
    }

    /// `readNumber`'s test on bytes: optional leading sign, digits, at most one dot, some digit.
    private static func isDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawDigit = false
        var sawDot = false
        for (i, b) in bytes.enumerated() {
            switch b {
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                if i != 0 { return false }
            case UInt8(ascii: "."):
                if sawDot { return false }
                sawDot = true
            case 48...57:
                sawDigit = true
            default:
                return false
            }
        }
        return sawDigit
    }

    /// `true`/`false` in any letter case, on ASCII bytes.
    private static func readBoolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        func matches(_ word: StaticString) -> Bool {
            guard bytes.count == word.utf8CodeUnitCount else { return false }
            for i in 0..<bytes.count where bytes[i] | 0x20 != word.utf8Start[i] { return false }
            return true
        }
        if matches("true") { return true }
        if matches("false") { return false }
        return nil
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
        return sawDigit ? Double(t).flatMap { $0.isFinite ? $0 : nil } : nil
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
