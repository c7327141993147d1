import ComplianceCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a report where `--output` says, without ever clobbering what is there by accident.
///
/// - A regular file (or a missing path) is replaced all at once: the bytes go to a temporary file
///   beside it, which is flushed to disk, given the old file's permission bits (and owner and group
///   where the process may) and then renamed over it, so a reader (or a crash) sees the old report
///   or the new one, never half of one.
/// - A symbolic link is followed: the file it points at is replaced that way (the link stays a link).
/// - A character device (`/dev/null`, a terminal) or a named pipe with a reader is written into,
///   never replaced; a pipe nobody reads, a socket, a block device or a folder is refused.
///
/// Written by hand rather than with `Data.write(to:options: .atomic)`: on Linux that call corrupted
/// reports over 2 GiB (a national audit listing millions of findings writes 3–4 GB). A `write(2)`
/// moves at most 2 GiB − 4 KiB per call, and the bytes after the first partial write came out as
/// the report's beginning again. Here every partial write is followed from where it stopped.
enum AtomicFile {
    /// Why a write failed, in the catalogue's words (written in the run's language).
    struct Failure: MessageError, CustomStringConvertible {
        let message: Message
        init(_ key: MessageKey) { message = Message(key) }
        init(_ message: Message) { self.message = message }
        var description: String { message.english }
    }

    /// Writes `bytes` to `path`: into it when it is a device or a named pipe, else replacing it atomically.
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        try write(to: path) { emit in try emit(bytes) }
    }

    /// Writes what `produce` hands its `emit` to `path`, as it comes: into it when it is a device or
    /// a named pipe, else into the temporary file that replaces it once `produce` has returned (when
    /// it throws, the temporary file is removed and `path` is left as it was).
    static func write(
        to path: String, producing produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            guard errno == ENOENT else { throw failure(.outputCannotInspect) }
            try replace(destination(ofMissing: path), with: produce, keeping: nil)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            guard let real = realpath(path, nil) else { throw failure(.outputCannotResolve) }
            defer { free(real) }
            try replace(utf8Path(UnsafeBufferPointer(start: real, count: strlen(real))), with: produce, keeping: info)
        case S_IFCHR: try writeInto(path, produce, pipe: false)
        case S_IFIFO: try writeInto(path, produce, pipe: true)
        case S_IFDIR: throw Failure(.outputIsFolder)
        case S_IFSOCK: throw Failure(.outputIsSocket)
        default: throw Failure(.outputIsSpecial)
        }
    }

    /// Where a missing path's report is created: a dangling symbolic link creates the file it names.
    private static func destination(ofMissing path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { throw failure(.outputCannotReadLink) }
            let target = try buffer.withUnsafeBufferPointer { try utf8Path(UnsafeBufferPointer(rebasing: $0[0..<n])) }
            let folder = (current as NSString).deletingLastPathComponent
            current = target.hasPrefix("/") || folder.isEmpty ? target : folder + "/" + target
        }
        throw Failure(.outputLinkLoop)
    }

    /// Replaces the regular file `path` (or creates it) through a temporary file and a rename;
    /// `old` is the replaced file's status, whose mode and ownership the new file keeps.
    private static func replace(
        _ path: String, with produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void, keeping old: stat?
    ) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary =
            directory + "/." + String(url.lastPathComponent.prefix(64))
            + ".dvcheck-\(getpid())-\(UInt32.random(in: .min ... .max)).tmp"
        let fd = Interruption.creatingTemporaryFile(temporary) {
            open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        guard fd >= 0 else {
            let error = failure(.outputWritingFailed)
            Interruption.finishingTemporaryFile(temporary) {}
            throw error
        }
        do {
            if let old {
                // Owner and group where permitted (root, or a group the user is in); the mode after
                // them, since changing the owner clears the set-id bits.
                if fchown(fd, old.st_uid, old.st_gid) != 0 { _ = fchown(fd, uid_t.max, old.st_gid) }
                guard fchmod(fd, old.st_mode & 0o7777) == 0 else { throw failure(.outputKeepingPermissionsFailed) }
            }
            try produce { try writeAll(fd, $0) }
            guard fsync(fd) == 0 else { throw failure(.outputFlushFailed) }
            FaultInjection.pauseInsideOutputWrite()
        } catch {
            close(fd)
            Interruption.finishingTemporaryFile(temporary) { _ = unlink(temporary) }
            throw error
        }
        let error = failure(.outputClosingFailed)
        guard close(fd) == 0 else {
            Interruption.finishingTemporaryFile(temporary) { _ = unlink(temporary) }
            throw error
        }
        try Interruption.finishingTemporaryFile(temporary) {
            guard rename(temporary, path) == 0 else {
                let error = failure(.outputReplacingFailed)
                unlink(temporary)
                throw error
            }
        }
    }

    /// Writes into a character device or a named pipe.
    ///
    /// A pipe is opened without waiting: when no process reads it the report is refused rather than
    /// the run hanging.
    private static func writeInto(
        _ path: String, _ produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void, pipe: Bool
    ) throws {
        let fd = open(path, O_WRONLY | O_CLOEXEC | (pipe ? O_NONBLOCK : 0))
        guard fd >= 0 else {
            if pipe && errno == ENXIO { throw Failure(.outputPipeNoReader) }
            throw failure(.outputOpeningFailed)
        }
        defer { close(fd) }
        if pipe { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) }
        try produce { try writeAll(fd, $0) }
    }

    /// Writes every byte, following partial writes from where they stopped.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws {
        var written = 0
        while written < bytes.count {
            let n = writeSome(fd, bytes.baseAddress.map { $0 + written }, bytes.count - written)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw failure(.outputWritingFailed) }
            written += n
        }
    }

    /// A path the file system gave back (a link's target, a resolved path) as text; one that is not
    /// UTF-8 is refused, since its text form would name a look-alike file.
    private static func utf8Path(_ bytes: UnsafeBufferPointer<CChar>) throws -> String {
        guard let text = String(validating: bytes.map { UInt8(bitPattern: $0) }, as: UTF8.self) else {
            throw Failure(.outputTargetNotUTF8)
        }
        return text
    }

    /// `write(2)` (the name is taken by `write(_:to:)` here).
    private static func writeSome(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(fd, buffer, count)
        #else
            Darwin.write(fd, buffer, count)
        #endif
    }

    /// The failure of step `what`, with the system's reason (`errno`).
    private static func failure(_ what: MessageKey) -> Failure {
        Failure(Message(.outputStepFailed, nested: ["what": Message(what), "why": .systemError(errno)]))
    }
}
