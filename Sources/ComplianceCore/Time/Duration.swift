/// A length of time as rules state it: `N days` (calendar days) or `N working days` (SPEC §5).
public struct DurationSpec: Hashable, Sendable, CustomStringConvertible {
    /// Whether the count is of calendar days or working days.
    public enum Unit: String, Sendable, Hashable {
        case days
        case workingDays = "working days"
    }

    /// N ≥ 0.
    public let count: Int
    /// Calendar or working days.
    public let unit: Unit

    /// A duration from its parts.
    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Parses `30 days`, `1 day`, `10 working days`, `1 working day`; nil otherwise.
    public static func parse(_ text: String) -> DurationSpec? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2 || words.count == 3, words[0].allSatisfy({ $0.isASCII && $0.isNumber }),
            let n = Int(words[0])
        else { return nil }
        if words.count == 2, words[1] == "day" || words[1] == "days" {
            return DurationSpec(count: n, unit: .days)
        }
        if words.count == 3, words[1] == "working", words[2] == "day" || words[2] == "days" {
            return DurationSpec(count: n, unit: .workingDays)
        }
        return nil
    }

    /// As written in the canonical form, for example `10 working days`.
    public var description: String {
        let noun = count == 1 ? "day" : "days"
        return unit == .days ? "\(count) \(noun)" : "\(count) working \(noun)"
    }
}
