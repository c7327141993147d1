/// The period kinds a rule may count or deliver per (SPEC §5).
public enum PeriodKind: String, Sendable, CaseIterable, Hashable {
    case day, week, month, quarter
    case halfYear = "half-year"
    case year

    /// The period of this kind that contains `day`.
    public func period(containing day: Day) -> Period {
        let c = day.components
        switch self {
        case .day:
            return Period(kind: self, start: day, end: day)
        case .week:
            let start = day.adding(days: 1 - day.isoWeekday)
            return Period(kind: self, start: start, end: start.adding(days: 6))
        case .month:
            return Period.months(year: c.year, firstMonth: c.month, count: 1, kind: self)
        case .quarter:
            return Period.months(year: c.year, firstMonth: (c.month - 1) / 3 * 3 + 1, count: 3, kind: self)
        case .halfYear:
            return Period.months(year: c.year, firstMonth: c.month <= 6 ? 1 : 7, count: 6, kind: self)
        case .year:
            return Period.months(year: c.year, firstMonth: 1, count: 12, kind: self)
        }
    }

    /// The periods of this kind that overlap `[from, to]`, in order.
    public func periods(overlapping from: Day, _ to: Day) -> [Period] {
        Array(PeriodSequence(self, overlapping: from, to))
    }

    /// The period that follows `period` (of this kind).
    @inlinable
    public func period(after period: Period) -> Period {
        switch self {
        case .day, .week:
            // Fixed lengths: step by adding days rather than converting each period's date to
            // year-month-day (a weekly rule has 52 periods a year for each of tens of thousands of units).
            let length = self == .day ? 1 : 7
            return Period(kind: self, start: period.start.adding(days: length), end: period.end.adding(days: length))
        case .month, .quarter, .halfYear, .year:
            return self.period(containing: period.end.adding(days: 1))
        }
    }
}

/// The periods of a kind that overlap `[from, to]`, in order, made one at a time: what
/// `periods(overlapping:)` lists, without an array per unit and rule.
public struct PeriodSequence: Sequence, IteratorProtocol, Sendable {
    // Inlinable into the kinds (another module), which step through millions of periods.
    @usableFromInline let kind: PeriodKind
    @usableFromInline let last: Day
    @usableFromInline var current: Period?

    /// The periods of `kind` overlapping `[from, to]` (none when `from` is after `to`).
    public init(_ kind: PeriodKind, overlapping from: Day, _ to: Day) {
        self.kind = kind
        last = to
        current = from <= to ? kind.period(containing: from) : nil
    }

    /// The next period, or nil after the one containing `to`.
    @inlinable
    public mutating func next() -> Period? {
        guard let period = current, period.start <= last else { return nil }
        current = kind.period(after: period)
        return period
    }
}

/// One concrete period, for example 2022-W05 or 2022-H1, with both ends inclusive.
public struct Period: Hashable, Sendable {
    /// Its kind.
    public let kind: PeriodKind
    /// First day (inclusive).
    public let start: Day
    /// Last day (inclusive).
    public let end: Day

    /// Builds a period from its bounds; callers use `PeriodKind.period(containing:)`.
    public init(kind: PeriodKind, start: Day, end: Day) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    /// Whether `day` lies inside.
    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// The label of SPEC §5: `2022-03-15`, `2022-W05`, `2022-03`, `2022-Q1`, `2022-H1`, `2022`.
    public var label: String {
        let c = start.components
        switch kind {
        case .day: return start.description
        case .week:
            // The ISO week-year is the year of the week's Thursday.
            let thursday = start.adding(days: 3)
            let year = thursday.year
            guard let jan1 = Day(year: year, month: 1, day: 1) else { return "" }
            let week = jan1.days(to: thursday) / 7 + 1
            return Day.pad(year, 4) + "-W" + Day.pad(week, 2)
        case .month: return Day.pad(c.year, 4) + "-" + Day.pad(c.month, 2)
        case .quarter: return Day.pad(c.year, 4) + "-Q" + String((c.month - 1) / 3 + 1)
        case .halfYear: return Day.pad(c.year, 4) + "-H" + (c.month <= 6 ? "1" : "2")
        case .year: return Day.pad(c.year, 4)
        }
    }

    static func months(year: Int, firstMonth: Int, count: Int, kind: PeriodKind) -> Period {
        let lastMonth = firstMonth + count - 1
        // Both constructions are valid by arithmetic (months 1...12, day 1 or the month's last day).
        let start = Day(year: year, month: firstMonth, day: 1) ?? Day(ordinal: 0)
        let end =
            Day(year: year, month: lastMonth, day: Day.daysInMonth(year: year, month: lastMonth))
            ?? Day(ordinal: 0)
        return Period(kind: kind, start: start, end: end)
    }
}
