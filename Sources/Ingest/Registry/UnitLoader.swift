import ComplianceCore
import NodeDecoding
import YAMLSupport

/// Loads and checks the unit registry: ids, parents, cycles, lifetimes and successors.
///
/// Cycle checks are iterative so a 45,000-level chain cannot overflow the stack.
public enum UnitLoader {
    /// Keys of one unit (the loader's and the JSON Schema's source).
    public static let fields = [
        FieldSpec("id", .identifier, required: true, "Unique id: [a-z0-9][a-z0-9._-]*."),
        FieldSpec("name", .text, required: true, "Display name."),
        FieldSpec("level", .identifier, required: true, "province, district, commune, cell…"),
        FieldSpec("kind", .identifier, required: true, "party-committee, people-committee, mttq…"),
        FieldSpec("parent", .optional(.identifier), "The parent unit's id, or null."),
        FieldSpec("tags", .anyOf([.list(.identifier), .identifier]), "Tags such as remote, ethnic-minority."),
        FieldSpec("from", .optionalDate, "First day the unit exists (inclusive)."),
        FieldSpec("to", .optionalDate, "Last day (inclusive): units merged or abolished end here."),
        FieldSpec("successor", .optional(.identifier), "With `to`: the unit that took over its work."),
    ]

    /// Top-level keys of a unit registry.
    public static let fileFields = [FieldSpec("units", .list(.object(fields)), required: true, "The units.")]

    /// The keys a unit may and must have, worked out once rather than for each of 45,000 units.
    private static let allowedNames = fields.names
    private static let requiredNames = fields.requiredNames

    /// What loading a registry produced.
    public struct Loaded: Sendable {
        /// The registry; nil when any error was found.
        public var registry: UnitRegistry?
        /// When the registry has errors, the units read for checking the logs anyway (SPEC §2).
        ///
        /// Every unit with a readable id, without parents or successors; nil when the registry is
        /// valid or no unit could be read.
        public var provisional: UnitRegistry?
        /// Diagnostics.
        public var diagnostics: [Diagnostic]
    }

    /// Loads `path`; the registry is nil when any error was found.
    public static func load(path: String, display: String) -> (UnitRegistry?, [Diagnostic]) {
        let loaded = loadKeepingIDs(path: path, display: display)
        return (loaded.registry, loaded.diagnostics)
    }

    /// Loads `path`, keeping the ids that could be read when the registry has errors.
    public static func loadKeepingIDs(path: String, display: String) -> Loaded {
        let loaded = YAMLFileLoader.load(path: path, displayPath: display)
        var reader = NodeReader(path: display, prefix: "unit")
        reader.diagnostics = loaded.diagnostics
        guard let root = loaded.root else {
            if loaded.readable && loaded.diagnostics.isEmpty {
                reader.diagnostics.append(
                    .error(
                        .unitMissingField, Message(.unitRegistryEmpty),
                        at: SourceLocation(path: display, line: 1, column: 1)))
            }
            return Loaded(registry: nil, provisional: nil, diagnostics: reader.diagnostics)
        }
        guard
            let top = reader.mapping(
                root, allowed: fileFields.names, required: fileFields.requiredNames, what: "the unit registry"),
            let list = top["units"]
        else { return Loaded(registry: nil, provisional: nil, diagnostics: reader.diagnostics) }
        return build(fromList: list.value, reader: reader)
    }

    /// Builds a registry from a `units:` list node (also used by rule tests with inline units).
    public static func registry(fromList list: YAMLNode, reader initial: NodeReader) -> (UnitRegistry?, [Diagnostic]) {
        let loaded = build(fromList: list, reader: initial)
        return (loaded.registry, loaded.diagnostics)
    }

    private static func build(fromList list: YAMLNode, reader initial: NodeReader) -> Loaded {
        var reader = initial
        guard let items = list.items else {
            reader.error("invalid-value", Message(.unitsMustBeList), at: list)
            return Loaded(registry: nil, provisional: nil, diagnostics: reader.diagnostics)
        }
        var units: [Unit] = []
        var unitNodes: [YAMLNode] = []  // The item each unit came from, for positions in later errors.
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(items.count)
        for item in items {
            guard let unit = decode(item, &reader) else { continue }
            if let first = indexByID.updateValue(units.count, forKey: unit.id) {
                indexByID[unit.id] = first  // The first definition stays the one others refer to.
                let firstAt = units[first].location
                reader.diagnostics.append(
                    .error(
                        .unitDuplicateId,
                        Message(.unitIdAlreadyDefined, ["id": unit.id, "line": String(firstAt.line)]),
                        at: unit.location, related: [firstAt]))
                continue
            }
            units.append(unit)
            unitNodes.append(item)
        }
        // "Did you mean" scans every id, so each unknown id is looked up once however many units name it.
        var hints = HintCache()
        func hint(for unknown: String) -> Message { hints.hint(for: unknown) { indexByID.keys } }
        // Units are read through indices here and below: binding a `Unit` copies all of its strings.
        for i in units.indices {
            if let p = units[i].parent, indexByID[p] == nil {
                let node = unitNodes[i].value(forKey: "parent")
                reader.diagnostics.append(
                    .error(
                        .unitUnknownParent,
                        Message(.unitUnknownParent, ["id": units[i].id, "parent": p]) + hint(for: p),
                        at: node.map(reader.location) ?? units[i].location))
            }
            if let s = units[i].successor, indexByID[s] == nil {
                let node = unitNodes[i].value(forKey: "successor")
                reader.diagnostics.append(
                    .error(
                        .unitUnknownSuccessor,
                        Message(.unitUnknownSuccessor, ["id": units[i].id, "successor": s]) + hint(for: s),
                        at: node.map(reader.location) ?? units[i].location))
            }
        }
        reportCycles(units, nodes: unitNodes, indexByID: indexByID, &reader)
        if reader.hasErrors {
            let provisional = provisionalRegistry(units, items: items, known: indexByID, path: reader.path)
            return Loaded(registry: nil, provisional: provisional, diagnostics: reader.diagnostics)
        }
        return Loaded(registry: UnitRegistry(units: consume units), provisional: nil, diagnostics: reader.diagnostics)
    }

    /// The units a log may name when the registry has errors: those read, plus the readable ids of
    /// those refused (a record naming one is no "unknown unit", which would be a follow-on error),
    /// without parents or successors (they may be what is wrong).
    private static func provisionalRegistry(
        _ units: [Unit], items: [YAMLNode], known: [String: Int], path: String
    ) -> UnitRegistry? {
        var all = units.map {
            Unit(
                id: $0.id, name: $0.name, level: $0.level, kind: $0.kind, parent: nil, tags: $0.tags, from: $0.from,
                to: $0.to, successor: nil, location: $0.location)
        }
        var seen = Set(known.keys)
        for item in items {
            guard let id = item.value(forKey: "id")?.scalar.map(TextNormalization.normalize), isValidID(id),
                seen.insert(id).inserted
            else { continue }
            all.append(
                Unit(
                    id: id, name: id, level: "", kind: "", parent: nil, tags: [], from: nil, to: nil, successor: nil,
                    location: SourceLocation(path: path, line: item.start.line, column: item.start.column)))
        }
        return all.isEmpty ? nil : UnitRegistry(units: all)
    }

    private static func decode(_ node: YAMLNode, _ reader: inout NodeReader) -> Unit? {
        let before = reader.diagnostics.count
        guard let m = reader.mapping(node, allowed: allowedNames, required: requiredNames, what: "unit")
        else {
            return nil
        }
        // Entries used more than once are looked up once.
        let idEntry = m["id"]
        let parentEntry = m["parent"]
        let toEntry = m["to"]
        let id = idEntry.flatMap { e -> String? in
            guard let id = reader.identifier(e.value, what: "id") else { return nil }
            if !isValidID(id) {
                reader.error("invalid-value", Message(.unitIdPattern, ["id": id]), at: e.value)
                return nil
            }
            return id
        }
        let name = m["name"].flatMap { reader.text($0.value, what: "name") }
        let level = m["level"].flatMap { reader.identifier($0.value, what: "level") }
        let kind = m["kind"].flatMap { reader.identifier($0.value, what: "kind") }
        var parent: String?
        if let e = parentEntry, !e.value.isNull { parent = reader.identifier(e.value, what: "parent") }
        var tags: [String] = []
        if let e = m["tags"], !e.value.isNull { tags = reader.identifierList(e.value, what: "tags") ?? [] }
        var from: Day?
        var to: Day?
        if let e = m["from"] { from = reader.optionalDate(e.value, what: "from") ?? nil }
        if let e = toEntry { to = reader.optionalDate(e.value, what: "to") ?? nil }
        var successor: String?
        if let e = m["successor"], !e.value.isNull {
            successor = reader.identifier(e.value, what: "successor")
            if toEntry.map({ $0.value.isNull }) ?? true {
                reader.error("invalid-value", Message(.successorNeedsTo), at: e.key)
            }
        }
        if let from, let to, to < from, let e = toEntry {
            reader.error(
                "to-before-from", Message(.unitEndsBeforeBegins, ["to": "\(to)", "from": "\(from)"]), at: e.key)
        }
        if let id, parent == id, let e = parentEntry {
            reader.error("cycle", Message(.unitOwnParent, ["id": id]), at: e.value)
        }
        guard reader.diagnostics.count == before, let id, let name, let level, let kind else { return nil }
        return Unit(
            id: id, name: name, level: level, kind: kind, parent: parent, tags: tags, from: from, to: to,
            successor: successor, location: reader.location(idEntry?.value ?? node))
    }

    static func isValidID(_ id: String) -> Bool {
        guard let first = id.utf8.first, isLowerAlnum(first) else { return false }
        return id.utf8.allSatisfy {
            isLowerAlnum($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    private static func isLowerAlnum(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 48 && b <= 57) }

    /// Walks parent links with three colours; each unit is visited once, so the check is linear.
    ///
    /// Units are followed by their index in `units` (`nodes` is parallel to it), so the walk hashes
    /// each parent id once instead of keeping dictionaries of ids.
    private static func reportCycles(
        _ units: [Unit], nodes: [YAMLNode], indexByID: [String: Int], _ reader: inout NodeReader
    ) {
        // A parent outside the registry ends a walk: it was reported above and has no parent itself.
        let parentOf = units.indices.map { i in
            units[i].parent.flatMap { p in p == units[i].id ? nil : indexByID[p] }
        }
        var state = [UInt8](repeating: 0, count: units.count)  // 1 = on the current path, 2 = done
        for start in units.indices where state[start] == 0 {
            var path: [Int] = []
            var current: Int? = start
            while let c = current, state[c] == 0 {
                state[c] = 1
                path.append(c)
                current = parentOf[c]
            }
            if let c = current, state[c] == 1 {
                let cycle = path[(path.firstIndex(of: c) ?? 0)...]
                let at = cycle.min { units[$0].id.codePointPrecedes(units[$1].id) } ?? c
                let node = nodes[at].value(forKey: "parent")
                let names = (cycle + [c]).map { units[$0].id }
                reader.diagnostics.append(
                    .error(
                        .unitCycle, Message(.unitCycle, ["cycle": names.joined(separator: " → ")]),
                        at: node.map(reader.location) ?? SourceLocation(path: reader.path)))
            }
            for p in path { state[p] = 2 }
        }
    }
}
