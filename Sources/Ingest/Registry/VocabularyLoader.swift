import ComplianceCore
import NodeDecoding
import YAMLSupport

/// Loads the optional vocabulary of event types and attribute types (SPEC §4).
public enum VocabularyLoader {
    /// Keys of one event type.
    public static let typeFields = [
        FieldSpec("title", .localized, "Its name, text or {vi, en}."),
        FieldSpec(
            "attributes", .dictionary(.oneOf(Vocabulary.AttributeType.allCases.map(\.rawValue))),
            "Attribute names and their types."),
        FieldSpec("requires", .scalarOrList, "Fields a record of this type must carry, e.g. [ref]."),
    ]

    /// Top-level keys of a vocabulary (the loader's and the JSON Schema's source).
    public static let fields = [
        FieldSpec("event_types", .dictionary(.object(typeFields)), required: true, "Known event types.")
    ]

    /// Loads `path`; nil when any error was found.
    public static func load(path: String, display: String) -> (Vocabulary?, [Diagnostic]) {
        let loaded = YAMLFileLoader.load(path: path, displayPath: display)
        var reader = NodeReader(path: display, prefix: "vocabulary")
        reader.diagnostics = loaded.diagnostics
        guard let root = loaded.root,
            let top = reader.mapping(
                root, allowed: fields.names, required: fields.requiredNames, what: "the vocabulary"),
            let typesEntry = top["event_types"]
        else {
            if loaded.root == nil && loaded.readable && loaded.diagnostics.isEmpty {
                reader.diagnostics.append(
                    .error(
                        .vocabularyMissingField, Message(.vocabularyEmpty),
                        at: SourceLocation(path: display, line: 1, column: 1)))
            }
            return (nil, reader.diagnostics)
        }
        guard let entries = typesEntry.value.entries else {
            reader.error("invalid-value", Message(.eventTypesMustMap), at: typesEntry.value)
            return (nil, reader.diagnostics)
        }
        var types: [String: Vocabulary.EventType] = [:]
        for entry in entries {
            guard let name = reader.identifier(entry.key, what: "an event type") else { continue }
            if entry.value.isNull {
                types[name] = Vocabulary.EventType(title: nil, attributes: [:], requires: [])
                continue
            }
            guard
                let m = reader.mapping(
                    entry.value, allowed: typeFields.names, what: "event type '\(name)'")
            else { continue }
            let title = m["title"].flatMap { reader.localized($0.value, what: "title") }
            var attributes: [String: Vocabulary.AttributeType] = [:]
            if let a = m["attributes"], !a.value.isNull {
                if let attrEntries = a.value.entries {
                    for ae in attrEntries {
                        guard let an = reader.identifier(ae.key, what: "an attribute name"),
                            let t = reader.choice(
                                ae.value, what: "attribute '\(an)'",
                                among: Vocabulary.AttributeType.allCases.map(\.rawValue))
                        else { continue }
                        attributes[an] = Vocabulary.AttributeType(rawValue: t)
                    }
                } else {
                    reader.error(
                        "invalid-value", Message(.attributesMustMap),
                        at: a.value)
                }
            }
            let requires = m["requires"].flatMap { reader.identifierList($0.value, what: "requires") } ?? []
            types[name] = Vocabulary.EventType(title: title, attributes: attributes, requires: requires)
        }
        return reader.hasErrors ? (nil, reader.diagnostics) : (Vocabulary(eventTypes: types), reader.diagnostics)
    }
}
