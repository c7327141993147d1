import Foundation

/// A test hook for the history's crash safety: with `DVCHECK_TEST_KILL_IN_HISTORY_WRITE=1` the
/// process kills itself (SIGKILL) inside the history transaction, after every row is written and
/// before the commit — as a power cut or `kill -9` would — so a test can check the file is intact.
enum FaultInjection {
    /// Kills the process when the variable asks for it; otherwise does nothing.
    static func killInsideHistoryWrite() {
        guard ProcessInfo.processInfo.environment["DVCHECK_TEST_KILL_IN_HISTORY_WRITE"] == "1" else { return }
        kill(getpid(), SIGKILL)
    }
}
