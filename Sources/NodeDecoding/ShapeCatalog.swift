/// Named shapes shared by several files (selectors, event patterns, where maps), registered once so
/// JSON Schemas can define them once (`definitions`) and loaders can name their keys.
public enum SharedShapes {
    /// `applies_to` / `when.unit` selector keys.
    public static let selector: [FieldSpec] = [
        FieldSpec("id", .scalarOrList, "Unit ids (any of them)."),
        FieldSpec("level", .scalarOrList, "Unit levels, e.g. commune (any of them)."),
        FieldSpec("kind", .scalarOrList, "Unit kinds, e.g. people-committee (any of them)."),
        FieldSpec(
            "tags",
            .anyOf([
                .scalarOrList,
                .object([
                    FieldSpec("all", .scalarOrList, "Every one of these tags."),
                    FieldSpec("any", .scalarOrList, "At least one."),
                ]),
            ]), "A tag, a list (any), or {all, any}."),
        FieldSpec("under", .scalarOrList, "Strict descendants of this unit."),
        FieldSpec("not", .reference("selector"), "Units the inner selector does not match."),
    ]

    /// Event pattern keys (`event`, `trigger`, `fulfil`, `target`, `requires`).
    public static let eventPattern: [FieldSpec] = [
        FieldSpec("type", .scalarOrList, required: true, "One event type or a list of types."),
        FieldSpec("where", .reference("where"), "Conditions on attributes, all of which must hold."),
    ]

    /// Operators of a `where` condition map.
    public static let whereOperators: [FieldSpec] = [
        FieldSpec("eq", .scalar, "Equal (typed: numbers, dates, booleans, else text)."),
        FieldSpec("in", .list(.scalar), "Equal to one of these."),
        FieldSpec("not_in", .list(.scalar), "Equal to none of these (also true when absent)."),
        FieldSpec("gt", .scalar, "Greater than a number or date."),
        FieldSpec("gte", .scalar, "Greater than or equal."),
        FieldSpec("lt", .scalar, "Less than."),
        FieldSpec("lte", .scalar, "Less than or equal."),
        FieldSpec("exists", .boolean, "Present (true) or absent (false)."),
        FieldSpec("contains", .text, "Text contains."),
        FieldSpec("starts_with", .text, "Text starts with."),
    ]
}
