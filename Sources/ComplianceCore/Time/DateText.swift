import Foundation

/// Parses the date forms of SPEC §4 without Foundation's locale-sensitive formatters, which are slow
/// and would accept month-first dates.
public enum DateText {
    /// Why a date string was refused, for the diagnostic's message.
    public enum Failure: Error, Equatable, Sendable {
        case malformed
        case impossible
        case missingOffset
        /// A real date outside the years 1900–2199 (SPEC §10.0).
        case outOfRange

        /// Why, in a few words, for messages ("not a date", "outside the years 1900–2199").
        public var explanation: String {
            switch self {
            case .malformed: "not a date YYYY-MM-DD"
            case .impossible: "an impossible date"
            case .missingOffset: "a date and time without Z or an offset"
            case .outOfRange: "outside the years \(Day.supportedYears.lowerBound)–\(Day.supportedYears.upperBound)"
            }
        }
    }

    /// `YYYY-MM-DD` strictly, with the reason when refused: the one check for dates a person types
    /// (YAML files, `dvcheck.yaml`, and the command line's `--as-of`, `--from` and `--to`).
    public static func checkedISODate(_ text: Substring) -> Result<Day, Failure> {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            let y = number(b[0..<4]), let m = number(b[5..<7]), let d = number(b[8..<10])
        else { return .failure(.malformed) }
        guard let day = Day(year: y, month: m, day: d) else { return .failure(.impossible) }
        return day.isSupported ? .success(day) : .failure(.outOfRange)
    }

    /// A command-line date option (`--as-of`, `--from`, `--to`): the day, or a message naming the option.
    public static func optionDate(_ text: String, option: String) -> Result<Day, OptionDateError> {
        checkedISODate(Substring(text)).mapError {
            OptionDateError(message: "\(option) '\(text)' is \($0.explanation)")
        }
    }

    /// A refused command-line date, with a message that names the option.
    public struct OptionDateError: Error, Sendable, CustomStringConvertible {
        /// For example `--as-of '1899-12-31' is outside the years 1900–2199`.
        public let message: String
        public var description: String { message }
    }

    /// `YYYY-MM-DD` strictly, in the supported years (rules, units, calendars, waivers, configuration).
    public static func parseISODate(_ text: Substring) -> Day? {
        try? checkedISODate(text).get()
    }

    /// `YYYY-MM-DD` strictly.
    public static func parseISODate(_ text: String) -> Day? { parseISODate(Substring(text)) }

    /// `D/M/YYYY` with one or two digits for day and month — day first, never month first.
    public static func parseDayMonthYear(_ text: Substring) -> Day? {
        let parts = text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4,
            let d = number(parts[0]), let m = number(parts[1]), let y = number(parts[2]),
            let day = Day(year: y, month: m, day: d), day.isSupported
        else { return nil }
        return day
    }

    /// A date or `YYYY-MM-DD` (the two forms vocabulary `date` attributes accept).
    public static func parseCalendarDate(_ text: Substring) -> Day? {
        parseISODate(text) ?? parseDayMonthYear(text)
    }

    /// Any event date of SPEC §4: a date, `D/M/YYYY`, or a datetime with `Z`/offset converted to a
    /// civil date in `zone`.
    public static func parseEventDate(_ raw: Substring, zone: ZoneConverter) -> Result<Day, Failure> {
        let text = raw
        switch checkedISODate(text) {
        case .success(let day): return .success(day)
        case .failure(.outOfRange): return .failure(.outOfRange)
        case .failure: break
        }
        // Bytes: `contains("/")` goes through Foundation's string search, a cost per bad date.
        if text.utf8.contains(UInt8(ascii: "/")) {
            if let day = parseDayMonthYear(text) { return .success(day) }
            if let day = dayMonthYearIgnoringRange(text), !day.isSupported { return .failure(.outOfRange) }
            return .failure(looksLikeDate(text) ? .impossible : .malformed)
        }
        return parseDateTime(text, zone: zone).flatMap { $0.isSupported ? .success($0) : .failure(.outOfRange) }
    }

    private static func dayMonthYearIgnoringRange(_ text: Substring) -> Day? {
        let parts = text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        // The lengths first: a part of fifty digits is not a number worth reading.
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
            let d = number(parts[0]), let m = number(parts[1]), let y = number(parts[2])
        else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DDTHH:MM[:SS[.f…]](Z|±HH:MM)`.
    static func parseDateTime(_ text: Substring, zone: ZoneConverter) -> Result<Day, Failure> {
        let b = Array(text.utf8)
        guard b.count >= 16, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t"), b[13] == UInt8(ascii: ":"),
            let y = number(b[0..<4]), let mo = number(b[5..<7]), let d = number(b[8..<10]),
            let hh = number(b[11..<13]), let mm = number(b[14..<16])
        else {
            if b.count == 10 && looksLikeDate(text) { return .failure(.impossible) }
            return .failure(.malformed)
        }
        var i = 16
        var ss = 0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard i + 3 <= b.count, let s = number(b[(i + 1)..<(i + 3)]) else { return .failure(.malformed) }
            ss = s
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") {
                var j = i + 1
                while j < b.count, isDigit(b[j]) { j += 1 }
                let digits = j - i - 1
                guard (1...9).contains(digits) else { return .failure(.malformed) }
                i = j
            }
        }
        guard let date = Day(year: y, month: mo, day: d), hh <= 23, mm <= 59, ss <= 59 else {
            return .failure(.impossible)
        }
        // Checked before the instant is computed: the arithmetic below stays far from overflow.
        guard date.isSupported else { return .failure(.outOfRange) }
        guard i < b.count else { return .failure(.missingOffset) }
        var offsetSeconds = 0
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            guard i + 1 == b.count else { return .failure(.malformed) }
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"),
                let oh = number(b[(i + 1)..<(i + 3)]), let om = number(b[(i + 4)..<(i + 6)])
            else { return .failure(.malformed) }
            guard oh <= 23, om <= 59 else { return .failure(.impossible) }
            offsetSeconds = (oh * 3600 + om * 60) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return .failure(.malformed)
        }
        let utcSeconds = date.ordinal * 86_400 + hh * 3600 + mm * 60 + ss - offsetSeconds
        return .success(zone.civilDay(forUTCSeconds: utcSeconds))
    }

    private static func looksLikeDate(_ text: Substring) -> Bool {
        text.utf8.allSatisfy { isDigit($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") }
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    private static func number<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
        guard !bytes.isEmpty else { return nil }
        var v = 0
        for b in bytes {
            guard isDigit(b) else { return nil }
            // Checked: a run of digits longer than an Int is no number, never a trap.
            let (times, over) = v.multipliedReportingOverflow(by: 10)
            let (sum, overAgain) = times.addingReportingOverflow(Int(b - 48))
            guard !over, !overAgain else { return nil }
            v = sum
        }
        return v
    }
}

/// Converts UTC instants to civil days in the project time zone, caching offsets per hour so a log of
/// millions of datetimes does not ask Foundation millions of times.
public final class ZoneConverter: @unchecked Sendable {
    private let zone: TimeZone
    private let fixedOffset: Int?
    private var cache: [Int: Int] = [:]
    private let lock = NSLock()

    /// The zone's identifier, for example `Asia/Ho_Chi_Minh`.
    public let identifier: String

    /// Nil when the identifier is not a known IANA zone.
    public init?(identifier: String) {
        guard let tz = TimeZone(identifier: identifier) else { return nil }
        zone = tz
        self.identifier = identifier
        fixedOffset = tz.nextDaylightSavingTimeTransition == nil && identifier == "UTC" ? 0 : nil
    }

    /// The civil day that contains the UTC instant `seconds` (since 1970-01-01T00:00Z).
    public func civilDay(forUTCSeconds seconds: Int) -> Day {
        let offset: Int
        if let fixed = fixedOffset {
            offset = fixed
        } else {
            let hour = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600
            lock.lock()
            if let cached = cache[hour] {
                offset = cached
            } else {
                let o = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour * 3600)))
                cache[hour] = o
                offset = o
            }
            lock.unlock()
        }
        let local = seconds + offset
        return Day(ordinal: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// Today in this zone, for the default as-of date (read only by the CLI).
    public func today(now: Date) -> Day {
        civilDay(forUTCSeconds: Int(now.timeIntervalSince1970.rounded(.down)))
    }
}
