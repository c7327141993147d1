import Dispatch

/// One block's evaluation, started on a worker thread at once and waited for when its turn comes.
///
/// Evaluating the units a block at a time leaves serial work between blocks (gathering, waivers,
/// fingerprints and messages, the spill); starting the next block before doing it keeps both cores
/// busy. Blocks are still gathered in order, so the result does not depend on timing.
final class BlockAhead<Output>: @unchecked Sendable {
    private var output: Output?
    private let done = DispatchSemaphore(value: 0)

    init(_ evaluate: @escaping @Sendable (Int) -> Output, block: Int) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.output = evaluate(block)
            self.done.signal()
        }
    }

    /// The block's output, once it is ready (asked once).
    func wait() -> Output {
        done.wait()
        guard let output else { preconditionFailure("a block's output was taken twice") }
        self.output = nil
        return output
    }
}
