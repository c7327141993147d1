/// A field name resolved once per evaluation against the store's interned names, so that reading it
/// on each event is an integer comparison rather than a string search.
public enum EventField: Sendable, Equatable {
    /// An attribute, by interned name.
    case attribute(Int32)
    /// The event id, as text.
    case id
    /// The event type, as text.
    case type
    /// The event date, as `YYYY-MM-DD` text.
    case date
    /// A name no event carries.
    case absent
}

/// What a `key` reads on one event: the interned value of a single attribute, or the joined text of
/// several fields, so equal keys compare equal either way within one rule.
public struct EventKey: Hashable, Sendable {
    /// The interned value index (single attribute keys), else -1.
    let value: Int32
    /// The joined text (other keys), else nil.
    let text: String?
}

extension EventStore {
    /// Resolves a field name as `Event.value(of:)` reads it: an attribute, else `id`/`type`/`date`.
    public func field(named name: String) -> EventField {
        if let index = table.fieldIndex(name) { return .attribute(index) }
        switch name {
        case "id": return .id
        case "type": return .type
        case "date": return .date
        default: return .absent
        }
    }

    /// The value of a resolved field on row `row`, as `Event.value(of:)` gives it.
    public func value(_ row: Int32, _ field: EventField) -> AttributeValue? {
        switch field {
        case .attribute(let name): return table.attribute(Int(row), name: name).map { table.values[Int($0)] }
        case .id: return AttributeValue(table.id(Int(row)))
        case .type: return AttributeValue(table.typeNames[Int(table.types[Int(row)])])
        case .date: return AttributeValue(table.day(Int(row)).description)
        case .absent: return nil
        }
    }

    /// The value of a field by name on row `row` (resolving the name each time: not for hot loops).
    public func value(_ row: Int32, named name: String) -> AttributeValue? { value(row, field(named: name)) }

    /// Row `row`'s key over `fields` (the joined text of every key field), or nil when one is absent.
    public func key(_ row: Int32, fields: [EventField]) -> EventKey? {
        if fields.isEmpty { return EventKey(value: -1, text: "") }
        if fields.count == 1, case .attribute(let name) = fields[0] {
            return table.attribute(Int(row), name: name).map { EventKey(value: $0, text: nil) }
        }
        var parts: [String] = []
        for f in fields {
            guard let v = value(row, f) else { return nil }
            parts.append(v.text)
        }
        return EventKey(value: -1, text: parts.joined(separator: "\u{1F}"))
    }

    /// Row `row`'s `ref` text, if present.
    public func ref(_ row: Int32) -> String? { value(row, named: "ref")?.text }
}

extension EventStore {
    /// Where row `row`'s record was read, for diagnostics about it (column 0: the whole record).
    public func location(of row: Int32) -> SourceLocation {
        let origin = origin(of: row)
        return SourceLocation(path: path(of: origin), line: Int(origin.line), column: 0, sheet: sheet(of: row))
    }
}
