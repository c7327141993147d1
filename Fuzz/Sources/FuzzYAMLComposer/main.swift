import FuzzSupport
import YAMLSupport

/// Composes any bytes as a configuration-like YAML file: never a crash, a hang or unbounded memory,
/// and every problem points inside the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLComposer(_ data: UnsafeRawPointer?, _ size: Int) -> Int32 {
    let bytes = FuzzSupport.bytes(data, size)
    var limits = YAMLLimits()
    limits.maxAliasNodes = 10_000
    let document = YAMLComposer.compose(bytes: bytes, limits: limits)
    for problem in document.problems {
        FuzzSupport.require(problem.mark.line >= 1 && problem.mark.column >= 1, "mark \(problem.mark)")
        FuzzSupport.require(problem.code.hasPrefix("yaml."), "code \(problem.code)")
    }
    // Walk the tree without recursion: the depth limit must hold and every node must be reachable.
    var pending = document.root.map { [($0, 1)] } ?? []
    var visited = 0
    while let (node, depth) = pending.popLast() {
        visited += 1
        FuzzSupport.require(depth <= limits.maxDepth + 1, "depth \(depth)")
        if let items = node.items { pending += items.map { ($0, depth + 1) } }
        if let entries = node.entries { pending += entries.flatMap { [($0.key, depth + 1), ($0.value, depth + 1)] } }
    }
    FuzzSupport.require(visited <= bytes.count + limits.maxAliasNodes + 1, "\(visited) nodes")
    return 0
}
