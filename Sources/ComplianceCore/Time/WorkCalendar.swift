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
    ///
    /// Working days are counted in jumps, never day by day across a span: through the tabulated
    /// days by their running count, outside them a whole week at a time (a week holds the same
    /// number of working days under the weekend rule), so the cost does not grow with the duration.
    public func add(_ duration: DurationSpec, to date: Day, outside: inout Bool) -> Day {
        switch duration.unit {
        case .days:
            let result = date.adding(days: duration.count)
            return rollForward ? nextWorkingDay(onOrAfter: result, outside: &outside) : result
        case .workingDays:
            if duration.count == 0 { return nextWorkingDay(onOrAfter: date, outside: &outside) }
            return workingDay(duration.count, from: date, step: 1, outside: &outside)
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
            if duration.count == 0 { return date }
            return workingDay(duration.count, from: date, step: -1, outside: &outside)
        }
    }

    /// The first working day on or after `day`.
    public func nextWorkingDay(onOrAfter day: Day, outside: inout Bool) -> Day {
        if isWorkingDay(day, outside: &outside) { return day }
        return workingDay(1, from: day, step: 1, outside: &outside)
    }

    /// The `n`-th working day strictly after (`step` 1) or before (`step` -1) `date`, n ≥ 1.
    private func workingDay(_ n: Int, from date: Day, step: Int, outside: inout Bool) -> Day {
        // A calendar with a seven-day weekend has no working day; the loader refuses it.
        let perWeek = max(1, 7 - weekend.count)
        var day = date.ordinal
        var left = n
        while left > 0 {
            let next = day + step
            if table.contains(next) {
                let (ordinal, used, found) = table.walk(from: next, step: step, count: left)
                if found { return Day(ordinal: ordinal) }
                day = ordinal
                left -= used
                continue
            }
            // Outside the table only the weekend rule applies: whole weeks first, as long as they
            // stay short of the table and leave at least one working day to count singly.
            var weeks = table.isComplete ? (left - 1) / perWeek : 0
            if let edge = table.edge(ahead: next, step: step) { weeks = min(weeks, (abs(edge - day) - 1) / 7) }
            if weeks > 0 {
                day += step * 7 * weeks
                left -= perWeek * weeks
                if covers != nil { outside = true }
                continue
            }
            day = next
            if isWorkingDay(Day(ordinal: day), outside: &outside) { left -= 1 }
        }
        return Day(ordinal: day)
    }
}

/// `WorkCalendar.isWorkingDay` precomputed, one flag per day of a range, with the running count of
/// working days so that counting N of them is a search, not a walk.
///
/// The range is the covered one, or (for a calendar covering every day) the span of its holidays
/// and make-up days. Days outside it, or a range too long to tabulate, are answered by the rules.
struct WorkingDayTable: Sendable {
    /// Longest range tabulated: every supported year (1900–2199) fits.
    static let maximumDays = 110_000
    /// The ordinal of the first tabulated day.
    private let first: Int
    private let flags: [Bool]
    /// `counts[i]`: the working days among the first `i` tabulated days.
    private let counts: [Int32]
    /// False when the range was too long to tabulate: then days outside the table may still be holidays.
    let isComplete: Bool

    init(weekend: Set<Int>, covers: ClosedRange<Day>?, holidays: [Day: String], workingDays: Set<Day>) {
        var range = covers.map { $0.lowerBound.ordinal...$0.upperBound.ordinal }
        if range == nil {
            let special = Array(holidays.keys) + Array(workingDays)
            if let lo = special.map(\.ordinal).min(), let hi = special.map(\.ordinal).max() { range = lo...hi }
        }
        guard let range, range.count <= Self.maximumDays else {
            first = 0
            flags = []
            counts = [0]
            isComplete = range == nil
            return
        }
        isComplete = true
        first = range.lowerBound
        flags = range.map { ordinal in
            let day = Day(ordinal: ordinal)
            if workingDays.contains(day) { return true }
            if holidays[day] != nil { return false }
            return !weekend.contains(day.isoWeekday)
        }
        var running: [Int32] = [0]
        running.reserveCapacity(flags.count + 1)
        for flag in flags { running.append(running[running.count - 1] + (flag ? 1 : 0)) }
        counts = running
    }

    /// Whether `day` is a working day, if tabulated.
    @inline(__always)
    func isWorkingDay(_ day: Day) -> Bool? {
        let i = day.ordinal - first
        return i >= 0 && i < flags.count ? flags[i] : nil
    }

    /// Whether the day numbered `ordinal` is tabulated.
    func contains(_ ordinal: Int) -> Bool { ordinal >= first && ordinal - first < flags.count }

    /// The first tabulated day met going from `ordinal` in direction `step`, when the table lies that way.
    func edge(ahead ordinal: Int, step: Int) -> Int? {
        guard !flags.isEmpty else { return nil }
        if step > 0 { return ordinal < first ? first : nil }
        let last = first + flags.count - 1
        return ordinal > last ? last : nil
    }

    /// Counts `count` working days from the tabulated day `start` (included) in direction `step`:
    /// the day of the last one when found, else the last tabulated day and how many were counted.
    func walk(from start: Int, step: Int, count: Int) -> (ordinal: Int, used: Int, found: Bool) {
        let i = start - first
        if step > 0 {
            let target = Int(counts[i]) + count
            guard Int(counts[flags.count]) >= target else {
                return (first + flags.count - 1, Int(counts[flags.count]) - Int(counts[i]), false)
            }
            // The smallest k with counts[k] >= target; the day is k - 1.
            var lo = i + 1
            var hi = flags.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(counts[mid]) >= target { hi = mid } else { lo = mid + 1 }
            }
            return (first + lo - 1, count, true)
        }
        let available = Int(counts[i + 1])
        guard available >= count else { return (first, available, false) }
        // The largest j ≤ i with counts[j] <= available - count: that day is the count-th one back.
        let target = available - count
        var lo = 0
        var hi = i
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(counts[mid]) <= target { lo = mid } else { hi = mid - 1 }
        }
        return (first + lo, count, true)
    }
}
