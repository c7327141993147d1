import ComplianceCore
import Testing

@Suite("Presentation: dates, periods, delays and clauses for people (SPEC §10.9)")
struct PresentationTests {
    let vi = Presentation(.vi)
    let en = Presentation(.en)

    @Test func datesReadDayMonthYearInVietnameseAndISOInEnglish() throws {
        let day = try #require(Day(year: 2025, month: 9, day: 3))
        #expect(vi.date(day) == "03/09/2025")
        #expect(en.date(day) == "2025-09-03")
    }

    @Test(
        "Vietnamese periods",
        arguments: [
            ("2025-W05", "tuần 05/2025 (27/01–02/02/2025)"),
            ("2025-W01", "tuần 01/2025 (30/12/2024–05/01/2025)"),
            ("2020-W53", "tuần 53/2020 (28/12/2020–03/01/2021)"),
            ("2022-10", "tháng 10/2022"),
            ("2022-03", "tháng 03/2022"),
            ("2022-Q3", "quý 3/2022"),
            ("2023-H1", "6 tháng đầu năm 2023"),
            ("2023-H2", "6 tháng cuối năm 2023"),
            ("2024", "năm 2024"),
            ("2024-01-10", "10/01/2024"),
            ("2024-02-15/2024-05-10", "15/02/2024–10/05/2024"),
        ])
    func vietnamesePeriods(label: String, expected: String) {
        #expect(vi.period(label) == expected)
    }

    @Test(
        "labels that are not periods pass through unchanged",
        arguments: ["2021-W53", "2022-Q5", "2022-H3", "2022-13", "abc", "", "2022-W", "KN-12", "2022-01/x"])
    func unknownLabelsPassThrough(label: String) {
        #expect(vi.period(label) == label)
    }

    @Test func englishKeepsTheSPECLabels() {
        for label in ["2025-W05", "2022-10", "2022-Q3", "2023-H2", "2024", "2024-01-10"] {
            #expect(en.period(label) == label)
        }
    }

    @Test func clausesReadAsItems() {
        #expect(vi.clause("2") == "mục 2")
        #expect(en.clause("2") == "item 2")
    }

    @Test func severitiesAndRecordedDates() {
        #expect(
            Severity.allCases.map { vi.severity($0) }.sorted()
                == ["cao", "nghiêm trọng", "thông tin", "thấp", "trung bình"].sorted())
        #expect(en.severity(.high) == "high")
        #expect(vi.date(iso: "2025-09-30") == "30/09/2025")
        #expect(vi.date(iso: "not a date") == "not a date")
        #expect(en.date(iso: "2025-09-30") == "2025-09-30")
    }
}
