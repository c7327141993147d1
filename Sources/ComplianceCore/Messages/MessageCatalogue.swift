/// The message catalogues: every sentence and label dvcheck writes for people, one table per
/// language (`EnglishMessages.swift`, `VietnameseMessages.swift`), both keyed by `MessageKey`.
///
/// A test checks that every key has both languages with the same `{arguments}`.
public enum MessageCatalogue {
    /// The template of `key` in `language`.
    public static func template(_ key: MessageKey, in language: Language) -> String? {
        switch language {
        case .en: english[key]
        case .vi: vietnamese[key]
        }
    }

    /// `key`'s template in `language` with each `{name}` replaced by `arguments[name]`.
    ///
    /// In Vietnamese, a `what`, `kind` or `detail` argument that is an English phrase of `phrasesVI` (or
    /// begins with one of `phrasePrefixesVI`) is translated (names of keys and fields, which people type, stay as they are), and a day argument
    /// (`day`, `date`, `asOf`, `from`, `to`) reads `DD/MM/YYYY` (SPEC §10.9).
    public static func render(_ key: MessageKey, _ arguments: [String: String], in language: Language) -> String {
        guard let template = template(key, in: language) ?? english[key] else { return key.rawValue }
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if var value = arguments[name] {
                if language == .vi {
                    if name == "what" || name == "kind" || name == "detail" {
                        value = phrasesVI[value] ?? prefixed(value)
                    }
                    if dayArguments.contains(name) { value = Presentation(.vi).date(iso: value) }
                }
                out += value
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// `value` with an English beginning of `phrasePrefixesVI` written in Vietnamese, else as it is.
    private static func prefixed(_ value: String) -> String {
        guard let p = phrasePrefixesVI.first(where: { value.hasPrefix($0.english) }) else { return value }
        return p.vietnamese + value.dropFirst(p.english.count)
    }

    private static let dayArguments: Set<String> = ["day", "date", "asOf", "from", "to"]

    /// The localised text of `key` (a label without arguments).
    public static func label(_ key: MessageKey, _ language: Language) -> String { render(key, [:], in: language) }

    /// The `{names}` a template uses, for the completeness test.
    public static func argumentNames(_ template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
