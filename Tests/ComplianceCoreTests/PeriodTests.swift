import ComplianceCore
import Testing

@Suite("Periods and labels (SPEC §5)")
struct PeriodTests {
    @Test(
        "the period containing a day: label and bounds",
        arguments: [
            (PeriodKind.day, "2022-03-15", "2022-03-15", "2022-03-15", "2022-03-15"),
            (.week, "2022-02-02", "2022-W05", "2022-01-31", "2022-02-06"),
            (.week, "2022-01-02", "2021-W52", "2021-12-27", "2022-01-02"),
            (.week, "2021-01-01", "2020-W53", "2020-12-28", "2021-01-03"),
            (.week, "2021-01-03", "2020-W53", "2020-12-28", "2021-01-03"),
            (.week, "2020-12-28", "2020-W53", "2020-12-28", "2021-01-03"),
            (.week, "2021-01-04", "2021-W01", "2021-01-04", "2021-01-10"),
            (.week, "2024-12-29", "2024-W52", "2024-12-23", "2024-12-29"),
            (.week, "2024-12-30", "2025-W01", "2024-12-30", "2025-01-05"),
            (.week, "2025-01-01", "2025-W01", "2024-12-30", "2025-01-05"),
            (.week, "2019-12-30", "2020-W01", "2019-12-30", "2020-01-05"),
            (.week, "2026-12-31", "2026-W53", "2026-12-28", "2027-01-03"),
            (.week, "2027-01-03", "2026-W53", "2026-12-28", "2027-01-03"),
            (.week, "2027-01-04", "2027-W01", "2027-01-04", "2027-01-10"),
            (.week, "2025-12-29", "2026-W01", "2025-12-29", "2026-01-04"),
            (.month, "2024-02-10", "2024-02", "2024-02-01", "2024-02-29"),
            (.month, "2023-02-28", "2023-02", "2023-02-01", "2023-02-28"),
            (.month, "2022-12-31", "2022-12", "2022-12-01", "2022-12-31"),
            (.quarter, "2022-01-01", "2022-Q1", "2022-01-01", "2022-03-31"),
            (.quarter, "2022-05-15", "2022-Q2", "2022-04-01", "2022-06-30"),
            (.quarter, "2022-09-30", "2022-Q3", "2022-07-01", "2022-09-30"),
            (.quarter, "2022-10-01", "2022-Q4", "2022-10-01", "2022-12-31"),
            (.halfYear, "2022-06-30", "2022-H1", "2022-01-01", "2022-06-30"),
            (.halfYear, "2022-07-01", "2022-H2", "2022-07-01", "2022-12-31"),
            (.year, "2024-02-29", "2024", "2024-01-01", "2024-12-31"),
        ])
    func containing(_ kind: PeriodKind, _ day: String, _ label: String, _ start: String, _ end: String) {
        let p = kind.period(containing: d(day))
        #expect(p.label == label)
        #expect(p.start == d(start))
        #expect(p.end == d(end))
        #expect(p.kind == kind)
        #expect(p.contains(d(day)))
        #expect(!p.contains(d(start).adding(days: -1)))
        #expect(!p.contains(d(end).adding(days: 1)))
    }

    @Test("every week of 2015–2030 starts on Monday, has 7 days and a W01…W52/53 label")
    func weeksAreContiguous() {
        var week = PeriodKind.week.period(containing: d("2015-01-05"))
        var lastLabel = week.label
        #expect(lastLabel == "2015-W02")
        var fiftyThree: [String] = []
        while week.start < d("2031-01-01") {
            let next = PeriodKind.week.period(containing: week.end.adding(days: 1))
            #expect(next.start == week.end.adding(days: 1))
            #expect(next.start.isoWeekday == 1)
            #expect(next.start.days(to: next.end) == 6)
            let label = next.label
            if label.hasSuffix("W53") { fiftyThree.append(label) }
            if label.hasSuffix("W01") {
                #expect(lastLabel.hasSuffix("W52") || lastLabel.hasSuffix("W53"), "\(lastLabel) → \(label)")
            }
            lastLabel = label
            week = next
        }
        #expect(fiftyThree == ["2015-W53", "2020-W53", "2026-W53"])
    }

    @Test("periods(overlapping:) lists every touched period in order")
    func overlapping() {
        #expect(
            PeriodKind.week.periods(overlapping: d("2022-01-30"), d("2022-02-14")).map(\.label)
                == ["2022-W04", "2022-W05", "2022-W06", "2022-W07"])
        #expect(
            PeriodKind.month.periods(overlapping: d("2022-01-31"), d("2022-03-01")).map(\.label)
                == ["2022-01", "2022-02", "2022-03"])
        #expect(
            PeriodKind.quarter.periods(overlapping: d("2021-12-31"), d("2022-01-01")).map(\.label)
                == ["2021-Q4", "2022-Q1"])
        #expect(
            PeriodKind.halfYear.periods(overlapping: d("2022-02-09"), d("2023-07-01")).map(\.label)
                == ["2022-H1", "2022-H2", "2023-H1", "2023-H2"])
        #expect(PeriodKind.year.periods(overlapping: d("2022-02-09"), d("2022-02-09")).map(\.label) == ["2022"])
        #expect(PeriodKind.day.periods(overlapping: d("2024-02-28"), d("2024-03-01")).count == 3)
        #expect(PeriodKind.month.periods(overlapping: d("2022-03-01"), d("2022-02-28")).isEmpty)
        let weeks = PeriodKind.week.periods(overlapping: d("2020-12-20"), d("2021-01-10"))
        #expect(weeks.map(\.label) == ["2020-W51", "2020-W52", "2020-W53", "2021-W01"])
        #expect(weeks.first?.start == d("2020-12-14"))
        #expect(weeks.last?.end == d("2021-01-10"))
    }

    @Test("kind names are the spec's words")
    func kindNames() {
        #expect(PeriodKind.allCases.map(\.rawValue) == ["day", "week", "month", "quarter", "half-year", "year"])
    }

    @Test("daily and weekly periods stepped by days are the periods containing each next day")
    func stepping() {
        for kind in [PeriodKind.day, .week] {
            let listed = kind.periods(overlapping: d("2019-12-25"), d("2021-01-06"))
            var expected: [Period] = []
            var current = kind.period(containing: d("2019-12-25"))
            while current.start <= d("2021-01-06") {
                expected.append(current)
                current = kind.period(containing: current.end.adding(days: 1))
            }
            #expect(listed == expected)
        }
    }
}
