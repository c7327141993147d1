/// One key/value pair of a mapping, kept in source order so diagnostics and output stay deterministic.
public struct YAMLMapEntry: Sendable, Equatable {
    /// The key node, usually a scalar; kept as a node so its position can be reported.
    public let key: YAMLNode
    /// The value node.
    public let value: YAMLNode

    /// Creates an entry, for the composer and for tests that build trees by hand.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A composed YAML node with its source range, so loaders can turn it into typed values and point
/// at the exact text when a value is wrong.
public struct YAMLNode: Sendable, Equatable {
    /// What the node holds; scalars keep their text and style, with no type resolution.
    public enum Content: Sendable, Equatable {
        /// A scalar's text and the style it was written in.
        case scalar(String, ScalarStyle)
        /// A sequence's items in source order.
        case sequence([YAMLNode])
        /// A mapping's entries in source order (duplicate keys already removed).
        case mapping([YAMLMapEntry])
    }

    /// The node's content.
    public let content: Content
    /// Where the node starts (for a block mapping: its first key), to point diagnostics at it.
    public let start: SourceMark
    /// Where the node ends (exclusive), to underline a whole range.
    public let end: SourceMark
    /// The explicit tag as resolved by libyaml (`tag:yaml.org,2002:str` for `!!str`), nil when none.
    public let tag: String?

    /// Creates a node, for the composer and for tests that build trees by hand.
    public init(content: Content, start: SourceMark, end: SourceMark, tag: String? = nil) {
        self.content = content
        self.start = start
        self.end = end
        self.tag = tag
    }
}
