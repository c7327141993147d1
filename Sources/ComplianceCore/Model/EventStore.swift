/// Accepted events indexed once — unit → type → date-sorted — so no rule ever scans all events.
public struct EventStore: Sendable {
    /// Log file paths, indexed by `EventOrigin.file`.
    public let files: [String]
    private let byUnit: [[String: [Event]]]
    private let byType: [String: [Event]]

    /// Indexes `events` for `unitCount` units.
    public init(events: [Event], unitCount: Int, files: [String]) {
        self.files = files
        var units = [[String: [Event]]](repeating: [:], count: unitCount)
        var types: [String: [Event]] = [:]
        for e in events {
            units[Int(e.unit)][e.type, default: []].append(e)
            types[e.type, default: []].append(e)
        }
        for u in units.indices {
            for key in units[u].keys { units[u][key]?.sort(by: Event.chronological) }
        }
        for key in types.keys { types[key]?.sort(by: Event.chronological) }
        byUnit = units
        byType = types
    }

    /// The unit's events of the given types, date-sorted (ties by id).
    public func events(unit: Int, types: [String]) -> [Event] {
        guard unit < byUnit.count else { return [] }
        if types.count == 1 { return byUnit[unit][types[0]] ?? [] }
        var merged: [Event] = []
        for t in Set(types) { merged.append(contentsOf: byUnit[unit][t] ?? []) }
        return merged.sorted(by: Event.chronological)
    }

    /// Every unit's events of the given types, date-sorted (for `scope: any-unit`).
    public func events(types: [String]) -> [Event] {
        if types.count == 1 { return byType[types[0]] ?? [] }
        var merged: [Event] = []
        for t in Set(types) { merged.append(contentsOf: byType[t] ?? []) }
        return merged.sorted(by: Event.chronological)
    }

    /// The events with these ids, wherever they are (a linear scan: for explanations, not hot paths).
    public func events(ids: Set<String>) -> [String: Event] {
        var found: [String: Event] = [:]
        for events in byType.values {
            for e in events where ids.contains(e.id) { found[e.id] = e }
        }
        return found
    }

    /// The path of the file an event came from.
    public func path(of origin: EventOrigin) -> String {
        Int(origin.file) < files.count ? files[Int(origin.file)] : ""
    }
}
