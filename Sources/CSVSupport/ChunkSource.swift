#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hands out a file's (or an array's) bytes in chunks and can seek back, so the reader holds one
/// chunk at a time and can resume after an unterminated quoted field.
final class ChunkSource {
    /// Where the bytes live.
    private enum Storage {
        case memory([UInt8])
        case file(Int32)
    }

    private let storage: Storage
    /// The file offset the next read starts at.
    private(set) var offset = 0
    /// The first read error, if any; reading then behaves as at the end of the file.
    private(set) var readError: CSVFileError?
    /// Sees each byte of the file once, in order, as it is first read (a file digest made while
    /// reading); bytes read again after a seek back are not shown twice.
    var observer: ((UnsafeRawBufferPointer) -> Void)?
    /// How many bytes from the start the observer has seen.
    private var observed = 0

    /// Reads `bytes`.
    init(bytes: [UInt8]) {
        storage = .memory(bytes)
    }

    /// Opens `path` for reading; throws when it cannot be opened or is a directory.
    init(path: String) throws(CSVFileError) {
        // Non-blocking so that opening a named pipe cannot hang; only regular files are read.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .cannotOpen(path: path, errno: errno)
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw .isDirectory(path: path)
        }
        if (info.st_mode & S_IFMT) != S_IFREG {
            close(descriptor)
            throw .notRegularFile(path: path)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        storage = .file(descriptor)
    }

    deinit {
        if case .file(let descriptor) = storage {
            close(descriptor)
        }
    }

    /// Up to `count` next bytes; empty at the end.
    func read(upTo count: Int) -> [UInt8] {
        switch storage {
        case .memory(let bytes):
            let end = min(bytes.count, offset + count)
            guard offset < end else { return [] }
            defer { offset = end }
            if offset == 0 && end == bytes.count { return bytes }
            return Array(bytes[offset..<end])
        case .file(let descriptor):
            guard readError == nil else { return [] }
            let chunk = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                initialized = 0
                while initialized < count, let base = buffer.baseAddress {
                    let got = systemRead(descriptor, base + initialized, count - initialized)
                    if got > 0 {
                        initialized += got
                    } else if got == 0 || errno != EINTR {
                        if got < 0 {
                            readError = .readFailed(errno: errno)
                        }
                        break
                    }
                }
            }
            if let observer, offset <= observed, offset + chunk.count > observed {
                chunk.withUnsafeBytes { observer(UnsafeRawBufferPointer(rebasing: $0[(observed - offset)...])) }
                observed = offset + chunk.count
            }
            offset += chunk.count
            return chunk
        }
    }

    /// Up to `count` bytes from `at`, without moving the next read or showing them to the observer
    /// (the parallel reader reads blocks ahead and shows them itself, in order); empty at the end,
    /// and on a read error, which is then kept as `readError`.
    func readBlock(at start: Int, count: Int) -> [UInt8] {
        switch storage {
        case .memory(let bytes):
            let end = min(bytes.count, start + count)
            return start < end ? Array(bytes[start..<end]) : []
        case .file(let descriptor):
            guard readError == nil else { return [] }
            return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                initialized = 0
                while initialized < count, let base = buffer.baseAddress {
                    let got = pread(descriptor, base + initialized, count - initialized, off_t(start + initialized))
                    if got > 0 {
                        initialized += got
                    } else if got == 0 || errno != EINTR {
                        if got < 0 {
                            readError = .readFailed(errno: errno)
                        }
                        break
                    }
                }
            }
        }
    }

    /// The input's size in bytes (nil when unknown).
    var size: Int? {
        switch storage {
        case .memory(let bytes): return bytes.count
        case .file(let descriptor):
            var info = stat()
            return fstat(descriptor, &info) == 0 ? Int(info.st_size) : nil
        }
    }

    /// How many bytes from the start the observer has seen.
    var observedCount: Int { observed }

    /// Records that the observer was shown the bytes before `offset` by someone else (the parallel
    /// reader), so reading them again after a seek back does not show them twice.
    func markObserved(upTo offset: Int) {
        observed = max(observed, offset)
    }

    /// Moves the next read to `newOffset`; false when the input cannot seek (a pipe).
    func seek(to newOffset: Int) -> Bool {
        switch storage {
        case .memory:
            offset = newOffset
            return true
        case .file(let descriptor):
            guard lseek(descriptor, off_t(newOffset), SEEK_SET) >= 0 else { return false }
            offset = newOffset
            return true
        }
    }
}

/// `read(2)`, named apart from `ChunkSource.read(upTo:)`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.read(descriptor, buffer, count)
    #elseif canImport(Musl)
        return Musl.read(descriptor, buffer, count)
    #else
        return Darwin.read(descriptor, buffer, count)
    #endif
}
