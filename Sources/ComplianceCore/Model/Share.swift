/// A number with at most one decimal, held exactly as tenths (a KPI's threshold or share: 85, 57.5).
public struct Tenths: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value × 10.
    public let tenths: Int

    /// A value given in tenths.
    public init(tenths: Int) { self.tenths = tenths }

    /// `part / whole` in percent, rounded half-up to one decimal, in exact integer arithmetic.
    public static func percent(_ part: Int, of whole: Int) -> Tenths {
        precondition(whole > 0, "a share of nothing")
        return Tenths(tenths: (2000 * part + whole) / (2 * whole))
    }

    /// "85", "57.5": the shortest decimal text (JSON, templates).
    public var description: String { text(separator: ".") }

    /// The decimal text with a chosen separator ("57,5" in Vietnamese prose).
    public func text(separator: String) -> String {
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10
        let tenth = abs(tenths) % 10
        return sign + String(whole) + (tenth == 0 ? "" : separator + String(tenth))
    }

    public static func < (a: Tenths, b: Tenths) -> Bool { a.tenths < b.tenths }
}

/// What a `ratio` finding measured (SPEC §10.2): the threshold, the share reached and the base
/// items behind it.
public struct Share: Sendable, Hashable {
    /// `at_least`, in percent.
    public let threshold: Tenths
    /// satisfied / (satisfied + violated), in percent, rounded half-up to one decimal.
    public let actual: Tenths
    /// Satisfied base items.
    public let satisfied: Int
    /// Violated base items.
    public let violated: Int
    /// Pending base items (not decided).
    public let pending: Int

    /// A share of `satisfied` among the decided items, which must not be none.
    public init(threshold: Tenths, satisfied: Int, violated: Int, pending: Int) {
        self.threshold = threshold
        self.actual = Tenths.percent(satisfied, of: satisfied + violated)
        self.satisfied = satisfied
        self.violated = violated
        self.pending = pending
    }

    /// Satisfied plus violated: the items the share is taken over.
    public var decided: Int { satisfied + violated }

    /// Whether the share reaches the threshold: satisfied × 1000 ≥ at_least × 10 × decided, exactly.
    public var reachesThreshold: Bool { satisfied * 1000 >= threshold.tenths * decided }
}
