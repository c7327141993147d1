import ComplianceCore
import Testing

@testable import History

/// `dvcheck history`'s text: Vietnamese readers see the recording time in Asia/Ho_Chi_Minh.
@Suite struct HistoryTrendTextTests {
    @Test func recordingTimesReadInVietnamTime() {
        let show = Presentation(.vi)
        #expect(HistoryTrendText.localTime("2026-12-07T12:34:56Z", show) == "07/12/2026 19:34")
        // Past midnight in Vietnam is the next day, across a month and a year.
        #expect(HistoryTrendText.localTime("2026-12-31T18:05:00Z", show) == "01/01/2027 01:05")
        // Anything else is shown as it is, never guessed.
        #expect(HistoryTrendText.localTime("2026-12-07 12:34", show) == "2026-12-07 12:34")
        #expect(HistoryTrendText.localTime("2026-12-07T25:00:00Z", show) == "2026-12-07T25:00:00Z")
    }

    @Test func anEmptyHistorySaysSoInEitherLanguage() {
        let empty = HistoryTrend(runs: [], bySeverity: [], byGroup: [])
        #expect(
            HistoryTrendText.render(empty, path: "h.sqlite", vietnamese: true)
                == "Lịch sử h.sqlite: chưa có lần chạy nào.\n")
        #expect(
            HistoryTrendText.render(empty, path: "h.sqlite", vietnamese: false) == "History h.sqlite: no runs yet.\n")
    }
}
