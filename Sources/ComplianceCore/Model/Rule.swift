/// Text in the two languages the tool speaks; either may be missing.
public struct LocalizedText: Sendable, Hashable {
    /// Vietnamese.
    public let vi: String?
    /// English.
    public let en: String?

    /// Both forms.
    public init(vi: String?, en: String?) {
        self.vi = vi
        self.en = en
    }

    /// The same text for both languages.
    public init(_ text: String) {
        vi = text
        en = text
    }

    /// The text in `language`, falling back to the other one.
    public func text(in language: Language) -> String {
        switch language {
        case .vi: return vi ?? en ?? ""
        case .en: return en ?? vi ?? ""
        }
    }
}

/// The project language: the tool's own messages and report labels.
public enum Language: String, Sendable, CaseIterable {
    case vi, en
}

/// How bad a violation is; `--fail-on` compares against it.
public enum Severity: String, Sendable, CaseIterable, Comparable {
    case critical, high, medium, low, info

    /// Higher is more severe.
    public var rank: Int {
        switch self {
        case .critical: 5
        case .high: 4
        case .medium: 3
        case .low: 2
        case .info: 1
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Where an obligation comes from: the directive's clause and the law behind it.
public struct RuleSource: Sendable, Hashable {
    /// Required: the document.
    public let document: String
    /// The clause, for example "2".
    public let clause: String?
    /// The legal basis, for example "Luật Tiếp công dân 2013, Điều 15".
    public let basis: String?
    /// A link.
    public let url: String?

    /// A source.
    public init(document: String, clause: String?, basis: String?, url: String?) {
        self.document = document
        self.clause = clause
        self.basis = basis
        self.url = url
    }
}

/// `binding` (SPEC §10.9): whether a text states the obligation (`law`, the default) or the pack
/// chose the number where no text gives one (`guidance`); reports word a violation accordingly.
public enum Binding: String, Sendable, CaseIterable {
    case law, guidance
}

/// `partial_periods`: whether periods cut by the evaluation window are evaluated.
public enum PartialPeriods: String, Sendable {
    case skip, evaluate
}

/// The dates a rule is in force, `to` inclusive.
public struct Effective: Sendable, Hashable {
    /// First day in force.
    public let from: Day
    /// Last day in force; nil = open-ended.
    public let to: Day?
    /// An effective range.
    public init(from: Day, to: Day?) {
        self.from = from
        self.to = to
    }
}

/// A validated rule: the common fields of SPEC §6 plus its kind's obligation.
public struct Rule: Sendable {
    /// Unique id.
    public let id: String
    /// Title in vi/en.
    public let title: LocalizedText
    /// Rationale.
    public let description: LocalizedText?
    /// Legal source.
    public let source: RuleSource
    /// Severity.
    public let severity: Severity
    /// Law or guidance.
    public let binding: Binding
    /// Which units; nil = every unit.
    public let appliesTo: UnitSelector?
    /// In-force dates.
    public let effective: Effective
    /// Partial-period policy.
    public let partialPeriods: PartialPeriods
    /// Optional message template.
    public let message: MessageTemplate?
    /// The kind's parameters and evaluation.
    public let obligation: any Obligation
    /// Where the rule starts in its file.
    public let location: SourceLocation
    /// The last line of the rule's YAML item (for SARIF regions).
    public let endLine: Int

    /// A rule value.
    public init(
        id: String, title: LocalizedText, description: LocalizedText?, source: RuleSource, severity: Severity,
        binding: Binding = .law, appliesTo: UnitSelector?, effective: Effective, partialPeriods: PartialPeriods,
        message: MessageTemplate?,
        obligation: any Obligation, location: SourceLocation, endLine: Int
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.source = source
        self.severity = severity
        self.binding = binding
        self.appliesTo = appliesTo
        self.effective = effective
        self.partialPeriods = partialPeriods
        self.message = message
        self.obligation = obligation
        self.location = location
        self.endLine = endLine
    }

    /// The kind name, for example `frequency`.
    public var kind: String { type(of: obligation).kindName }
}
