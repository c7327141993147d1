import ComplianceCore
import Foundation
import Reporting

/// Every diagnostic of the evaluation's work items, held until `--diagnostics FILE` takes them in
/// item order (SPEC §10.6): items run in parallel and finish in any order, the file does not.
///
/// Each running item buffers its lines; a full buffer or a finished item becomes a chunk. Chunks
/// stay in memory up to 4 MiB in all, then go to an unlinked temporary file, so two million
/// missing keys cost a file, not their weight in memory.
public final class DiagnosticSpool: ItemDiagnosticSink, @unchecked Sendable {
    private enum Chunk {
        case memory([UInt8])
        case file(offset: Int, count: Int)
    }

    private static let bufferLimit = 1 << 16
    private static let memoryLimit = 4 << 20

    private let lock = NSLock()
    /// The lines of the items running now.
    private var running: [Int: [UInt8]] = [:]
    private var chunks: [Int: [Chunk]] = [:]
    private var inMemory = 0
    private var descriptor: Int32 = -1
    private var fileEnd = 0
    /// The first failure to spill, reported by `drain`.
    public private(set) var failure: Message?

    /// The language the diagnostics' messages are written in, set before evaluation begins.
    public var language: Language = .en

    /// An empty spool.
    public init() {}

    deinit { if descriptor >= 0 { _ = Foundation.close(descriptor) } }

    public func stream(forItem item: Int) -> DiagnosticStream {
        let stream = DiagnosticStream { [self] d, language in
            self.add(Array(DiagnosticLines.line(d, language: language).utf8), item: item)
        }
        stream.language = language
        return stream
    }

    public func finish(item: Int) {
        lock.lock()
        defer { lock.unlock() }
        settle(item)
    }

    private func add(_ line: [UInt8], item: Int) {
        lock.lock()
        defer { lock.unlock() }
        running[item, default: []].append(contentsOf: line)
        if running[item, default: []].count >= Self.bufferLimit { settle(item) }
    }

    /// Turns item `item`'s buffered lines into a chunk (lock held).
    private func settle(_ item: Int) {
        guard let bytes = running.removeValue(forKey: item), !bytes.isEmpty else { return }
        if inMemory + bytes.count <= Self.memoryLimit {
            inMemory += bytes.count
            chunks[item, default: []].append(.memory(bytes))
        } else if let offset = spill(bytes) {
            chunks[item, default: []].append(.file(offset: offset, count: bytes.count))
        }
    }

    /// Appends `bytes` to the temporary file; their offset, or nil after a failure (kept).
    private func spill(_ bytes: [UInt8]) -> Int? {
        if descriptor < 0 {
            var template = Array((NSTemporaryDirectory() + "/dvcheck-diagnostics-XXXXXX").utf8CString)
            descriptor = template.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
            guard descriptor >= 0 else {
                failure = failure ?? Message(.spoolNoTemporaryFile, nested: ["why": .systemError(errno)])
                return nil
            }
            // Unlinked at once: nothing is left behind, however the run ends.
            _ = template.withUnsafeBufferPointer { $0.baseAddress.map { unlink($0) } }
        }
        let offset = fileEnd
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { all in
                let rest = UnsafeRawBufferPointer(rebasing: all[written...])
                return pwrite(descriptor, rest.baseAddress, rest.count, off_t(offset + written))
            }
            guard n > 0 else {
                failure = failure ?? Message(.spoolWriteFailed, nested: ["why": .systemError(errno)])
                return nil
            }
            written += n
        }
        fileEnd += bytes.count
        return offset
    }

    /// Hands every chunk to `write`, items in order, and forgets them.
    public func drain(_ write: ([UInt8]) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        for item in running.keys.sorted() { settle(item) }
        var block = [UInt8](repeating: 0, count: Self.bufferLimit)
        for item in chunks.keys.sorted() {
            for chunk in chunks[item] ?? [] {
                switch chunk {
                case .memory(let bytes): write(bytes)
                case .file(let offset, let count):
                    var done = 0
                    while done < count {
                        let n = block.withUnsafeMutableBytes {
                            pread(descriptor, $0.baseAddress, min($0.count, count - done), off_t(offset + done))
                        }
                        guard n > 0 else {
                            failure = failure ?? Message(.spoolReadBackFailed)
                            break
                        }
                        write(Array(block[..<n]))
                        done += n
                    }
                }
            }
        }
        chunks = [:]
        inMemory = 0
    }
}
