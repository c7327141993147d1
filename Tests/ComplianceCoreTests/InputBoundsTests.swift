import ComplianceCore
import Testing

/// SPEC §10.0: dates in 1900–2199 wherever they are read, durations of at most 36,500.
@Suite("Input bounds (SPEC §10.0)")
struct InputBoundsTests {
    @Test(
        "dates outside 1900–2199 are refused with their own reason",
        arguments: ["1899-12-31", "2200-01-01", "0202-02-09", "9999-12-31", "0001-01-01"])
    func outOfRangeDates(_ text: String) {
        #expect(DateText.checkedISODate(Substring(text)) == .failure(.outOfRange))
        #expect(DateText.parseISODate(text) == nil)
        #expect(DateText.parseEventDate(Substring(text), zone: hoChiMinh!) == .failure(.outOfRange))
    }

    @Test("the ends of the range are dates")
    func rangeEnds() {
        #expect(DateText.checkedISODate("1900-01-01") == .success(Day.supportedRange.lowerBound))
        #expect(DateText.checkedISODate("2199-12-31") == .success(Day.supportedRange.upperBound))
        #expect(Day.supportedRange.lowerBound.description == "1900-01-01")
        #expect(Day.supportedRange.upperBound.description == "2199-12-31")
    }

    @Test("day-first and datetime forms are range-checked too")
    func otherForms() {
        #expect(DateText.parseEventDate("31/12/1899", zone: hoChiMinh!) == .failure(.outOfRange))
        #expect(DateText.parseEventDate("1/1/2200", zone: hoChiMinh!) == .failure(.outOfRange))
        #expect(DateText.parseEventDate("31/02/2022", zone: hoChiMinh!) == .failure(.impossible))
        // 1900-01-01T00:30 at +07:00 is still 1900-01-01 in Ho Chi Minh City; at -12:00 it is 1900-01-01T19:30
        // UTC, which is 1900-01-02 there.
        #expect(DateText.parseEventDate("1900-01-01T00:30+07:00", zone: hoChiMinh!) == .success(d("1900-01-01")))
        // 2199-12-31T20:00Z is 2200-01-01 in the project zone: outside the range.
        #expect(DateText.parseEventDate("2199-12-31T20:00Z", zone: hoChiMinh!) == .failure(.outOfRange))
        #expect(DateText.parseEventDate("99999-01-01T00:00Z", zone: hoChiMinh!) != .success(d("2000-01-01")))
        #expect(DateText.parseCalendarDate("1/1/1899") == nil)
    }

    @Test("the command line's date check names the option")
    func optionDate() {
        #expect((try? DateText.optionDate("2024-05-01", option: "--from").get()) == d("2024-05-01"))
        switch DateText.optionDate("2200-01-01", option: "--to") {
        case .success: Issue.record("2200-01-01 accepted")
        case .failure(let e): #expect(e.message == "--to '2200-01-01' is outside the years 1900–2199")
        }
        switch DateText.optionDate("2024-02-30", option: "--as-of") {
        case .success: Issue.record("2024-02-30 accepted")
        case .failure(let e): #expect(e.message.hasPrefix("--as-of '2024-02-30' is"))
        }
    }

    @Test(
        "durations above 36,500 are too long, however many digits",
        arguments: [
            "36501 days", "9223372036854775807 days", "9223372036854775808 working days",
            "999999999999999999999999999 days", "100000 working days",
        ])
    func tooLong(_ text: String) {
        #expect(DurationSpec.checked(text) == .failure(.tooLong))
        #expect(DurationSpec.parse(text) == nil)
    }

    @Test("36,500 is the longest duration")
    func longest() {
        #expect(DurationSpec.parse("36500 days") == DurationSpec(count: 36_500, unit: .days))
        #expect(DurationSpec.parse("36500 working days") == DurationSpec(count: 36_500, unit: .workingDays))
        #expect(DurationSpec.checked("36500 weeks") == .failure(.malformed))
    }
}

/// Working days counted in jumps agree with counting them one by one.
@Suite("Working-day counting in jumps")
struct WorkingDayJumpTests {
    /// Counting day by day, the reference the jumps must match.
    static func stepwise(_ calendar: WorkCalendar, _ n: Int, from date: Day, step: Int) -> Day {
        var outside = false
        var day = date
        var left = n
        while left > 0 {
            day = day.adding(days: step)
            if calendar.isWorkingDay(day, outside: &outside) { left -= 1 }
        }
        return day
    }

    static let calendars: [WorkCalendar] = {
        var holidays: [Day: String] = [:]
        var day = d("2023-01-20")
        while day <= d("2023-02-05") {
            holidays[day] = "Tết"
            day = day.adding(days: 1)
        }
        holidays[d("2023-09-02")] = "Quốc khánh"
        let covered = WorkCalendar(
            covers: d("2023-01-01")...d("2023-12-31"), holidays: holidays, workingDays: [d("2023-01-07")])
        let uncovered = WorkCalendar(holidays: holidays, workingDays: [d("2023-01-07")])
        let sixDays = WorkCalendar(weekend: [7], covers: d("2022-06-01")...d("2024-06-30"), holidays: holidays)
        var allOff: [Day: String] = [:]
        day = d("2023-01-01")
        while day <= d("2025-12-31") {
            allOff[day] = "off"
            day = day.adding(days: 1)
        }
        let blackout = WorkCalendar(covers: d("2023-01-01")...d("2025-12-31"), holidays: allOff)
        return [.weekendsOnly, covered, uncovered, sixDays, blackout]
    }()

    @Test("adding and subtracting working days", arguments: 0..<5)
    func agree(_ which: Int) {
        let calendar = Self.calendars[which]
        let starts = ["2022-12-25", "2023-01-19", "2023-01-31", "2023-06-15", "2023-12-30", "2024-03-01", "2026-02-01"]
        for start in starts.map(d) {
            for n in [1, 2, 5, 6, 7, 13, 100, 400, 1000, 36_500] {
                var outside = false
                let added = calendar.add(DurationSpec(count: n, unit: .workingDays), to: start, outside: &outside)
                #expect(
                    added == Self.stepwise(calendar, n, from: start, step: 1), "\(start) + \(n) (calendar \(which))")
                let subtracted = calendar.subtract(
                    DurationSpec(count: n, unit: .workingDays), from: start, outside: &outside)
                #expect(
                    subtracted == Self.stepwise(calendar, n, from: start, step: -1),
                    "\(start) - \(n) (calendar \(which))")
            }
        }
    }

    @Test("the outside-the-calendar flag is set when the count leaves the covered days")
    func outsideFlag() {
        let calendar = Self.calendars[1]
        var outside = false
        _ = calendar.add(DurationSpec(count: 5, unit: .workingDays), to: d("2023-03-01"), outside: &outside)
        #expect(!outside)
        _ = calendar.add(DurationSpec(count: 400, unit: .workingDays), to: d("2023-03-01"), outside: &outside)
        #expect(outside)
    }
}
