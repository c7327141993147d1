import Foundation

/// Whether large CSV and JSON Lines logs are parsed in parallel blocks (the default).
///
/// `DVCHECK_SEQUENTIAL_LOGS=1` reads them sequentially, as before the blocks existed, so the
/// benchmark can time both readings with one binary in the same run (`Benchmarks/run.py --before`).
/// Both give the same output; only the time differs.
enum LogBlocks {
    static let enabled = ProcessInfo.processInfo.environment["DVCHECK_SEQUENTIAL_LOGS"] == nil
}
