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
        for unit in 0..<unitCount {
            index.groupStart.append(Int32(index.groupType.count))
            for type in 0..<typeCount {
                let lo = Int(counts[unit * typeCount + type])
                let hi = Int(counts[unit * typeCount + type + 1])
                guard lo < hi else { continue }
                sortGroup(&order, lo..<hi, table)
                index.groupType.append(Int32(type))
                index.groupEnd.append(Int32(hi))
            }
        }
        index.groupStart.append(Int32(index.groupType.count))
        // Empty groups are skipped, so a group starts where the previous one ends only if no rows
        // lie between them; none do, since every row belongs to a non-empty group.
        index.order = order
        return index
    }

    /// Sorts `order[range]` by day, then id, unless it already is.
    private static func sortGroup(_ order: inout [Int32], _ range: Range<Int>, _ table: EventTable) {
        func precedes(_ a: Int32, _ b: Int32) -> Bool {
            let da = table.days[Int(a)]
            let db = table.days[Int(b)]
            return da != db ? da < db : table.idPrecedes(Int(a), Int(b))
        }
        var sorted = true
        var i = range.lowerBound + 1
        while i < range.upperBound {
            if precedes(order[i], order[i - 1]) {
                sorted = false
                break
            }
            i += 1
        }
        if !sorted { order[range].sort(by: precedes) }
    }
}
