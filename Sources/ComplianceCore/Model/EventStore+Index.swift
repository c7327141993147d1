/// Builds the `EventStore` index in linear time: a counting sort of the evaluable rows by
/// (unit, type), then each group sorted by day and id — usually already in order, since logs are
/// mostly written in date order, so the sort only checks.
enum EventIndexBuilder {
    /// The permutation and the per-unit groups.
    struct Index {
        var order: [Int32] = []
        var groupStart: [Int32] = []
        var groupType: [Int32] = []
        var groupEnd: [Int32] = []
    }

    static func build(_ table: EventTable, unitCount: Int) -> Index {
        let typeCount = max(table.typeNames.count, 1)
        let bucketCount = unitCount * typeCount
        var counts = [Int32](repeating: 0, count: bucketCount + 1)
        var evaluableCount = 0
        for row in 0..<table.count where table.evaluable[row] {
            let unit = Int(table.units[row])
            guard unit < unitCount else { continue }
            counts[unit * typeCount + Int(table.types[row]) + 1] += 1
            evaluableCount += 1
        }
        for b in 0..<bucketCount { counts[b + 1] += counts[b] }
        var next = counts
        var order = [Int32](repeating: 0, count: evaluableCount)
        for row in 0..<table.count where table.evaluable[row] {
            let unit = Int(table.units[row])
            guard unit < unitCount else { continue }
            let bucket = unit * typeCount + Int(table.types[row])
            order[Int(next[bucket])] = Int32(row)
            next[bucket] += 1
        }
        var index = Index()
        index.groupStart.reserveCapacity(unitCount + 1)
        // The columns the sorting reads, in place: a closure capturing the table copied it (a retain
        // and a release of each of its columns) once per group, for hundreds of thousands of groups.
        table.ids.withKeys { ids in
            table.days.withUnsafeBufferPointer { days in
                for unit in 0..<unitCount {
                    index.groupStart.append(Int32(index.groupType.count))
                    for type in 0..<typeCount {
                        let lo = Int(counts[unit * typeCount + type])
                        let hi = Int(counts[unit * typeCount + type + 1])
                        guard lo < hi else { continue }
                        if !isSorted(order, lo..<hi, days: days, ids) { sortGroup(&order, lo..<hi, days: days, ids) }
                        index.groupType.append(Int32(type))
                        index.groupEnd.append(Int32(hi))
                    }
                }
            }
        }
        index.groupStart.append(Int32(index.groupType.count))
        // Empty groups are skipped, so a group starts where the previous one ends only if no rows
        // lie between them; none do, since every row belongs to a non-empty group.
        index.order = order
        return index
    }

    /// Whether `order[range]` is in order by day, then id (usually: logs are mostly written in date
    /// order).
    private static func isSorted(
        _ order: [Int32], _ range: Range<Int>, days: UnsafeBufferPointer<Int32>, _ ids: ByteKeyTable.Keys
    ) -> Bool {
        var i = range.lowerBound + 1
        while i < range.upperBound {
            let (a, b) = (Int(order[i]), Int(order[i - 1]))
            if days[a] < days[b] || (days[a] == days[b] && ids.precedes(a, b)) { return false }
            i += 1
        }
        return true
    }

    /// Sorts `order[range]` by day, then id.
    private static func sortGroup(
        _ order: inout [Int32], _ range: Range<Int>, days: UnsafeBufferPointer<Int32>, _ ids: ByteKeyTable.Keys
    ) {
        order[range].sort { a, b in
            let (da, db) = (days[Int(a)], days[Int(b)])
            return da != db ? da < db : ids.precedes(Int(a), Int(b))
        }
    }
}
