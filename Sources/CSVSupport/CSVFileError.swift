/// A CSV file that cannot be read at all, as a value the log loader turns into a diagnostic.
public enum CSVFileError: Error, Sendable, Equatable {
    /// `open` failed; `errno` is the system's reason.
    case cannotOpen(path: String, errno: Int32)
    /// The path is a folder.
    case isDirectory(path: String)
    /// The path is a named pipe, socket or device.
    case notRegularFile(path: String)
    /// A read failed part way; `errno` is the system's reason.
    case readFailed(errno: Int32)
}
