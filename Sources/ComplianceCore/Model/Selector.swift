/// Which units a rule applies to (SPEC §6 selectors): keys are ANDed, a list matches any value.
public struct UnitSelector: Sendable {
    /// Tag condition: `any` of these (a scalar or a list) and `all` of these.
    public struct TagCondition: Sendable {
        /// Must have at least one of these (ignored when empty).
        public var any: [String]
        /// Must have every one of these.
        public var all: [String]
        /// A tag condition.
        public init(any: [String] = [], all: [String] = []) {
            self.any = any
            self.all = all
        }
    }

    /// Unit ids (any).
    public var ids: [String]?
    /// Levels (any).
    public var levels: [String]?
    /// Kinds (any).
    public var kinds: [String]?
    /// Tags.
    public var tags: TagCondition?
    /// Strict descendants of any of these units.
    public var under: [String]?
    /// Negated selector.
    public var not: Box?

    /// Indirection for the recursive `not`.
    public final class Box: Sendable {
        /// The negated selector.
        public let selector: UnitSelector
        /// Boxes a selector.
        public init(_ selector: UnitSelector) { self.selector = selector }
    }

    /// An empty selector matches every unit.
    public init() {}

    /// Every unit id this selector names (`id`, `under`), so the loader can check they exist.
    public var namedUnitIDs: [String] {
        (ids ?? []) + (under ?? []) + (not?.selector.namedUnitIDs ?? [])
    }

    /// Whether the unit at `index` matches.
    public func matches(_ index: Int, in registry: UnitRegistry) -> Bool {
        // Fields read in place: copying the whole unit retained each of its strings, for every
        // (rule, unit) pair.
        if let ids, !ids.contains(registry.units[index].id) { return false }
        if let levels, !levels.contains(registry.units[index].level) { return false }
        if let kinds, !kinds.contains(registry.units[index].kind) { return false }
        if let tags {
            let unitTags = registry.units[index].tags
            if !tags.any.isEmpty, !tags.any.contains(where: unitTags.contains) { return false }
            if !tags.all.allSatisfy(unitTags.contains) { return false }
        }
        if let under {
            let hit = under.contains { id in
                registry.index(of: id).map { registry.isStrictDescendant(index, of: $0) } ?? false
            }
            if !hit { return false }
        }
        if let not, not.selector.matches(index, in: registry) { return false }
        return true
    }
}
