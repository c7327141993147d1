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
