import ComplianceCore
import FuzzSupport
@_spi(Fuzzing) import Ingest

/// Ingests any bytes as a JSON Lines log through the real log pipeline: read = accepted + rejected,
/// every rejection has its diagnostic, and accepted ids are unique; and on every line, the fast path
/// reads nothing the full parser would read differently.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafeRawPointer?, _ size: Int) -> Int32 {
    guard let registry = FuzzSupport.registry, let zone = FuzzSupport.zone else {
        FuzzSupport.require(false, "the fixed units or the time zone did not load")
        return 0
    }
    for line in FuzzSupport.bytes(data, size).split(separator: 0x0A, omittingEmptySubsequences: false) {
        if case .disagreement(let why) = JSONLinesFastPathCheck.compare(Array(line)) {
            FuzzSupport.require(false, why)
        }
    }
    let path = FuzzSupport.write(FuzzSupport.bytes(data, size), named: "log.jsonl")
    let ingestor = LogIngestor(registry: registry, vocabulary: nil, zone: zone, asOf: Day(ordinal: 20_000))
    let result = ingestor.ingest(files: [(path: path, display: "log.jsonl")])
    FuzzSupport.require(result.files.count == 1, "\(result.files.count) file entries")
    for stats in result.files {
        FuzzSupport.require(stats.read == stats.accepted + stats.rejected, "read \(stats.read) ≠ accepted + rejected")
        FuzzSupport.require(stats.ignored <= stats.accepted, "ignored \(stats.ignored) > accepted")
    }
    let errors = result.diagnostics.filter { $0.level == .error }
    let rejected = result.files.reduce(0) { $0 + $1.rejected + ($1.fileError ? 1 : 0) }
    FuzzSupport.require(errors.count == rejected, "\(errors.count) errors for \(rejected) rejections")
    let ids = (0..<result.events.count).map { result.events.id($0) }
    FuzzSupport.require(Set(ids).count == ids.count, "an id accepted twice")
    return 0
}
