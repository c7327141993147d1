/// Turns a stream of events into a node tree with an explicit stack (no recursion per level), while
/// enforcing depth and alias budgets and collecting duplicate keys.
struct TreeBuilder {
    /// A finished node with what the budgets need to know about it.
    struct Built {
        /// The node itself.
        var node: YAMLNode
        /// How many nodes it holds, itself included.
        var count: Int
        /// Its collection height: 0 for a scalar, 1 for a collection of scalars, and so on.
        var height: Int
    }

    /// A collection being built; its children wait in the builder's shared `children` stack, so a
    /// collection costs one exact-size array when it closes instead of a growing array and a key
    /// dictionary while it is open.
    struct Frame {
        let isMapping: Bool
        let start: SourceMark
        let tag: String?
        let anchor: String?
        /// Where this collection's children begin in `children`; a mapping's keys and values alternate.
        let base: Int
        /// Whether a mapping's next child is the value of the key before it.
        var expectsValue = false
        /// Whether that value belongs to a duplicate key and is dropped.
        var dropNextValue = false
        /// First marks of scalar keys, built only once a mapping has many keys: a short scan of the
        /// keys is cheaper than hashing for the usual handful, and the index keeps a huge one linear.
        var keyIndex: [String: SourceMark]?
        var count = 1
        var height = 1
    }

    /// Mappings with more keys than this look duplicates up in `Frame.keyIndex` instead of scanning.
    static let scannedKeyLimit = 16

    let limits: YAMLLimits
    private(set) var root: YAMLNode?
    private(set) var problems: [YAMLProblem] = []
    private var stack: [Frame] = []
    /// The finished children of every open collection, innermost last.
    private var children: [YAMLNode] = []
    private var anchors: [String: Built] = [:]
    private var aliasNodes = 0
    private var documents = 0

    init(limits: YAMLLimits) {
        self.limits = limits
    }

    /// Takes one event; returns false at the end of the stream, throws a problem that stops composing.
    mutating func consume(_ event: ParsedEvent) throws(YAMLProblem) -> Bool {
        switch event.kind {
        case .streamStart, .documentEnd:
            return true
        case .streamEnd:
            return false
        case .documentStart:
            documents += 1
            if documents > 1 {
                throw YAMLProblem(
                    code: YAMLProblem.multipleDocuments,
                    detail: .secondDocument,
                    mark: event.start)
            }
        case .scalar:
            try checkTag(event)
            let node = YAMLNode(
                content: .scalar(event.text, event.style), start: event.start, end: event.end, tag: event.tag)
            add(Built(node: node, count: 1, height: 0), anchor: event.anchor)
        case .alias:
            try addAlias(event)
        case .sequenceStart, .mappingStart:
            try checkTag(event)
            if stack.count + 1 > limits.maxDepth {
                throw depthProblem(at: event.start)
            }
            stack.append(
                Frame(
                    isMapping: event.kind == .mappingStart, start: event.start, tag: event.tag,
                    anchor: event.anchor, base: children.count))
        case .sequenceEnd, .mappingEnd:
            guard let frame = stack.popLast() else { return true }
            let node = YAMLNode(content: takeContent(of: frame), start: frame.start, end: event.end, tag: frame.tag)
            add(Built(node: node, count: frame.count, height: frame.height), anchor: frame.anchor)
        }
        return true
    }

    /// Refuses tags other than the standard core ones.
    private func checkTag(_ event: ParsedEvent) throws(YAMLProblem) {
        guard !YAMLCoreSchema.isAllowed(tag: event.tag), let tag = event.tag else { return }
        throw YAMLProblem(
            code: YAMLProblem.unsupportedTag,
            detail: .unsupportedTag(YAMLCoreSchema.shortForm(tag)),
            mark: event.start)
    }

    /// Puts a copy of the anchored node in place of an alias, within the alias and depth budgets.
    private mutating func addAlias(_ event: ParsedEvent) throws(YAMLProblem) {
        let name = event.anchor ?? ""
        guard let built = anchors[name] else {
            throw YAMLProblem(
                code: YAMLProblem.syntax, detail: .undefinedAlias(name), mark: event.start)
        }
        aliasNodes += built.count
        if aliasNodes > limits.maxAliasNodes {
            throw YAMLProblem(
                code: YAMLProblem.limit,
                detail: .aliasExpansion(limit: limits.maxAliasNodes), mark: event.start)
        }
        if stack.count + built.height > limits.maxDepth {
            throw depthProblem(at: event.start)
        }
        add(built, anchor: nil)
    }

    /// "line 3, column 5", for messages that mention a second place.
    static func describe(_ mark: SourceMark) -> String {
        "line \(mark.line), column \(mark.column)"
    }

    /// The problem for nesting deeper than the limit.
    private func depthProblem(at mark: SourceMark) -> YAMLProblem {
        YAMLProblem(
            code: YAMLProblem.limit, detail: .nestedTooDeep(limit: limits.maxDepth),
            mark: mark)
    }

    /// Adds a finished node to the collection being built, or makes it the root.
    private mutating func add(_ built: Built, anchor: String?) {
        if let anchor {
            anchors[anchor] = built
        }
        let top = stack.count - 1
        guard top >= 0 else {
            if root == nil { root = built.node }
            return
        }
        stack[top].count += built.count
        stack[top].height = max(stack[top].height, built.height + 1)
        if !stack[top].isMapping {
            children.append(built.node)
        } else if stack[top].expectsValue {
            if !stack[top].dropNextValue {
                children.append(built.node)
            }
            stack[top].expectsValue = false
            stack[top].dropNextValue = false
        } else {
            stack[top].expectsValue = true
            if let text = built.node.scalar, let first = firstMark(ofKey: text, inFrame: top) {
                stack[top].dropNextValue = true
                problems.append(
                    YAMLProblem(
                        code: YAMLProblem.duplicateKey,
                        detail: .duplicateKey(text, first: first),
                        mark: built.node.start, relatedMark: first))
            } else {
                children.append(built.node)
                indexLastKey(inFrame: top)
            }
        }
    }

    /// Where the mapping `stack[top]` first has the scalar key `text`, nil when it is new.
    private func firstMark(ofKey text: String, inFrame top: Int) -> SourceMark? {
        if let index = stack[top].keyIndex { return index[text] }
        for key in stride(from: stack[top].base, to: children.count, by: 2) where children[key].scalar == text {
            return children[key].start
        }
        return nil
    }

    /// Records the key just added to `stack[top]` in its index, building the index once the mapping
    /// has more keys than a scan should visit.
    private mutating func indexLastKey(inFrame top: Int) {
        let base = stack[top].base
        let last = children.count - 1
        if stack[top].keyIndex != nil {
            if let text = children[last].scalar { stack[top].keyIndex?[text] = children[last].start }
        } else if (last - base) / 2 + 1 > Self.scannedKeyLimit {
            var index: [String: SourceMark] = [:]
            for key in stride(from: base, through: last, by: 2) {
                if let text = children[key].scalar { index[text] = children[key].start }
            }
            stack[top].keyIndex = index
        }
    }

    /// The content of a closing collection, taken off the `children` stack (no slice of it outlives
    /// the removal, which would copy the stack).
    private mutating func takeContent(of frame: Frame) -> YAMLNode.Content {
        defer { children.removeSubrange(frame.base...) }
        if frame.isMapping { return .mapping(Self.entries(children[frame.base...])) }
        return .sequence(Array(children[frame.base...]))
    }

    /// A mapping's entries from its alternating keys and values.
    private static func entries(_ keysAndValues: ArraySlice<YAMLNode>) -> [YAMLMapEntry] {
        var entries: [YAMLMapEntry] = []
        entries.reserveCapacity(keysAndValues.count / 2)
        var key = keysAndValues.startIndex
        while key + 1 < keysAndValues.endIndex {
            entries.append(YAMLMapEntry(key: keysAndValues[key], value: keysAndValues[key + 1]))
            key += 2
        }
        return entries
    }
}
