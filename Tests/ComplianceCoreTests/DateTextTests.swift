import ComplianceCore
import Testing

@Suite("DateText.parseEventDate (SPEC §4 dates)")
struct DateTextTests {
    @Test(
        "accepted forms give the civil date in Asia/Ho_Chi_Minh",
        arguments: [
            ("2022-02-09", "2022-02-09"),
            ("2024-02-29", "2024-02-29"),
            ("9/2/2022", "2022-02-09"),
            ("09/02/2022", "2022-02-09"),
            ("9/02/2022", "2022-02-09"),
            ("09/2/2022", "2022-02-09"),
            ("1/12/2022", "2022-12-01"),
            ("31/12/2022", "2022-12-31"),
            ("29/2/2024", "2024-02-29"),
            // Z: +7 hours in Hà Nội, so 17:00Z is already the next day.
            ("2022-02-09T16:59Z", "2022-02-09"),
            ("2022-02-09T17:00Z", "2022-02-10"),
            ("2022-02-09T16:59:59Z", "2022-02-09"),
            ("2022-02-09T17:00:00Z", "2022-02-10"),
            ("2022-12-31T17:00:00Z", "2023-01-01"),
            ("2024-02-28T17:30Z", "2024-02-29"),
            // Fractions of 1 to 9 digits are allowed and do not round up.
            ("2022-02-09T16:59:59.9Z", "2022-02-09"),
            ("2022-02-09T16:59:59.999999999Z", "2022-02-09"),
            ("2022-02-09T17:00:00.5Z", "2022-02-10"),
            ("2022-02-09T10:00:00.123456789+07:00", "2022-02-09"),
            // Offsets.
            ("2022-02-09T23:59+07:00", "2022-02-09"),
            ("2022-02-10T00:00+07:00", "2022-02-10"),
            ("2022-02-09T23:30-01:00", "2022-02-10"),
            ("2022-02-09T20:00-05:00", "2022-02-10"),
            ("2022-02-09T12:00-05:00", "2022-02-10"),
            ("2022-02-09T11:59-05:00", "2022-02-09"),
            ("2022-02-09T01:00+14:00", "2022-02-08"),
            ("2022-02-09T06:59:59+00:00", "2022-02-09"),
            ("2022-01-01T00:30+09:00", "2021-12-31"),
        ])
    func accepted(_ text: String, _ expected: String) throws {
        let zone = try #require(hoChiMinh)
        let result = DateText.parseEventDate(Substring(text), zone: zone)
        #expect(result == .success(d(expected)), "\(text)")
    }

    @Test(
        "refused forms name why",
        arguments: [
            // Impossible or month-first dates.
            ("31/02/2022", DateText.Failure.impossible),
            ("29/2/2023", .impossible),
            ("12/31/2022", .impossible),
            ("2/31/2022", .impossible),
            ("13/13/2022", .impossible),
            ("0/1/2022", .impossible),
            ("2022-13-01", .impossible),
            ("2022-02-30", .impossible),
            ("2023-02-29", .impossible),
            ("2022-00-10", .impossible),
            // Impossible times and offsets.
            ("2022-02-09T25:00Z", .impossible),
            ("2022-02-09T24:00Z", .impossible),
            ("2022-02-09T10:60Z", .impossible),
            ("2022-02-09T10:00:60Z", .impossible),
            ("2022-02-09T10:00+24:00", .impossible),
            ("2022-02-30T10:00Z", .impossible),
            // A datetime needs Z or an offset.
            ("2022-02-09T10:00", .missingOffset),
            ("2022-02-09T10:00:00", .missingOffset),
            ("2022-02-09T10:00:00.5", .missingOffset),
            // Fractions: 1 to 9 digits.
            ("2022-02-09T10:00:00.1234567890Z", .malformed),
            ("2022-02-09T10:00:00.Z", .malformed),
            // Other malformed text.
            ("2022-02-09T10:00+0700", .malformed),
            ("2022-02-09T10:00 +07:00", .malformed),
            ("2022-02-09T10:00ZZ", .malformed),
            ("", .malformed),
            ("yesterday", .malformed),
            ("9/Feb/2022", .malformed),
        ])
    func refused(_ text: String, _ why: DateText.Failure) throws {
        let zone = try #require(hoChiMinh)
        #expect(DateText.parseEventDate(Substring(text), zone: zone) == .failure(why), "\(text)")
    }

    @Test(
        "other unreadable dates are refused",
        arguments: [
            "9/2/22", "2022-2-9", "09-02-2022", "2022/02/09", "1/1/1/2022", "9//2022", "2022-02-09T", "20220209",
        ])
    func refusedWhatever(_ text: String) throws {
        let zone = try #require(hoChiMinh)
        guard case .failure = DateText.parseEventDate(Substring(text), zone: zone) else {
            Issue.record("'\(text)' was accepted")
            return
        }
    }

    @Test("parseISODate is strict YYYY-MM-DD; parseCalendarDate also takes D/M/YYYY")
    func strictForms() {
        #expect(DateText.parseISODate("2022-02-09") == Day(year: 2022, month: 2, day: 9))
        #expect(DateText.parseISODate("9/2/2022") == nil)
        #expect(DateText.parseISODate("2022-02-09T10:00Z") == nil)
        #expect(DateText.parseISODate("2022-2-09") == nil)
        #expect(DateText.parseCalendarDate("9/2/2022") == Day(year: 2022, month: 2, day: 9))
        #expect(DateText.parseCalendarDate("2022-02-09") == Day(year: 2022, month: 2, day: 9))
        #expect(DateText.parseCalendarDate("2/31/2022") == nil)
    }

    @Test("an unknown zone identifier is refused; UTC keeps the UTC date")
    func zones() throws {
        #expect(ZoneConverter(identifier: "Asia/Hanoi_Nowhere") == nil)
        let utc = try #require(ZoneConverter(identifier: "UTC"))
        #expect(DateText.parseEventDate("2022-02-09T23:59Z", zone: utc) == .success(d("2022-02-09")))
        #expect(DateText.parseEventDate("2022-02-09T23:59+07:00", zone: utc) == .success(d("2022-02-09")))
        #expect(DateText.parseEventDate("2022-02-10T06:59+07:00", zone: utc) == .success(d("2022-02-09")))
    }

    /// Found by the date-parser fuzz target: a day of fifty digits overflowed `Int` and trapped.
    @Test(arguments: [
        "99999999999999999999999/1/2024", "55555555555555555555555555555555555555555555555/1/2024",
        "1/99999999999999999999999/2024", "1/1/99999999999999999999999",
    ])
    func digitsBeyondAnIntAreNoDate(_ text: String) throws {
        let utc = try #require(ZoneConverter(identifier: "UTC"))
        #expect(DateText.parseDayMonthYear(Substring(text)) == nil)
        guard case .failure = DateText.parseEventDate(Substring(text), zone: utc) else {
            Issue.record("\(text) read as a date")
            return
        }
    }
}
