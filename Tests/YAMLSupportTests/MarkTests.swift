import Testing

@testable import YAMLSupport

@Suite("Nodes and keys carry 1-based line and column")
struct MarkTests {
    @Test("block mapping starts at its first key; keys and values have exact marks")
    func blockMarks() throws {
        let yaml = """
            # comment
            units:
              - id: bk
                name: "Bắc Kạn"
              - id: cb
            """
        let root = try #require(compose(yaml).root)
        #expect(root.start == mark(2, 1))
        let units = try #require(root.entries?.first)
        #expect(units.key.start == mark(2, 1))
        #expect(units.key.end == mark(2, 6))
        #expect(units.value.start == mark(3, 3))
        let first = try #require(units.value.items?.first)
        #expect(first.start == mark(3, 5))
        let name = try #require(first.entries?.last)
        #expect(name.key.start == mark(4, 5))
        #expect(name.value.start == mark(4, 11))
        #expect(name.value.end == mark(4, 20))
        #expect(units.value.items?.last?.value(forKey: "id")?.start == mark(5, 9))
    }

    @Test("columns count characters, not bytes")
    func columnsCountCharacters() throws {
        let root = try #require(compose("tên: Bắc Kạn\nx: y\n").root)
        let entries = try #require(root.entries)
        #expect(entries[0].value.start == mark(1, 6))
        let flow = try #require(compose("{ tên: Kạn, ý: 1 }\n").root?.entries)
        #expect(flow[1].key.start == mark(1, 13))
        #expect(flow[1].value.start == mark(1, 16))
    }

    @Test("flow collections start at their bracket")
    func flowMarks() throws {
        let root = try #require(compose("a:\n  b: [x, {c: d}]\n").root)
        let b = try #require(root.value(forKey: "a")?.value(forKey: "b"))
        #expect(b.start == mark(2, 6))
        #expect(b.end == mark(2, 17))
        #expect(b.items?[1].start == mark(2, 10))
    }

    @Test("marks order by line then column")
    func ordering() {
        #expect(mark(1, 9) < mark(2, 1))
        #expect(mark(2, 1) < mark(2, 2))
        #expect(!(mark(2, 2) < mark(2, 2)))
        #expect(mark(3, 4).description == "3:4")
    }
}
