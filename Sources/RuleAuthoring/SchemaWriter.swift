import ComplianceCore
import Ingest
import NodeDecoding
import RuleKit

/// Writes JSON Schemas (draft-07) for every YAML file the project reads, from the same field
/// specs the loaders use — a key added to a loader appears in the schema, and editors complete it.
public enum SchemaWriter {
    /// The schemas by file name, for example `rules.schema.json`.
    public static func all() -> [(name: String, json: String)] {
        [
            ("config.schema.json", document("dvcheck.yaml: a dvcheck project", .object(ProjectConfig.fields))),
            ("rules.schema.json", document("A dvcheck rule file", .object([ruleListField]), ruleDefs: true)),
            ("units.schema.json", document("A dvcheck unit registry", .object(UnitLoader.fileFields))),
            ("vocabulary.schema.json", document("A dvcheck vocabulary", .object(VocabularyLoader.fields))),
            ("calendar.schema.json", document("A dvcheck working-day calendar", .object(CalendarLoader.fields))),
            ("waivers.schema.json", document("dvcheck waivers", .object(WaiverLoader.fileFields))),
            ("events.schema.json", document("A dvcheck YAML activity log", .object([eventsField]))),
            (
                "rule-test.schema.json",
                document("dvcheck rule tests", .object(RuleTestFormat.fileFields), ruleDefs: true)
            ),
        ]
    }

    static let ruleListField = FieldSpec("rules", .list(.reference("rule")), required: true, "The rules.")

    static let eventsField = FieldSpec(
        "events",
        .list(
            .openObject(
                [
                    FieldSpec("id", .identifier, required: true, "Unique across all logs."),
                    FieldSpec("unit", .identifier, required: true, "A unit id."),
                    FieldSpec("type", .identifier, required: true, "The event type."),
                    FieldSpec("date", .text, required: true, "YYYY-MM-DD, D/M/YYYY or a datetime with Z/offset."),
                    FieldSpec("ref", .scalar, "Case reference."),
                ], others: .optional(.scalar))), required: true, "One map per event; other keys are attributes.")

    /// The draft every schema declares: draft-07 is what yaml-language-server (the YAML extension
    /// most editors use) and most validators implement in full.
    static let draft = "http://json-schema.org/draft-07/schema#"

    static func document(_ title: String, _ root: ValueShape, ruleDefs: Bool = false) -> String {
        var w = SchemaJSON()
        w.open()
        w.key("$schema", string: draft)
        w.key("title", string: title)
        w.rawKey("definitions") { w in
            w.open()
            w.rawKey("selector") { w in w.shape(.object(SharedShapes.selector)) }
            w.rawKey("eventPattern") { w in w.shape(.object(SharedShapes.eventPattern)) }
            w.rawKey("where") { w in
                w.shape(.dictionary(.anyOf([.scalar, .object(SharedShapes.whereOperators)])))
            }
            w.rawKey("unit") { w in w.shape(.object(UnitLoader.fields)) }
            if ruleDefs {
                w.rawKey("rule") { w in ruleSchema(&w) }
                for kind in Kinds.all {
                    w.rawKey(kindDefinition(kind)) { w in
                        w.shape(
                            .object(RuleLoader.commonFields + kind.fields),
                            help: "A \(kind.kindName) rule: \(kind.summary)")
                    }
                }
            }
            w.close()
        }
        w.merge(root)
        w.close()
        return w.output + "\n"
    }

    /// The definition holding one kind's closed rule schema (`rule-deadline`).
    static func kindDefinition(_ kind: any ObligationKind.Type) -> String { "rule-" + kind.kindName }

    /// A rule, closed twice with `additionalProperties: false`.
    ///
    /// No `unevaluatedProperties`, which draft-07 tools ignore. Closed here to the common keys plus
    /// every kind's keys, so a misspelt key is caught even before `kind` is written; and, once
    /// `kind` names a kind, by that kind's own definition (common keys plus its keys), selected with
    /// `if`/`then`, so another kind's key is caught too. Everything comes from the field specs.
    static func ruleSchema(_ w: inout SchemaJSON) {
        w.open()
        w.key("type", string: "object")
        w.rawKey("properties") { w in
            w.open()
            for f in RuleLoader.commonFields { w.rawKey(f.name) { w in w.shape(f.type, help: f.help) } }
            let common = Set(RuleLoader.commonFields.names)
            var kindsByKey: [(String, [String])] = []
            for kind in Kinds.all {
                for name in kind.fields.names where !common.contains(name) {
                    if let i = kindsByKey.firstIndex(where: { $0.0 == name }) {
                        kindsByKey[i].1.append(kind.kindName)
                    } else {
                        kindsByKey.append((name, [kind.kindName]))
                    }
                }
            }
            for (name, kinds) in kindsByKey {
                w.rawKey(name) { w in
                    w.open()
                    w.key("description", string: "A key of \(kinds.joined(separator: ", ")) rules.")
                    w.close()
                }
            }
            w.close()
        }
        w.key("required", strings: RuleLoader.commonFields.requiredNames)
        w.key("additionalProperties", bool: false)
        w.rawKey("allOf") { w in
            w.openArray()
            for kind in Kinds.all {
                w.element { w in
                    w.open()
                    w.rawKey("if") { w in
                        w.raw(
                            "{\"properties\": {\"kind\": {\"const\": \(SchemaJSON.quote(kind.kindName))}}, \"required\": [\"kind\"]}"
                        )
                    }
                    w.rawKey("then") { w in
                        w.open()
                        w.key("$ref", string: "#/definitions/\(kindDefinition(kind))")
                        w.close()
                    }
                    w.close()
                }
            }
            w.closeArray()
        }
        w.close()
    }
}

/// A small JSON writer for schemas: pretty, stable key order.
struct SchemaJSON {
    private(set) var output = ""
    private var depth = 0
    private var first: [Bool] = []

    mutating func open() {
        output += "{"
        depth += 1
        first.append(true)
    }

    mutating func close() {
        depth -= 1
        let empty = first.removeLast()
        output += empty ? "}" : "\n" + indent + "}"
    }

    mutating func openArray() {
        output += "["
        depth += 1
        first.append(true)
    }

    mutating func closeArray() {
        depth -= 1
        let empty = first.removeLast()
        output += empty ? "]" : "\n" + indent + "]"
    }

    private var indent: String { String(repeating: "  ", count: depth) }

    private mutating func separator() {
        if first.last == false { output += "," }
        if !first.isEmpty { first[first.count - 1] = false }
        output += "\n" + indent
    }

    mutating func rawKey(_ key: String, _ body: (inout SchemaJSON) -> Void) {
        separator()
        output += Self.quote(key) + ": "
        body(&self)
    }

    mutating func element(_ body: (inout SchemaJSON) -> Void) {
        separator()
        body(&self)
    }

    mutating func raw(_ text: String) { output += text }

    mutating func key(_ key: String, string: String) { rawKey(key) { $0.raw(Self.quote(string)) } }

    mutating func key(_ key: String, bool: Bool) { rawKey(key) { $0.raw(bool ? "true" : "false") } }

    mutating func key(_ key: String, int: Int) { rawKey(key) { $0.raw(String(int)) } }

    mutating func key(_ key: String, strings: [String]) {
        rawKey(key) { $0.raw("[" + strings.map(Self.quote).joined(separator: ", ") + "]") }
    }

    /// Writes a shape as a schema object.
    mutating func shape(_ shape: ValueShape, help: String = "") {
        open()
        if !help.isEmpty { key("description", string: help) }
        merge(shape)
        close()
    }

    /// Writes a shape's keywords into the object being written.
    mutating func merge(_ shape: ValueShape) {
        switch shape {
        case .text, .scalar:
            key("type", strings: ["string", "number", "boolean"])
        case .identifier:
            key("type", strings: ["string", "number"])
        case .date:
            key("type", string: "string")
            key("pattern", string: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        case .optionalDate:
            rawKey("anyOf") { w in
                w.raw("[{\"type\": \"string\", \"pattern\": \"^[0-9]{4}-[0-9]{2}-[0-9]{2}$\"}, {\"type\": \"null\"}]")
            }
        case .integer(let minimum):
            key("type", string: "integer")
            key("minimum", int: minimum)
        case .boolean:
            key("type", string: "boolean")
        case .duration:
            key("type", string: "string")
            key("pattern", string: "^[0-9]+ (working )?days?$")
        case .oneOf(let words):
            key("enum", strings: words)
        case .localized:
            rawKey("anyOf") { w in
                w.openArray()
                w.element { $0.shape(.text) }
                w.element { $0.shape(.object([FieldSpec("vi", .text), FieldSpec("en", .text)])) }
                w.closeArray()
            }
        case .scalarOrList:
            rawKey("anyOf") { w in
                w.openArray()
                w.element { $0.shape(.scalar) }
                w.element { $0.shape(.list(.scalar)) }
                w.closeArray()
            }
        case .list(let item):
            key("type", string: "array")
            rawKey("items") { $0.shape(item) }
        case .object(let fields):
            key("type", string: "object")
            rawKey("properties") { w in
                w.open()
                for f in fields { w.rawKey(f.name) { $0.shape(f.type, help: f.help) } }
                w.close()
            }
            if !fields.requiredNames.isEmpty { key("required", strings: fields.requiredNames) }
            key("additionalProperties", bool: false)
        case .openObject(let fields, let others):
            key("type", string: "object")
            rawKey("properties") { w in
                w.open()
                for f in fields { w.rawKey(f.name) { $0.shape(f.type, help: f.help) } }
                w.close()
            }
            if !fields.requiredNames.isEmpty { key("required", strings: fields.requiredNames) }
            rawKey("additionalProperties") { $0.shape(others) }
        case .dictionary(let value):
            key("type", string: "object")
            rawKey("additionalProperties") { $0.shape(value) }
        case .reference(let name):
            key("$ref", string: "#/definitions/\(name)")
        case .anyOf(let shapes):
            rawKey("anyOf") { w in
                w.openArray()
                for s in shapes { w.element { $0.shape(s) } }
                w.closeArray()
            }
        case .optional(let inner):
            rawKey("anyOf") { w in
                w.openArray()
                w.element { $0.shape(inner) }
                w.element { $0.raw("{\"type\": \"null\"}") }
                w.closeArray()
            }
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
