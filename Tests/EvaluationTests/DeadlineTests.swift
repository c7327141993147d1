import ComplianceCore
import ComplianceTestSupport
import Evaluation
import Testing

private let complaint30 = """
    kind: deadline
    trigger: { type: complaint-accepted }
    fulfil: { type: complaint-resolved }
    key: [ref]
    within: 30 days
    """

private func withExtensions(by: String = "20 days", max: Int = 1) -> String {
    complaint30 + "\nextensions:\n  event: { type: complaint-extended }\n  by: \(by)\n  max: \(max)"
}

/// `complaint30` with a closing pattern and a pause (SPEC §10.1).
private let closingAndPause =
    complaint30 + """

        closed_by: { type: [complaint-withdrawn, complaint-terminated] }
        pause:
          start: { type: complaint-suspended }
          end: { type: complaint-resumed }
        """

private let overridesBody = """
    kind: deadline
    trigger: { type: complaint-accepted }
    fulfil: { type: complaint-resolved }
    key: [ref]
    within: 30 days
    overrides:
      - when: { unit: { tags: remote }, trigger: { complexity: complex } }
        within: 60 days
      - when: { unit: { tags: remote } }
        within: 45 days
      - when: { trigger: { complexity: { in: [complex, very-complex] } } }
        within: 45 days
    """

private let taggedUnits = """
    units:
      - { id: x1, name: "x1", level: commune, kind: people-committee, parent: null, tags: [remote] }
      - { id: x2, name: "x2", level: commune, kind: people-committee, parent: null, tags: [] }

    """

private let deadlineCases: [Case] = [
    Case(
        name: "FIFO pairing with a repeated ref: first fulfilment takes the first trigger",
        body: complaint30,
        rows: [
            "t1,x1,complaint-accepted,2023-03-01,K", "t2,x1,complaint-accepted,2023-03-06,K",
            "f1,x1,complaint-resolved,2023-03-10,K", "f2,x1,complaint-resolved,2023-04-20,K",
        ],
        asOf: "2023-05-01",
        expected: [
            "satisfied 2023-03-01 due 2023-03-31 ref K [t1,f1]",
            "violated late 2023-03-06 due 2023-04-05 +15 ref K [t2,f2]",
        ]),
    Case(
        name: "triggers of the same date pair in id order",
        body: complaint30,
        rows: [
            "tb,x1,complaint-accepted,2023-03-01,K", "ta,x1,complaint-accepted,2023-03-01,K",
            "f1,x1,complaint-resolved,2023-03-05,K",
        ],
        asOf: "2023-05-01",
        expected: [
            "satisfied 2023-03-01 due 2023-03-31 ref K [ta,f1]",
            "violated overdue 2023-03-01 due 2023-03-31 +31 ref K [tb]",
        ]),
    Case(
        name: "fulfilments of the same date are taken in id order",
        body: complaint30,
        rows: [
            "t1,x1,complaint-accepted,2023-03-01,K", "t2,x1,complaint-accepted,2023-03-02,K",
            "fb,x1,complaint-resolved,2023-03-05,K", "fa,x1,complaint-resolved,2023-03-05,K",
        ],
        asOf: "2023-05-01",
        expected: [
            "satisfied 2023-03-01 due 2023-03-31 ref K [t1,fa]", "satisfied 2023-03-02 due 2023-04-03 ref K [t2,fb]",
        ]),
    Case(
        name: "a fulfilment dated before the trigger never pairs (pending until due)",
        body: complaint30,
        rows: ["f0,x1,complaint-resolved,2023-03-01,K", "t1,x1,complaint-accepted,2023-03-05,K"],
        asOf: "2023-03-20",
        expected: ["pending 2023-03-05 due 2023-04-04 ref K [t1]"]),
    Case(
        name: "a fulfilment on the trigger's own date pairs",
        body: complaint30,
        rows: ["t1,x1,complaint-accepted,2023-03-05,K", "f1,x1,complaint-resolved,2023-03-05,K"],
        asOf: "2023-03-20",
        expected: ["satisfied 2023-03-05 due 2023-04-04 ref K [t1,f1]"]),
    Case(
        name: "keys must match: another ref's fulfilment does not pair",
        body: complaint30,
        rows: ["t1,x1,complaint-accepted,2023-03-01,K", "f1,x1,complaint-resolved,2023-03-05,L"],
        asOf: "2023-03-31",
        expected: ["pending 2023-03-01 due 2023-03-31 ref K [t1]"]),
    Case(
        name: "as-of one day after due is overdue by 1",
        body: complaint30,
        rows: ["t1,x1,complaint-accepted,2023-03-01,K"],
        asOf: "2023-04-01",
        expected: ["violated overdue 2023-03-01 due 2023-03-31 +1 ref K [t1]"]),
    Case(
        name: "fulfilment exactly on the due date is in time",
        body: complaint30,
        rows: ["t1,x1,complaint-accepted,2023-03-01,K", "f1,x1,complaint-resolved,2023-03-31,K"],
        asOf: "2023-05-01",
        expected: ["satisfied 2023-03-01 due 2023-03-31 ref K [t1,f1]"]),
    Case(
        name: "a due date on a Sunday rolls to Monday",
        body: complaint30,
        rows: ["t1,x1,complaint-accepted,2023-03-03,K", "f1,x1,complaint-resolved,2023-04-03,K"],
        asOf: "2023-05-01",
        expected: ["satisfied 2023-03-03 due 2023-04-03 ref K [t1,f1]"]),
    Case(
        name: "a due date inside the Tết block rolls past it (calendar file)",
        body: complaint30.replacingOccurrences(of: "30 days", with: "10 days"),
        rows: ["t1,x1,complaint-accepted,2023-01-10,K"],
        asOf: "2023-01-27",
        expected: ["pending 2023-01-10 due 2023-01-27 ref K [t1]"],
        calendar: tetCalendar2023),
    Case(
        name: "working days skip Tết and count the make-up Saturday",
        body: complaint30.replacingOccurrences(of: "30 days", with: "5 working days"),
        rows: ["t1,x1,complaint-accepted,2023-01-18,K"],
        asOf: "2023-02-01",
        expected: ["violated overdue 2023-01-18 due 2023-01-31 +1 ref K [t1]"],
        calendar: tetCalendar2023),
    Case(
        name: "0 working days from a holiday is the next working day",
        body: complaint30.replacingOccurrences(of: "30 days", with: "0 working days"),
        rows: ["t1,x1,complaint-accepted,2023-01-21,K"],
        asOf: "2023-01-27",
        expected: ["pending 2023-01-21 due 2023-01-27 ref K [t1]"],
        calendar: tetCalendar2023),
    Case(
        name: "roll_forward false keeps a Sunday due date",
        body: complaint30,
        rows: ["t1,x1,complaint-accepted,2023-03-03,K", "f1,x1,complaint-resolved,2023-04-03,K"],
        asOf: "2023-05-01",
        expected: ["violated late 2023-03-03 due 2023-04-02 +1 ref K [t1,f1]"],
        calendar: "weekend: [saturday, sunday]\nroll_forward: false\ncovers: { from: 2023-01-01, to: 2023-12-31 }\n"),
    Case(
        name: "extensions: max reached, after due, same day as trigger, on the due day",
        body: withExtensions(),
        rows: [
            "ta,x1,complaint-accepted,2023-03-01,A", "xa1,x1,complaint-extended,2023-03-20,A",
            "xa2,x1,complaint-extended,2023-04-15,A", "fa,x1,complaint-resolved,2023-04-25,A",
            "tb,x1,complaint-accepted,2023-03-02,B", "xb,x1,complaint-extended,2023-04-05,B",
            "fb,x1,complaint-resolved,2023-04-10,B", "tc,x1,complaint-accepted,2023-03-03,C",
            "xc,x1,complaint-extended,2023-03-03,C", "fc,x1,complaint-resolved,2023-04-20,C",
            "td,x1,complaint-accepted,2023-03-06,D", "xd,x1,complaint-extended,2023-04-05,D",
            "fd,x1,complaint-resolved,2023-04-20,D",
        ],
        asOf: "2023-06-01",
        expected: [
            "violated late 2023-03-01 due 2023-04-20 +5 ref A [ta,fa,xa1]",
            "violated late 2023-03-02 due 2023-04-03 +7 ref B [tb,fb]",
            "violated late 2023-03-03 due 2023-04-03 +17 ref C [tc,fc]",
            "satisfied 2023-03-06 due 2023-04-25 ref D [td,fd,xd]",
        ]),
    Case(
        name: "max 2 extensions both count",
        body: withExtensions(max: 2),
        rows: [
            "t,x1,complaint-accepted,2023-03-01,A", "x1e,x1,complaint-extended,2023-03-20,A",
            "x2e,x1,complaint-extended,2023-04-15,A",
        ],
        asOf: "2023-05-01",
        expected: ["pending 2023-03-01 due 2023-05-10 ref A [t,x1e,x2e]"]),
    Case(
        name: "one extension applies to two open triggers with the same key",
        body: withExtensions(),
        rows: [
            "t1,x1,complaint-accepted,2024-03-04,K", "t2,x1,complaint-accepted,2024-03-06,K",
            "x1,x1,complaint-extended,2024-03-20,K", "f1,x1,complaint-resolved,2024-04-15,K",
        ],
        asOf: "2024-05-10",
        expected: [
            "satisfied 2024-03-04 due 2024-04-23 ref K [t1,f1,x1]",
            "violated overdue 2024-03-06 due 2024-04-25 +15 ref K [t2,x1]",
        ],
        effective: "{ from: 2024-01-01 }"),
    Case(
        name: "an extension after the trigger's fulfilment does not apply to it",
        body: withExtensions(),
        rows: [
            "t1,x1,complaint-accepted,2023-03-01,K", "f1,x1,complaint-resolved,2023-03-10,K",
            "t2,x1,complaint-accepted,2023-03-02,K", "x,x1,complaint-extended,2023-03-15,K",
        ],
        asOf: "2023-04-15",
        expected: [
            "satisfied 2023-03-01 due 2023-03-31 ref K [t1,f1]", "pending 2023-03-02 due 2023-04-24 ref K [t2,x]",
        ]),
    Case(
        name: "overrides: first match wins, by unit tags and trigger attributes",
        body: overridesBody,
        rows: [
            "ta,x1,complaint-accepted,2023-03-01,A,complex", "tb,x1,complaint-accepted,2023-03-01,B,simple",
            "tc,x2,complaint-accepted,2023-03-01,C,very-complex", "td,x2,complaint-accepted,2023-03-01,D,simple",
            "te,x2,complaint-accepted,2023-03-01,E,",
        ],
        asOf: "2023-03-02",
        expected: [
            "pending 2023-03-01 due 2023-05-01 ref A [ta]", "pending 2023-03-01 due 2023-04-17 ref B [tb]",
            "pending 2023-03-01 due 2023-04-17 ref C [tc]", "pending 2023-03-01 due 2023-03-31 ref D [td]",
            "pending 2023-03-01 due 2023-03-31 ref E [te]",
        ],
        units: taggedUnits, header: "id,unit,type,date,ref,complexity"),
    Case(
        name: "triggers before the window make no finding but still take part in pairing",
        body: complaint30,
        rows: [
            "t0,x1,complaint-accepted,2022-12-20,K", "t1,x1,complaint-accepted,2023-01-05,K",
            "f1,x1,complaint-resolved,2023-01-10,K",
        ],
        asOf: "2023-02-10",
        expected: ["violated overdue 2023-01-05 due 2023-02-06 +4 ref K [t1]"]),
]

private let closingAndPauseCases: [Case] = [
    Case(
        name: "a closing event on or before the due date is closed, after it late",
        body: closingAndPause,
        rows: [
            "ta,x1,complaint-accepted,2023-03-01,A", "wa,x1,complaint-withdrawn,2023-03-10,A",
            "tb,x1,complaint-accepted,2023-03-01,B", "wb,x1,complaint-terminated,2023-04-05,B",
            "tc,x1,complaint-accepted,2023-03-01,C", "wc,x1,complaint-withdrawn,2023-03-31,C",
        ],
        asOf: "2023-06-01",
        expected: [
            "satisfied closed 2023-03-01 due 2023-03-31 ref A [ta,wa]",
            "violated late 2023-03-01 due 2023-03-31 +5 ref B [tb,wb]",
            "satisfied closed 2023-03-01 due 2023-03-31 ref C [tc,wc]",
        ]),
    Case(
        name: "fulfilments and closing events pair as one stream, ties by id",
        body: closingAndPause,
        rows: [
            "t1,x1,complaint-accepted,2023-03-01,K", "t2,x1,complaint-accepted,2023-03-02,K",
            "wa,x1,complaint-withdrawn,2023-03-05,K", "fa,x1,complaint-resolved,2023-03-05,K",
        ],
        asOf: "2023-06-01",
        expected: [
            "satisfied 2023-03-01 due 2023-03-31 ref K [t1,fa]",
            "satisfied closed 2023-03-02 due 2023-04-03 ref K [t2,wa]",
        ]),
    Case(
        name: "an event matching both fulfil and closed_by is a fulfilment",
        body: complaint30 + "\nclosed_by: { type: [complaint-withdrawn, complaint-resolved] }",
        rows: ["t1,x1,complaint-accepted,2023-03-01,K", "f1,x1,complaint-resolved,2023-03-05,K"],
        asOf: "2023-06-01",
        expected: ["satisfied 2023-03-01 due 2023-03-31 ref K [t1,f1]"]),
    Case(
        name: "a pause moves the due date by its length in calendar days when it ends, rolled",
        body: closingAndPause,
        rows: [
            "ta,x1,complaint-accepted,2023-03-01,A", "sa,x1,complaint-suspended,2023-03-10,A",
            "ua,x1,complaint-resumed,2023-03-20,A", "fa,x1,complaint-resolved,2023-04-10,A",
            "tb,x1,complaint-accepted,2023-03-01,B", "sb,x1,complaint-suspended,2023-03-10,B",
            "ub,x1,complaint-resumed,2023-03-11,B", "fb,x1,complaint-resolved,2023-04-03,B",
        ],
        asOf: "2023-06-01",
        expected: [
            "satisfied 2023-03-01 due 2023-04-10 ref A [ta,fa,sa,ua]",
            "satisfied 2023-03-01 due 2023-04-03 ref B [tb,fb,sb,ub]",
        ]),
    Case(
        name: "working days: the pause counts the working days in [start, end)",
        body: closingAndPause.replacingOccurrences(of: "30 days", with: "10 working days"),
        rows: [
            "ta,x1,complaint-accepted,2023-03-01,A", "sa,x1,complaint-suspended,2023-03-03,A",
            "ua,x1,complaint-resumed,2023-03-06,A",
        ],
        asOf: "2023-03-17",
        expected: ["violated overdue 2023-03-01 due 2023-03-16 +1 ref A [ta,sa,ua]"]),
    Case(
        name: "working days: a pause across Tết counts the make-up Saturday, not the holidays",
        body: closingAndPause.replacingOccurrences(of: "30 days", with: "10 working days"),
        rows: [
            "ta,x1,complaint-accepted,2023-01-16,A", "sa,x1,complaint-suspended,2023-01-19,A",
            "ua,x1,complaint-resumed,2023-01-30,A",
        ],
        asOf: "2023-02-08",
        expected: ["pending 2023-01-16 due 2023-02-08 ref A [ta,sa,ua]"],
        calendar: tetCalendar2023),
    Case(
        name: "an open pause is pending, reason paused, with no due date, whatever the date",
        body: closingAndPause,
        rows: ["ta,x1,complaint-accepted,2023-03-01,A", "sa,x1,complaint-suspended,2023-03-10,A"],
        asOf: "2024-06-01",
        expected: ["pending paused 2023-03-01 ref A [ta,sa]"]),
    Case(
        name: "the pairing ends a pause that has no end, and the pause counts",
        body: closingAndPause,
        rows: [
            "ta,x1,complaint-accepted,2023-03-01,A", "sa,x1,complaint-suspended,2023-03-20,A",
            "fa,x1,complaint-resolved,2023-04-10,A", "tb,x1,complaint-accepted,2023-03-01,B",
            "sb,x1,complaint-suspended,2023-03-20,B", "wb,x1,complaint-withdrawn,2023-04-10,B",
        ],
        asOf: "2023-06-01",
        expected: [
            "satisfied 2023-03-01 due 2023-04-21 ref A [ta,fa,sa]",
            "satisfied closed 2023-03-01 due 2023-04-21 ref B [tb,wb,sb]",
        ]),
    Case(
        name: "a start after the due date is ignored",
        body: closingAndPause,
        rows: [
            "ta,x1,complaint-accepted,2023-03-01,A", "sa,x1,complaint-suspended,2023-04-03,A",
            "ua,x1,complaint-resumed,2023-04-10,A",
        ],
        asOf: "2023-04-15",
        expected: ["violated overdue 2023-03-01 due 2023-03-31 +15 ref A [ta]"]),
    Case(
        name: "pauses add up; a start while stopped and an end without a pause are ignored",
        body: closingAndPause,
        rows: [
            "ta,x1,complaint-accepted,2023-03-01,A", "u0,x1,complaint-resumed,2023-03-04,A",
            "s1,x1,complaint-suspended,2023-03-05,A", "s2,x1,complaint-suspended,2023-03-07,A",
            "u1,x1,complaint-resumed,2023-03-08,A", "s3,x1,complaint-suspended,2023-03-15,A",
            "u2,x1,complaint-resumed,2023-03-17,A",
        ],
        asOf: "2023-04-05",
        expected: ["pending 2023-03-01 due 2023-04-05 ref A [ta,s1,u1,s3,u2]"]),
    Case(
        name: "an extension on the day a pause ends applies first, against the due date the pause has not moved yet",
        body: closingAndPause + "\nextensions: { event: { type: complaint-extended }, by: 20 days, max: 1 }",
        rows: [
            "ta,x1,complaint-accepted,2023-03-01,A", "sa,x1,complaint-suspended,2023-03-20,A",
            "xa,x1,complaint-extended,2023-04-05,A", "ua,x1,complaint-resumed,2023-04-05,A",
        ],
        asOf: "2023-04-17",
        expected: ["pending 2023-03-01 due 2023-04-17 ref A [ta,sa,ua]"]),
    Case(
        name: "an extension during a pause by the due date counts; evidence lists extensions before pauses",
        body: closingAndPause + "\nextensions: { event: { type: complaint-extended }, by: 20 days, max: 1 }",
        rows: [
            "ta,x1,complaint-accepted,2023-03-01,A", "sa,x1,complaint-suspended,2023-03-10,A",
            "xa,x1,complaint-extended,2023-03-15,A", "ua,x1,complaint-resumed,2023-03-20,A",
        ],
        asOf: "2023-04-17",
        expected: ["pending 2023-03-01 due 2023-05-01 ref A [ta,xa,sa,ua]"]),
]

@Test(arguments: closingAndPauseCases)
func deadlineClosingAndPause(_ c: Case) {
    c.check()
}

@Test func unkeyedClosingAndPauseEventsWarn() {
    let outcome = evaluate(
        rules: ruleYAML(kindBody: closingAndPause),
        log: """
            id,unit,type,date,ref
            t1,x1,complaint-accepted,2023-03-01,K
            w1,x1,complaint-withdrawn,2023-03-05,
            s1,x1,complaint-suspended,2023-03-06,
            u1,x1,complaint-resumed,2023-03-07,

            """,
        asOf: "2023-03-20")
    #expect(outcome.all == ["pending 2023-03-01 due 2023-03-31 ref K [t1]"])
    let unkeyed = outcome.diagnostics("deadline.unkeyed-event")
    #expect(unkeyed.map { $0.message.split(separator: "'")[1] }.sorted() == ["s1", "u1", "w1"])
    #expect(unkeyed.allSatisfy { $0.level == .warning })
}

@Test func pauseEventsOfTheSuccessorCountAfterTheHandOver() {
    let outcome = evaluate(
        rules: ruleYAML(effective: "{ from: 2025-01-01 }", kindBody: closingAndPause),
        log: """
            id,unit,type,date,ref
            t,x-old,complaint-accepted,2025-06-10,K
            s,x-old,complaint-suspended,2025-06-20,K
            u,x-new,complaint-resumed,2025-07-01,K
            w,x-new,complaint-withdrawn,2025-07-15,K

            """, units: successorUnits, asOf: "2025-08-01")
    // 10/6 + 30 = 10/7; the pause 20/6–1/7 (11 days) moves it to 21/7; the withdrawal is in time.
    #expect(outcome.allWithOwners == ["x-old R satisfied closed 2025-06-10 due 2025-07-21 ref K [t,w,s,u]"])
}

@Test(arguments: deadlineCases)
func deadline(_ c: Case) {
    c.check()
}

@Test func deadlineMissingKeyIsCountedAndUnkeyedEventsWarn() {
    let outcome = evaluate(
        rules: ruleYAML(kindBody: complaint30),
        log: """
            id,unit,type,date,ref
            t0,x1,complaint-accepted,2022-12-20,
            t1,x1,complaint-accepted,2023-03-01,
            t2,x1,complaint-accepted,2023-03-02,K
            f1,x1,complaint-resolved,2023-03-05,
            f2,x1,complaint-resolved,2023-03-06,K

            """,
        asOf: "2023-04-15")
    #expect(outcome.all == ["satisfied 2023-03-02 due 2023-04-03 ref K [t2,f2]"])
    // Only the trigger dated in the window counts (t0 is before effective.from).
    #expect(outcome.evaluation.missingKeys == 1)
    let missing = outcome.diagnostics("deadline.missing-key")
    #expect(missing.count == 1)
    #expect(missing.first?.level == .error)
    #expect(missing.first?.message.contains("t1") == true)
    #expect(missing.first?.location?.line == 3)
    let unkeyed = outcome.diagnostics("deadline.unkeyed-event")
    #expect(unkeyed.count == 1)
    #expect(unkeyed.first?.level == .warning)
    #expect(unkeyed.first?.message.contains("f1") == true)
}

private let successorUnits = """
    units:
      - { id: x-new, name: "Xã mới", level: commune, kind: people-committee, parent: null, tags: [] }
      - { id: x-old, name: "Xã cũ", level: commune, kind: people-committee, parent: null, tags: [], to: 2025-06-30, successor: x-new }

    """

@Test(arguments: [
    // The successor resolves the inherited case after `to`: the finding stays with x-old.
    (
        "t,x-old,complaint-accepted,2025-06-20,K\nf,x-new,complaint-resolved,2025-07-10,K",
        ["x-old R satisfied 2025-06-20 due 2025-07-21 ref K [t,f]"]
    ),
    // A successor event dated before x-old's `to` does not count for x-old's trigger.
    (
        "t,x-old,complaint-accepted,2025-06-20,K\nf,x-new,complaint-resolved,2025-06-25,K",
        ["x-old R violated overdue 2025-06-20 due 2025-07-21 +11 ref K [t]"]
    ),
    // One successor event serves its own trigger first in FIFO order and the inherited one is left.
    (
        "t,x-old,complaint-accepted,2025-06-20,K\nn,x-new,complaint-accepted,2025-07-02,K\nf,x-new,complaint-resolved,2025-07-10,K",
        [
            "x-new R satisfied 2025-07-02 due 2025-08-01 ref K [n,f]",
            "x-old R satisfied 2025-06-20 due 2025-07-21 ref K [t,f]",
        ]
    ),
])
func deadlineSuccessor(rows: String, expected: [String]) {
    let outcome = evaluate(
        rules: ruleYAML(effective: "{ from: 2025-01-01 }", kindBody: complaint30),
        log: "id,unit,type,date,ref\n" + rows + "\n", units: successorUnits, asOf: "2025-08-01")
    #expect(outcome.allWithOwners == expected)
}

@Test func calendarOutsideRangeIsWarnedOncePerRun() {
    let outcome = evaluate(
        rules: ruleYAML(kindBody: complaint30),
        log: """
            id,unit,type,date,ref
            t1,x1,complaint-accepted,2023-12-20,A
            t2,x1,complaint-accepted,2023-12-21,B

            """,
        calendar: tetCalendar2023, asOf: "2024-03-01")
    // 2023-12-20 + 30 = 2024-01-19 (Friday): outside the calendar, the weekend rule alone applies.
    #expect(outcome.all.prefix(1) == ["violated overdue 2023-12-20 due 2024-01-19 +42 ref A [t1]"])
    #expect(outcome.diagnostics("calendar.outside-range").count == 1)
    #expect(outcome.diagnostics("calendar.outside-range").first?.level == .warning)
}

@Test func successorsAreFollowedTransitively() {
    let units = """
        units:
          - { id: a, name: "A", level: commune, kind: people-committee, parent: null, tags: [], to: 2025-03-31, successor: b }
          - { id: b, name: "B", level: commune, kind: people-committee, parent: null, tags: [], to: 2025-06-30, successor: c }
          - { id: c, name: "C", level: commune, kind: people-committee, parent: null, tags: [] }

        """
    let rules = ruleYAML(
        effective: "{ from: 2025-01-01 }", kindBody: complaint30.replacingOccurrences(of: "30 days", with: "120 days"))
    let outcome = evaluate(
        rules: rules,
        log: "id,unit,type,date,ref\nt,a,complaint-accepted,2025-03-20,K\nf,c,complaint-resolved,2025-07-02,K\n",
        units: units, asOf: "2025-08-01")
    #expect(outcome.allWithOwners == ["a R satisfied 2025-03-20 due 2025-07-18 ref K [t,f]"])
}
