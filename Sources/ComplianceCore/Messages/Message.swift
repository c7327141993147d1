/// A sentence for people, kept as catalogue keys and named arguments so that it can be written in
/// the project language when it is printed (SPEC §10.9), long after it was found.
///
/// Templates live in `MessageCatalogue` (one table per language); `{name}` in a template is replaced
/// by the argument `name`. Text from elsewhere (libyaml, the system, a saved result) is `verbatim`.
public struct Message: Hashable, Sendable {
    /// One piece of the sentence.
    public enum Part: Hashable, Sendable {
        /// A catalogue entry with its arguments.
        case entry(MessageKey, [String: String])
        /// Text that is not ours to translate.
        case verbatim(String)
        /// A catalogue entry some of whose arguments are sentences themselves, written in the same language.
        case composite(MessageKey, [String: String], [String: Message])
        /// One of libyaml's fixed English sentences: as it is in English, from `LibYAMLPhrases` in
        /// Vietnamese, or quoted as libyaml's when the table lacks it.
        case libyaml(String)
    }

    /// The pieces, written one after the other.
    public let parts: [Part]

    /// A catalogue entry with named arguments.
    public init(_ key: MessageKey, _ arguments: [String: String] = [:]) { parts = [.entry(key, arguments)] }

    /// A catalogue entry whose `nested` arguments are written in the language of the whole.
    public init(_ key: MessageKey, _ arguments: [String: String] = [:], nested: [String: Message]) {
        parts = [.composite(key, arguments, nested)]
    }

    private init(parts: [Part]) { self.parts = parts }

    /// Text written as it is in every language.
    public static func verbatim(_ text: String) -> Message { Message(parts: [.verbatim(text)]) }

    /// One of libyaml's fixed sentences (a problem or a context), translated where the catalogue knows it.
    public static func libyaml(_ text: String) -> Message { Message(parts: [.libyaml(text)]) }

    /// Nothing (for an optional suffix such as "did you mean").
    public static let empty = Message(parts: [])

    /// One sentence followed by another piece.
    public static func + (lhs: Message, rhs: Message) -> Message { Message(parts: lhs.parts + rhs.parts) }

    /// The sentence in `language`.
    public func text(in language: Language) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .verbatim(let text): out += text
            case .entry(let key, let arguments): out += MessageCatalogue.render(key, arguments, in: language)
            case .composite(let key, let arguments, let nested):
                let written = arguments.merging(nested.mapValues { $0.text(in: language) }) { plain, _ in plain }
                out += MessageCatalogue.render(key, written, in: language)
            case .libyaml(let text):
                out += LibYAMLPhrases.text(text, in: language)
            }
        }
        return out
    }

    /// The sentence in English.
    public var english: String { text(in: .en) }
}
