#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system's reasons (`errno`) for a file that cannot be opened, read or written, in the report's
/// language: the common ones from the catalogue (English as the C library writes them), any other as
/// the system's text with its `errno` name.
extension Message {
    /// Why the system refused, for `errno` value `code`.
    public static func systemError(_ code: Int32) -> Message {
        if let key = SystemErrors.keys[code] { return Message(key) }
        return Message(
            .systemErrorOther, ["text": String(cString: strerror(code)), "name": SystemErrors.name(of: code)])
    }
}

/// The `errno` values the catalogue writes, and the names of the others.
enum SystemErrors {
    /// `errno` → its catalogue entry.
    static let keys: [Int32: MessageKey] = [
        ENOENT: .systemNoSuchFile, EACCES: .systemPermissionDenied, EPERM: .systemNotPermitted,
        EISDIR: .systemIsDirectory, ENOTDIR: .systemNotDirectory, ELOOP: .systemSymlinkLoop,
        ENAMETOOLONG: .systemNameTooLong, EMFILE: .systemTooManyOpenFiles, ENFILE: .systemTooManyOpenFilesInSystem,
        ENOSPC: .systemNoSpace, EDQUOT: .systemQuotaExceeded, EROFS: .systemReadOnly, EIO: .systemIOError,
        EEXIST: .systemFileExists, ENXIO: .systemNoDeviceOrAddress, EBUSY: .systemBusy, ETXTBSY: .systemTextFileBusy,
        EFBIG: .systemFileTooLarge, ENOMEM: .systemOutOfMemory, EINVAL: .systemInvalidArgument,
        EAGAIN: .systemTryAgain, EINTR: .systemInterrupted, ENODEV: .systemNoDevice, EPIPE: .systemBrokenPipe,
        ESTALE: .systemStaleHandle, EXDEV: .systemCrossDevice, EBADF: .systemBadDescriptor,
        EOVERFLOW: .systemOverflow, ENOTEMPTY: .systemDirectoryNotEmpty,
    ]

    /// Names of further `errno` values a file operation may meet.
    private static let names: [Int32: String] = [
        ESRCH: "ESRCH", E2BIG: "E2BIG", ENOEXEC: "ENOEXEC", ECHILD: "ECHILD", EFAULT: "EFAULT",
        ENOTBLK: "ENOTBLK", ENOTTY: "ENOTTY", ESPIPE: "ESPIPE", EMLINK: "EMLINK", EDOM: "EDOM", ERANGE: "ERANGE",
        EDEADLK: "EDEADLK", ENOLCK: "ENOLCK", ENOSYS: "ENOSYS", ETIMEDOUT: "ETIMEDOUT", ECONNREFUSED: "ECONNREFUSED",
        ECONNRESET: "ECONNRESET", EHOSTUNREACH: "EHOSTUNREACH", ENOTSUP: "ENOTSUP", ECANCELED: "ECANCELED",
        EILSEQ: "EILSEQ", ENOLINK: "ENOLINK", EREMOTE: "EREMOTE",
    ]

    /// `code`'s symbolic name, such as `ESPIPE`, or `errno N` for one without a name here.
    static func name(of code: Int32) -> String { names[code] ?? "errno \(code)" }
}
