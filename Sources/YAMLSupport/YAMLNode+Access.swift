/// Typed access and YAML 1.2 core-schema conversions, so loaders convert per field and never guess.
extension YAMLNode {
    /// The text when this is a scalar, so callers need not switch over `content`.
    public var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The items when this is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The entries when this is a mapping.
    public var entries: [YAMLMapEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The scalar style when this is a scalar, because only plain scalars convert to null/bool/int.
    public var scalarStyle: ScalarStyle? {
        if case .scalar(_, let style) = content { return style }
        return nil
    }

    /// True for a plain `""`, `~`, `null`, `Null`, `NULL` (YAML 1.2 core); quoted text is never null.
    public var isNull: Bool {
        guard let text = convertiblePlainText else { return false }
        return YAMLCoreSchema.isNull(text)
    }

    /// The first entry's value whose key is the scalar `key`, for reading a mapping field by name.
    public func value(forKey key: String) -> YAMLNode? {
        entries?.first { $0.key.scalar == key }?.value
    }

    /// `true`/`True`/`TRUE`/`false`/`False`/`FALSE` when plain; YAML 1.2 keeps `yes`/`no`/`on`/`off` text.
    public func boolValue() -> Bool? {
        guard let text = convertiblePlainText else { return nil }
        return YAMLCoreSchema.bool(text)
    }

    /// A plain `[-+]?[0-9]+` scalar in `Int` range (`09` is 9), nil for anything else.
    public func intValue() -> Int? {
        guard let text = convertiblePlainText else { return nil }
        return YAMLCoreSchema.int(text)
    }

    /// "scalar", "sequence" or "mapping", so messages can say what was found instead.
    public var kindName: String {
        switch content {
        case .scalar: return "scalar"
        case .sequence: return "sequence"
        case .mapping: return "mapping"
        }
    }

    /// The text of a plain scalar not explicitly tagged `!!str`; the only kind that converts.
    private var convertiblePlainText: String? {
        guard case .scalar(let text, .plain) = content, tag != YAMLCoreSchema.strTag else { return nil }
        return text
    }
}
