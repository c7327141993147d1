/// Items grouped by their `EventKey`, each group in the items' order: what a `[EventKey: [Int32]]`
/// filled item by item answered, kept in three flat arrays and searched by bisection.
///
/// A deadline or precedence rule has about one key per case, for every unit: a dictionary made a
/// hash, an insertion and an array per key, the largest cost of those kinds.
public struct KeyGroups: Sendable {
    /// The distinct keys, ascending (`EventKey.compare`).
    private let keys: [EventKey]
    /// Group `g` is `members[starts[g]..<starts[g + 1]]`.
    private let starts: [Int]
    /// The items, group after group.
    private let members: [Int32]

    /// Groups `items` by `keys` (parallel arrays); an item whose key is nil is left out.
    public init(items: [Int32], keys itemKeys: [EventKey?]) {
        var order = itemKeys.indices.filter { itemKeys[$0] != nil }
        order.sort { a, b in
            let c = EventKey.compare(itemKeys[a].unsafelyUnwrapped, itemKeys[b].unsafelyUnwrapped)
            return c != 0 ? c < 0 : a < b
        }
        var keys: [EventKey] = []
        var starts: [Int] = []
        var members: [Int32] = []
        members.reserveCapacity(order.count)
        for i in order {
            let k = itemKeys[i].unsafelyUnwrapped
            if keys.last != k {
                keys.append(k)
                starts.append(members.count)
            }
            members.append(items[i])
        }
        starts.append(members.count)
        self.keys = keys
        self.starts = starts
        self.members = members
    }

    /// How many distinct keys.
    public var count: Int { keys.count }

    /// The group of `key`, if any item has it.
    public func group(of key: EventKey) -> Int? {
        var lo = 0
        var hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let c = EventKey.compare(keys[mid], key)
            if c == 0 { return mid }
            if c < 0 { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// The items of group `g`, in their original order.
    public func members(of g: Int) -> ArraySlice<Int32> { members[starts[g]..<starts[g + 1]] }

    /// The items with `key`, in their original order (empty when none has it).
    public func members(of key: EventKey) -> ArraySlice<Int32> { group(of: key).map { members(of: $0) } ?? [] }
}

extension EventKey {
    /// A total order consistent with `==`: −1, 0 or 1.
    static func compare(_ a: EventKey, _ b: EventKey) -> Int {
        if a.value != b.value { return a.value < b.value ? -1 : 1 }
        switch (a.text, b.text) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let x?, let y?): return x == y ? 0 : (x < y ? -1 : 1)
        }
    }
}
