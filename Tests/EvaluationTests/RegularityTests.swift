import ComplianceCore
import ComplianceTestSupport
import Evaluation
import Testing

private let meetings = "kind: regularity\nevent: { type: party-cell-meeting-attended }\nmax_gap: 10 days"

private func at(_ dates: String...) -> [String] {
    dates.enumerated().map { "e\($0.offset + 1),x1,party-cell-meeting-attended,\($0.element)" }
}

private func regular(
    _ name: String, _ rows: [String], asOf: String, _ expected: [String], effective: String = "{ from: 2023-01-01 }"
) -> Case {
    Case(
        name: name, body: meetings, rows: rows, asOf: asOf, expected: expected, effective: effective,
        header: "id,unit,type,date")
}

private let regularityCases: [Case] = [
    regular(
        "a gap of exactly max_gap is fine; the open last gap is pending with due a + max_gap", at("2023-01-11"),
        asOf: "2023-01-15",
        ["satisfied 2023-01-01/2023-01-11 due 2023-01-11 [e1]", "pending 2023-01-11/2023-01-15 due 2023-01-21 [e1]"]),
    regular(
        "a gap of max_gap + 1 is violated by 1 day", at("2023-01-12"), asOf: "2023-01-15",
        [
            "violated gap 2023-01-01/2023-01-12 due 2023-01-11 +1 [e1]",
            "pending 2023-01-12/2023-01-15 due 2023-01-22 [e1]",
        ]),
    regular(
        "an open gap of exactly max_gap is still pending", at("2023-01-11"), asOf: "2023-01-21",
        ["satisfied 2023-01-01/2023-01-11 due 2023-01-11 [e1]", "pending 2023-01-11/2023-01-21 due 2023-01-21 [e1]"]),
    regular(
        "an open gap already exceeding the limit is violated", at("2023-01-11"), asOf: "2023-01-25",
        [
            "satisfied 2023-01-01/2023-01-11 due 2023-01-11 [e1]",
            "violated gap 2023-01-11/2023-01-25 due 2023-01-21 +4 [e1]",
        ]),
    regular(
        "an event on the as-of date leaves a zero-length pending gap", at("2023-01-11"), asOf: "2023-01-11",
        ["satisfied 2023-01-01/2023-01-11 due 2023-01-11 [e1]", "pending 2023-01-11/2023-01-11 due 2023-01-21 [e1]"]),
    regular(
        "a window starting on the as-of date with an event there: one zero-length pending gap", at("2023-01-01"),
        asOf: "2023-01-01", ["pending 2023-01-01/2023-01-01 due 2023-01-11 [e1]"]),
    regular("a window starting on the as-of date with no event: no finding", [], asOf: "2023-01-01", []),
    regular(
        "no event at all: one open gap from the window start", [], asOf: "2023-01-31",
        ["violated gap 2023-01-01/2023-01-31 due 2023-01-11 +20"]),
    regular(
        "a window ending before the as-of date closes the last gap", at("2023-01-11"), asOf: "2023-02-01",
        ["satisfied 2023-01-01/2023-01-11 due 2023-01-11 [e1]", "satisfied 2023-01-11/2023-01-20 due 2023-01-21 [e1]"],
        effective: "{ from: 2023-01-01, to: 2023-01-20 }"),
    regular(
        "a closed last gap over the limit is violated", at("2023-01-11"), asOf: "2023-02-01",
        [
            "satisfied 2023-01-01/2023-01-11 due 2023-01-11 [e1]",
            "violated gap 2023-01-11/2023-01-25 due 2023-01-21 +4 [e1]",
        ],
        effective: "{ from: 2023-01-01, to: 2023-01-25 }"),
    regular(
        "a window ending on the as-of date does not go on past it: the last gap is closed", at("2023-01-11"),
        asOf: "2023-01-15",
        ["satisfied 2023-01-01/2023-01-11 due 2023-01-11 [e1]", "satisfied 2023-01-11/2023-01-15 due 2023-01-21 [e1]"],
        effective: "{ from: 2023-01-01, to: 2023-01-15 }"),
    regular(
        "two events on one date count once", at("2023-01-05", "2023-01-05"), asOf: "2023-01-08",
        [
            "satisfied 2023-01-01/2023-01-05 due 2023-01-11 [e1,e2]",
            "pending 2023-01-05/2023-01-08 due 2023-01-15 [e1,e2]",
        ]),
    regular(
        "an event on the window start merges with it", at("2023-01-01", "2023-01-09"), asOf: "2023-01-09",
        ["satisfied 2023-01-01/2023-01-09 due 2023-01-11 [e1,e2]", "pending 2023-01-09/2023-01-09 due 2023-01-19 [e2]"]),
    regular(
        "events outside the window are not points", at("2022-12-28", "2023-01-08"), asOf: "2023-01-10",
        ["satisfied 2023-01-01/2023-01-08 due 2023-01-11 [e2]", "pending 2023-01-08/2023-01-10 due 2023-01-18 [e2]"]),
]

@Test(arguments: regularityCases)
func regularity(_ c: Case) {
    c.check()
}
