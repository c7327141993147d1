/// Working days, holidays and make-up days, so due dates follow the Civil Code (articles 147–148): a deadline that lands on a day off rolls to the next working day.
public struct WorkCalendar: Sendable {
    /// A named non-working day.
    public struct Holiday: Sendable, Hashable {
        /// The day off.
        public let day: Day
        /// Its name, for example "Tết Nguyên đán".
        public let name: String
        /// Builds a holiday entry.
        public init(day: Day, name: String) {
            self.day = day
            self.name = name
        }
    }

    /// ISO weekdays (1 = Monday … 7 = Sunday) that are non-working.
    public let weekend: Set<Int>
    /// Whether computed due dates move off non-working days.
    public let rollForward: Bool
    /// The days the calendar knows about; nil = every day.
    public let covers: ClosedRange<Day>?
    /// Holidays by day.
    public let holidays: [Day: String]
    /// Make-up working days, which win over weekend and holidays.
    public let workingDays: Set<Day>
    /// The answers of `isWorkingDay` precomputed for the covered days, so that due-date arithmetic
    /// on millions of triggers reads an array instead of hashing into the sets above.
    private let table: WorkingDayTable

    /// Builds a calendar; `covers` nil means every day is covered.
    public init(
        weekend: Set<Int> = [6, 7], rollForward: Bool = true, covers: ClosedRange<Day>? = nil,
        holidays: [Day: String] = [:], workingDays: Set<Day> = []
    ) {
        self.weekend = weekend
        self.rollForward = rollForward
        self.covers = covers
        self.holidays = holidays
        self.workingDays = workingDays
        table = WorkingDayTable(weekend: weekend, covers: covers, holidays: holidays, workingDays: workingDays)
    }

    /// Saturday and Sunday off, no holidays: the default when a project names no calendar.
    public static let weekendsOnly = WorkCalendar()

    /// Whether `day` is covered (else only the weekend rule applies, and a warning is due).
    public func covers(_ day: Day) -> Bool { covers.map { $0.contains(day) } ?? true }

    /// Whether `day` is a working day; `outside` is set when the answer used the weekend rule alone.
    public func isWorkingDay(_ day: Day, outside: inout Bool) -> Bool {
        if !covers(day) {
            outside = true
            return !weekend.contains(day.isoWeekday)
        }
        if let known = table.isWorkingDay(day) { return known }
        if workingDays.contains(day) { return true }
        if holidays[day] != nil { return false }
        return !weekend.contains(day.isoWeekday)
    }

    /// Why `day` is not a working day, for explanations ("Sunday", "Tết Nguyên đán").
    public func reasonOff(_ day: Day) -> String? {
        var outside = false
        if isWorkingDay(day, outside: &outside) { return nil }
        if covers(day), let name = holidays[day] { return name }
        return ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day.isoWeekday - 1]
    }

    /// `date + duration` with the rules of SPEC §5, roll-forward included.
    public func add(_ duration: DurationSpec, to date: Day, outside: inout Bool) -> Day {
        switch duration.unit {
        case .days:
            let result = date.adding(days: duration.count)
            return rollForward ? nextWorkingDay(onOrAfter: result, outside: &outside) : result
        case .workingDays:
            if duration.count == 0 { return nextWorkingDay(onOrAfter: date, outside: &outside) }
            var day = date
            var left = duration.count
            while left > 0 {
                day = day.adding(days: 1)
                if isWorkingDay(day, outside: &outside) { left -= 1 }
            }
            return day
        }
    }

    /// The length of the span [start, end) in `unit` (SPEC §10.1 pauses): calendar days `end − start`,
    /// or the working days among them.
    public func length(_ unit: DurationSpec.Unit, from start: Day, until end: Day, outside: inout Bool) -> Int {
        guard start < end else { return 0 }
        switch unit {
        case .days:
            return start.days(to: end)
        case .workingDays:
            var n = 0
            var day = start
            while day < end {
                if isWorkingDay(day, outside: &outside) { n += 1 }
                day = day.adding(days: 1)
            }
            return n
        }
    }

    /// `date − duration` for precedence lead windows: calendar arithmetic, or the N-th working day
    /// strictly before; never rolled.
    public func subtract(_ duration: DurationSpec, from date: Day, outside: inout Bool) -> Day {
        switch duration.unit {
        case .days:
            return date.adding(days: -duration.count)
        case .workingDays:
            var day = date
            var left = duration.count
            while left > 0 {
                day = day.adding(days: -1)
                if isWorkingDay(day, outside: &outside) { left -= 1 }
            }
            return day
        }
    }

    /// The first working day on or after `day`.
    public func nextWorkingDay(onOrAfter day: Day, outside: inout Bool) -> Day {
        var d = day
        // A calendar with a seven-day weekend would loop forever; the loader refuses it.
        while !isWorkingDay(d, outside: &outside) { d = d.adding(days: 1) }
        return d
    }
}

/// `WorkCalendar.isWorkingDay` precomputed, one flag per day of a range.
///
/// The range is the covered one, or (for a calendar covering every day) the span of its holidays
/// and make-up days. Days outside it, or a range too long to tabulate, are answered by the rules.
struct WorkingDayTable: Sendable {
    /// Longest range tabulated (about 270 years).
    static let maximumDays = 100_000
    /// The ordinal of the first tabulated day.
    private let first: Int
    private let flags: [Bool]

    init(weekend: Set<Int>, covers: ClosedRange<Day>?, holidays: [Day: String], workingDays: Set<Day>) {
        var range = covers.map { $0.lowerBound.ordinal...$0.upperBound.ordinal }
        if range == nil {
            let special = Array(holidays.keys) + Array(workingDays)
            if let lo = special.map(\.ordinal).min(), let hi = special.map(\.ordinal).max() { range = lo...hi }
        }
        guard let range, range.count <= Self.maximumDays else {
            first = 0
            flags = []
            return
        }
        first = range.lowerBound
        flags = range.map { ordinal in
            let day = Day(ordinal: ordinal)
            if workingDays.contains(day) { return true }
            if holidays[day] != nil { return false }
            return !weekend.contains(day.isoWeekday)
        }
    }

    /// Whether `day` is a working day, if tabulated.
    @inline(__always)
    func isWorkingDay(_ day: Day) -> Bool? {
        let i = day.ordinal &- first
        return i >= 0 && i < flags.count ? flags[i] : nil
    }
}
