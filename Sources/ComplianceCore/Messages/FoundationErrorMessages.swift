import Foundation

/// An error whose words are the catalogue's, so that it is written in the run's language when shown.
public protocol MessageError: Error {
    /// What went wrong.
    var message: Message { get }
}

extension Message {
    /// Why a Foundation call (or anything else that threw `error`) failed, in the catalogue's words:
    /// the system's reason (`errno`) where the error carries or implies one, else the error's own text
    /// quoted as data.
    public static func reason(of error: any Error) -> Message {
        if let error = error as? any MessageError { return error.message }
        if let code = SystemErrors.code(of: error) { return .systemError(code) }
        return Message(.systemErrorUnexpected, ["text": "\(error)"])
    }
}

extension SystemErrors {
    /// The `errno` behind a Foundation error: a POSIX error itself, the one underlying a Cocoa error,
    /// or the one a Cocoa file error stands for; nil when there is none.
    static func code(of error: any Error, depth: Int = 0) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        // On Linux the underlying error is kept as a Swift error, not bridged to NSError.
        if depth < 4, let underlying = ns.userInfo[NSUnderlyingErrorKey] as? any Error,
            let code = code(of: underlying, depth: depth + 1)
        {
            return code
        }
        guard ns.domain == NSCocoaErrorDomain else { return nil }
        return cocoaFileErrors[CocoaError.Code(rawValue: ns.code)]
    }

    /// Cocoa's file error codes that name one system reason.
    private static let cocoaFileErrors: [CocoaError.Code: Int32] = [
        .fileNoSuchFile: ENOENT, .fileReadNoSuchFile: ENOENT, .fileReadNoPermission: EACCES,
        .fileWriteNoPermission: EACCES, .fileWriteFileExists: EEXIST, .fileWriteOutOfSpace: ENOSPC,
        .fileWriteVolumeReadOnly: EROFS, .fileReadTooLarge: EFBIG,
    ]
}
