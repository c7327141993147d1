import ComplianceCore
import NodeDecoding
import YAMLSupport

/// Loads rule files into typed rules.
///
/// Unknown keys anywhere are errors: a typo must never silently disable a rule.
public struct RuleLoader {
    /// Keys every rule may carry, whatever its kind (the loader's and the JSON Schema's source).
    public static let commonFields = [
        FieldSpec("id", .identifier, required: true, "Unique across all rule files, e.g. DV2-TIEP-DAN-XA."),
        FieldSpec("title", .localized, required: true, "Text or {vi, en}."),
        FieldSpec("description", .localized, "The rationale: why the obligation exists."),
        FieldSpec("source", .object(sourceFields), required: true, "Where the obligation comes from."),
        FieldSpec("severity", .oneOf(Severity.allCases.map(\.rawValue)), required: true, "How bad a violation is."),
        FieldSpec(
            "binding", .oneOf(Binding.allCases.map(\.rawValue)),
            "law (default): a text states the obligation; guidance: the pack chose the number where no text gives one."
        ),
        FieldSpec("applies_to", .reference("selector"), "Which units; omitted = every unit."),
        FieldSpec("effective", .object(effectiveFields), required: true, "The dates the rule is in force."),
        FieldSpec(
            "partial_periods", .oneOf(["skip", "evaluate"]), "Evaluate periods cut by the window (default skip)."),
        FieldSpec("message", .localized, "Template with {unit.id} {unit.name} {period} {due} {actual} {expected} …"),
        FieldSpec("kind", .oneOf(Kinds.names), required: true, "The rule kind."),
    ]

    /// Keys of `source`.
    public static let sourceFields = [
        FieldSpec("document", .text, required: true, "The document, e.g. the directive."),
        FieldSpec("clause", .text, "The clause of the directive."),
        FieldSpec("basis", .text, "The legal basis: law, article, clause."),
        FieldSpec("url", .text, "A link to the text."),
    ]

    /// Keys of `effective`.
    public static let effectiveFields = [
        FieldSpec("from", .date, required: true, "First day in force."),
        FieldSpec("to", .optionalDate, "Last day in force (inclusive); null = open-ended."),
    ]

    /// Keys every rule may carry, whatever its kind.
    public static var commonKeys: [String] { commonFields.names }
    /// Keys every rule must carry.
    public static var commonRequired: [String] { commonFields.requiredNames }

    /// One rule file's path for diagnostics and its sha256.
    public struct FileDigest: Sendable {
        /// Display path.
        public let path: String
        /// Hex digest of the bytes.
        public let sha256: String
    }

    /// What loading produced.
    public struct Result: Sendable {
        /// Valid rules, in file then document order.
        public var rules: [Rule] = []
        /// Files read, with digests.
        public var files: [FileDigest] = []
        /// Diagnostics.
        public var diagnostics: [Diagnostic] = []
        /// Ids of rules written but refused for an error: they exist, so naming one elsewhere (a
        /// waiver) is no "unknown rule".
        public var refusedIDs: Set<String> = []
    }

    /// Known unit ids (for selectors) and the vocabulary (for types and attributes), when loaded.
    let unitIDs: Set<String>?
    let vocabulary: Vocabulary?
    /// The registry's levels, kinds and tags, for the selector and overlap lints; nil without one.
    let unitFacts: UnitFacts?

    /// A loader that checks unit ids (not levels, kinds or tags) and names against the vocabulary.
    public init(unitIDs: Set<String>?, vocabulary: Vocabulary?) {
        self.unitIDs = unitIDs
        self.vocabulary = vocabulary
        self.unitFacts = nil
    }

    /// A loader that checks selectors against the registry's units — ids (errors), levels, kinds
    /// and tags no unit carries, rules that select nothing, overlapping rules (warnings) — and names
    /// against the vocabulary.
    public init(registry: UnitRegistry?, vocabulary: Vocabulary?) {
        let facts = registry.map(UnitFacts.init)
        self.unitIDs = facts?.ids
        self.vocabulary = vocabulary
        self.unitFacts = facts
    }

    /// Loads files (already expanded from folders, in code-point order): `(path on disk, display path)`.
    public func load(files: [(path: String, display: String)]) -> Result {
        var result = Result()
        var firstDefinition: [String: SourceLocation] = [:]
        var candidates: [OverlapCheck.Candidate] = []

        // Every id written, also of rules that failed to load: a reference to one of them is not
        // "unknown" (its own errors already say what is wrong).
        var writtenIDs = Set<String>()
        for file in files {
            let loaded = YAMLFileLoader.load(path: file.path, displayPath: file.display)
            result.diagnostics += loaded.diagnostics
            if loaded.readable { result.files.append(FileDigest(path: file.display, sha256: SHA256.hex(loaded.bytes))) }
            guard let root = loaded.root else {
                if loaded.readable && loaded.diagnostics.isEmpty {
                    result.diagnostics.append(
                        .warning(
                            .ruleEmptyFile, Message(.ruleFileEmpty),
                            at: SourceLocation(path: file.display, line: 1, column: 1)))
                }
                continue
            }
            var reader = NodeReader(path: file.display, prefix: "rule")
            guard let top = reader.mapping(root, allowed: ["rules"], required: ["rules"], what: "a rule file") else {
                result.diagnostics += reader.diagnostics
                continue
            }
            if let list = top["rules"] {
                if let items = list.value.items {
                    for item in items {
                        if let id = item.value(forKey: "id")?.scalar {
                            writtenIDs.insert(TextNormalization.normalize(id))
                        }
                        guard let rule = decodeRule(item, &reader) else {
                            if let id = item.value(forKey: "id")?.scalar.map(TextNormalization.normalize), !id.isEmpty {
                                result.refusedIDs.insert(id)
                            }
                            continue
                        }
                        if let first = firstDefinition[rule.id] {
                            reader.diagnostics.append(
                                .error(
                                    .ruleDuplicateId,
                                    Message(
                                        .ruleIdAlreadyDefined, ["id": rule.id, "place": "\(first.path):\(first.line)"]),
                                    at: rule.location, related: [first]))
                            continue
                        }
                        firstDefinition[rule.id] = rule.location
                        result.rules.append(rule)
                        if unitFacts != nil, let kind = Kinds.type(named: rule.kind) {
                            candidates.append(
                                .init(rule: rule, patterns: OverlapCheck.patternSignature(of: item, kind: kind)))
                        }
                    }
                } else if !list.value.isNull {
                    reader.error("invalid-value", Message(.rulesMustBeList), at: list.value)
                }
            }
            result.diagnostics += reader.diagnostics
        }
        if let unitFacts { result.diagnostics += OverlapCheck.diagnostics(candidates, facts: unitFacts) }
        checkBaseRules(&result, writtenIDs: writtenIDs)
        return result
    }

    /// A rule that reads another rule's findings (a `ratio`'s `of`) must name a loaded rule of a kind
    /// it accepts; otherwise it is dropped with `rule.unknown-rule` or `rule.invalid-value`.
    private func checkBaseRules(_ result: inout Result, writtenIDs: Set<String>) {
        let byID = Dictionary(result.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        result.rules.removeAll { rule in
            guard let baseID = rule.obligation.baseRule, let kind = rule.obligation as? any ObligationKind else {
                return false
            }
            let location = kind.baseRuleLocation ?? rule.location
            guard let base = byID[baseID] else {
                if !writtenIDs.contains(baseID) {
                    result.diagnostics.append(
                        .error(
                            .ruleUnknownRule,
                            Message(.ruleReadsUnknownRule, ["rule": rule.id, "base": baseID])
                                + Suggestions.didYouMean(baseID, in: Array(byID.keys).sorted()), at: location))
                }
                return true
            }
            if let refusal = kind.refusal(ofBase: base) {
                result.diagnostics.append(.error(.ruleInvalidValue, refusal, at: location, related: [base.location]))
                return true
            }
            return false
        }
    }

    private func decodeRule(_ node: YAMLNode, _ reader: inout NodeReader) -> Rule? {
        guard node.entries != nil else {
            reader.error("invalid-value", Message(.ruleMustBeMapping, ["kind": node.kindName]), at: node)
            return nil
        }
        let before = reader.diagnostics.count
        // The kind decides which further keys are allowed.
        let kindNode = node.value(forKey: "kind")
        var kindType: (any ObligationKind.Type)?
        if let kindNode {
            let name = kindNode.scalar.map(TextNormalization.normalize) ?? ""
            kindType = Kinds.type(named: name)
            if kindType == nil {
                reader.error(
                    "unknown-kind",
                    Message(.unknownRuleKind, ["name": name]) + Suggestions.didYouMean(name, in: Kinds.names),
                    at: kindNode)
            }
        }
        let allowed = Self.commonKeys + (kindType?.keys ?? allKindKeys)
        let required = Self.commonRequired + (kindType?.requiredKeys ?? [])
        guard let map = reader.mapping(node, allowed: allowed, required: required, what: "rule") else { return nil }

        let id = map["id"].flatMap { e -> String? in
            guard let id = reader.identifier(e.value, what: "id") else { return nil }
            if id.isEmpty {
                reader.error("invalid-value", Message(.idMustNotBeEmpty), at: e.value)
                return nil
            }
            return id
        }
        let title = map["title"].flatMap { reader.localized($0.value, what: "title") }
        let description = map["description"].flatMap { reader.localized($0.value, what: "description") }
        let source = map["source"].flatMap { decodeSource($0, &reader) }
        let severity = map["severity"].flatMap { e in
            reader.choice(e.value, what: "severity", among: Severity.allCases.map(\.rawValue)).flatMap(Severity.init)
        }
        let binding =
            map["binding"].map { e in
                reader.choice(e.value, what: "binding", among: Binding.allCases.map(\.rawValue)).flatMap(Binding.init)
            } ?? .law
        let appliesTo = map["applies_to"].map { e in PatternDecoder.selector(e.value, &reader, what: "applies_to") }
        // Every selector of the rule (applies_to, the kind's, at any depth): unknown ids, levels, kinds, tags.
        SelectorCheck.checkValues(
            of: node, fields: Self.commonFields + (kindType?.fields ?? []), unitIDs: unitIDs, facts: unitFacts,
            &reader)
        let effective = map["effective"].flatMap { decodeEffective($0, &reader) }
        let partial =
            map["partial_periods"].map { e in
                reader.choice(e.value, what: "partial_periods", among: ["skip", "evaluate"]).flatMap(
                    PartialPeriods.init)
            } ?? .skip
        let message = map["message"].flatMap { e -> MessageTemplate? in
            guard let text = reader.localized(e.value, what: "message") else { return nil }
            do {
                return try MessageTemplate(vi: text.vi, en: text.en)
            } catch let error as MessageTemplate.Problem {
                if error.unknownPlaceholder {
                    reader.error(
                        "unknown-placeholder",
                        Message(.unknownPlaceholder, ["placeholder": "{\(error.detail)}"])
                            + Suggestions.didYouMean(error.detail, in: MessageTemplate.placeholders),
                        at: e.value)
                } else {
                    // The one brace problem `MessageTemplate.parse` reports: an unclosed '{'.
                    let detail = Message(.templateUnclosedBrace)
                    reader.error(
                        "invalid-value", Message(.messageTemplateProblem, ["brace": "{{"], nested: ["detail": detail]),
                        at: e.value)
                }
                return nil
            } catch {
                return nil
            }
        }
        let obligation = kindType.flatMap { $0.decode(map, &reader, RuleDecodingContext(effective: effective)) }
        if let obligation { checkVocabulary(obligation, map, &reader) }
        guard
            reader.diagnostics.count == before
                || !reader.diagnostics[before...].contains(where: { $0.level == .error }),
            let id, let title, let source, let severity, let binding, let effective, let obligation
        else { return nil }
        if let unitFacts,
            let warning = SelectorCheck.selectsNothing(
                appliesTo.flatMap { $0 }, effective: effective, ruleID: id, facts: unitFacts)
        {
            reader.warning(
                code: SelectorCheck.selectsNothingCode, warning, at: map["applies_to"]?.key ?? map["id"]?.value ?? node)
        }
        return Rule(
            id: id, title: title, description: description, source: source, severity: severity,
            binding: binding, appliesTo: appliesTo.flatMap { $0 }, effective: effective,
            partialPeriods: partial ?? .skip,
            message: message, obligation: obligation, location: reader.location(map["id"]?.value ?? node),
            endLine: node.end.column == 1 ? max(node.start.line, node.end.line - 1) : node.end.line)
    }

    private var allKindKeys: [String] { Array(Set(Kinds.all.flatMap { $0.keys })).sorted() }

    private func decodeSource(_ entry: YAMLMapEntry, _ reader: inout NodeReader) -> RuleSource? {
        guard
            let m = reader.mapping(
                entry.value, allowed: Self.sourceFields.names, required: Self.sourceFields.requiredNames,
                what: "source",
                keyNode: entry.key)
        else { return nil }
        guard let doc = m["document"].flatMap({ reader.text($0.value, what: "source.document") }) else { return nil }
        return RuleSource(
            document: doc, clause: m["clause"].flatMap { reader.text($0.value, what: "source.clause") },
            basis: m["basis"].flatMap { reader.text($0.value, what: "source.basis") },
            url: m["url"].flatMap { reader.text($0.value, what: "source.url") })
    }

    private func decodeEffective(_ entry: YAMLMapEntry, _ reader: inout NodeReader) -> Effective? {
        guard
            let m = reader.mapping(
                entry.value, allowed: Self.effectiveFields.names, required: Self.effectiveFields.requiredNames,
                what: "effective", keyNode: entry.key)
        else { return nil }
        guard let from = m["from"].flatMap({ reader.date($0.value, what: "effective.from") }) else { return nil }
        var to: Day?
        if let e = m["to"] {
            guard let t = reader.optionalDate(e.value, what: "effective.to") else { return nil }
            to = t
        }
        if let to, to < from, let e = m["to"] {
            reader.error(
                "invalid-value", Message(.effectiveToBeforeFrom, ["to": "\(to)", "from": "\(from)"]), at: e.key)
            return nil
        }
        return Effective(from: from, to: to)
    }

    private func checkVocabulary(_ obligation: any Obligation, _ map: MapView, _ reader: inout NodeReader) {
        guard let vocabulary else { return }
        let known = vocabulary.eventTypes.keys
        var typeNodes: [YAMLNode] = []
        collectTypeNodes(map.node, into: &typeNodes)
        for t in Set(obligation.eventTypes).sorted() where vocabulary.eventTypes[t] == nil {
            let node = typeNodes.first { n in
                n.scalar.map(TextNormalization.normalize) == t
                    || (n.items?.contains { $0.scalar.map(TextNormalization.normalize) == t } ?? false)
            }
            reader.error(
                "unknown-type", Message(.ruleUnknownEventType, ["type": t]) + Suggestions.didYouMean(t, in: known),
                at: node ?? map.node)
        }
        let attributes = vocabulary.allAttributeNames
        for a in Set(obligation.attributeNames).sorted() where !attributes.contains(a) {
            reader.error(
                "unknown-attribute",
                Message(.unknownAttribute, ["name": a]) + Suggestions.didYouMean(a, in: attributes),
                at: map.node)
        }
    }

    private func collectTypeNodes(_ node: YAMLNode, into out: inout [YAMLNode]) {
        var stack = [node]
        while let n = stack.popLast() {
            for e in n.entries ?? [] {
                if e.key.scalar == "type" {
                    if let items = e.value.items { out.append(contentsOf: items) } else { out.append(e.value) }
                }
                stack.append(e.value)
            }
            stack.append(contentsOf: n.items ?? [])
        }
        out.sort { $0.start < $1.start }
    }
}
