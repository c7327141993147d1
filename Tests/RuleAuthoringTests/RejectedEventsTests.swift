import ComplianceCore
import ComplianceTestSupport
import Testing

@testable import RuleAuthoring

/// `explain` lists the events a `where` clause rejected near each finding (issue 19, item 6).
struct RejectedEventsTests {
    /// A quarterly "the head receives citizens" rule whose quarter has only deputies' sessions.
    func project(deputies: Int, quarter: String = "2023-08") -> TestProject {
        let p = TestProject().standardConfig().flatUnits(["x1"])
        p.write(
            "rules/r.yaml",
            ruleYAML(
                id: "F",
                kindBody: """
                    kind: frequency
                    event: { type: citizen-reception, where: { role: head } }
                    per: quarter
                    at_least: 1
                    """))
        var csv = "id,unit,type,date,role\nh1,x1,citizen-reception,2023-02-10,head\n"
        for i in 0..<deputies {
            csv += "d\(i),x1,citizen-reception,\(quarter)-\(String(format: "%02d", i % 28 + 1)),deputy\n"
        }
        csv += "o1,x1,other-thing,2023-08-01,deputy\n"
        p.write("logs/e.csv", csv)
        return p
    }

    func explanation(_ p: TestProject, period: String, language: Language) -> Explanation? {
        var request = Explainer.Request(rule: "F", unit: "x1")
        request.period = period
        guard case .success(let e) = Explainer.explain(request, in: p.load(asOf: day("2023-12-31")), language: language)
        else { return nil }
        return e
    }

    @Test func theDeputysSessionInTheQuarterIsShownWithValueConditionAndLine() throws {
        let p = project(deputies: 1)
        defer { p.cleanUp() }
        let e = try #require(explanation(p, period: "2023-Q3", language: .vi))
        let item = try #require(e.items.first)
        #expect(item.finding.status == .violated)
        let rejected = try #require(item.rejected)
        #expect(rejected.inSpan)
        #expect(rejected.entries.map(\.id) == ["d0"])
        let entry = rejected.entries[0]
        #expect(entry.field == "role" && entry.value == "deputy" && entry.expected == "role: head")
        #expect(entry.origin == "logs/e.csv:3")
        #expect(entry.pattern == "event")
        #expect(rejected.text().contains("d0, 01/08/2023, role: deputy — không khớp role: head  logs/e.csv:3"))
        #expect(rejected.text().contains("trong kỳ"))
        // The other type's event is not the rule's, and a quarter with a head's session has none.
        #expect(!rejected.text().contains("o1"))
        let q1 = try #require(explanation(p, period: "2023-Q1", language: .vi)?.items.first)
        #expect(q1.finding.status == .satisfied)
        #expect(q1.rejected?.inSpan == false)
    }

    @Test func atMostTenAreListedThenTheRestCountedInEnglish() throws {
        let p = project(deputies: 13)
        defer { p.cleanUp() }
        let item = try #require(explanation(p, period: "2023-Q3", language: .en)?.items.first)
        let rejected = try #require(item.rejected)
        #expect(rejected.entries.count == 10)
        #expect(rejected.more == 3)
        let text = rejected.text()
        #expect(text.contains("events the where clause rejected (in the period):"))
        #expect(text.contains("role: deputy — does not match role: head"))
        #expect(text.contains("… and 3 more"))
        #expect(rejected.entries.map(\.date) == rejected.entries.map(\.date).sorted())
    }

    @Test func withNoneInThePeriodTheNearestAreShown() throws {
        // Deputies in August; the fourth quarter has none of its own.
        let p = project(deputies: 2)
        defer { p.cleanUp() }
        let item = try #require(explanation(p, period: "2023-Q4", language: .en)?.items.first)
        let rejected = try #require(item.rejected)
        #expect(!rejected.inSpan)
        #expect(rejected.entries.map(\.id) == ["d0", "d1"])
        #expect(rejected.text().contains("(nearest the period)"))
    }

    @Test func aValueSpanningLinesStaysOnItsLineAndAnAbsentOneIsSaid() throws {
        let p = project(deputies: 0)
        defer { p.cleanUp() }
        p.write(
            "logs/e.csv",
            "id,unit,type,date,role\nm1,x1,citizen-reception,2023-08-03,\"dep\nuty\"\nn1,x1,citizen-reception,2023-08-04,\n"
        )
        let item = try #require(explanation(p, period: "2023-Q3", language: .en)?.items.first)
        let text = try #require(item.rejected).text()
        #expect(text.contains("m1, 2023-08-03, role: dep\\nuty — does not match role: head"))
        #expect(text.contains("n1, 2023-08-04, role: (absent) — does not match role: head"))
        #expect(text.split(separator: "\n").count == 3)
    }

    @Test func anAbsentAttributeAndOtherOperatorsAreWorded() {
        #expect(RejectedEventFinder.words(.exists(true), field: "role", .vi) == "có role")
        #expect(RejectedEventFinder.words(.exists(false), field: "role", .en) == "role absent")
        let list = [AttributeValue("a"), AttributeValue("b")]
        #expect(RejectedEventFinder.words(.isIn(list), field: "role", .en) == "role: one of a, b")
        #expect(RejectedEventFinder.words(.notIn(list), field: "role", .vi) == "role: không thuộc a, b")
        #expect(RejectedEventFinder.words(.gte(AttributeValue("3")), field: "n", .en) == "n ≥ 3")
    }
}
