/// A civil calendar date, stored as a day number so that date arithmetic in hot paths is integer
/// arithmetic and never touches Foundation's `Date`/`Calendar`.
///
/// Day 0 is 1970-01-01 (proleptic Gregorian). Conversions use Howard Hinnant's civil-from-days
/// algorithms, exact for every year this tool can meet.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    /// Wraps a day number; no validation is needed since every integer is a valid day.
    @inlinable
    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Builds a day from its components, or nil for an impossible date (31/02, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= Day.daysInMonth(year: year, month: month)
        else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.ordinal = era * 146_097 + doe - 719_468
    }

    /// The years a date read from any input may fall in (SPEC §10.0): every date outside is refused
    /// where it is read, so date arithmetic on user data stays far from `Int` overflow.
    public static let supportedYears = 1900...2199

    /// The first and last supported days (1900-01-01 and 2199-12-31).
    public static let supportedRange = Day(ordinal: -25_567)...Day(ordinal: 84_005)

    /// Whether this day lies in the supported years.
    @inlinable
    public var isSupported: Bool { Day.supportedRange.contains(self) }

    /// Year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The year of this day.
    public var year: Int { components.year }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let w = (ordinal + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    /// `YYYY-MM-DD`, the only form the tool writes.
    public var description: String {
        let c = components
        guard (0...9999).contains(c.year) else {
            return Day.pad(c.year, 4) + "-" + Day.pad(c.month, 2) + "-" + Day.pad(c.day, 2)
        }
        // Ten bytes written in place: every finding and report row prints dates.
        return String(unsafeUninitializedCapacity: 10) { out in
            func two(_ at: Int, _ v: Int) {
                out[at] = UInt8(ascii: "0") + UInt8(v / 10)
                out[at + 1] = UInt8(ascii: "0") + UInt8(v % 10)
            }
            two(0, c.year / 100)
            two(2, c.year % 100)
            two(5, c.month)
            two(8, c.day)
            out[4] = UInt8(ascii: "-")
            out[7] = UInt8(ascii: "-")
            return 10
        }
    }

    /// The day `n` days later (or earlier, for negative `n`).
    @inlinable
    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    @inlinable
    public func days(to other: Day) -> Int { other.ordinal - ordinal }

    // Comparisons are inlinable: other modules compare days in their innermost loops.
    @inlinable
    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    @inlinable
    public static func == (lhs: Day, rhs: Day) -> Bool { lhs.ordinal == rhs.ordinal }

    /// Whether `year` has a 29 February.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in a month of a year.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        if value >= 0 && value < 10_000 && width <= 4 {
            // The common case (years, months, days, weeks) written digit by digit: `String(value)`,
            // a character count and a concatenation cost several allocations per date.
            let digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 4
            let length = max(digits, width)
            return String(unsafeUninitializedCapacity: length) { out in
                var v = value
                for i in stride(from: length - 1, through: 0, by: -1) {
                    out[i] = UInt8(ascii: "0") + UInt8(v % 10)
                    v /= 10
                }
                return length
            }
        }
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
