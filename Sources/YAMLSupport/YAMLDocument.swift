/// The outcome of composing one file: a root node, problems, or both (a duplicate key keeps the root).
public struct YAMLDocument: Sendable {
    /// The root node; nil when composing stopped, or when the file is empty (then `problems` is empty).
    public let root: YAMLNode?
    /// Problems in the order found.
    public let problems: [YAMLProblem]

    /// Creates a document, for the composer and for tests.
    public init(root: YAMLNode?, problems: [YAMLProblem]) {
        self.root = root
        self.problems = problems
    }
}
