import Foundation

/// Accepted events indexed once — unit → type → date-sorted — so no rule ever scans all events.
///
/// The events stay in their `EventTable` columns; the index is one permutation of the evaluable rows,
/// sorted by unit, type, day and id, with each unit's (type, range) groups, so a rule reads a unit's
/// events of a type as a contiguous slice of row numbers.
public struct EventStore: Sendable {
    /// Log file paths, indexed by `EventOrigin.file`.
    public let files: [String]
    /// The events' columns.
    public let table: EventTable
    /// Evaluable rows sorted by unit, type, then chronologically (day, then id in code-point order).
    private let order: [Int32]
    /// Unit `u`'s groups are `groupStart[u]..<groupStart[u + 1]`.
    private let groupStart: [Int32]
    /// Each group's type and where it ends in `order` (it starts where the previous group ends).
    private let groupType: [Int32]
    private let groupEnd: [Int32]
    /// Every unit's rows of a type set, built on first use (for `scope: any-unit`).
    private let typeRows = SharedCache<[Int32], [Int32]>()
    /// Key groups over every unit's events, built once per run and name (for `scope: any-unit`).
    private let allUnitGroups = SharedCache<String, KeyGroups>()

    /// Indexes `events` for `unitCount` units.
    public init(events: [Event], unitCount: Int, files: [String]) {
        var table = EventTable()
        for e in events { table.append(e) }
        self.init(events: table, unitCount: unitCount, files: files)
    }

    /// Indexes the evaluable rows of `table` for `unitCount` units.
    public init(events table: EventTable, unitCount: Int, files: [String]) {
        self.files = files
        self.table = table
        let index = EventIndexBuilder.build(table, unitCount: unitCount)
        order = index.order
        groupStart = index.groupStart
        groupType = index.groupType
        groupEnd = index.groupEnd
    }

    /// The unit's rows of one type, chronological (no copy).
    public func rows(unit: Int, type: Int32) -> ArraySlice<Int32> {
        guard unit >= 0, unit + 1 < groupStart.count else { return [] }
        for g in Int(groupStart[unit])..<Int(groupStart[unit + 1]) where groupType[g] == type {
            let lo = g == 0 ? 0 : Int(groupEnd[g - 1])
            return order[lo..<Int(groupEnd[g])]
        }
        return []
    }

    /// The unit's rows of any of `types`, chronological.
    public func rows(unit: Int, types: [String]) -> [Int32] {
        let indices = typeIndices(types)
        if indices.count == 1 { return Array(rows(unit: unit, type: indices[0])) }
        var merged: [Int32] = []
        for t in indices { merged.append(contentsOf: rows(unit: unit, type: t)) }
        sortChronologically(&merged)
        return merged
    }

    /// Every unit's rows of any of `types`, chronological (for `scope: any-unit`; cached).
    public func rows(types: [String]) -> [Int32] {
        let indices = typeIndices(types)
        return typeRows.value(for: indices) {
            var merged: [Int32] = []
            for row in order.indices where indices.contains(table.types[Int(order[row])]) {
                merged.append(order[row])
            }
            sortChronologically(&merged)
            return merged
        }
    }

    /// The key groups named `name`, built by `build` the first time any unit asks: a rule whose pool
    /// spans every unit (`scope: any-unit`) would otherwise filter and group all its events once per
    /// unit, a cost of events × units.
    public func groupsAcrossUnits(_ name: String, build: () -> KeyGroups) -> KeyGroups {
        allUnitGroups.value(for: name, build: build)
    }

    /// The unit's events of the given types, date-sorted (ties by id).
    public func events(unit: Int, types: [String]) -> [Event] {
        rows(unit: unit, types: types).map { table.event(Int($0)) }
    }

    /// Every unit's events of the given types, date-sorted (for `scope: any-unit`).
    public func events(types: [String]) -> [Event] {
        rows(types: types).map { table.event(Int($0)) }
    }

    /// The events with these ids, wherever they are (for explanations, not hot paths).
    public func events(ids: Set<String>) -> [String: Event] {
        var found: [String: Event] = [:]
        for id in ids {
            guard let row = table.ids.index(of: id), table.evaluable[row] else { continue }
            found[id] = table.event(row)
        }
        return found
    }

    /// The path of the file an event came from.
    public func path(of origin: EventOrigin) -> String {
        Int(origin.file) < files.count ? files[Int(origin.file)] : ""
    }

    /// The path and line of row `row`'s record.
    public func origin(of row: Int32) -> EventOrigin {
        EventOrigin(file: table.files[Int(row)], line: table.lines[Int(row)])
    }

    /// The worksheet row `row` was read from; nil for a text log's row.
    public func sheet(of row: Int32) -> String? { table.sheets.sheet(of: Int(row), file: table.files[Int(row)]) }

    /// Row `row`'s day (inlinable: the kinds in other modules read it for every event).
    @inlinable
    public func day(_ row: Int32) -> Day { Day(ordinal: Int(table.days[Int(row)])) }

    /// Row `row`'s id.
    public func id(_ row: Int32) -> String { table.id(Int(row)) }

    /// Row `row` as an `Event` value.
    public func event(_ row: Int32) -> Event { table.event(Int(row)) }

    /// Sorts rows by day, then id in code-point order.
    public func sortChronologically(_ rows: inout [Int32]) {
        let t = table
        rows.sort { a, b in
            let da = t.days[Int(a)]
            let db = t.days[Int(b)]
            return da != db ? da < db : t.idPrecedes(Int(a), Int(b))
        }
    }

    /// Whether the unit has an evaluable event of any type dated in `days` (silent units, SPEC §10.3).
    public func hasEvent(unit: Int, in days: ClosedRange<Day>) -> Bool {
        guard unit >= 0, unit + 1 < groupStart.count else { return false }
        for g in Int(groupStart[unit])..<Int(groupStart[unit + 1]) {
            // Each group is sorted by day: find its first row on or after the range's start.
            var lo = g == 0 ? 0 : Int(groupEnd[g - 1])
            var hi = Int(groupEnd[g])
            while lo < hi {
                let mid = (lo + hi) / 2
                if day(order[mid]) < days.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            if lo < Int(groupEnd[g]) && day(order[lo]) <= days.upperBound { return true }
        }
        return false
    }

    private func typeIndices(_ types: [String]) -> [Int32] {
        var seen: [Int32] = []
        for name in types {
            if let t = table.typeIndex(name), !seen.contains(t) { seen.append(t) }
        }
        return seen
    }
}

/// Lazily built answers shared by every unit's evaluation; `EventStore` is a value, so the cache is a
/// reference guarded by a lock (evaluation runs on several threads).
final class SharedCache<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: [Key: Value] = [:]

    func value(for key: Key, build: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let hit = cache[key] { return hit }
        let built = build()
        cache[key] = built
        return built
    }
}
