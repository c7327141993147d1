import ComplianceCore
import YAMLSupport

/// Turns YAML nodes of one file into typed values while collecting diagnostics with exact positions.
///
/// Every loader (rules, units, calendar, …) speaks through it so that codes, messages and "did you
/// mean" behave the same everywhere.
public struct NodeReader {
    /// The file as named in diagnostics.
    public let path: String
    /// Code prefix: `rule`, `unit`, `config`, `calendar`, `vocabulary`, `waiver`.
    public let prefix: String
    /// Diagnostics so far.
    public var diagnostics: [Diagnostic] = []

    /// A reader for one file.
    public init(path: String, prefix: String) {
        self.path = path
        self.prefix = prefix
    }

    /// The location of a node.
    public func location(_ node: YAMLNode) -> SourceLocation {
        SourceLocation(path: path, line: node.start.line, column: node.start.column)
    }

    /// Reports an error `<prefix>.<suffix>` at a node.
    public mutating func error(_ suffix: String, _ message: Message, at node: YAMLNode, related: [SourceLocation] = [])
    {
        diagnostics.append(
            .error(DiagnosticCode.named("\(prefix).\(suffix)"), message, at: location(node), related: related))
    }

    /// Reports an error with a full code at a node.
    public mutating func error(code: DiagnosticCode, _ message: Message, at node: YAMLNode) {
        diagnostics.append(.error(code, message, at: location(node)))
    }

    /// Reports a warning with a full code at a node.
    public mutating func warning(code: DiagnosticCode, _ message: Message, at node: YAMLNode) {
        diagnostics.append(.warning(code, message, at: location(node)))
    }

    /// Whether any error was reported.
    public var hasErrors: Bool { diagnostics.contains { $0.level == .error } }

    /// Opens a mapping, reporting unknown keys (with "did you mean") and missing required keys.
    ///
    /// `keyNode` is the key that introduced the mapping: missing fields are reported there.
    public mutating func mapping(
        _ node: YAMLNode, allowed: [String], required: [String] = [], what: String, keyNode: YAMLNode? = nil
    ) -> MapView? {
        guard let entries = node.entries else {
            error("invalid-value", Message(.mustBeMapping, ["what": what, "kind": node.kindName]), at: node)
            return nil
        }
        var accepted: [MapView.Key] = []
        accepted.reserveCapacity(min(entries.count, allowed.count))
        for position in entries.indices {
            guard let key = entries[position].key.scalar else {
                error("invalid-value", Message(.keysMustBePlainText, ["what": what]), at: entries[position].key)
                continue
            }
            if !allowed.contains(key) {
                error(
                    "unknown-key",
                    Message(.unknownKey, ["key": key, "what": what]) + Suggestions.didYouMean(key, in: allowed),
                    at: entries[position].key)
                continue
            }
            if let seen = accepted.firstIndex(where: { $0.name == key }) {
                accepted[seen].position = position
            } else {
                accepted.append(MapView.Key(name: key, position: position))
            }
        }
        for key in required where !accepted.contains(where: { $0.name == key }) {
            error("missing-field", Message(.lacksRequiredKey, ["what": what, "key": key]), at: keyNode ?? node)
        }
        return MapView(node: node, all: entries, accepted: accepted)
    }

    /// Text of a scalar (NFC).
    ///
    /// Null and collections are refused.
    public mutating func text(_ node: YAMLNode, what: String) -> String? {
        guard let s = node.scalar, !node.isNull else {
            error(
                "invalid-value",
                Message(.mustBeText, ["what": what, "kind": node.isNull ? "null" : "a " + node.kindName]), at: node)
            return nil
        }
        return TextNormalization.nfc(s)
    }

    /// Trimmed, NFC text used as an identifier or compared value.
    public mutating func identifier(_ node: YAMLNode, what: String) -> String? {
        text(node, what: what).map(TextNormalization.normalize)
    }

    /// A scalar or a list of scalars, as a list (for `type: a` or `type: [a, b]`).
    public mutating func identifierList(_ node: YAMLNode, what: String) -> [String]? {
        if let items = node.items {
            var out: [String] = []
            for item in items {
                guard let s = identifier(item, what: what) else { return nil }
                out.append(s)
            }
            return out
        }
        return identifier(node, what: what).map { [$0] }
    }

    /// `YYYY-MM-DD`.
    public mutating func date(_ node: YAMLNode, what: String) -> Day? {
        guard let s = node.scalar, !node.isNull else {
            error("invalid-value", Message(.mustBeDateFoundKind, ["what": what, "kind": node.kindName]), at: node)
            return nil
        }
        switch DateText.checkedISODate(Substring(TextNormalization.normalize(s))) {
        case .success(let d):
            return d
        case .failure(.outOfRange):
            error(
                "invalid-value",
                Message(
                    .dateOutOfRange,
                    [
                        "what": what, "value": s, "from": String(Day.supportedYears.lowerBound),
                        "to": String(Day.supportedYears.upperBound),
                    ]), at: node)
        case .failure:
            error("invalid-value", Message(.mustBeDate, ["what": what, "value": s]), at: node)
        }
        return nil
    }

    /// A date or null (for optional ends such as `to: null`).
    public mutating func optionalDate(_ node: YAMLNode, what: String) -> Day?? {
        if node.isNull { return .some(nil) }
        guard let d = date(node, what: what) else { return nil }
        return .some(d)
    }

    /// A whole number ≥ `minimum`.
    public mutating func integer(_ node: YAMLNode, what: String, minimum: Int = 0) -> Int? {
        guard let v = node.intValue(), v >= minimum else {
            error(
                "invalid-value",
                Message(
                    .mustBeWholeNumber,
                    ["what": what, "minimum": String(minimum), "value": node.scalar ?? node.kindName]),
                at: node)
            return nil
        }
        return v
    }

    /// `true`/`false`.
    public mutating func boolean(_ node: YAMLNode, what: String) -> Bool? {
        guard let v = node.boolValue() else {
            error(
                "invalid-value", Message(.mustBeBoolean, ["what": what, "value": node.scalar ?? node.kindName]),
                at: node)
            return nil
        }
        return v
    }

    /// `N days` / `N working days`.
    public mutating func duration(_ node: YAMLNode, what: String) -> DurationSpec? {
        let checked = node.scalar.map(DurationSpec.checked) ?? .failure(.malformed)
        switch checked {
        case .success(let d):
            return d
        case .failure(.tooLong):
            error(
                "invalid-value",
                Message(
                    .durationTooLong,
                    ["what": what, "value": node.scalar ?? "", "maximum": String(DurationSpec.maximumCount)]),
                at: node)
        case .failure(.malformed):
            error(
                "invalid-value",
                Message(.mustBeDuration, ["what": what, "value": node.scalar ?? node.kindName]),
                at: node)
        }
        return nil
    }

    /// One of a fixed set of words, with "did you mean".
    public mutating func choice(_ node: YAMLNode, what: String, among options: [String]) -> String? {
        guard let s = node.scalar, !node.isNull else {
            error(
                "invalid-value", Message(.mustBeOneOf, ["what": what, "options": options.joined(separator: ", ")]),
                at: node)
            return nil
        }
        let v = TextNormalization.normalize(s)
        guard options.contains(v) else {
            error(
                "invalid-value",
                Message(.mustBeOneOfFound, ["what": what, "options": options.joined(separator: ", "), "value": v])
                    + Suggestions.didYouMean(v, in: options),
                at: node)
            return nil
        }
        return v
    }

    /// Text, or a `{vi, en}` map.
    public mutating func localized(_ node: YAMLNode, what: String) -> LocalizedText? {
        if node.entries != nil {
            guard let map = mapping(node, allowed: ["vi", "en"], what: what) else { return nil }
            let vi = map["vi"].flatMap { text($0.value, what: "\(what).vi") }
            let en = map["en"].flatMap { text($0.value, what: "\(what).en") }
            if vi == nil && en == nil {
                error("missing-field", Message(.needsViOrEn, ["what": what]), at: node)
                return nil
            }
            return LocalizedText(vi: vi, en: en)
        }
        return text(node, what: what).map { LocalizedText($0) }
    }
}

/// A checked mapping: only allowed keys, each with its key node for positions.
///
/// The keys are kept in a short list and scanned: a mapping holds at most its few allowed keys, and
/// a scan of those is cheaper than building and hashing into a dictionary for every mapping read.
public struct MapView {
    /// An accepted key and where its entry is in the mapping.
    struct Key {
        let name: String
        var position: Int
    }

    /// The mapping node.
    public let node: YAMLNode
    /// The mapping's entries, in source order.
    private let all: [YAMLMapEntry]
    /// The allowed keys present, each once (the last entry wins, as a dictionary would keep it).
    private let accepted: [Key]

    init(node: YAMLNode, all: [YAMLMapEntry], accepted: [Key]) {
        self.node = node
        self.all = all
        self.accepted = accepted
    }

    /// Entries by key.
    public var entries: [String: YAMLMapEntry] {
        Dictionary(uniqueKeysWithValues: accepted.map { ($0.name, all[$0.position]) })
    }

    /// The entry for a key.
    public subscript(_ key: String) -> YAMLMapEntry? {
        for candidate in accepted where candidate.name == key { return all[candidate.position] }
        return nil
    }

    /// Whether the key is present.
    public func has(_ key: String) -> Bool { accepted.contains { $0.name == key } }
}
