import Testing

@testable import YAMLSupport

@Suite("Composer problems are values with codes and positions")
struct ProblemTests {
    @Test("duplicate key points at the second key, related mark at the first; the first entry wins")
    func duplicateKey() throws {
        let yaml = """
            rules:
              - id: a
                title: one
                id: b
            """
        let document = compose(yaml)
        #expect(document.problems.count == 1)
        let problem = try #require(document.problems.first)
        #expect(problem.code == "yaml.duplicate-key")
        #expect(problem.mark == mark(4, 5))
        #expect(problem.relatedMark == mark(2, 5))
        #expect(problem.detail == .duplicateKey("id", first: mark(2, 5)))
        let item = try #require(document.root?.value(forKey: "rules")?.items?.first)
        #expect(item.entries?.count == 2)
        #expect(item.value(forKey: "id")?.scalar == "a")
    }

    @Test("a duplicate key's value is dropped whole, even a collection, and later entries stay in place")
    func duplicateKeyWithCollectionValue() throws {
        let document = compose("a: 1\nb: [1, {c: 2}]\na: {x: [y, z]}\nd: 4\n")
        #expect(document.problems.map(\.mark) == [mark(3, 1)])
        #expect(document.problems.map(\.relatedMark) == [mark(1, 1)])
        let root = try #require(document.root)
        #expect(root.entries?.map(\.key.scalar) == ["a", "b", "d"])
        #expect(root.value(forKey: "a")?.scalar == "1")
        #expect(root.value(forKey: "b")?.items?.last?.value(forKey: "c")?.scalar == "2")
        #expect(root.value(forKey: "d")?.scalar == "4")
    }

    @Test("duplicates in a mapping with many keys point at the first definition")
    func duplicateKeysInLargeMapping() throws {
        let keys = (0..<40).map { "k\($0)" }
        let lines = keys.map { "\($0): \($0)" } + ["k2: {nested: [1, 2]}", "k39: [x]", "\"k20\": again", "last: 1"]
        let document = compose(lines.joined(separator: "\n") + "\n")
        #expect(document.problems.map(\.code) == Array(repeating: "yaml.duplicate-key", count: 3))
        #expect(document.problems.map(\.mark) == [mark(41, 1), mark(42, 1), mark(43, 1)])
        #expect(document.problems.map(\.relatedMark) == [mark(3, 1), mark(40, 1), mark(21, 1)])
        let root = try #require(document.root)
        #expect(root.entries?.map(\.key.scalar) == keys + ["last"])
        #expect(root.value(forKey: "k2")?.scalar == "k2")
        #expect(root.value(forKey: "k20")?.scalar == "k20")
        #expect(root.value(forKey: "last")?.scalar == "1")
    }

    @Test("keys equal after Unicode normalisation are duplicates")
    func duplicateKeyNFC() {
        let document = compose("t\u{00EA}n: a\nte\u{0302}n: b\n")
        #expect(document.problems.map(\.code) == ["yaml.duplicate-key"])
        #expect(document.root != nil)
    }

    @Test("a second document is refused at its start; the first is kept")
    func multipleDocuments() throws {
        let document = compose("a: 1\n---\nb: 2\n")
        #expect(document.problems.map(\.code) == ["yaml.multiple-documents"])
        #expect(document.problems.first?.mark == mark(2, 1))
        #expect(document.root?.value(forKey: "a")?.scalar == "1")
    }

    @Test("explicit single document with --- and ... is fine")
    func singleExplicitDocument() {
        let document = compose("---\na: 1\n...\n")
        #expect(document.problems.isEmpty)
        #expect(document.root?.value(forKey: "a")?.scalar == "1")
    }

    @Test(
        "non-core tags are refused at the node",
        arguments: [
            ("a: !include other.yaml\n", "!include", mark(1, 4)),
            ("a:\n  - !!python/object:os.system x\n", "!!python/object:os.system", mark(2, 5)),
            ("a: !!binary aGk=\n", "!!binary", mark(1, 4)),
            ("!custom\nb: 1\n", "!custom", mark(1, 1)),
        ])
    func unsupportedTag(yaml: String, tag: String, at expected: SourceMark) throws {
        let document = compose(yaml)
        #expect(document.root == nil)
        let problem = try #require(document.problems.first)
        #expect(problem.code == "yaml.unsupported-tag")
        #expect(problem.mark == expected)
        #expect(problem.detail == .unsupportedTag(tag))
    }

    @Test("core tags are accepted", arguments: ["!!str", "!!int", "!!float", "!!bool", "!!null", "!"])
    func coreTags(tag: String) {
        let document = compose("a: \(tag) 1\nb: !!seq [x]\nc: !!map {k: v}\n")
        #expect(document.problems.isEmpty)
        #expect(document.root != nil)
    }

    @Test("syntax errors carry libyaml's message and position")
    func syntaxError() throws {
        let document = compose("a: 1\nb: [1, 2\nc: 3\n")
        #expect(document.root == nil)
        let problem = try #require(document.problems.first)
        #expect(problem.code == "yaml.syntax")
        #expect(problem.mark.line == 3)
        // libyaml's problem and context stay apart, with their own positions.
        guard case .libyaml(let error) = problem.detail else {
            Issue.record("expected libyaml's error, got \(problem.detail)")
            return
        }
        #expect(error.problem == "did not find expected ',' or ']'")
        #expect(error.problemMark == problem.mark)
        #expect(error.context == "while parsing a flow sequence")
        #expect(error.contextMark == mark(2, 4))
    }

    @Test("a bad indentation is a syntax error on its line")
    func badIndentation() throws {
        let document = compose("a:\n  b: 1\n c: 2\n")
        let problem = try #require(document.problems.first)
        #expect(problem.code == "yaml.syntax")
        #expect(problem.mark == mark(3, 2))
    }

    @Test("invalid UTF-8 is refused with its byte offset and position")
    func invalidUTF8() throws {
        var bytes = Array("a: 1\nb: x".utf8)
        bytes.append(0xFF)
        bytes += Array("y\n".utf8)
        let document = YAMLComposer.compose(bytes: bytes)
        #expect(document.root == nil)
        let problem = try #require(document.problems.first)
        #expect(problem.code == "yaml.invalid-utf8")
        #expect(problem.detail == .libyamlReader(problem: "invalid leading UTF-8 octet", value: 0xFF, byteOffset: 9))
        #expect(problem.mark == mark(2, 5))
    }

    @Test("UTF-16 is refused; a UTF-8 BOM is fine")
    func encodings() throws {
        let utf16 = YAMLComposer.compose(
            bytes: [0xFF, 0xFE] + Array("a: 1\n".utf16).flatMap { [UInt8($0 & 0xFF), 0] })
        #expect(utf16.problems.map(\.code) == ["yaml.invalid-utf8"])
        #expect(utf16.problems.first?.detail == .notUTF8Encoding)
        let bom = YAMLComposer.compose(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8))
        #expect(bom.problems.isEmpty)
        #expect(bom.root?.value(forKey: "a")?.scalar == "1")
        #expect(bom.root?.start == mark(1, 1))
    }

    @Test("a control character is refused as not valid text", arguments: [[0x00], [0x07]] as [[UInt8]])
    func controlCharacter(bad: [UInt8]) {
        let document = YAMLComposer.compose(bytes: Array("a: x".utf8) + bad + Array("\n".utf8))
        #expect(document.problems.map(\.code) == ["yaml.invalid-utf8"])
    }

    @Test(
        "empty and comment-only files have no root and no problems", arguments: ["", "\n\n", "  # c\n# d\n"])
    func emptyFile(text: String) {
        let document = compose(text)
        #expect(document.root == nil)
        #expect(document.problems.isEmpty)
    }

    @Test("a file over the size limit is refused without parsing")
    func sizeLimit() {
        var limits = YAMLLimits()
        limits.maxFileBytes = 8
        let document = compose("a: 123456\n", limits: limits)
        #expect(document.problems.map(\.code) == ["yaml.limit"])
        #expect(document.problems.first?.mark == mark(1, 1))
        #expect(compose("a: 1\n", limits: limits).problems.isEmpty)
    }
}
