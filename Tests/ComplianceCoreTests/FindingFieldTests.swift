import ComplianceCore
import Testing

@Suite("The table of finding fields")
struct FindingFieldTests {
    private func finding() throws -> Finding {
        let day = try #require(Day(year: 2025, month: 3, day: 31))
        return Finding(
            rule: "R", unit: "u", status: .violated, reason: "insufficient", period: "2025-03", due: day, expected: 2,
            actual: 1, events: ["e1", "e2"], sortDay: day, waiverSpan: day...day, identity: "2025-03")
    }

    @Test func keysAreUniqueInEveryOutput() {
        let keys = FindingField.allCases.map(\.name)
        #expect(Set(keys).count == keys.count)
        let sarif = FindingField.allCases.map(\.sarifKey.description)
        #expect(Set(sarif).count == sarif.count)
        #expect(FindingField.daysLate.name == "days_late" && FindingField.daysLate.sarifKey.description == "daysLate")
        #expect(FindingField.events.csvColumn == "evidence")
    }

    @Test func anOutputsOrderPlacesItsFieldsThenAppendsTheRest() {
        let order = FindingField.order(.csv, placed: [.message, .unit, .items])
        // `items` is not shown in CSV, so it is dropped; every CSV field appears once.
        #expect(Array(order.prefix(2)) == [.message, .unit])
        #expect(Set(order) == Set(FindingField.allCases.filter { $0.shownIn.contains(.csv) }))
        #expect(order.count == Set(order).count)
        #expect(!order.contains(.items))
    }

    @Test func valuesFollowTheFinding() throws {
        var f = try finding()
        #expect(FindingField.expected.value(in: f) == .integer(2))
        #expect(FindingField.actual.value(in: f) == .integer(1))
        #expect(FindingField.items.value(in: f) == nil)
        #expect(FindingField.events.value(in: f)?.text == "e1,e2")
        #expect(FindingField.due.value(in: f)?.text == "2025-03-31")
        #expect(FindingField.ref.value(in: f) == nil)
        // A ratio: threshold and share as one-decimal numbers, the base items as counts.
        f.share = Share(threshold: Tenths(tenths: 575), satisfied: 2, violated: 1, pending: 4)
        #expect(FindingField.expected.value(in: f) == .decimal(Tenths(tenths: 575)))
        #expect(FindingField.expected.value(in: f)?.text == "57.5")
        #expect(FindingField.actual.value(in: f)?.text == "66.7")
        #expect(FindingField.items.value(in: f) == .counts(satisfied: 2, violated: 1, pending: 4))
    }
}
