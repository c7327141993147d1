/// Where a parallel evaluation sends every diagnostic of each work item as it is found
/// (`--diagnostics FILE`, SPEC §10.6), so that the file receives all of them, in item order,
/// whatever order the items ran in — while the report keeps only the capped lists.
///
/// Called from the worker threads: one item at a time per thread, items concurrently.
public protocol ItemDiagnosticSink: AnyObject, Sendable {
    /// The stream for work item `item` (numbered in the order its output is gathered).
    func stream(forItem item: Int) -> DiagnosticStream
    /// Work item `item` found everything it will find.
    func finish(item: Int)
}
