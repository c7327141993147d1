import ComplianceCore
import ComplianceTestSupport
import Ingest
import Testing

@Suite("Unit registry loading (SPEC §3)")
struct UnitLoaderTests {
    static func load(_ yaml: String) -> (UnitRegistry?, [Diagnostic]) {
        let p = TestProject()
        p.write("units.yaml", yaml)
        return UnitLoader.load(path: p.root + "/units.yaml", display: "units.yaml")
    }

    @Test("a good registry: hierarchy, tags, life, successor, NFC names")
    func good() throws {
        let (registry, diagnostics) = Self.load(
            """
            units:
              - id: bk
                name: Tỉnh ủy Bắc Kạn
                level: province
                kind: party-committee
                parent: null
                tags: []
                from: 1997-01-01
                to: null
              - { id: bk.pn, name: "Huyện ủy Pác Nặm", level: district, kind: party-committee, parent: bk, tags: [remote, ethnic-minority], from: 2003-01-01, to: 2025-06-30, successor: bk }
              - id: bk.pn.x-cong-bang
                name: "UBND xa\u{0303} Co\u{302}\u{301}ng Ba\u{306}\u{300}ng"
                level: commune
                kind: people-committee
                parent: bk.pn
                tags: remote
              - { id: "0-cell_1.a", name: Chi bộ 1, level: cell, kind: party-cell, parent: bk.pn.x-cong-bang }

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let r = try #require(registry)
        #expect(r.ids == ["0-cell_1.a", "bk", "bk.pn", "bk.pn.x-cong-bang"])
        let bk = try #require(r.unit("bk"))
        #expect(bk.name == "Tỉnh ủy Bắc Kạn")
        #expect(bk.parent == nil)
        #expect(bk.from == day("1997-01-01"))
        #expect(bk.to == nil)
        #expect(bk.location == ComplianceCore.SourceLocation(path: "units.yaml", line: 2, column: 9))
        let pn = try #require(r.unit("bk.pn"))
        #expect(pn.tags == ["remote", "ethnic-minority"])
        #expect(pn.to == day("2025-06-30"))
        #expect(pn.successor == "bk")
        #expect(pn.exists(on: day("2025-06-30")))
        #expect(!pn.exists(on: day("2025-07-01")))
        #expect(!pn.exists(on: day("2002-12-31")))
        let commune = try #require(r.unit("bk.pn.x-cong-bang"))
        #expect(Array(commune.name.unicodeScalars) == Array("UBND xã Cống Bằng".unicodeScalars))
        #expect(commune.tags == ["remote"])
        let cell = try #require(r.index(of: "0-cell_1.a"))
        let top = try #require(r.index(of: "bk"))
        #expect(r.isStrictDescendant(cell, of: top))
    }

    static let bad: [BadInput] = [
        BadInput(
            "duplicate id, reported at the second",
            """
            units:
              - { id: a, name: A, level: commune, kind: k }
              - { id: b, name: B, level: commune, kind: k }
              - { id: a, name: A2, level: commune, kind: k }
            """, "unit.duplicate-id", 4, 11, "line 2"),
        BadInput(
            "unknown parent, with did you mean",
            """
            units:
              - { id: bk.pn, name: A, level: district, kind: k }
              - { id: b, name: B, level: commune, kind: k, parent: bk.pm }
            """, "unit.unknown-parent", 3, 56, "did you mean 'bk.pn'"),
        BadInput(
            "its own parent",
            """
            units:
              - { id: a, name: A, level: commune, kind: k, parent: a }
            """, "unit.cycle", 2, 56),
        BadInput(
            "a cycle of two, reported at the smaller id's parent",
            """
            units:
              - { id: b, name: B, level: commune, kind: k, parent: a }
              - { id: a, name: A, level: commune, kind: k, parent: b }
            """, "unit.cycle", 3, 56, "b → a → b"),
        BadInput(
            "a cycle of three",
            """
            units:
              - id: c
                name: C
                level: commune
                kind: k
                parent: a
              - id: a
                name: A
                level: commune
                kind: k
                parent: b
              - id: b
                name: B
                level: commune
                kind: k
                parent: c
            """, "unit.cycle", 11, 13),
        BadInput(
            "to before from, at the `to` key",
            """
            units:
              - id: a
                name: A
                level: commune
                kind: k
                from: 2022-01-01
                to: 2021-12-31
            """, "unit.to-before-from", 7, 5),
        BadInput(
            "unknown successor",
            """
            units:
              - id: a
                name: A
                level: commune
                kind: k
                to: 2024-12-31
                successor: zz
            """, "unit.unknown-successor", 7, 16),
        BadInput(
            "successor without to",
            """
            units:
              - { id: a, name: A, level: commune, kind: k }
              - id: b
                name: B
                level: commune
                kind: k
                successor: a
            """, "unit.invalid-value", 7, 5, "to"),
        BadInput(
            "successor with `to: null`",
            """
            units:
              - { id: a, name: A, level: commune, kind: k }
              - { id: b, name: B, level: commune, kind: k, to: null, successor: a }
            """, "unit.invalid-value", 3, 58),
        BadInput(
            "upper-case id",
            """
            units:
              - { id: Bk, name: A, level: commune, kind: k }
            """, "unit.invalid-value", 2, 11, "[a-z0-9][a-z0-9._-]*"),
        BadInput(
            "id starting with a dash",
            """
            units:
              - { id: "-x", name: A, level: commune, kind: k }
            """, "unit.invalid-value", 2, 11),
        BadInput(
            "id with a space",
            """
            units:
              - id: a b
                name: A
                level: commune
                kind: k
            """, "unit.invalid-value", 2, 9),
        BadInput(
            "id with a Vietnamese letter",
            """
            units:
              - id: xã-1
                name: A
                level: commune
                kind: k
            """, "unit.invalid-value", 2, 9),
        BadInput(
            "unknown key with did you mean",
            """
            units:
              - id: a
                name: A
                level: commune
                kind: k
                parnet: null
            """, "unit.unknown-key", 6, 5, "did you mean 'parent'"),
        BadInput(
            "missing name",
            """
            units:
              - id: a
                level: commune
                kind: k
            """, "unit.missing-field", 2, 5, "name"),
        BadInput(
            "impossible date",
            """
            units:
              - id: a
                name: A
                level: commune
                kind: k
                from: 2022-02-30
            """, "unit.invalid-value", 6, 11),
        BadInput(
            "wrong top-level key", "unit:\n  - { id: a, name: A, level: commune, kind: k }\n", "unit.unknown-key", 1, 1),
        BadInput("units not a list", "units: a\n", "unit.invalid-value", 1, 8),
        BadInput("an empty file", "# nothing\n", "unit.missing-field", 1, 1),
        BadInput(
            "YAML duplicate key",
            """
            units:
              - id: a
                name: A
                level: commune
                name: B
                kind: k
            """, "yaml.duplicate-key", 5, 5, "line 3"),
    ]

    @Test("bad registries", arguments: bad)
    func badInput(_ input: BadInput) {
        let (registry, diagnostics) = Self.load(input.yaml)
        #expect(registry == nil)
        let r = input.check(diagnostics, path: "units.yaml")
        #expect(
            r.found.contains(r.expected), "found \(r.found); all: \(diagnostics.map { "\($0.code) \($0.message)" })")
        #expect(r.messageOK, "\(messages(diagnostics, input.code))")
    }

    @Test("every unit naming a missing parent has its own error, each with the closest id")
    func sharedUnknownParent() {
        var text = "units:\n  - { id: p01, name: P, level: province, kind: k }\n"
        for i in 1...300 { text += "  - { id: c\(i), name: C, level: commune, kind: k, parent: q01 }\n" }
        text += "  - { id: c0, name: C, level: commune, kind: k, parent: p0l }\n"
        let (registry, diagnostics) = Self.load(text)
        #expect(registry == nil)
        let found = messages(diagnostics, "unit.unknown-parent")
        #expect(found.count == 301)
        #expect(found.first == "unit 'c1' names unknown parent 'q01' (did you mean 'p01'?)")
        #expect(found.last == "unit 'c0' names unknown parent 'p0l' (did you mean 'p01'?)")
        #expect(found.allSatisfy { $0.hasSuffix(" (did you mean 'p01'?)") })
    }

    @Test("a 45,000-level chain loads without overflowing the stack")
    func deepChain() throws {
        let depth = 45_000
        var text = "units:\n  - { id: u0, name: U, level: l, kind: k }\n"
        for i in 1..<depth { text += "  - { id: u\(i), name: U, level: l, kind: k, parent: u\(i - 1) }\n" }
        let (registry, diagnostics) = Self.load(text)
        #expect(diagnostics.isEmpty)
        let r = try #require(registry)
        let top = try #require(r.index(of: "u0"))
        let bottom = try #require(r.index(of: "u\(depth - 1)"))
        #expect(r.isStrictDescendant(bottom, of: top))
        #expect(!r.isStrictDescendant(top, of: bottom))
    }

    @Test("a 45,000-level cycle is found without overflowing the stack")
    func deepCycle() {
        let depth = 45_000
        var text = "units:\n  - { id: u0, name: U, level: l, kind: k, parent: u\(depth - 1) }\n"
        for i in 1..<depth { text += "  - { id: u\(i), name: U, level: l, kind: k, parent: u\(i - 1) }\n" }
        let (registry, diagnostics) = Self.load(text)
        #expect(registry == nil)
        #expect(places(diagnostics, "unit.cycle") == ["units.yaml:2:51"])
    }
}
