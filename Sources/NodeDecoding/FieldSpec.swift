/// The shape of one key of a YAML mapping: the single source from which loaders take their allowed and required keys and from which `dvcheck schema` writes JSON Schemas for editors.
///
/// A key added here is both accepted by the loader and offered by editor completion.
public struct FieldSpec: Sendable {
    /// The key.
    public let name: String
    /// Whether the loader requires it.
    public let required: Bool
    /// What its value looks like.
    public let type: ValueShape
    /// One sentence for editor tooltips.
    public let help: String

    /// A field.
    public init(_ name: String, _ type: ValueShape, required: Bool = false, _ help: String = "") {
        self.name = name
        self.required = required
        self.type = type
        self.help = help
    }
}

/// The value shapes the project's YAML files use, as the loaders read them (YAML 1.2 scalars).
public indirect enum ValueShape: Sendable {
    /// Any text.
    case text
    /// An identifier-like text (ids, types, levels).
    case identifier
    /// `YYYY-MM-DD`.
    case date
    /// A date or null.
    case optionalDate
    /// A whole number with a minimum.
    case integer(minimum: Int)
    /// `true` or `false`.
    case boolean
    /// `N days` or `N working days`.
    case duration
    /// One of fixed words.
    case oneOf([String])
    /// Text or `{vi, en}`.
    case localized
    /// A scalar or a list of scalars.
    case scalarOrList
    /// A list of a shape.
    case list(ValueShape)
    /// A mapping with known keys (closed: unknown keys are errors).
    case object([FieldSpec])
    /// A mapping whose keys are free (names → shape).
    case dictionary(ValueShape)
    /// A named shape defined once and referenced (selectors, event patterns…).
    case reference(String)
    /// Any of several shapes.
    case anyOf([ValueShape])
    /// Any scalar value (where-conditions' operands).
    case scalar
    /// A shape or null.
    case optional(ValueShape)
    /// A mapping with known keys plus any other keys of a shape (log records: other keys are
    /// attributes).
    case openObject([FieldSpec], others: ValueShape)
}

extension Array where Element == FieldSpec {
    /// The allowed keys.
    public var names: [String] { map(\.name) }

    /// The required keys.
    public var requiredNames: [String] { filter(\.required).map(\.name) }
}
