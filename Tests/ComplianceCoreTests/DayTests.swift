import ComplianceCore
import Testing

@Suite("Day arithmetic")
struct DayTests {
    @Test("the epoch and its neighbours")
    func epoch() {
        #expect(Day(ordinal: 0).description == "1970-01-01")
        #expect(Day(ordinal: 0).isoWeekday == 4)
        #expect(Day(ordinal: -1).description == "1969-12-31")
        #expect(Day(ordinal: -1).isoWeekday == 3)
        #expect(Day(year: 9, month: 3, day: 7)?.description == "0009-03-07")
        #expect(Day(year: 9999, month: 12, day: 31)?.description == "9999-12-31")
        #expect(Day(ordinal: 2_932_897).description == "10000-01-01")
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
        #expect(Day(year: 1, month: 1, day: 1)?.ordinal == -719_162)
        #expect(Day(year: 9999, month: 12, day: 31)?.ordinal == 2_932_896)
    }

    @Test(
        "impossible components are refused",
        arguments: [
            (2023, 2, 29), (1900, 2, 29), (2100, 2, 29), (2022, 4, 31), (2022, 13, 1), (2022, 0, 1), (2022, 1, 0),
            (2022, 1, 32), (0, 1, 1), (10000, 1, 1), (2022, -1, 1),
        ])
    func impossible(_ y: Int, _ m: Int, _ dd: Int) {
        #expect(Day(year: y, month: m, day: dd) == nil)
    }

    @Test("leap days exist exactly in leap years", arguments: [2000, 2004, 2020, 2024, 2400])
    func leapDays(_ year: Int) throws {
        let leap = try #require(Day(year: year, month: 2, day: 29))
        #expect(leap.adding(days: 1).description == "\(year)-03-01")
        #expect(leap.adding(days: -1).description == "\(year)-02-28")
        #expect(Day.isLeap(year))
        #expect(Day.daysInMonth(year: year, month: 2) == 29)
    }

    @Test("non-leap years", arguments: [1900, 2021, 2022, 2023, 2100, 2200])
    func nonLeap(_ year: Int) throws {
        #expect(!Day.isLeap(year))
        let feb28 = try #require(Day(year: year, month: 2, day: 28))
        #expect(feb28.adding(days: 1).description == "\(year)-03-01")
    }

    @Test("adding and differences")
    func differences() {
        #expect(d("2022-01-01").days(to: d("2023-01-01")) == 365)
        #expect(d("2024-01-01").days(to: d("2025-01-01")) == 366)
        #expect(d("2023-01-01").days(to: d("2022-01-01")) == -365)
        #expect(d("2022-12-31").adding(days: 1) == d("2023-01-01"))
        #expect(d("2022-02-09").adding(days: 30) == d("2022-03-11"))
        #expect(d("2024-02-09").adding(days: 30) == d("2024-03-10"))
        #expect(d("2022-03-01").adding(days: -1) == d("2022-02-28"))
        #expect(d("2000-01-01").adding(days: 146_097) == anyDay("2400-01-01"))
        #expect(d("2022-02-09") < d("2022-02-10"))
    }

    @Test(
        "ISO weekday (1 = Monday … 7 = Sunday)",
        arguments: [
            ("2022-02-09", 3), ("2024-12-30", 1), ("2023-01-22", 7), ("2000-01-01", 6), ("2023-01-07", 6),
            ("1969-12-29", 1), ("0001-01-01", 1), ("9999-12-31", 5),
        ])
    func weekday(_ text: String, _ expected: Int) {
        #expect(anyDay(text).isoWeekday == expected, "\(text)")
    }

    @Test("components round-trip day by day from 1899 to 2101")
    func roundTripDense() throws {
        var previous = try #require(Day(year: 1899, month: 1, day: 1))
        var weekday = previous.isoWeekday
        let last = try #require(Day(year: 2101, month: 12, day: 31))
        while previous < last {
            let next = previous.adding(days: 1)
            let p = previous.components
            let n = next.components
            let sameMonth = n.year == p.year && n.month == p.month && n.day == p.day + 1
            let newMonth =
                n.day == 1 && p.day == Day.daysInMonth(year: p.year, month: p.month)
                && ((n.month == p.month + 1 && n.year == p.year)
                    || (n.month == 1 && p.month == 12 && n.year == p.year + 1))
            if !(sameMonth || newMonth) {
                Issue.record("\(previous) is followed by \(next)")
                return
            }
            if Day(year: n.year, month: n.month, day: n.day) != next {
                Issue.record("\(next) does not round-trip")
                return
            }
            weekday = weekday % 7 + 1
            if next.isoWeekday != weekday {
                Issue.record("weekday of \(next) is \(next.isoWeekday), expected \(weekday)")
                return
            }
            previous = next
        }
    }

    @Test("components round-trip over years 1 to 9999")
    func roundTripWide() {
        var failures: [Int] = []
        for ordinal in stride(from: -719_162, through: 2_932_896, by: 97) {
            let c = Day(ordinal: ordinal).components
            if Day(year: c.year, month: c.month, day: c.day)?.ordinal != ordinal { failures.append(ordinal) }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(Day(ordinal: 2_932_896).description == "9999-12-31")
        #expect(Day(ordinal: -719_162).description == "0001-01-01")
    }
}
