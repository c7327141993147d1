import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a file's contents all at once: the bytes go to a temporary file beside it, which is
/// flushed to disk and then renamed over the target, so a reader (or a crash) sees the old report or
/// the new one, never half of one.
///
/// Written by hand rather than with `Data.write(to:options: .atomic)`: on Linux that call corrupted
/// reports over 2 GiB (a national audit listing millions of findings writes 3–4 GB). A `write(2)`
/// moves at most 2 GiB − 4 KiB per call, and the bytes after the first partial write came out as
/// the report's beginning again. Here every partial write is followed from where it stopped.
enum AtomicFile {
    /// Why a write failed.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes `bytes` to `path`, replacing it atomically.
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary =
            directory + "/." + url.lastPathComponent + ".dvcheck-\(getpid())-\(UInt32.random(in: .min ... .max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw failure("writing failed") }
        var written = 0
        while written < bytes.count {
            let n = writeSome(fd, bytes.baseAddress.map { $0 + written }, bytes.count - written)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let error = failure("writing failed")
                close(fd)
                unlink(temporary)
                throw error
            }
            written += n
        }
        let flushed = fsync(fd) == 0
        let error = failure("flushing to disk failed")
        guard close(fd) == 0, flushed else {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = failure("replacing the old file failed")
            unlink(temporary)
            throw error
        }
    }

    /// `write(2)` (the name is taken by `write(_:to:)` here).
    private static func writeSome(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(fd, buffer, count)
        #else
            Darwin.write(fd, buffer, count)
        #endif
    }

    private static func failure(_ what: String) -> Failure {
        Failure(description: "\(what): \(String(cString: strerror(errno)))")
    }
}
