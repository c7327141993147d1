/// A problem found while reading YAML, as a value with a stable code so loaders can turn it into a
/// diagnostic without parsing message text.
public struct YAMLProblem: Error, Sendable, Hashable {
    /// A stable code: `yaml.syntax`, `yaml.duplicate-key`, `yaml.limit`, `yaml.multiple-documents`,
    /// `yaml.unsupported-tag` or `yaml.invalid-utf8`.
    public let code: String
    /// What the problem says, written in the report's language by the message catalogue.
    public let detail: YAMLProblemDetail
    /// Where to point.
    public let mark: SourceMark
    /// A second place worth showing, such as the first definition of a duplicate key.
    public let relatedMark: SourceMark?

    /// Creates a problem, for the composer and for tests.
    public init(code: String, detail: YAMLProblemDetail, mark: SourceMark, relatedMark: SourceMark? = nil) {
        self.code = code
        self.detail = detail
        self.mark = mark
        self.relatedMark = relatedMark
    }
}

/// The codes used in `YAMLProblem.code`, declared next to the code that emits them.
extension YAMLProblem {
    /// libyaml refused the text.
    public static let syntax = "yaml.syntax"
    /// A mapping repeats a key.
    public static let duplicateKey = "yaml.duplicate-key"
    /// A depth, alias-expansion or size budget was exceeded.
    public static let limit = "yaml.limit"
    /// The stream holds more than one document.
    public static let multipleDocuments = "yaml.multiple-documents"
    /// A node carries a tag other than the standard core ones.
    public static let unsupportedTag = "yaml.unsupported-tag"
    /// The bytes are not UTF-8 (or contain characters YAML forbids).
    public static let invalidUTF8 = "yaml.invalid-utf8"
}
