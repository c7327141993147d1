import ArgumentParser
import AuditRun
import ComplianceCore
import Foundation
import Ingest
import Reporting

/// The file `--diagnostics FILE` names, written as diagnostics are found: a buffer of 64 KiB, so
/// millions of diagnostics cost neither memory nor a system call each.
final class DiagnosticFile: @unchecked Sendable {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private var failure: Message?

    /// Opens `path` when given; a file that cannot be opened is an error before anything is read (exit 2),
    /// told in `language` (asked for only then).
    static func openOrExit(_ path: String?, language: @autoclosure () -> Language) throws -> DiagnosticFile? {
        guard let path else { return nil }
        switch openFile(path) {
        case .success(let file): return file
        case .failure(let diagnostic):
            Terminal.printDiagnostics([diagnostic], baseDir: PathResolution.currentDirectory, language: language())
            throw ExitCode(2)
        }
    }

    /// Creates (or empties) the file, or says why it cannot.
    static func openFile(_ path: String) -> Result<DiagnosticFile, Diagnostic> {
        // Opened in place, never replaced: a device or pipe named here is written into, and stays
        // what it is. Non-blocking only for the open itself, so a pipe without a reader is refused.
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard fd >= 0 else {
            let why = Message.systemError(errno)
            return .failure(
                .error(
                    .outputWriteFailed, Message(.diagnosticsFileUnwritable, ["path": path], nested: ["why": why]),
                    at: SourceLocation(path: path)))
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return .success(DiagnosticFile(handle: FileHandle(fileDescriptor: fd, closeOnDealloc: true), path: path))
    }

    private init(handle: FileHandle, path: String) {
        self.handle = handle
        self.path = path
        buffer.reserveCapacity(1 << 16)
    }

    /// The stream that loaders send diagnostics to.
    var stream: DiagnosticStream { DiagnosticStream { [self] in self.write($0, language: $1) } }

    /// Where the evaluation's work items send every diagnostic, written by `writeSpooled()`.
    let spool = DiagnosticSpool()

    /// Appends one diagnostic, its message in `language`.
    func write(_ d: Diagnostic, language: Language) {
        write(bytes: Array(DiagnosticLines.line(d, language: language).utf8))
    }

    /// Appends every diagnostic the evaluation's work items found, in item order.
    func writeSpooled() {
        spool.drain { write(bytes: $0) }
        if failure == nil, let why = spool.failure { failure = why }
    }

    private func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes what is buffered; the first failure is kept for `close`.
    private func flush() {
        guard !buffer.isEmpty, failure == nil else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            failure = .reason(of: error)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes the rest and closes; a diagnostic if any write failed.
    func close() -> Diagnostic? {
        flush()
        try? handle.close()
        return failure.map { why in
            .error(
                .outputWriteFailed, Message(.diagnosticsFileWriteFailed, ["path": path], nested: ["why": why]),
                at: SourceLocation(path: path))
        }
    }
}
