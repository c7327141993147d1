import Dispatch
import Foundation

/// Times the phases of a `check` run, shows a live progress line on a terminal, and prints the
/// `--stats` summary (time per phase, events per second, peak memory).
///
/// The progress line goes to standard error only when it is a terminal, `--quiet` is not given
/// and the `CI` variable is unset, so it never lands in CI logs or redirected output.
final class RunMonitor: @unchecked Sendable {
    private let lock = NSLock()
    private let live: Bool
    private let start = DispatchTime.now()
    private var phaseStart = DispatchTime.now()
    private var current = ""
    private var detail = ""
    private var timings: [(String, Double)] = []
    private var timer: DispatchSourceTimer?
    private var drawing: Bool

    /// A monitor; `progress` says whether the live line is wanted.
    init(progress: Bool) {
        live = progress
        drawing = progress
        if live {
            let t = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
            t.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(250))
            t.setEventHandler { [weak self] in self?.draw() }
            t.resume()
            timer = t
        }
    }

    /// Whether a live progress line is wanted: a terminal on stderr, no `--quiet`, not in CI.
    static func progressWanted(quiet: Bool) -> Bool {
        !quiet && isatty(2) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Ends the running phase (if any) and starts `name`; `detail` is what the line shows.
    func begin(_ name: String, detail: String = "") {
        lock.lock()
        closePhase()
        current = name
        self.detail = detail
        phaseStart = DispatchTime.now()
        lock.unlock()
        draw()
    }

    /// Changes the text shown for the running phase (files read, rules done…).
    func update(_ detail: String) {
        lock.lock()
        self.detail = detail
        lock.unlock()
        draw()
    }

    /// Stops and clears the progress line (before diagnostics or the report reach the terminal);
    /// phases are still timed.
    func stopLine() {
        lock.lock()
        let wasDrawing = drawing
        drawing = false
        timer?.cancel()
        timer = nil
        lock.unlock()
        if wasDrawing { Terminal.writeError("\r\u{1B}[K") }
    }

    /// Ends the last phase and clears the progress line.
    func finish() {
        stopLine()
        lock.lock()
        closePhase()
        current = ""
        lock.unlock()
    }

    private func closePhase() {
        guard !current.isEmpty else { return }
        timings.append((current, seconds(since: phaseStart)))
    }

    private func seconds(since t: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - t.uptimeNanoseconds) / 1e9
    }

    private func draw() {
        lock.lock()
        guard drawing else {
            lock.unlock()
            return
        }
        let text =
            current.isEmpty ? "" : "dvcheck: \(current)… \(detail) [\(String(format: "%.1f", seconds(since: start)))s]"
        lock.unlock()
        guard !text.isEmpty else { return }
        Terminal.writeError("\r\u{1B}[K" + text)
    }

    /// The `--stats` summary: each phase's time, events per second while loading, peak memory.
    func statistics(events: Int, records: Int, logFiles: Int, rules: Int) -> String {
        lock.lock()
        let list = timings
        lock.unlock()
        var out = "dvcheck stats:\n"
        for (name, t) in list {
            var note = ""
            if name == Phase.load {
                let rate = t > 0 ? Int(Double(records) / t) : records
                note = "  \(logFiles) log files, \(records) records read, \(events) events accepted (\(rate) records/s)"
            } else if name == Phase.evaluate {
                let rate = t > 0 ? Int(Double(events) / t) : events
                note = "  \(rules) rules (\(rate) events/s)"
            }
            out +=
                "  " + name.padding(toLength: 10, withPad: " ", startingAt: 0) + format(t).leftPad(8) + " s" + note
                + "\n"
        }
        out +=
            "  " + "total".padding(toLength: 10, withPad: " ", startingAt: 0) + format(seconds(since: start)).leftPad(8)
        out += " s\n"
        out += "  peak memory " + String(format: "%.1f", Double(Self.peakMemoryKiB()) / 1024) + " MiB\n"
        return out
    }

    private func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

    /// The process's peak resident set (KiB, from getrusage).
    static func peakMemoryKiB() -> Int {
        var usage = rusage()
        #if os(Linux)
            guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
            return Int(usage.ru_maxrss)
        #else
            guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
            return Int(usage.ru_maxrss) / 1024
        #endif
    }

    /// Phase names, as `--stats` prints them.
    enum Phase {
        static let load = "load"
        static let evaluate = "evaluate"
        static let compare = "compare"
        static let render = "render"
        static let write = "write"
        static let history = "history"
    }
}

extension String {
    /// Right-aligns in `width` columns.
    fileprivate func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
