import ComplianceCore
import Testing

@Suite("Unit selectors and the registry")
struct UnitSelectorTests {
    static func unit(_ id: String, _ level: String, parent: String?, tags: [String] = []) -> Unit {
        Unit(
            id: id, name: id, level: level, kind: "party-committee", parent: parent, tags: tags, from: nil, to: nil,
            successor: nil, location: ComplianceCore.SourceLocation(path: "units.yaml"))
    }

    static let registry = UnitRegistry(units: [
        unit("bk.pn.x2", "commune", parent: "bk.pn", tags: ["remote", "ethnic-minority"]),
        unit("bk", "province", parent: nil),
        unit("bk.pn", "district", parent: "bk"),
        unit("bk.pn.x1", "commune", parent: "bk.pn", tags: ["remote"]),
        unit("bk.cm", "district", parent: "bk", tags: ["ethnic-minority"]),
        unit("other", "province", parent: nil),
    ])

    static func matching(_ selector: UnitSelector) -> [String] {
        registry.units.indices.filter { selector.matches($0, in: registry) }.map { registry.units[$0].id }
    }

    @Test("units are kept in code-point order of ids")
    func order() {
        #expect(Self.registry.ids == ["bk", "bk.cm", "bk.pn", "bk.pn.x1", "bk.pn.x2", "other"])
        #expect(Self.registry.unit("bk.pn")?.level == "district")
        #expect(Self.registry.index(of: "nope") == nil)
    }

    @Test("selectors")
    func selectors() {
        #expect(Self.matching(UnitSelector()).count == 6)

        var under = UnitSelector()
        under.under = ["bk"]
        #expect(Self.matching(under) == ["bk.cm", "bk.pn", "bk.pn.x1", "bk.pn.x2"])
        under.under = ["bk.pn"]
        #expect(Self.matching(under) == ["bk.pn.x1", "bk.pn.x2"])
        under.under = ["bk.pn.x1"]
        #expect(Self.matching(under).isEmpty)
        under.under = ["missing"]
        #expect(Self.matching(under).isEmpty)
        under.under = ["bk.cm", "bk.pn"]
        #expect(Self.matching(under) == ["bk.pn.x1", "bk.pn.x2"])

        var level = UnitSelector()
        level.levels = ["commune"]
        #expect(Self.matching(level) == ["bk.pn.x1", "bk.pn.x2"])
        level.levels = ["district", "province"]
        #expect(Self.matching(level) == ["bk", "bk.cm", "bk.pn", "other"])

        var tags = UnitSelector()
        tags.tags = .init(any: ["remote"])
        #expect(Self.matching(tags) == ["bk.pn.x1", "bk.pn.x2"])
        tags.tags = .init(any: ["ethnic-minority", "remote"])
        #expect(Self.matching(tags) == ["bk.cm", "bk.pn.x1", "bk.pn.x2"])
        tags.tags = .init(all: ["remote", "ethnic-minority"])
        #expect(Self.matching(tags) == ["bk.pn.x2"])
        tags.tags = .init(any: ["remote"], all: ["ethnic-minority"])
        #expect(Self.matching(tags) == ["bk.pn.x2"])
        tags.tags = .init(any: ["religious"])
        #expect(Self.matching(tags).isEmpty)

        var not = UnitSelector()
        var commune = UnitSelector()
        commune.levels = ["commune"]
        not.not = UnitSelector.Box(commune)
        #expect(Self.matching(not) == ["bk", "bk.cm", "bk.pn", "other"])

        var anded = UnitSelector()
        anded.ids = ["bk", "bk.cm"]
        anded.levels = ["district"]
        #expect(Self.matching(anded) == ["bk.cm"])

        var notUnder = UnitSelector()
        var inPN = UnitSelector()
        inPN.under = ["bk.pn"]
        notUnder.under = ["bk"]
        notUnder.not = UnitSelector.Box(inPN)
        #expect(Self.matching(notUnder) == ["bk.cm", "bk.pn"])
        #expect(notUnder.namedUnitIDs.sorted() == ["bk", "bk.pn"])
    }

    @Test("a 45,000-deep parent chain builds without recursion and answers at depth")
    func deepChain() throws {
        let depth = 45_000
        func id(_ i: Int) -> String { "u" + String(repeating: "0", count: 5 - String(i).count) + String(i) }
        var units: [Unit] = []
        units.reserveCapacity(depth)
        for i in 0..<depth {
            units.append(Self.unit(id(i), "cell", parent: i == 0 ? nil : id(i - 1)))
        }
        units.append(Self.unit("z.side", "cell", parent: id(100)))
        let registry = UnitRegistry(units: units.reversed())
        let top = try #require(registry.index(of: id(0)))
        let bottom = try #require(registry.index(of: id(depth - 1)))
        let middle = try #require(registry.index(of: id(22_500)))
        let side = try #require(registry.index(of: "z.side"))
        #expect(registry.isStrictDescendant(bottom, of: top))
        #expect(registry.isStrictDescendant(bottom, of: middle))
        #expect(registry.isStrictDescendant(middle, of: top))
        #expect(!registry.isStrictDescendant(top, of: bottom))
        #expect(!registry.isStrictDescendant(middle, of: bottom))
        #expect(!registry.isStrictDescendant(top, of: top))
        #expect(registry.isSelfOrDescendant(top, of: top))
        #expect(registry.isStrictDescendant(side, of: top))
        #expect(!registry.isStrictDescendant(side, of: middle))
        #expect(!registry.isStrictDescendant(bottom, of: side))
        #expect(registry.parent(of: bottom) == registry.index(of: id(depth - 2)))
        #expect(registry.parent(of: top) == nil)
        var under = UnitSelector()
        under.under = [id(44_998)]
        #expect(registry.units.indices.filter { under.matches($0, in: registry) } == [bottom])
    }
}
