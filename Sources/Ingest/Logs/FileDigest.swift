import ComplianceCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A log file's SHA-256, fed by its reader with each byte as it is first read, so a log of
/// gigabytes is read once (SPEC §10.5).
///
/// Fed on the reading thread and finished on the ingesting thread after the reader is done.
final class FileDigest: @unchecked Sendable {
    private var stream = SHA256.Stream()

    /// Bytes the reader read next.
    func update(_ bytes: UnsafeRawBufferPointer) { stream.update(bytes) }

    /// The hex digest of the whole file; nil when it cannot be opened.
    ///
    /// A reader stopped by a file error (a YAML syntax error) left the rest unread, and that rest
    /// is read here, once.
    func finish(path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return stream.byteCount > 0 ? stream.hex() : nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        if Int(info.st_size) > stream.byteCount, lseek(descriptor, off_t(stream.byteCount), SEEK_SET) >= 0 {
            var block = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                block.withUnsafeBytes { stream.update(UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
            }
        }
        return stream.hex()
    }
}
