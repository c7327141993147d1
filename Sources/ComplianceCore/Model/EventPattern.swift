/// One condition of a `where` map (SPEC §6), already typed by the loader.
public enum Condition: Sendable {
    case eq(AttributeValue)
    case isIn([AttributeValue])
    case notIn([AttributeValue])
    case gt(AttributeValue), gte(AttributeValue), lt(AttributeValue), lte(AttributeValue)
    case exists(Bool)
    case contains(String)
    case startsWith(String)

    /// The operator names a rule may use.
    public static let operatorNames = [
        "eq", "in", "not_in", "gt", "gte", "lt", "lte", "exists", "contains", "starts_with",
    ]

    /// Whether an attribute value (nil when absent) satisfies this condition.
    ///
    /// An absent attribute satisfies only `exists: false` and `not_in`.
    public func holds(for value: AttributeValue?) -> Bool {
        guard let value else {
            switch self {
            case .exists(let flag): return !flag
            case .notIn: return true
            default: return false
            }
        }
        switch self {
        case .eq(let v): return value.typedEquals(v)
        case .isIn(let vs): return vs.contains { value.typedEquals($0) }
        case .notIn(let vs): return !vs.contains { value.typedEquals($0) }
        case .gt(let v): return value.typedCompare(v).map { $0 > 0 } ?? false
        case .gte(let v): return value.typedCompare(v).map { $0 >= 0 } ?? false
        case .lt(let v): return value.typedCompare(v).map { $0 < 0 } ?? false
        case .lte(let v): return value.typedCompare(v).map { $0 <= 0 } ?? false
        case .exists(let flag): return flag
        case .contains(let s): return value.text.contains(s)
        case .startsWith(let s): return value.text.hasPrefix(s)
        }
    }
}

/// A field and the conditions on it, all of which must hold.
public struct FieldCondition: Sendable {
    /// Attribute name.
    public let field: String
    /// ANDed conditions.
    public let conditions: [Condition]
    /// A field condition.
    public init(field: String, conditions: [Condition]) {
        self.field = field
        self.conditions = conditions
    }
}

/// Which events a rule speaks of: one or more types and a `where` map.
public struct EventPattern: Sendable {
    /// Event types (any).
    public let types: [String]
    /// ANDed field conditions.
    public let conditions: [FieldCondition]

    /// A pattern.
    public init(types: [String], conditions: [FieldCondition] = []) {
        self.types = types
        self.conditions = conditions
    }

    /// Whether the event has one of the types and meets every condition.
    public func matches(_ event: Event) -> Bool {
        types.contains(event.type) && matchesConditions(event)
    }

    /// Whether the event meets every condition (its type already selected by the index).
    public func matchesConditions(_ event: Event) -> Bool {
        for fc in conditions {
            let value = event.value(of: fc.field)
            for c in fc.conditions where !c.holds(for: value) { return false }
        }
        return true
    }

    /// The unit's matching events, date-sorted.
    public func events(unit: Int, in store: EventStore) -> [Event] {
        let candidates = store.events(unit: unit, types: types)
        return conditions.isEmpty ? candidates : candidates.filter(matchesConditions)
    }

    /// The unit's matching rows of `store`, chronological: the hot-path form of `events(unit:in:)`.
    public func rows(unit: Int, in store: EventStore) -> [Int32] {
        let candidates = store.rows(unit: unit, types: types)
        return conditions.isEmpty ? candidates : filter(candidates, in: store)
    }

    /// The rows that meet every condition, in their order.
    public func filter(_ rows: [Int32], in store: EventStore) -> [Int32] {
        let resolved = resolve(in: store)
        return rows.filter { row in Self.holds(resolved, row, store) }
    }

    /// The conditions with their fields resolved against the store's interned names.
    public func resolve(in store: EventStore) -> [(field: EventField, conditions: [Condition])] {
        conditions.map { (store.field(named: $0.field), $0.conditions) }
    }

    /// Whether row `row` meets every resolved condition.
    public static func holds(
        _ resolved: [(field: EventField, conditions: [Condition])], _ row: Int32, _ store: EventStore
    ) -> Bool {
        for fc in resolved {
            let value = store.value(row, fc.field)
            for c in fc.conditions where !c.holds(for: value) { return false }
        }
        return true
    }
}

/// A `where` map over a trigger's attributes, as used in deadline overrides.
public typealias AttributeConditions = [FieldCondition]
