import Testing

@testable import YAMLSupport

@Suite("Scalars keep their text and style (YAML 1.2, no type resolution)")
struct ScalarTests {
    @Test(
        "plain scalars stay text",
        arguments: [
            "no", "on", "yes", "off", "09", "2022-02-09", "12:30", "1.5", "0x1F", "true", "~", "null",
        ])
    func plainScalarsStayText(text: String) throws {
        let root = try #require(compose("value: \(text)\n").root)
        let value = try #require(root.value(forKey: "value"))
        #expect(value.scalar == text)
        #expect(value.scalarStyle == .plain)
    }

    @Test("styles are reported")
    func styles() throws {
        let yaml = """
            a: plain
            b: 'single'
            c: "double"
            d: |
              literal
            e: >
              folded
              text
            """
        let root = try #require(compose(yaml).root)
        let styles = root.entries?.map { $0.value.scalarStyle }
        #expect(styles == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
        let texts = root.entries?.map { $0.value.scalar }
        #expect(texts == ["plain", "single", "double", "literal\n", "folded text"])
    }

    @Test(
        "null only for plain empty, ~ and null spellings",
        arguments: [
            ("k:\n", true), ("k: ~\n", true), ("k: null\n", true), ("k: Null\n", true), ("k: NULL\n", true),
            ("k: nULL\n", false), ("k: \"null\"\n", false), ("k: 'null'\n", false), ("k: ''\n", false),
            ("k: !!str null\n", false), ("k: none\n", false),
        ])
    func nulls(yaml: String, isNull: Bool) throws {
        let value = try #require(compose(yaml).root?.value(forKey: "k"))
        #expect(value.isNull == isNull)
    }

    @Test(
        "booleans are only true/false spellings",
        arguments: [
            ("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false),
            ("FALSE", false), ("yes", nil), ("no", nil), ("on", nil), ("off", nil), ("tRue", nil),
            ("\"true\"", nil),
        ] as [(String, Bool?)])
    func booleans(text: String, expected: Bool?) throws {
        let value = try #require(compose("k: \(text)\n").root?.value(forKey: "k"))
        #expect(value.boolValue() == expected)
    }

    @Test(
        "integers are plain decimal digits in Int range",
        arguments: [
            ("09", 9), ("-12", -12), ("+7", 7), ("0", 0), ("1.0", nil), ("0x10", nil), ("1_000", nil),
            ("'5'", nil), ("99999999999999999999", nil), ("--1", nil), ("12:30", nil),
        ] as [(String, Int?)])
    func integers(text: String, expected: Int?) throws {
        let value = try #require(compose("k: \(text)\n").root?.value(forKey: "k"))
        #expect(value.intValue() == expected)
    }

    @Test("value(forKey:) finds the first matching key, kindName names the kind")
    func accessors() throws {
        let root = try #require(compose("list: [1, 2]\nmap: {a: b}\ns: x\n").root)
        #expect(root.kindName == "mapping")
        #expect(root.value(forKey: "list")?.kindName == "sequence")
        #expect(root.value(forKey: "list")?.items?.compactMap(\.scalar) == ["1", "2"])
        #expect(root.value(forKey: "map")?.value(forKey: "a")?.scalar == "b")
        #expect(root.value(forKey: "s")?.kindName == "scalar")
        #expect(root.value(forKey: "missing") == nil)
        #expect(root.value(forKey: "s")?.items == nil)
    }

    @Test("standard tags are kept on the node")
    func standardTag() throws {
        let value = try #require(compose("k: !!str 12\n").root?.value(forKey: "k"))
        #expect(value.tag == "tag:yaml.org,2002:str")
        #expect(value.scalar == "12")
        #expect(value.intValue() == nil)
    }
}
