import Dispatch

/// Work started on a worker thread at once and waited for when its result is needed.
///
/// Where a serial step would otherwise leave a core idle (the serial gathering between blocks of
/// units, the writing of a report), the next piece of work is started before it; results are still
/// taken in order, so nothing depends on timing.
public final class WorkAhead<Output>: @unchecked Sendable {
    private var output: Output?
    private let done = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () -> Output) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.output = work()
            self.done.signal()
        }
    }

    /// The result, once it is ready (asked for once).
    public func wait() -> Output {
        done.wait()
        guard let output else { preconditionFailure("a result was taken twice") }
        self.output = nil
        return output
    }
}
