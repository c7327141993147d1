/// A rule's `message` with its placeholders checked at load time, so an unknown placeholder is a
/// rule error and not a silently blank report line.
public struct MessageTemplate: Sendable {
    /// The placeholders a template may use (SPEC §6).
    public static let placeholders = [
        "unit.id", "unit.name", "period", "due", "actual", "expected", "days_late", "ref", "rule.id",
    ]

    enum Piece: Sendable {
        case literal(String)
        case placeholder(String)
    }

    let vi: [Piece]?
    let en: [Piece]?
    /// The template as written, in both languages (self-contained results carry it, SPEC §10.5).
    public let text: LocalizedText

    /// Why a template text was refused.
    public struct Problem: Error, Sendable {
        /// The offending placeholder or a description of the brace problem.
        public let detail: String
        /// True when an unknown placeholder (rather than an unbalanced brace).
        public let unknownPlaceholder: Bool
    }

    /// Parses both language forms.
    public init(vi: String?, en: String?) throws(Problem) {
        self.vi = try vi.map { text throws(Problem) in try MessageTemplate.parse(text) }
        self.en = try en.map { text throws(Problem) in try MessageTemplate.parse(text) }
        self.text = LocalizedText(vi: vi, en: en)
    }

    /// Renders in `language` (falling back to the other form) with the given values; a placeholder
    /// without a value renders as "–".
    public func render(_ language: Language, values: [String: String]) -> String {
        let pieces = (language == .vi ? (vi ?? en) : (en ?? vi)) ?? []
        var out = ""
        for p in pieces {
            switch p {
            case .literal(let s): out += s
            case .placeholder(let name): out += values[name] ?? "–"
            }
        }
        return out
    }

    static func parse(_ text: String) throws(Problem) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var chars = Array(text)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "{" {
                if chars.first == "{" {
                    literal.append("{")
                    chars = chars.dropFirst()
                    continue
                }
                guard let close = chars.firstIndex(of: "}") else {
                    throw Problem(detail: "unclosed '{'", unknownPlaceholder: false)
                }
                let name = String(chars[chars.startIndex..<close])
                guard placeholders.contains(name) else {
                    throw Problem(detail: name, unknownPlaceholder: true)
                }
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.placeholder(name))
                chars = chars[(close + 1)...]
            } else if c == "}" {
                if chars.first == "}" { chars = chars.dropFirst() }
                literal.append("}")
            } else {
                literal.append(c)
            }
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }
}
