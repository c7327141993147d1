import ComplianceCore
import Testing

@Suite("Event store: matching rows and key groups")
struct EventStoreGroupingTests {
    /// Events of one unit, each with a `ref` (or none) and a `role`, in date order.
    static let store: EventStore = {
        let refs = ["K2", "K1", nil, "K2", "k1", "K1", "K3", nil, "K2"]
        let roles = ["head", "deputy", "head", nil, "HEAD", "head", "deputy", "head", "head"]
        var events: [Event] = []
        for i in refs.indices {
            var attributes: [(name: String, value: AttributeValue)] = []
            if let ref = refs[i] { attributes.append(("ref", AttributeValue(ref))) }
            if let role = roles[i] { attributes.append(("role", AttributeValue(role))) }
            events.append(
                Event(
                    id: "e\(i)", unit: 0, type: "a", day: d("2023-01-01").adding(days: i), attributes: attributes,
                    origin: EventOrigin(file: 0, line: Int32(i + 2))))
        }
        return EventStore(events: events, unitCount: 1, files: ["a.csv"])
    }()

    @Test("key groups hold what a dictionary of arrays filled in order held")
    func keyGroups() {
        let store = Self.store
        let rows = store.rows(unit: 0, types: ["a"])
        let fields = [store.field(named: "ref")]
        let keys = rows.map { store.key($0, fields: fields) }
        var expected: [EventKey: [Int32]] = [:]
        for (row, key) in zip(rows, keys) { if let key { expected[key, default: []].append(row) } }
        let groups = KeyGroups(items: rows, keys: keys)
        #expect(groups.count == expected.count)
        for (key, members) in expected {
            #expect(Array(groups.members(of: key)) == members)
        }
        let absent = store.key(rows[0], fields: [store.field(named: "role")])
        #expect(absent.map { groups.members(of: $0).isEmpty } == true)
    }

    @Test("rows matching a pattern are those EventPattern.rows selects", arguments: ["head", "deputy", "nobody"])
    func matching(role: String) {
        let store = Self.store
        for conditions in [
            [Condition.eq(AttributeValue(role))], [.notIn([AttributeValue(role)])], [.exists(false)],
            [.startsWith("h"), .contains("ea")],
        ] {
            let pattern = EventPattern(
                types: ["a"], conditions: [FieldCondition(field: "role", conditions: conditions)])
            #expect(store.rows(unit: 0, matching: pattern) == pattern.rows(unit: 0, in: store))
        }
        let plain = EventPattern(types: ["a"])
        #expect(store.rows(unit: 0, matching: plain) == plain.rows(unit: 0, in: store))
    }
}
