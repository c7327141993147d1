/// The findings of one rule that another rule reads (a `ratio`'s base, SPEC §10.2): each item's
/// unit, date and final status (waivers applied), grouped by the unit's place in the hierarchy so
/// that a unit's items, or its whole subtree's, are one contiguous slice.
public final class BaseFindings: Sendable {
    /// One base finding as the reading rule sees it.
    public struct Item: Sendable {
        /// The unit's index in the registry.
        public let unit: Int32
        /// The trigger or target date.
        public let day: Day
        /// The status after waivers.
        public let status: Finding.Status

        /// An item.
        public init(unit: Int32, day: Day, status: Finding.Status) {
            self.unit = unit
            self.day = day
            self.status = status
        }
    }

    /// Items ordered by their unit's hierarchy rank (then as given).
    private let items: [Item]
    /// Items of the unit with hierarchy rank `r` are `items[start[r]..<start[r + 1]]`.
    private let start: [Int]
    private let registry: UnitRegistry

    /// Groups `items` by unit for `registry`.
    public init(_ items: [Item], registry: UnitRegistry) {
        let count = registry.units.count
        var start = [Int](repeating: 0, count: count + 1)
        for item in items { start[registry.hierarchyRank(of: Int(item.unit)) + 1] += 1 }
        for r in 0..<count { start[r + 1] += start[r] }
        var next = start
        var ordered = [Item?](repeating: nil, count: items.count)
        for item in items {
            let r = registry.hierarchyRank(of: Int(item.unit))
            ordered[next[r]] = item
            next[r] += 1
        }
        self.items = ordered.compactMap { $0 }
        self.start = start
        self.registry = registry
    }

    /// The unit's own items, or (`subtree`) those of the unit and every unit below it.
    public func items(of unit: Int, subtree: Bool) -> ArraySlice<Item> {
        let ranks =
            subtree
            ? registry.subtreeRanks(of: unit)
            : registry.hierarchyRank(of: unit)..<(registry.hierarchyRank(of: unit) + 1)
        return items[start[ranks.lowerBound]..<start[ranks.upperBound]]
    }
}
