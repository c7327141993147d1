import ComplianceCore
import Testing

@Suite("Durations")
struct DurationTests {
    @Test(
        "good durations",
        arguments: [
            ("30 days", 30, DurationSpec.Unit.days), ("1 day", 1, .days), ("0 days", 0, .days),
            ("10 working days", 10, .workingDays), ("1 working day", 1, .workingDays),
            ("0 working days", 0, .workingDays), ("365 days", 365, .days),
        ])
    func good(_ text: String, _ count: Int, _ unit: DurationSpec.Unit) {
        #expect(DurationSpec.parse(text) == DurationSpec(count: count, unit: unit))
    }

    @Test(
        "bad durations",
        arguments: [
            "", "30", "days", "-1 days", "30 weeks", "1.5 days", "30 working", "30 work days", "thirty days", "30days",
            "30 days later", "working 3 days", "3 working hours",
        ])
    func bad(_ text: String) {
        #expect(DurationSpec.parse(text) == nil, "\(text)")
    }

    @Test("canonical text")
    func description() {
        #expect(DurationSpec(count: 1, unit: .workingDays).description == "1 working day")
        #expect(DurationSpec(count: 10, unit: .workingDays).description == "10 working days")
        #expect(DurationSpec(count: 1, unit: .days).description == "1 day")
        #expect(DurationSpec(count: 0, unit: .days).description == "0 days")
    }
}

@Suite("WorkCalendar (SPEC §5, Civil Code art. 147–148)")
struct WorkCalendarTests {
    /// The 2023 calendar of the spec's example: Tết 20–26 January, a make-up Saturday on 7 January.
    static let vn2023: WorkCalendar = {
        var holidays: [Day: String] = [d("2023-01-02"): "Nghỉ bù Tết Dương lịch"]
        for n in 20...26 { holidays[d("2023-01-\(n)")] = "Tết Nguyên đán" }
        return WorkCalendar(
            weekend: [6, 7], rollForward: true, covers: d("2023-01-01")...d("2023-12-31"), holidays: holidays,
            workingDays: [d("2023-01-07")])
    }()

    static func days(_ n: Int) -> DurationSpec { DurationSpec(count: n, unit: .days) }
    static func working(_ n: Int) -> DurationSpec { DurationSpec(count: n, unit: .workingDays) }

    @Test(
        "calendar days, rolled to the next working day",
        arguments: [
            ("2022-02-11", 1, "2022-02-14"),  // Saturday → Monday
            ("2022-02-01", 5, "2022-02-07"),  // Sunday → Monday
            ("2022-02-01", 3, "2022-02-04"),  // a Friday stays
            ("2022-02-06", 0, "2022-02-07"),  // zero days on a Sunday rolls too
            ("2022-02-07", 0, "2022-02-07"),
        ])
    func calendarDaysRolled(_ from: String, _ n: Int, _ expected: String) {
        var outside = false
        #expect(WorkCalendar.weekendsOnly.add(Self.days(n), to: d(from), outside: &outside) == d(expected))
        #expect(!outside)
    }

    @Test("without roll_forward a calendar-day due stays on the weekend")
    func noRoll() {
        let calendar = WorkCalendar(rollForward: false)
        var outside = false
        #expect(calendar.add(Self.days(1), to: d("2022-02-11"), outside: &outside) == d("2022-02-12"))
        #expect(calendar.add(Self.days(5), to: d("2022-02-01"), outside: &outside) == d("2022-02-06"))
        // Working days are still working days.
        #expect(calendar.add(Self.working(1), to: d("2022-02-11"), outside: &outside) == d("2022-02-14"))
        #expect(!outside)
    }

    @Test(
        "the Tết calendar: holidays, blocks and make-up days",
        arguments: [
            ("2023-01-10", "10 days", "2023-01-27"),  // lands on Tết (Fri 20), rolls past the block
            ("2023-01-13", "7 days", "2023-01-27"),  // lands on Fri 20 as well
            ("2023-01-01", "1 day", "2023-01-03"),  // Mon 2 is the make-up holiday
            ("2023-01-06", "1 day", "2023-01-07"),  // the make-up Saturday is a working day
            ("2023-01-06", "1 working day", "2023-01-07"),
            ("2023-01-06", "2 working days", "2023-01-09"),
            ("2023-01-19", "1 working day", "2023-01-27"),
            ("2023-01-19", "3 working days", "2023-01-31"),
            ("2023-01-13", "5 working days", "2023-01-27"),
            ("2022-12-30", "0 days", "2022-12-30"),
            ("2023-01-14", "0 working days", "2023-01-16"),  // Saturday → Monday
            ("2023-01-21", "0 working days", "2023-01-27"),  // inside Tết
            ("2023-01-16", "0 working days", "2023-01-16"),
            ("2023-01-07", "0 working days", "2023-01-07"),
        ])
    func tet(_ from: String, _ duration: String, _ expected: String) throws {
        let spec = try #require(DurationSpec.parse(duration))
        var outside = false
        #expect(Self.vn2023.add(spec, to: d(from), outside: &outside) == d(expected), "\(from) + \(duration)")
    }

    @Test("a computation touching a day outside `covers` uses the weekend rule and sets the flag")
    func outsideCovers() {
        var outside = false
        // 2024-01-01 + 1 day = Tuesday 2 January 2024, outside 2023: a working day by the weekend rule.
        let calendar = WorkCalendar(
            covers: d("2023-01-01")...d("2023-12-31"), holidays: [d("2024-01-02"): "not covered"])
        #expect(calendar.add(Self.days(1), to: d("2024-01-01"), outside: &outside) == d("2024-01-02"))
        #expect(outside)
        outside = false
        #expect(Self.vn2023.add(Self.days(1), to: d("2024-03-01"), outside: &outside) == d("2024-03-04"))
        #expect(outside)
        outside = false
        // Working days crossing into 2023 from 2022: 31 Dec (Sat, outside) and 1 Jan (Sun), 2 Jan holiday.
        #expect(Self.vn2023.add(Self.working(1), to: d("2022-12-30"), outside: &outside) == d("2023-01-03"))
        #expect(outside)
        outside = false
        #expect(Self.vn2023.add(Self.days(3), to: d("2023-03-01"), outside: &outside) == d("2023-03-06"))
        #expect(!outside)
        outside = false
        // A calendar without covers covers every day.
        #expect(WorkCalendar.weekendsOnly.add(Self.days(1), to: d("1999-12-31"), outside: &outside) == d("2000-01-03"))
        #expect(!outside)
    }

    @Test(
        "subtract: calendar days never roll; working days are the N-th working day strictly before",
        arguments: [
            ("2023-01-27", "10 days", "2023-01-17"),
            ("2023-01-30", "8 days", "2023-01-22"),  // a Sunday in Tết, not rolled
            ("2023-01-27", "1 working day", "2023-01-19"),
            ("2023-01-27", "2 working days", "2023-01-18"),
            ("2023-01-09", "1 working day", "2023-01-07"),  // the make-up Saturday
            ("2023-01-09", "2 working days", "2023-01-06"),
            ("2023-01-03", "1 working day", "2022-12-30"),
            ("2023-01-16", "5 working days", "2023-01-09"),
        ])
    func subtract(_ from: String, _ duration: String, _ expected: String) throws {
        let spec = try #require(DurationSpec.parse(duration))
        var outside = false
        #expect(Self.vn2023.subtract(spec, from: d(from), outside: &outside) == d(expected), "\(from) − \(duration)")
    }

    @Test("working-day questions and reasons")
    func reasons() {
        var outside = false
        #expect(!Self.vn2023.isWorkingDay(d("2023-01-23"), outside: &outside))
        #expect(Self.vn2023.isWorkingDay(d("2023-01-07"), outside: &outside))
        #expect(!outside)
        #expect(Self.vn2023.reasonOff(d("2023-01-22")) == "Tết Nguyên đán")
        #expect(Self.vn2023.reasonOff(d("2023-01-14")) == "Saturday")
        #expect(Self.vn2023.reasonOff(d("2023-01-15")) == "Sunday")
        #expect(Self.vn2023.reasonOff(d("2023-01-07")) == nil)
        #expect(Self.vn2023.reasonOff(d("2023-01-27")) == nil)
        #expect(Self.vn2023.covers(d("2023-06-01")))
        #expect(!Self.vn2023.covers(d("2024-01-01")))
    }

    @Test(
        "the precomputed working-day table answers as the rules do, inside and around its range",
        arguments: [true, false])
    func tableMatchesRules(covered: Bool) {
        let holidays: [Day: String] = [d("2023-01-20"): "Tết", d("2023-01-23"): "Tết", d("2023-05-01"): "1/5"]
        let makeUp: Set<Day> = [d("2023-01-07"), d("2023-01-21")]
        let weekend: Set<Int> = [6, 7]
        let calendar = WorkCalendar(
            weekend: weekend, covers: covered ? d("2023-01-01")...d("2023-12-31") : nil, holidays: holidays,
            workingDays: makeUp)
        var day = d("2022-12-01")
        while day <= d("2024-02-01") {
            let inRange = !covered || (d("2023-01-01")...d("2023-12-31")).contains(day)
            var expected = !weekend.contains(day.isoWeekday)
            if inRange && holidays[day] != nil { expected = false }
            if inRange && makeUp.contains(day) { expected = true }
            var outside = false
            #expect(calendar.isWorkingDay(day, outside: &outside) == expected, "\(day)")
            #expect(outside == !inRange, "\(day)")
            day = day.adding(days: 1)
        }
    }
}
