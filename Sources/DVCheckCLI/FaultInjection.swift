import Foundation

/// Test hooks for crash and interruption safety, each switched on by an environment variable.
enum FaultInjection {
    /// With `DVCHECK_TEST_KILL_IN_HISTORY_WRITE=1` the process kills itself (SIGKILL) inside the
    /// history transaction, after every row is written and before the commit — as a power cut or
    /// `kill -9` would — so a test can check the file is intact.
    static func killInsideHistoryWrite() {
        guard ProcessInfo.processInfo.environment["DVCHECK_TEST_KILL_IN_HISTORY_WRITE"] == "1" else { return }
        kill(getpid(), SIGKILL)
    }

    /// With `DVCHECK_TEST_TERM_IN_HISTORY_WRITE=1` the process sends itself SIGTERM inside the history
    /// transaction, after every row is written, and gives the signal a second to arrive: the run must
    /// then undo the transaction and exit 2.
    static func terminateInsideHistoryWrite() {
        guard ProcessInfo.processInfo.environment["DVCHECK_TEST_TERM_IN_HISTORY_WRITE"] == "1" else { return }
        kill(getpid(), SIGTERM)
        sleep(1)
    }

    /// With `DVCHECK_TEST_PAUSE_IN_OUTPUT_WRITE=1` the writer waits (up to a minute) after the report's
    /// temporary file is written and before it replaces the report, so a test can interrupt it there.
    static func pauseInsideOutputWrite() {
        guard ProcessInfo.processInfo.environment["DVCHECK_TEST_PAUSE_IN_OUTPUT_WRITE"] == "1" else { return }
        sleep(60)
    }
}
