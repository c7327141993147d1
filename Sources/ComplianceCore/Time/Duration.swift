/// A length of time as rules state it: `N days` (calendar days) or `N working days` (SPEC §5).
public struct DurationSpec: Hashable, Sendable, CustomStringConvertible {
    /// Whether the count is of calendar days or working days.
    public enum Unit: String, Sendable, Hashable {
        case days
        case workingDays = "working days"
    }

    /// The longest duration a rule may state, in either unit (SPEC §10.0: about a century), so that
    /// due-date arithmetic and working-day counting stay bounded whatever a rule says.
    public static let maximumCount = 36_500

    /// 0 ≤ N ≤ `maximumCount`.
    public let count: Int
    /// Calendar or working days.
    public let unit: Unit

    /// A duration from its parts.
    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Why a duration was refused.
    public enum Failure: Error, Equatable, Sendable {
        /// Not `N days` / `N working days`.
        case malformed
        /// Well formed, but more than `maximumCount`.
        case tooLong
    }

    /// Parses `30 days`, `1 day`, `10 working days`, `1 working day` of at most `maximumCount`; nil otherwise.
    public static func parse(_ text: String) -> DurationSpec? { try? checked(text).get() }

    /// Parses a duration, saying why one is refused.
    ///
    /// The count is read digit by digit up to the bound, so no length of digits can overflow.
    public static func checked(_ text: String) -> Result<DurationSpec, Failure> {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2 || words.count == 3, !words[0].isEmpty,
            words[0].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return .failure(.malformed) }
        let unit: Unit
        if words.count == 2, words[1] == "day" || words[1] == "days" {
            unit = .days
        } else if words.count == 3, words[1] == "working", words[2] == "day" || words[2] == "days" {
            unit = .workingDays
        } else {
            return .failure(.malformed)
        }
        var n = 0
        for digit in words[0].utf8 {
            n = n * 10 + Int(digit - UInt8(ascii: "0"))
            if n > maximumCount { return .failure(.tooLong) }
        }
        return .success(DurationSpec(count: n, unit: unit))
    }

    /// As written in the canonical form, for example `10 working days`.
    public var description: String {
        let noun = count == 1 ? "day" : "days"
        return unit == .days ? "\(count) \(noun)" : "\(count) working \(noun)"
    }
}
