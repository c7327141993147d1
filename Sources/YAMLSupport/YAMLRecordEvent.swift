/// One `key: value` of a YAML log record, kept as text so the log loader converts per field.
public struct YAMLRecordField: Sendable, Equatable {
    /// The field name as written.
    public let key: String
    /// The value's text; nil for null (a plain empty, `~`, `null`, `Null` or `NULL`).
    public let value: String?
    /// How the value was written, so a loader can tell `"10"` from `10` if it needs to.
    public let style: ScalarStyle
    /// Where the value starts, so a bad value can be pointed at.
    public let mark: SourceMark

    /// Creates a field, for the reader and for tests.
    public init(key: String, value: String?, style: ScalarStyle, mark: SourceMark) {
        self.key = key
        self.value = value
        self.style = style
        self.mark = mark
    }
}

/// What reading a YAML log yields, one step at a time, so every record is accepted or rejected and
/// nothing is lost silently.
public enum YAMLRecordEvent: Sendable, Equatable {
    /// A record; `line` is where the item's mapping starts.
    case record(line: Int, fields: [YAMLRecordField])
    /// A record refused at the offending node; reading goes on with the next item. The detail is
    /// written later, in the report's language.
    case rejected(line: Int, column: Int, code: String, detail: YAMLProblemDetail)
    /// Reading stops on a problem of the file, of its shape or of libyaml; no event follows.
    case failed(YAMLProblem)
    /// The file holds no document (only white space or comments); no event follows.
    case empty
}

/// The codes the record reader emits besides the `yaml.*` ones, declared next to their use.
extension YAMLRecordEvent {
    /// The file or folder cannot be read.
    public static let unreadable = "log.unreadable"
    /// The file is not a mapping with the single key `events` holding a list.
    public static let wrongTopLevel = "log.wrong-top-level"
    /// A record is not a mapping of scalar names to scalar values.
    public static let malformedRow = "log.malformed-row"
    /// A record uses an anchor or an alias, which logs refuse.
    public static let yamlAlias = "log.yaml-alias"
}
