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

    /// A collection being built.
    struct Frame {
        let isMapping: Bool
        let start: SourceMark
        let tag: String?
        let anchor: String?
        var items: [YAMLNode] = []
        var entries: [YAMLMapEntry] = []
        var pendingKey: YAMLNode?
        var dropNextValue = false
        var keyMarks: [String: SourceMark] = [:]
        var count = 1
        var height = 1
    }

    let limits: YAMLLimits
    private(set) var root: YAMLNode?
    private(set) var problems: [YAMLProblem] = []
    private var stack: [Frame] = []
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
                    message: "a second YAML document starts here; a file holds one document",
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
                    anchor: event.anchor))
        case .sequenceEnd, .mappingEnd:
            guard let frame = stack.popLast() else { return true }
            let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items)
            let node = YAMLNode(content: content, start: frame.start, end: event.end, tag: frame.tag)
            add(Built(node: node, count: frame.count, height: frame.height), anchor: frame.anchor)
        }
        return true
    }

    /// Refuses tags other than the standard core ones.
    private func checkTag(_ event: ParsedEvent) throws(YAMLProblem) {
        guard !YAMLCoreSchema.isAllowed(tag: event.tag), let tag = event.tag else { return }
        throw YAMLProblem(
            code: YAMLProblem.unsupportedTag,
            message:
                "unsupported tag '\(YAMLCoreSchema.shortForm(tag))'; only the standard tags such as !!str "
                + "are allowed",
            mark: event.start)
    }

    /// Puts a copy of the anchored node in place of an alias, within the alias and depth budgets.
    private mutating func addAlias(_ event: ParsedEvent) throws(YAMLProblem) {
        let name = event.anchor ?? ""
        guard let built = anchors[name] else {
            throw YAMLProblem(
                code: YAMLProblem.syntax, message: "undefined alias '*\(name)'", mark: event.start)
        }
        aliasNodes += built.count
        if aliasNodes > limits.maxAliasNodes {
            throw YAMLProblem(
                code: YAMLProblem.limit,
                message: "alias expansion adds more than \(limits.maxAliasNodes) nodes", mark: event.start)
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
            code: YAMLProblem.limit, message: "collections are nested deeper than \(limits.maxDepth) levels",
            mark: mark)
    }

    /// Adds a finished node to the collection being built, or makes it the root.
    private mutating func add(_ built: Built, anchor: String?) {
        if let anchor {
            anchors[anchor] = built
        }
        guard var frame = stack.popLast() else {
            if root == nil { root = built.node }
            return
        }
        frame.count += built.count
        frame.height = max(frame.height, built.height + 1)
        if !frame.isMapping {
            frame.items.append(built.node)
        } else if let key = frame.pendingKey {
            if !frame.dropNextValue {
                frame.entries.append(YAMLMapEntry(key: key, value: built.node))
            }
            frame.pendingKey = nil
            frame.dropNextValue = false
        } else {
            frame.pendingKey = built.node
            if let text = built.node.scalar {
                if let first = frame.keyMarks[text] {
                    frame.dropNextValue = true
                    problems.append(
                        YAMLProblem(
                            code: YAMLProblem.duplicateKey,
                            message: "duplicate key '\(text)' (first defined at \(Self.describe(first)))",
                            mark: built.node.start, relatedMark: first))
                } else {
                    frame.keyMarks[text] = built.node.start
                }
            }
        }
        stack.append(frame)
    }
}
