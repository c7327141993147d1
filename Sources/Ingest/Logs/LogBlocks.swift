import Foundation

/// How large CSV and JSON Lines logs are read: the rest of a file after its header (CSV) or first
/// line (JSON Lines) in blocks parsed in parallel (the default), or sequentially.
///
/// `DVCHECK_SEQUENTIAL_LOGS=1` reads them sequentially, as before the blocks existed, so the
/// benchmark can time both readings with one binary in the same run (`Benchmarks/run.py --before`).
/// Both give the same output; only the time differs (tests compare them with tiny blocks).
struct LogBlocks: Sendable {
    /// Whether blocks are used at all.
    var enabled: Bool
    /// The size of a block (it is cut after its last line feed).
    var blockBytes = 1 << 20
    /// How much of a file must be left for blocks to be used (below it, starting the threads costs
    /// more than it saves).
    var minimumBytes = 4 << 20

    /// The reading a run uses.
    static let standard = LogBlocks(enabled: ProcessInfo.processInfo.environment["DVCHECK_SEQUENTIAL_LOGS"] == nil)
}
