import ComplianceCore
import ComplianceTestSupport
import Ingest
import Testing

@Suite("YAML 1.2 scalars and aliases in a unit file (SPEC §2)")
struct UnitYAMLScalarTests {
    @Test("YAML 1.2 scalars stay text; anchors and aliases are allowed in a unit file")
    func scalarsAndAliases() throws {
        let p = TestProject()
        p.write(
            "units.yaml",
            """
            units:
              - { id: 09, name: no, level: on, kind: yes, tags: &t [off, "12:30", 2022-02-09] }
              - { id: 2022-02-09, name: Có, level: commune, kind: k, parent: 09, tags: *t }
            """)
        let (registry, diagnostics) = UnitLoader.load(path: p.root + "/units.yaml", display: "units.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let r = try #require(registry)
        #expect(r.ids == ["09", "2022-02-09"])
        let first = try #require(r.unit("09"))
        #expect([first.name, first.level, first.kind] == ["no", "on", "yes"])
        #expect(first.tags == ["off", "12:30", "2022-02-09"])
        #expect(r.unit("2022-02-09")?.tags == ["off", "12:30", "2022-02-09"])
        #expect(r.unit("2022-02-09")?.parent == "09")
    }
}
