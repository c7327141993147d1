/// Budgets for composing one file, so a hostile or broken file fails fast instead of exhausting memory.
public struct YAMLLimits: Sendable {
    /// Deepest collection nesting allowed; the top-level collection is depth 1.
    public var maxDepth = 100
    /// Most nodes that alias expansion may add over the whole file ("billion laughs" guard).
    public var maxAliasNodes = 100_000
    /// Largest file accepted, in bytes; bigger files are refused before parsing.
    public var maxFileBytes = 256 << 20

    /// The defaults of SPEC §2: depth 100, 100,000 alias nodes, 256 MiB.
    public init() {}
}
