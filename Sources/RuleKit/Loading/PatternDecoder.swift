import ComplianceCore
import NodeDecoding
import YAMLSupport

/// Reads event patterns, `where` maps and unit selectors — the shared vocabulary of every rule kind.
public enum PatternDecoder {
    /// `{ type: …, where: { … } }`.
    public static func pattern(_ entry: YAMLMapEntry, _ reader: inout NodeReader, what: String) -> EventPattern? {
        guard
            let m = reader.mapping(
                entry.value, allowed: SharedShapes.eventPattern.names,
                required: SharedShapes.eventPattern.requiredNames, what: what, keyNode: entry.key)
        else { return nil }
        guard let typeEntry = m["type"], let types = reader.identifierList(typeEntry.value, what: "\(what).type") else {
            return nil
        }
        if types.isEmpty {
            reader.error("invalid-value", Message(.typeNeedsEventType, ["what": what]), at: typeEntry.value)
            return nil
        }
        var conditions: [FieldCondition] = []
        if let w = m["where"] {
            guard let c = Self.conditions(w.value, &reader, what: "\(what).where") else { return nil }
            conditions = c
        }
        return EventPattern(types: types, conditions: conditions)
    }

    /// A `where` map: field → scalar (equality) or a map of operators, all ANDed.
    public static func conditions(_ node: YAMLNode, _ reader: inout NodeReader, what: String) -> [FieldCondition]? {
        guard let entries = node.entries else {
            reader.error("invalid-value", Message(.mustMapFieldsToConditions, ["what": what]), at: node)
            return nil
        }
        var result: [FieldCondition] = []
        var ok = true
        for entry in entries {
            guard let field = entry.key.scalar.map(TextNormalization.normalize) else {
                reader.error("invalid-value", Message(.fieldNamesMustBeText, ["what": what]), at: entry.key)
                ok = false
                continue
            }
            if let ops = entry.value.entries {
                var conds: [Condition] = []
                for op in ops {
                    if let c = condition(op, &reader, field: field) { conds.append(c) } else { ok = false }
                }
                result.append(FieldCondition(field: field, conditions: conds))
            } else if entry.value.items != nil {
                reader.error(
                    "invalid-value", Message(.listNeedsOperator, ["what": what, "field": field]), at: entry.value)
                ok = false
            } else if let v = operand(entry.value, &reader, what: field) {
                result.append(FieldCondition(field: field, conditions: [.eq(v)]))
            } else {
                ok = false
            }
        }
        return ok ? result : nil
    }

    private static func condition(_ op: YAMLMapEntry, _ reader: inout NodeReader, field: String) -> Condition? {
        guard let name = op.key.scalar else { return nil }
        let what = "\(field).\(name)"
        switch name {
        case "eq": return operand(op.value, &reader, what: what).map(Condition.eq)
        case "in", "not_in":
            guard let items = op.value.items else {
                reader.error("invalid-value", Message(.takesList, ["what": what]), at: op.value)
                return nil
            }
            var values: [AttributeValue] = []
            for item in items {
                guard let v = operand(item, &reader, what: what) else { return nil }
                values.append(v)
            }
            return name == "in" ? .isIn(values) : .notIn(values)
        case "gt", "gte", "lt", "lte":
            guard let v = operand(op.value, &reader, what: what) else { return nil }
            guard v.number != nil || v.date != nil else {
                let outside = DateText.checkedISODate(Substring(v.text)) == .failure(.outOfRange)
                reader.error(
                    "invalid-value",
                    outside
                        ? Message(
                            .compareDateOutOfRange,
                            [
                                "what": what, "value": v.text, "from": String(Day.supportedYears.lowerBound),
                                "to": String(Day.supportedYears.upperBound),
                            ])
                        : Message(.comparesNumbersOrDates, ["what": what, "value": v.text]), at: op.value)
                return nil
            }
            switch name {
            case "gt": return .gt(v)
            case "gte": return .gte(v)
            case "lt": return .lt(v)
            default: return .lte(v)
            }
        case "exists": return reader.boolean(op.value, what: what).map(Condition.exists)
        case "contains", "starts_with":
            guard let t = reader.text(op.value, what: what) else { return nil }
            let s = TextNormalization.normalize(t)
            return name == "contains" ? .contains(s) : .startsWith(s)
        default:
            reader.error(
                "unknown-key",
                Message(.unknownOperator, ["operator": name, "field": field])
                    + Suggestions.didYouMean(name, in: SharedShapes.whereOperators.names),
                at: op.key)
            return nil
        }
    }

    private static func operand(_ node: YAMLNode, _ reader: inout NodeReader, what: String) -> AttributeValue? {
        guard let s = node.scalar, !node.isNull else {
            reader.error(
                "invalid-value",
                Message(.mustBeSingleValue, ["what": what, "kind": node.isNull ? "null" : "a " + node.kindName]),
                at: node)
            return nil
        }
        return AttributeValue(s)
    }

    /// A unit selector: `id`, `level`, `kind`, `tags`, `under`, `not`, ANDed.
    public static func selector(_ node: YAMLNode, _ reader: inout NodeReader, what: String) -> UnitSelector? {
        guard let m = reader.mapping(node, allowed: SharedShapes.selector.names, what: what) else {
            return nil
        }
        var s = UnitSelector()
        var ok = true
        func list(_ key: String) -> [String]? {
            guard let e = m[key] else { return nil }
            let v = reader.identifierList(e.value, what: "\(what).\(key)")
            if v == nil { ok = false }
            return v
        }
        s.ids = list("id")
        s.levels = list("level")
        s.kinds = list("kind")
        s.under = list("under")
        if let t = m["tags"] {
            if t.value.entries != nil {
                if let tm = reader.mapping(t.value, allowed: ["all", "any"], what: "\(what).tags", keyNode: t.key) {
                    var cond = UnitSelector.TagCondition()
                    if let a = tm["all"] { cond.all = reader.identifierList(a.value, what: "tags.all") ?? [] }
                    if let a = tm["any"] { cond.any = reader.identifierList(a.value, what: "tags.any") ?? [] }
                    s.tags = cond
                } else {
                    ok = false
                }
            } else if let tags = reader.identifierList(t.value, what: "\(what).tags") {
                s.tags = UnitSelector.TagCondition(any: tags)
            } else {
                ok = false
            }
        }
        if let n = m["not"] {
            if let inner = selector(n.value, &reader, what: "\(what).not") {
                s.not = UnitSelector.Box(inner)
            } else {
                ok = false
            }
        }
        return ok ? s : nil
    }
}
