extension EventStore {
    /// The unit's rows matching `pattern`, chronological: `pattern.rows(unit:in:)`, with each
    /// condition tested once per distinct attribute value of the unit rather than once per event.
    ///
    /// Values are interned, so a condition's answer depends only on the value index; testing it
    /// means copying the value and comparing typed readings and text, hundreds of instructions that
    /// a `where: { role: head }` repeated for every event of every unit.
    public func rows(unit: Int, matching pattern: EventPattern) -> [Int32] {
        filter(rows(unit: unit, types: pattern.types), matching: pattern)
    }

    /// The rows of `rows` that meet `pattern`'s conditions, in their order (`pattern.filter`).
    public func filter(_ rows: [Int32], matching pattern: EventPattern) -> [Int32] {
        if pattern.conditions.isEmpty || rows.isEmpty { return rows }
        var matcher = RowMatcher(pattern.resolve(in: self))
        return rows.filter { matcher.holds($0, in: self) }
    }
}

/// A pattern's resolved conditions with, per attribute field, the answers already known by value
/// index (a few distinct values per field is the common case; past `capacity` it just evaluates).
struct RowMatcher {
    /// Remembered answers per value index for one field.
    struct Memo {
        static let capacity = 16
        var values: [Int32] = []
        var answers: [Bool] = []
        /// The answer for an absent attribute, once known.
        var absent: Bool?
    }

    private let resolved: [(field: EventField, conditions: [Condition])]
    private var memos: [Memo]

    init(_ resolved: [(field: EventField, conditions: [Condition])]) {
        self.resolved = resolved
        memos = Array(repeating: Memo(), count: resolved.count)
    }

    /// Whether row `row` meets every condition, as `EventPattern.holds` answers.
    mutating func holds(_ row: Int32, in store: EventStore) -> Bool {
        for i in resolved.indices where !holds(i, row, store) { return false }
        return true
    }

    private mutating func holds(_ i: Int, _ row: Int32, _ store: EventStore) -> Bool {
        guard case .attribute(let name) = resolved[i].field else {
            return Self.evaluate(resolved[i].conditions, store.value(row, resolved[i].field))
        }
        guard let value = store.table.attribute(Int(row), name: name) else {
            if let known = memos[i].absent { return known }
            let answer = Self.evaluate(resolved[i].conditions, nil)
            memos[i].absent = answer
            return answer
        }
        if let at = memos[i].values.firstIndex(of: value) { return memos[i].answers[at] }
        let answer = Self.evaluate(resolved[i].conditions, store.table.values[Int(value)])
        if memos[i].values.count < Memo.capacity {
            memos[i].values.append(value)
            memos[i].answers.append(answer)
        }
        return answer
    }

    private static func evaluate(_ conditions: [Condition], _ value: AttributeValue?) -> Bool {
        for c in conditions where !c.holds(for: value) { return false }
        return true
    }
}
