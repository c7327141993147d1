import ComplianceCore
import NodeDecoding
import YAMLSupport

/// What the registry's units carry — ids, levels, kinds, tags — so selector values can be checked
/// against it: `level: comune` must not silently disable a rule.
struct UnitFacts: Sendable {
    /// The registry the values come from.
    let registry: UnitRegistry
    let ids: Set<String>
    let levels: Set<String>
    let kinds: Set<String>
    let tags: Set<String>

    /// The facts of a registry.
    init(registry: UnitRegistry) {
        self.registry = registry
        var ids = Set<String>()
        var levels = Set<String>()
        var kinds = Set<String>()
        var tags = Set<String>()
        for i in registry.units.indices {
            ids.insert(registry.units[i].id)
            levels.insert(registry.units[i].level)
            kinds.insert(registry.units[i].kind)
            tags.formUnion(registry.units[i].tags)
        }
        (self.ids, self.levels, self.kinds, self.tags) = (ids, levels, kinds, tags)
    }

    /// Whether the unit at `index` exists on some day of `from...to` (nil `to`: open-ended).
    func exists(_ index: Int, between from: Day, and to: Day?) -> Bool {
        // Fields read in place: binding the unit would retain each of its strings, 45,000 times a rule.
        if let start = registry.units[index].from, let to, start > to { return false }
        if let end = registry.units[index].to, end < from { return false }
        return true
    }

    /// Whether a selector (nil: every unit) matches a unit existing on some day of `from...to`.
    func selectsAny(_ selector: UnitSelector?, between from: Day, and to: Day?) -> Bool {
        registry.units.indices.contains { i in
            exists(i, between: from, and: to) && (selector?.matches(i, in: registry) ?? true)
        }
    }

    /// Per unit index, whether a selector (nil: every unit) matches it and it exists on some day of
    /// `from...to`.
    func selection(_ selector: UnitSelector?, between from: Day, and to: Day?) -> [Bool] {
        registry.units.indices.map { i in
            exists(i, between: from, and: to) && (selector?.matches(i, in: registry) ?? true)
        }
    }
}

/// Checks the values of every selector in a rule against the registry.
///
/// Selectors are found through
/// the field specs (every `.reference("selector")`, at any depth), so a selector another kind
/// declares is checked without being named here.
enum SelectorCheck {
    static let unknownValueCode: DiagnosticCode = .ruleUnknownSelectorValue
    static let selectsNothingCode: DiagnosticCode = .ruleSelectsNothing

    /// Reports unit ids that name no unit (errors, `rule.unknown-unit`) when `unitIDs` is given, and
    /// levels, kinds and tags no unit carries (warnings) when `facts` is given, each at its value.
    static func checkValues(
        of rule: YAMLNode, fields: [FieldSpec], unitIDs: Set<String>?, facts: UnitFacts?, _ reader: inout NodeReader
    ) {
        guard unitIDs != nil || facts != nil else { return }
        var walker = Walker(unitIDs: unitIDs, facts: facts)
        walker.walk(rule, .object(fields), &reader)
    }

    /// A warning when the rule's `applies_to` selects no unit, or only units that do not exist while
    /// the rule is in force (SPEC §6's window is then empty for every unit).
    static func selectsNothing(
        _ selector: UnitSelector?, effective: Effective, ruleID: String, facts: UnitFacts
    ) -> Message? {
        // The common case stops at the first unit; only a rule that selects nothing scans them all.
        if facts.selectsAny(selector, between: effective.from, and: effective.to) { return nil }
        let selected = facts.registry.units.indices.filter { selector?.matches($0, in: facts.registry) ?? true }
        let range =
            effective.to.map { Message(.rangeFromTo, ["from": "\(effective.from)", "to": "\($0)"]) }
            ?? Message(.rangeFrom, ["from": "\(effective.from)"])
        if selected.isEmpty {
            return Message(.selectsNoUnit, ["rule": ruleID])
        }
        return Message(
            selector == nil ? .selectsNoLivingUnitAll : .selectsNoLivingUnit,
            ["count": String(selected.count), "rule": ruleID], nested: ["range": range])
    }

    private struct Walker {
        let unitIDs: Set<String>?
        let facts: UnitFacts?
        /// Selector nodes already checked (an `anyOf` may reach one twice).
        var seen = Set<SourceMark>()

        mutating func walk(_ node: YAMLNode, _ shape: ValueShape, _ reader: inout NodeReader) {
            switch shape {
            case .reference("selector"):
                selector(node, &reader)
            case .object(let fields), .openObject(let fields, _):
                guard node.entries != nil else { return }
                for f in fields { if let v = node.value(forKey: f.name) { walk(v, f.type, &reader) } }
            case .list(let inner):
                for item in node.items ?? [] { walk(item, inner, &reader) }
            case .anyOf(let shapes):
                for s in shapes { walk(node, s, &reader) }
            case .optional(let inner):
                walk(node, inner, &reader)
            default:
                return
            }
        }

        private mutating func selector(_ node: YAMLNode, _ reader: inout NodeReader, negated: Bool = false) {
            guard node.entries != nil, seen.insert(node.start).inserted else { return }
            if let unitIDs {
                for key in ["id", "under"] {
                    for v in values(node.value(forKey: key)) where !unitIDs.contains(v.text) {
                        reader.error(
                            "unknown-unit",
                            Message(.selectorUnknownUnit, ["unit": v.text])
                                + Suggestions.didYouMean(v.text, in: unitIDs),
                            at: v.node)
                    }
                }
            }
            if let facts {
                unknown(values(node.value(forKey: "level")), "level", facts.levels, negated, &reader)
                unknown(values(node.value(forKey: "kind")), "kind", facts.kinds, negated, &reader)
                if let tags = node.value(forKey: "tags") {
                    let nodes =
                        tags.entries != nil
                        ? values(tags.value(forKey: "all")) + values(tags.value(forKey: "any")) : values(tags)
                    unknown(nodes, "tag", facts.tags, negated, &reader)
                }
            }
            if let inner = node.value(forKey: "not") { selector(inner, &reader, negated: !negated) }
        }

        /// Inside `not` (`negated`) such a value excludes nothing; elsewhere it matches nothing.
        private func unknown(
            _ values: [(text: String, node: YAMLNode)], _ what: String, _ known: Set<String>, _ negated: Bool,
            _ reader: inout NodeReader
        ) {
            for v in values where !known.contains(v.text) {
                reader.warning(
                    code: SelectorCheck.unknownValueCode,
                    Message(
                        negated ? .selectorValueExcludesNothing : .selectorValueMatchesNothing,
                        ["what": what, "value": v.text]) + Suggestions.didYouMean(v.text, in: known),
                    at: v.node)
            }
        }

        /// A scalar or a list of scalars, normalised as the selector decoder reads them.
        private func values(_ node: YAMLNode?) -> [(text: String, node: YAMLNode)] {
            guard let node else { return [] }
            let nodes = node.items ?? [node]
            return nodes.compactMap { n in
                guard !n.isNull, let s = n.scalar else { return nil }
                return (TextNormalization.normalize(s), n)
            }
        }
    }
}
