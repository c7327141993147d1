import ComplianceCore
import ComplianceTestSupport
import Ingest
import Testing

@Suite("Calendar loading (SPEC §5)")
struct CalendarLoaderTests {
    static func load(_ yaml: String) -> (WorkCalendar?, [Diagnostic]) {
        let p = TestProject()
        p.write("calendar.yaml", yaml)
        return CalendarLoader.load(path: p.root + "/calendar.yaml", display: "calendar.yaml")
    }

    @Test("holidays by date and range, make-up days, default covers = whole years mentioned")
    func good() throws {
        let (calendar, diagnostics) = Self.load(
            """
            weekend: [Saturday, SUNDAY]
            roll_forward: true
            holidays:
              - { date: 2023-01-02, name: Nghỉ bù Tết Dương lịch }
              - { from: 2023-01-20, to: 2023-01-26, name: Tết Nguyên đán }
            working_days: [2023-01-07]
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let c = try #require(calendar)
        #expect(c.weekend == [6, 7])
        #expect(c.rollForward)
        #expect(c.covers == day("2023-01-01")...day("2023-12-31"))
        #expect(c.holidays.count == 8)
        #expect(c.holidays[day("2023-01-23")] == "Tết Nguyên đán")
        #expect(c.holidays[day("2023-01-02")] == "Nghỉ bù Tết Dương lịch")
        #expect(c.workingDays == [day("2023-01-07")])
        var outside = false
        #expect(
            c.add(DurationSpec(count: 10, unit: .days), to: day("2023-01-10"), outside: &outside) == day("2023-01-27"))
        #expect(
            c.add(DurationSpec(count: 1, unit: .workingDays), to: day("2023-01-06"), outside: &outside)
                == day("2023-01-07"))
        #expect(!outside)
    }

    @Test("default covers spans several years when dates do")
    func coversSeveralYears() throws {
        let (calendar, _) = Self.load(
            "holidays:\n  - { date: 2022-09-02, name: Quốc khánh }\nworking_days: [2024-05-04]\n")
        #expect(try #require(calendar).covers == day("2022-01-01")...day("2024-12-31"))
    }

    @Test("explicit covers, another weekend, no roll-forward")
    func explicit() throws {
        let (calendar, diagnostics) = Self.load(
            "weekend: friday\nroll_forward: false\ncovers: { from: 2022-01-01, to: 2026-12-31 }\n")
        #expect(diagnostics.isEmpty)
        let c = try #require(calendar)
        #expect(c.weekend == [5])
        #expect(!c.rollForward)
        #expect(c.covers == day("2022-01-01")...day("2026-12-31"))
    }

    @Test("a calendar with no dated entry covers every day")
    func coversEverything() throws {
        let (calendar, diagnostics) = Self.load("weekend: [sunday]\n")
        #expect(diagnostics.isEmpty)
        let c = try #require(calendar)
        #expect(c.covers == nil)
        #expect(c.covers(day("1900-01-01")))
    }

    static let bad: [BadInput] = [
        BadInput(
            "unknown weekday", "weekend: [saturday, sundy]\n", "calendar.invalid-value", 1, 21,
            "did you mean 'sunday'"),
        BadInput(
            "seven-day weekend", "weekend: [monday, tuesday, wednesday, thursday, friday, saturday, sunday]\n",
            "calendar.invalid-value", 1, 10, "seven"),
        BadInput("holiday without date", "holidays:\n  - { name: Tết }\n", "calendar.missing-field", 2, 5),
        BadInput(
            "holiday without name", "holidays:\n  - { date: 2023-01-02 }\n", "calendar.missing-field", 2, 5, "name"),
        BadInput(
            "holiday with date and range",
            "holidays:\n  - { date: 2023-01-02, from: 2023-01-01, to: 2023-01-03, name: X }\n",
            "calendar.invalid-value", 2, 7),
        BadInput(
            "holiday range backwards", "holidays:\n  - { from: 2023-01-26, to: 2023-01-20, name: Tết }\n",
            "calendar.invalid-value", 2, 25),
        BadInput(
            "misspelt key", "weekend: [sunday]\nroll_foward: false\n", "calendar.unknown-key", 2, 1,
            "did you mean 'roll_forward'"),
        BadInput("impossible working day", "working_days: [2023-02-30]\n", "calendar.invalid-value", 1, 16),
        BadInput("roll_forward not a boolean", "roll_forward: maybe\n", "calendar.invalid-value", 1, 15),
        BadInput(
            "covers backwards", "covers: { from: 2026-01-01, to: 2022-12-31 }\n", "calendar.invalid-value", 1, 9),
        BadInput("covers without to", "covers: { from: 2026-01-01 }\n", "calendar.missing-field", 1, 1),
    ]

    @Test("bad calendars", arguments: bad)
    func badInput(_ input: BadInput) {
        let (calendar, diagnostics) = Self.load(input.yaml)
        #expect(calendar == nil)
        let r = input.check(diagnostics, path: "calendar.yaml")
        #expect(
            r.found.contains(r.expected), "found \(r.found); all: \(diagnostics.map { "\($0.code) \($0.message)" })")
        #expect(r.messageOK, "\(messages(diagnostics, input.code))")
    }
}

@Suite("Vocabulary loading (SPEC §4)")
struct VocabularyLoaderTests {
    static func load(_ yaml: String) -> (Vocabulary?, [Diagnostic]) {
        let p = TestProject()
        p.write("vocabulary.yaml", yaml)
        return VocabularyLoader.load(path: p.root + "/vocabulary.yaml", display: "vocabulary.yaml")
    }

    @Test("types, attribute types, requires, titles")
    func good() throws {
        let (vocabulary, diagnostics) = Self.load(
            """
            event_types:
              citizen-reception: { title: Tiếp công dân, attributes: { role: string, participants: number } }
              complaint-accepted: { title: Thụ lý khiếu nại, attributes: { complexity: string }, requires: [ref] }
              decision: { title: { vi: Quyết định, en: Decision }, attributes: { signed: boolean, effective: date } }
              other: null
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let v = try #require(vocabulary)
        #expect(v.eventTypes.keys.sorted() == ["citizen-reception", "complaint-accepted", "decision", "other"])
        #expect(v.eventTypes["citizen-reception"]?.attributes == ["role": .string, "participants": .number])
        #expect(v.eventTypes["complaint-accepted"]?.requires == ["ref"])
        #expect(v.eventTypes["decision"]?.attributes == ["signed": .boolean, "effective": .date])
        #expect(v.eventTypes["decision"]?.title?.en == "Decision")
        #expect(v.eventTypes["other"]?.attributes.isEmpty == true)
        #expect(v.allAttributeNames.isSuperset(of: ["role", "participants", "complexity", "signed", "ref", "date"]))
        #expect(Vocabulary.AttributeType.number.accepts(AttributeValue("10")))
        #expect(!Vocabulary.AttributeType.number.accepts(AttributeValue("ten")))
        #expect(Vocabulary.AttributeType.boolean.accepts(AttributeValue("FALSE")))
        #expect(!Vocabulary.AttributeType.boolean.accepts(AttributeValue("no")))
        #expect(Vocabulary.AttributeType.date.accepts(AttributeValue("9/2/2022")))
        #expect(!Vocabulary.AttributeType.date.accepts(AttributeValue("2/31/2022")))
        #expect(Vocabulary.AttributeType.string.accepts(AttributeValue("10")))
    }

    static let bad: [BadInput] = [
        BadInput(
            "bad attribute type",
            "event_types:\n  meeting: { attributes: { participants: numbr } }\n",
            "vocabulary.invalid-value", 2, 42, "did you mean 'number'"),
        BadInput(
            "attribute type integer",
            "event_types:\n  meeting:\n    attributes:\n      participants: integer\n",
            "vocabulary.invalid-value", 4, 21, "string, number, boolean, date"),
        BadInput(
            "misspelt key in a type", "event_types:\n  meeting: { titel: Họp }\n", "vocabulary.unknown-key", 2, 14,
            "did you mean 'title'"),
        BadInput(
            "attributes not a map", "event_types:\n  meeting: { attributes: [a, b] }\n", "vocabulary.invalid-value", 2,
            26),
        BadInput("wrong top-level key", "types:\n  meeting: null\n", "vocabulary.unknown-key", 1, 1),
        BadInput("an empty file", "\n", "vocabulary.missing-field", 1, 1),
    ]

    @Test("bad vocabularies", arguments: bad)
    func badInput(_ input: BadInput) {
        let (vocabulary, diagnostics) = Self.load(input.yaml)
        #expect(vocabulary == nil)
        let r = input.check(diagnostics, path: "vocabulary.yaml")
        #expect(
            r.found.contains(r.expected), "found \(r.found); all: \(diagnostics.map { "\($0.code) \($0.message)" })")
        #expect(r.messageOK, "\(messages(diagnostics, input.code))")
    }
}

@Suite("Waiver loading (SPEC §7)")
struct WaiverLoaderTests {
    static let rules: Set<String> = ["DV2-TIEP-DAN-XA", "DV3-DOI-THOAI"]
    static let units: Set<String> = ["bk", "bk.pn", "bk.pn.x-cong-bang"]

    static func load(_ yaml: String) -> ([Waiver]?, [Diagnostic]) {
        let p = TestProject()
        p.write("waivers.yaml", yaml)
        return WaiverLoader.load(
            path: p.root + "/waivers.yaml", display: "waivers.yaml", ruleIDs: rules, unitIDs: units)
    }

    @Test("good waivers keep their index, rules, units, periods and expiry")
    func good() throws {
        let (waivers, diagnostics) = Self.load(
            """
            waivers:
              - rule: DV2-TIEP-DAN-XA
                units: [bk.pn.x-cong-bang]
                periods: { from: 2023-01-16, to: 2023-01-29 }
                reason: Tết Nguyên đán, lịch trực thay thế
                approved_by: Ban Dân vận Huyện ủy Pác Nặm
                expires: 2023-12-31
              - rule: [DV2-TIEP-DAN-XA, DV3-DOI-THOAI]
                reason: Sáp nhập đơn vị
                approved_by: BTV Tỉnh ủy
                expires: 2025-12-31
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let w = try #require(waivers)
        #expect(w.count == 2)
        #expect(w[0].index == 1)
        #expect(w[0].rules == ["DV2-TIEP-DAN-XA"])
        #expect(w[0].units == ["bk.pn.x-cong-bang"])
        #expect(w[0].periods == day("2023-01-16")...day("2023-01-29"))
        #expect(w[0].reason == "Tết Nguyên đán, lịch trực thay thế")
        #expect(w[0].approvedBy == "Ban Dân vận Huyện ủy Pác Nặm")
        #expect(w[0].expires == day("2023-12-31"))
        #expect(w[1].index == 2)
        #expect(w[1].rules == ["DV2-TIEP-DAN-XA", "DV3-DOI-THOAI"])
        #expect(w[1].units == nil)
        #expect(w[1].periods == nil)
    }

    static let bad: [BadInput] = [
        BadInput(
            "unknown rule",
            """
            waivers:
              - rule: DV2-TIEP-DAN-X
                reason: r
                approved_by: a
                expires: 2023-12-31
            """, "waiver.unknown-rule", 2, 11, "did you mean 'DV2-TIEP-DAN-XA'"),
        BadInput(
            "unknown unit",
            """
            waivers:
              - rule: DV2-TIEP-DAN-XA
                units: [bk.pn.x-cong-bag]
                reason: r
                approved_by: a
                expires: 2023-12-31
            """, "waiver.unknown-unit", 3, 12, "did you mean 'bk.pn.x-cong-bang'"),
        BadInput(
            "missing reason",
            """
            waivers:
              - rule: DV2-TIEP-DAN-XA
                approved_by: a
                expires: 2023-12-31
            """, "waiver.missing-field", 2, 5, "reason"),
        BadInput(
            "missing approved_by",
            """
            waivers:
              - { rule: DV2-TIEP-DAN-XA, reason: r, expires: 2023-12-31 }
            """, "waiver.missing-field", 2, 5, "approved_by"),
        BadInput(
            "bad expiry",
            """
            waivers:
              - { rule: DV2-TIEP-DAN-XA, reason: r, approved_by: a, expires: 31/12/2023 }
            """, "waiver.invalid-value", 2, 66),
        BadInput(
            "periods backwards",
            """
            waivers:
              - rule: DV2-TIEP-DAN-XA
                periods: { from: 2023-01-29, to: 2023-01-16 }
                reason: r
                approved_by: a
                expires: 2023-12-31
            """, "waiver.invalid-value", 3, 14),
        BadInput(
            "misspelt key",
            """
            waivers:
              - rule: DV2-TIEP-DAN-XA
                reason: r
                aproved_by: a
                expires: 2023-12-31
            """, "waiver.unknown-key", 4, 5, "did you mean 'approved_by'"),
    ]

    @Test("bad waivers", arguments: bad)
    func badInput(_ input: BadInput) {
        let (waivers, diagnostics) = Self.load(input.yaml)
        #expect(waivers == nil)
        let r = input.check(diagnostics, path: "waivers.yaml")
        #expect(
            r.found.contains(r.expected), "found \(r.found); all: \(diagnostics.map { "\($0.code) \($0.message)" })")
        #expect(r.messageOK, "\(messages(diagnostics, input.code))")
    }
}
