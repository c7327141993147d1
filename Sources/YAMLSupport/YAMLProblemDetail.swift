/// What a YAML problem says, as a value with its parameters: the sentence is written later, by the
/// message catalogue, in the language of the report (SPEC §10.9).
public enum YAMLProblemDetail: Sendable, Hashable {
    /// libyaml's scanner or parser refused the text.
    case libyaml(LibYAMLSyntaxError)
    /// libyaml's reader refused a byte (bad UTF-8, a forbidden character): its fixed problem text, the
    /// offending value (negative when there is none) and the byte offset.
    case libyamlReader(problem: String, value: Int, byteOffset: Int)
    /// The file is over `YAMLLimits.maxFileBytes`.
    case fileTooLarge(bytes: Int, limit: Int)
    /// The file starts with a UTF-16 or UTF-32 byte-order mark.
    case notUTF8Encoding
    /// libyaml could not allocate memory.
    case outOfMemory
    /// libyaml's read of the file failed.
    case inputUnreadable
    /// The path cannot be opened; `errno` is the system's reason.
    case cannotOpen(path: String, errno: Int32)
    /// The path is a folder.
    case isDirectory(path: String)
    /// The path is a named pipe, socket or device.
    case notRegularFile(path: String)
    /// A second document starts in a file that holds one.
    case secondDocument
    /// A tag other than the standard core ones, in its short form.
    case unsupportedTag(String)
    /// An alias to an anchor never defined.
    case undefinedAlias(String)
    /// Alias expansion adds more than `limit` nodes.
    case aliasExpansion(limit: Int)
    /// Collections nest deeper than `limit` levels.
    case nestedTooDeep(limit: Int)
    /// A mapping repeats `key`, first defined at `first`.
    case duplicateKey(String, first: SourceMark)

    // What a YAML log's reader refuses (SPEC §4): a record, or the file's shape.

    /// A log record is a list or a scalar instead of a mapping.
    case recordNotMapping(found: YAMLNodeShape)
    /// A record's field name or value is a collection instead of a scalar.
    case fieldNotScalar(LogFieldPart, found: YAMLNodeShape)
    /// A record's field name or value is missing.
    case fieldMissing(LogFieldPart)
    /// A record repeats field `name`, first defined at `first`.
    case duplicateField(String, first: SourceMark)
    /// A record uses alias `*name` (logs forbid anchors and aliases).
    case aliasInRecord(String)
    /// A record sets anchor `&name`.
    case anchorInRecord(String)
    /// A record uses a tag other than the standard ones, in its short form.
    case tagInRecord(String)
    /// The log's top level is not a mapping.
    case logNotMapping
    /// The log's top-level mapping has no key `events`.
    case logWithoutEvents
    /// The log's top level has another key than `events`: its text, nil when it is not a scalar.
    case unexpectedTopLevelKey(String?)
    /// `events` carries an anchor.
    case eventsWithAnchor
    /// `events` is neither a list nor null.
    case eventsNotList
    /// A second document starts in a log.
    case secondLogDocument
}

/// What a YAML node is, to say what was found where something else must be.
public enum YAMLNodeShape: Sendable, Hashable {
    case list, mapping, scalar
}

/// Which part of a log record's `name: value` pair a problem is about.
public enum LogFieldPart: Sendable, Hashable {
    /// A field's name.
    case name
    /// The value of the field with this name.
    case value(of: String)
}

/// libyaml's account of a syntax error, its fields kept apart so that its fixed English sentences
/// can be translated: the problem and where it is, and what libyaml was reading and where that began.
public struct LibYAMLSyntaxError: Sendable, Hashable {
    /// libyaml's problem, such as "did not find expected key".
    public let problem: String
    /// Where the problem is.
    public let problemMark: SourceMark
    /// What libyaml was reading, such as "while parsing a block mapping"; nil when it says nothing.
    public let context: String?
    /// Where the context began; nil with `context`.
    public let contextMark: SourceMark?

    /// Creates an error, for the parser and for tests.
    public init(problem: String, problemMark: SourceMark, context: String? = nil, contextMark: SourceMark? = nil) {
        self.problem = problem
        self.problemMark = problemMark
        self.context = context
        self.contextMark = contextMark
    }
}
