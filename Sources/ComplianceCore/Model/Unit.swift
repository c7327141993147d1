/// An organisation that bears obligations: a party committee, a people's committee, an MTTQ
/// committee, a party cell… Units live for a time (`from`/`to`): in 2025 districts were abolished.
public struct Unit: Sendable, Hashable {
    /// `[a-z0-9][a-z0-9._-]*`, unique.
    public let id: String
    /// Display name (NFC).
    public let name: String
    /// Free vocabulary: province, district, commune, cell.
    public let level: String
    /// Free vocabulary: party-committee, people-committee, mttq, ….
    public let kind: String
    /// Parent unit id.
    public let parent: String?
    /// Tags such as remote, ethnic-minority.
    public let tags: [String]
    /// First day of existence (inclusive).
    public let from: Day?
    /// Last day (inclusive).
    public let to: Day?
    /// The unit that took over its work after `to`.
    public let successor: String?
    /// Where it is declared.
    public let location: SourceLocation

    /// A unit value.
    public init(
        id: String, name: String, level: String, kind: String, parent: String?, tags: [String], from: Day?,
        to: Day?, successor: String?, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.level = level
        self.kind = kind
        self.parent = parent
        self.tags = tags
        self.from = from
        self.to = to
        self.successor = successor
        self.location = location
    }

    /// Whether the unit exists on `day`.
    public func exists(on day: Day) -> Bool {
        (from.map { $0 <= day } ?? true) && (to.map { day <= $0 } ?? true)
    }
}

/// The validated unit hierarchy, with constant-time "is X under Y" so selectors stay fast on a
/// national registry — and no recursion, so a 45,000-level chain cannot overflow the stack.
public struct UnitRegistry: Sendable {
    /// Units in id code-point order (the order findings are reported in).
    public let units: [Unit]
    private let indexByID: [String: Int]
    private let parentIndex: [Int?]
    private let enter: [Int]
    private let exit: [Int]

    /// Builds the registry from units already checked for duplicates, unknown parents and cycles.
    public init(units input: [Unit]) {
        // Sorted in place: loaders hand over their only copy, so no unit is copied.
        var sorted = input
        sorted.sort { $0.id.codePointPrecedes($1.id) }
        units = sorted
        // Fields are read through indices: binding a `Unit` would copy all of its strings.
        var index: [String: Int] = [:]
        index.reserveCapacity(sorted.count)
        for i in sorted.indices { index[sorted[i].id] = i }
        indexByID = index
        let parents = sorted.indices.map { i in sorted[i].parent.flatMap { index[$0] } }
        parentIndex = parents
        var children = [[Int]](repeating: [], count: sorted.count)
        for (i, p) in parents.enumerated() { if let p { children[p].append(i) } }
        var enter = [Int](repeating: 0, count: sorted.count)
        var exit = [Int](repeating: 0, count: sorted.count)
        var clock = 0
        var visited = [Bool](repeating: false, count: sorted.count)
        for root in sorted.indices where parents[root] == nil {
            // Iterative depth-first walk: (node, next child position).
            var stack: [(Int, Int)] = [(root, 0)]
            enter[root] = clock
            visited[root] = true
            clock += 1
            while let (node, next) = stack.last {
                if next < children[node].count {
                    stack[stack.count - 1].1 += 1
                    let child = children[node][next]
                    if visited[child] { continue }
                    visited[child] = true
                    enter[child] = clock
                    clock += 1
                    stack.append((child, 0))
                } else {
                    exit[node] = clock
                    stack.removeLast()
                }
            }
        }
        self.enter = enter
        self.exit = exit
    }

    /// The index of a unit id.
    public func index(of id: String) -> Int? { indexByID[id] }

    /// The unit with an id.
    public func unit(_ id: String) -> Unit? { indexByID[id].map { units[$0] } }

    /// The parent's index.
    public func parent(of index: Int) -> Int? { parentIndex[index] }

    /// Whether `index` is a strict descendant of `ancestor`.
    public func isStrictDescendant(_ index: Int, of ancestor: Int) -> Bool {
        index != ancestor && enter[ancestor] < enter[index] && exit[index] <= exit[ancestor]
    }

    /// Whether `index` is `ancestor` or below it (`--unit` and waiver `units:`).
    public func isSelfOrDescendant(_ index: Int, of ancestor: Int) -> Bool {
        index == ancestor || isStrictDescendant(index, of: ancestor)
    }

    /// Position in a depth-first walk of the hierarchy (parents before children, siblings by id),
    /// the order reports list units in.
    public func hierarchyRank(of index: Int) -> Int { enter[index] }

    /// The hierarchy ranks of the unit and all its descendants: a contiguous range, since a
    /// depth-first walk visits a subtree in one stretch.
    public func subtreeRanks(of index: Int) -> Range<Int> { enter[index]..<exit[index] }

    /// All unit ids, for "did you mean".
    public var ids: [String] { units.map(\.id) }

    /// Whether log records may name any unit: a stand-in registry, used to read the logs when the
    /// real one could not be read at all (SPEC §2), files every record under its one unit.
    public private(set) var acceptsAnyUnit = false

    /// The stand-in registry of `acceptsAnyUnit`: one unit without dates, never evaluated.
    public static func standIn(location: SourceLocation) -> UnitRegistry {
        var registry = UnitRegistry(units: [
            Unit(
                id: "", name: "", level: "", kind: "", parent: nil, tags: [], from: nil, to: nil, successor: nil,
                location: location)
        ])
        registry.acceptsAnyUnit = true
        return registry
    }
}
