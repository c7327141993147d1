import Foundation

/// Where a streamed report's bytes go: a buffer handed to `drain` each time it fills, so a report
/// of gigabytes is written as it is rendered instead of held whole.
///
/// `drain` writes to the output (through the atomic writer's temporary file); its first error is
/// kept and ends the writing, and the caller throws it once rendering returns.
public final class ReportSink {
    private var buffer: [UInt8] = []
    private let drain: (UnsafeRawBufferPointer) throws -> Void
    /// The first error of `drain`, or a failure to read the spilled findings back.
    public private(set) var failure: Error?
    /// Bytes handed to `drain` so far.
    public private(set) var written = 0

    static let drainSize = 1 << 20

    /// A sink writing through `drain`.
    public init(drain: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.drain = drain
        buffer.reserveCapacity(Self.drainSize + 65_536)
    }

    /// Appends text.
    public func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends bytes.
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        // A batch as large as the buffer goes to `drain` as it is, after what is buffered: one copy less.
        if bytes.count >= Self.drainSize {
            flush()
            hand(UnsafeRawBufferPointer(bytes))
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.drainSize { flush() }
    }

    /// Appends the bytes written to `bytes` (a reporter's rows, made a batch at a time).
    func append(_ bytes: borrowing ByteBuffer) {
        bytes.withBytes { append($0) }
    }

    /// Appends the bytes of `data`.
    public func append(_ data: Data) {
        data.withUnsafeBytes { append($0.bindMemory(to: UInt8.self)) }
    }

    /// Records a failure met while rendering (the spilled findings could not be read).
    public func fail(_ error: Error) { failure = failure ?? error }

    /// Hands what is buffered to `drain`.
    public func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        buffer.withUnsafeBytes { hand($0) }
    }

    /// Gives `bytes` to `drain`, unless it has failed (or the rendering has).
    private func hand(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, !bytes.isEmpty else { return }
        do {
            try drain(bytes)
            written += bytes.count
        } catch {
            failure = error
        }
    }

    /// `out += text`, so reporters that build text write the same way into a sink.
    public static func += (sink: ReportSink, text: String) { sink.append(text) }
}
