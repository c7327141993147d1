import ComplianceCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Looks at a path before anything reads it, so a named pipe, a device, a folder or a symbolic-link
/// loop becomes a diagnostic instead of a hang, an endless read or a silent skip.
public enum FileProbe {
    /// What a path turned out to be.
    public enum Kind: Sendable, Equatable {
        /// A regular file (symbolic links followed) of `size` bytes.
        case regular(size: Int)
        /// A folder (symbolic links followed).
        case directory
        /// Nothing there (or a symbolic link to nothing, when `danglingLink` is true).
        case missing(danglingLink: Bool)
        /// Symbolic links that point at each other and never reach a file.
        case symlinkLoop
        /// A named pipe, socket or device: reading it could block for ever or never end.
        case special(String)
        /// `stat` failed for another reason (permissions on a folder on the way, I/O error): its `errno`.
        case unreadable(errno: Int32)
    }

    /// What `path` is, following symbolic links.
    public static func inspect(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ELOOP { return .symlinkLoop }
            if code == ENOENT || code == ENOTDIR {
                var link = stat()
                return .missing(danglingLink: lstat(path, &link) == 0)
            }
            return .unreadable(errno: code)
        }
        return kind(of: info)
    }

    /// Whether `path` itself (not what it points at) is a symbolic link.
    public static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Reads a regular file whole, refusing anything that is not one and stopping one byte past
    /// `maxBytes`, so `/dev/zero` or a file growing under us cannot exhaust memory.
    public static func readRegularFile(_ path: String, maxBytes: Int) -> Result<[UInt8], ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            return .failure(code == ELOOP ? .notAFile(.symlinkLoop) : .cannotRead(errno: code))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.cannotRead(errno: errno)) }
        let found = kind(of: info)
        guard case .regular = found else { return .failure(.notAFile(found)) }
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= maxBytes {
            let got = block.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress, buffer.count)
            }
            if got == 0 { return .success(bytes) }
            if got < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(.cannotRead(errno: errno))
            }
            bytes.append(contentsOf: block[0..<got])
        }
        return .failure(.tooLarge(bytes.count))
    }

    /// Why `readRegularFile` gave up.
    public enum ReadFailure: Error, Sendable, Equatable {
        /// The path is not a regular file.
        case notAFile(Kind)
        /// `open` or `read` failed, with the system's reason (`errno`).
        case cannotRead(errno: Int32)
        /// More than the limit; the count is how far reading went (limit + something).
        case tooLarge(Int)
    }

    /// The entries of a folder (without `.` and `..`), split into names that are UTF-8 and names that
    /// are not (shown with U+FFFD); the system's reason (`errno`) when the folder cannot be listed.
    ///
    /// Foundation's listing would turn a non-UTF-8 name into one that no longer opens the file, and the
    /// file would be skipped without a word; the raw bytes from `readdir` let the caller say so.
    public static func list(_ directory: String) -> Result<(names: [String], invalid: [String]), ReadFailure> {
        guard let stream = opendir(directory) else { return .failure(.cannotRead(errno: errno)) }
        defer { closedir(stream) }
        var names: [String] = []
        var invalid: [String] = []
        while let entry = readdir(stream) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            if let name = String(validating: bytes, as: UTF8.self) {
                names.append(name)
            } else {
                invalid.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        return .success((names, invalid))
    }

    /// Words for a `Kind` that is not a regular file, for messages: "a named pipe" (phrases the
    /// catalogue translates), or an entry that cannot be examined with the system's reason.
    public static func describe(_ kind: Kind) -> Message {
        let phrase: String
        switch kind {
        case .regular: phrase = "a file"
        case .directory: phrase = "a folder"
        case .missing(let dangling): phrase = dangling ? "a symbolic link to nothing" : "missing"
        case .symlinkLoop: phrase = "a loop of symbolic links"
        case .special(let what): phrase = what
        case .unreadable(let code): return Message(.entryCannotBeExamined, nested: ["why": .systemError(code)])
        }
        return Message(.verbatimDetail, ["detail": phrase])
    }

    /// The kind a `stat` result describes.
    private static func kind(of info: stat) -> Kind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular(size: Int(info.st_size))
        case S_IFDIR: return .directory
        case S_IFIFO: return .special("a named pipe")
        case S_IFSOCK: return .special("a socket")
        case S_IFCHR, S_IFBLK: return .special("a device")
        default: return .special("not a regular file")
        }
    }
}
