import ComplianceCore
import NodeDecoding

/// A rule kind as the loader sees it: its keys, how to read them, and worked examples that a
/// generic test runs, so documentation cannot drift from behaviour.
///
/// What the engine, the reports and `explain` need of a kind is its `Obligation` conformance.
public protocol ObligationKind: Obligation {
    /// The keys this kind adds to the common rule keys: what the loader accepts and what the JSON
    /// Schema offers editors.
    static var fields: [FieldSpec] { get }
    /// One line on what the kind checks, for generated docs and `explain`.
    static var summary: String { get }
    /// Worked examples, run by a generic test and printed in the docs.
    static var examples: [KindExample] { get }
    /// The rule's parameters in words ("at least 1 per ISO week"), for catalogues and `explain`.
    func parameters(in language: Language) -> String
    /// Reads the kind's fields from a rule mapping; nil after reporting diagnostics.
    static func decode(_ map: MapView, _ reader: inout NodeReader, _ context: RuleDecodingContext) -> Self?
    /// Where the rule names its base rule (`Obligation.baseRule`), for diagnostics about it.
    var baseRuleLocation: SourceLocation? { get }
    /// Why `base` cannot be this rule's base rule (a `rule.invalid-value` message), or nil when it can.
    func refusal(ofBase base: Rule) -> Message?
}

extension ObligationKind {
    /// Keys this kind adds to the common rule keys.
    public static var keys: [String] { fields.names }
    /// Keys this kind requires.
    public static var requiredKeys: [String] { fields.requiredNames }
    /// Kinds that read events name no base rule.
    public var baseRuleLocation: SourceLocation? { nil }
    /// Kinds that read events refuse no base rule.
    public func refusal(ofBase base: Rule) -> Message? { nil }
}

/// What kind decoders may need beyond the mapping: the rule's effective dates and the pattern
/// reader shared by every kind.
public struct RuleDecodingContext {
    /// The rule's `effective` range, when it could be read.
    public let effective: Effective?
}

/// The kinds the product knows, by `kind:` name.
///
/// Adding a kind means its file in this folder and its line in `all`.
public enum Kinds {
    /// Every kind type.
    public static let all: [any ObligationKind.Type] = [
        FrequencyObligation.self, DeadlineObligation.self, PrecedenceObligation.self,
        PeriodicObligation.self, OnceObligation.self, RegularityObligation.self, RatioObligation.self,
    ]

    /// Kind names, in documentation order.
    public static var names: [String] { all.map { $0.kindName } }

    /// Every reason the kinds declare, for reports of saved results (which record reason codes only).
    public static let reasons = FindingReasons(all.flatMap { $0.reasons })

    /// The kind type for a name.
    public static func type(named name: String) -> (any ObligationKind.Type)? {
        all.first { $0.kindName == name }
    }
}

/// Reads `key` fields of events: the joined text of every key field, or nil when one is absent.
struct KeyExtractor: Sendable {
    let fields: [String]

    func key(of event: Event) -> String? {
        if fields.isEmpty { return "" }
        if fields.count == 1 { return event.value(of: fields[0])?.text }
        var parts: [String] = []
        for f in fields {
            guard let v = event.value(of: f) else { return nil }
            parts.append(v.text)
        }
        return parts.joined(separator: "\u{1F}")
    }
}

extension EvaluationContext {
    /// The source location of an event, for diagnostics about it.
    func location(of event: Event) -> SourceLocation {
        SourceLocation(path: store.path(of: event.origin), line: Int(event.origin.line), column: 0)
    }
}
