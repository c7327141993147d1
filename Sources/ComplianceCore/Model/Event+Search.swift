extension Array where Element == Event {
    /// Index of the first event dated on or after `day` (the array is date-sorted).
    public func firstIndex(onOrAfter day: Day) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].day < day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The events dated in `[from, to]`.
    public func slice(from: Day, through to: Day) -> ArraySlice<Event> {
        let lo = firstIndex(onOrAfter: from)
        let hi = firstIndex(onOrAfter: to.adding(days: 1))
        return lo < hi ? self[lo..<hi] : []
    }
}

extension EventStore {
    /// Index in `rows` (chronological) of the first row dated on or after `day`.
    public func firstIndex<C: RandomAccessCollection>(in rows: C, onOrAfter day: Day) -> C.Index
    where C.Element == Int32 {
        var lo = rows.startIndex
        var n = rows.count
        let target = Int32(truncatingIfNeeded: day.ordinal)
        let days = table.days
        while n > 0 {
            let half = n / 2
            let mid = rows.index(lo, offsetBy: half)
            if days[Int(rows[mid])] < target {
                lo = rows.index(after: mid)
                n -= half + 1
            } else {
                n = half
            }
        }
        return lo
    }

    /// The rows of `rows` (chronological) dated in `[from, to]`.
    public func slice(_ rows: [Int32], from: Day, through to: Day) -> ArraySlice<Int32> {
        slice(rows[...], from: from, through: to)
    }

    /// The rows of `rows` (chronological) dated in `[from, to]`.
    public func slice(_ rows: ArraySlice<Int32>, from: Day, through to: Day) -> ArraySlice<Int32> {
        let lo = firstIndex(in: rows, onOrAfter: from)
        let hi = firstIndex(in: rows, onOrAfter: to.adding(days: 1))
        return lo < hi ? rows[lo..<hi] : []
    }
}
