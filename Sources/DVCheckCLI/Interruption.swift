import Dispatch
import Foundation

/// What an interrupted run (SIGINT, SIGTERM, SIGHUP) does: remove the temporary report files it
/// made, say so on standard error and exit 2 (SPEC §10.0), so the old report stays intact and the
/// caller can tell the run did not finish.
///
/// The signals are taken by dispatch sources, not handlers: the cleanup then runs on an ordinary
/// thread and can take the lock that the writer holds while it creates, renames or removes a
/// temporary file — so no file can appear between the cleanup and the exit. A section that must not
/// be cut in two (the history's commit) defers the exit to its end.
enum Interruption {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var temporaryFiles: Set<String> = []
    nonisolated(unsafe) private static var deferring = 0
    nonisolated(unsafe) private static var pendingSignal: Int32?
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Takes over SIGINT, SIGTERM and SIGHUP for the rest of the process.
    static func install() {
        // A closed standard output is a write error (exit 2), not a death by SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let queue = DispatchQueue(label: "dvcheck.interruption")
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { interrupted(by: signalNumber) }
            source.resume()
            sources.append(source)
        }
    }

    /// Runs `create` (which makes the temporary file `path`) and remembers the file, both before
    /// any interruption can clean up: a signal then always finds the file in the list.
    static func creatingTemporaryFile<T>(_ path: String, _ create: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        temporaryFiles.insert(path)
        return try create()
    }

    /// Runs `finish` (which renames or removes the temporary file `path`) and forgets the file, in
    /// one step that an interruption cannot split.
    static func finishingTemporaryFile<T>(_ path: String, _ finish: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        defer { temporaryFiles.remove(path) }
        return try finish()
    }

    /// Starts a section that a signal does not cut: the exit waits for `releaseSignals()`.
    static func holdSignals() {
        lock.lock()
        deferring += 1
        lock.unlock()
    }

    /// Ends a `holdSignals()` section; exits now if a signal arrived during it.
    static func releaseSignals() {
        lock.lock()
        deferring -= 1
        let signal = deferring == 0 ? pendingSignal : nil
        lock.unlock()
        if let signal { interrupted(by: signal) }
    }

    /// Whether a signal arrived during a `holdSignals()` section (its commit should then be undone).
    static var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return pendingSignal != nil
    }

    private static func interrupted(by signalNumber: Int32) {
        lock.lock()
        guard deferring == 0 else {
            pendingSignal = signalNumber
            lock.unlock()
            return
        }
        // The lock is kept until the process ends: no temporary file can be made after this point.
        for path in temporaryFiles { unlink(path) }
        let name = signalNumber == SIGINT ? "SIGINT" : signalNumber == SIGTERM ? "SIGTERM" : "SIGHUP"
        let message = "dvcheck: interrupted (\(name)); the run did not finish and no report was replaced\n"
        _ = message.withCString { write(2, $0, strlen($0)) }
        _exit(2)
    }
}
