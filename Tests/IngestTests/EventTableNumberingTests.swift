import ComplianceCore
import ComplianceTestSupport
import Ingest
import Testing

/// The event table's interned names are numbered by the one walk over the records' fields, in input
/// order, so that reports never depend on which thread met a name first.
@Suite("Event table numbering (one walk over the fields)")
struct EventTableNumberingTests {
    @Test("attribute names: a header's and a JSON Lines or YAML file's keys in the order they are met")
    func fieldNames() {
        let p = logProject()
        p.write(
            "logs/a.yaml",
            """
            events:
              - { id: r1, unit: x9, type: citizen-reception, date: 2022-02-09, zeta: 1 }
              - { id: r2, unit: x1, type: citizen-reception, date: 2022-02-09, beta: 2, alpha: " " }
              - { id: r2, unit: x1, type: complaint-accepted, date: 2022-02-10, delta: 3 }

            """)
        p.write("logs/b.csv", "id,unit,type,date,gamma, beta\nr3,x9,citizen-reception,2022-02-09,,1\n")
        p.write(
            "logs/c.jsonl",
            "{\"id\":\"r4\",\"unit\":\"x9\",\"type\":\"citizen-reception\",\"date\":\"2022-02-09\",\"eta\":\"4\"}\n"
                + "{\"id\":\"r5\",\"unit\":\"x2\",\"type\":\"meeting\",\"date\":\"2022-02-09\",\"beta\":\"2\",\"theta\":\"5\"}\n"
        )
        let project = p.load(asOf: day("2025-01-01"))
        checkAccounting(project)
        #expect(counts(project, "logs/a.yaml") == [3, 1, 2, 0])
        #expect(counts(project, "logs/b.csv") == [1, 0, 1, 0])
        #expect(counts(project, "logs/c.jsonl") == [2, 1, 1, 0])
        let table = project.store.table
        // YAML records are read in keyed batches, as JSON Lines: r1's key counts although r1 is rejected.
        #expect(table.fieldNames == ["zeta", "beta", "alpha", "delta", "gamma", "eta", "theta"])
        #expect(table.typeNames == ["citizen-reception", "complaint-accepted", "meeting"])
        // A value normalised to nothing is interned but leaves its attribute absent.
        #expect((0..<table.values.count).map { table.values[$0].text } == ["2", "", "3", "5"])
        #expect(table.count == 2)
        #expect(table.event(0).attributes.map { "\($0.name)=\($0.value.text)" } == ["beta=2"])
        #expect(table.event(1).attributes.map { "\($0.name)=\($0.value.text)" } == ["beta=2", "theta=5"])
    }
}
