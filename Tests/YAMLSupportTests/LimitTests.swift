import Testing

@testable import YAMLSupport

@Suite("Aliases, depth and budgets")
struct LimitTests {
    @Test("an alias is replaced by a copy of the anchored node")
    func aliasExpansion() throws {
        let yaml = """
            base: &b
              unit: bk
              tags: [remote, mountain]
            copy: *b
            name: &n Bắc Kạn
            again: *n
            """
        let document = compose(yaml)
        #expect(document.problems.isEmpty)
        let root = try #require(document.root)
        let copy = try #require(root.value(forKey: "copy"))
        #expect(copy.value(forKey: "unit")?.scalar == "bk")
        #expect(copy.value(forKey: "tags")?.items?.compactMap(\.scalar) == ["remote", "mountain"])
        // A node with properties starts at its anchor, as libyaml reports it.
        #expect(copy.start == mark(1, 7))
        #expect(copy.value(forKey: "unit")?.start == mark(2, 9))
        #expect(root.value(forKey: "again")?.scalar == "Bắc Kạn")
    }

    @Test("an undefined alias is a syntax problem at the alias")
    func undefinedAlias() throws {
        let document = compose("a: 1\nb: *nowhere\n")
        #expect(document.root == nil)
        #expect(document.problems.map(\.code) == ["yaml.syntax"])
        #expect(document.problems.first?.mark == mark(2, 4))
        #expect(document.problems.first?.detail == .undefinedAlias("nowhere"))
    }

    /// Nine levels of ten aliases each, 10^9 nodes if expanded, stopped by the alias budget.
    ///
    /// The budget stops it after at most `maxAliasNodes` counted nodes, so this test is fast by
    /// construction.
    @Test("billion laughs hits the alias budget")
    func billionLaughs() throws {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        let document = compose(yaml)
        #expect(document.root == nil)
        let problem = try #require(document.problems.first)
        #expect(problem.code == "yaml.limit")
        #expect(problem.detail == .aliasExpansion(limit: 100_000))
    }

    @Test("alias expansion just under the budget is fine, one node more is not")
    func aliasBudgetEdge() {
        var limits = YAMLLimits()
        limits.maxAliasNodes = 8
        // Each *x adds the sequence itself plus three scalars: 4 nodes.
        let twice = "x: &x [1, 2, 3]\ny: [*x, *x]\n"
        #expect(compose(twice, limits: limits).problems.isEmpty)
        let thrice = "x: &x [1, 2, 3]\ny: [*x, *x, *x]\n"
        #expect(compose(thrice, limits: limits).problems.map(\.code) == ["yaml.limit"])
    }

    @Test("500-deep flow nesting hits the depth limit")
    func deepFlowNesting() {
        let yaml = String(repeating: "[", count: 500) + String(repeating: "]", count: 500) + "\n"
        let document = compose(yaml)
        #expect(document.root == nil)
        #expect(document.problems.map(\.code) == ["yaml.limit"])
        #expect(document.problems.first?.mark == mark(1, 101))
    }

    @Test("depth 100 is fine and 101 is not", arguments: [(100, true), (101, false)])
    func depthEdge(depth: Int, accepted: Bool) {
        let yaml = String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth) + "\n"
        let document = compose(yaml)
        #expect((document.root != nil) == accepted)
        #expect(document.problems.map(\.code) == (accepted ? [] : ["yaml.limit"]))
    }

    @Test("block mappings count one level each; the top-level collection is depth 1")
    func blockDepth() {
        var limits = YAMLLimits()
        limits.maxDepth = 3
        #expect(compose("a:\n  b:\n    c: 1\n", limits: limits).problems.isEmpty)
        #expect(
            compose("a:\n  b:\n    c:\n      d: 1\n", limits: limits).problems.map(\.code) == ["yaml.limit"])
    }

    @Test("an alias's height counts toward depth")
    func aliasDepth() {
        var limits = YAMLLimits()
        limits.maxDepth = 3
        // The anchored node [[x]] has height 2; placed at depth 1 it reaches depth 3.
        #expect(compose("a: &a [[x]]\nb: *a\n", limits: limits).problems.isEmpty)
        #expect(compose("a: &a [[x]]\nb: [*a]\n", limits: limits).problems.map(\.code) == ["yaml.limit"])
    }

    @Test("a huge deep file fails quickly on depth, far below libyaml's own stack growth")
    func veryDeep() {
        let yaml = String(repeating: "[", count: 200_000)
        let document = compose(yaml)
        #expect(document.problems.map(\.code) == ["yaml.limit"])
    }
}
