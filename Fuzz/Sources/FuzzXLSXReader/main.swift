import ComplianceCore
import FuzzSupport
import Ingest
@_spi(Fuzzing) import XLSXSupport

/// Feeds any bytes to the workbook reader through the whole log pipeline (SPEC §10.7).
///
/// The first byte picks the mode: even, the rest is the whole `.xlsx` file (the ZIP directory,
/// inflating, the package parts; seeds are real workbooks); odd, the rest is split at the first NUL
/// into a sheet part and a shared strings part, wrapped into a valid workbook (the XML scanner and
/// the sheet reader). Either way: no crash or hang, read = accepted + rejected, one error per
/// rejection or file error, accepted ids unique.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXReader(_ data: UnsafeRawPointer?, _ size: Int) -> Int32 {
    guard let registry = FuzzSupport.registry, let zone = FuzzSupport.zone else {
        FuzzSupport.require(false, "the fixed units or the time zone did not load")
        return 0
    }
    let input = FuzzSupport.bytes(data, size)
    guard let mode = input.first else { return 0 }
    let rest = Array(input.dropFirst())
    let file: [UInt8]
    if mode & 1 == 0 {
        file = rest
    } else {
        let split = rest.firstIndex(of: 0) ?? rest.count
        let strings = split < rest.count ? Array(rest[(split + 1)...]) : []
        file = StoredZip.workbook(sheet: Array(rest[..<split]), strings: strings)
    }
    let path = FuzzSupport.write(file, named: "log.xlsx")
    let ingestor = LogIngestor(registry: registry, vocabulary: nil, zone: zone, asOf: Day(ordinal: 20_000))
    let result = ingestor.ingest(files: [(path: path, display: "log.xlsx")])
    FuzzSupport.require(result.files.count == 1, "\(result.files.count) file entries")
    for stats in result.files {
        FuzzSupport.require(stats.read == stats.accepted + stats.rejected, "read \(stats.read) ≠ accepted + rejected")
        FuzzSupport.require(!stats.fileError || stats.read == 0, "a file error with \(stats.read) records read")
    }
    let errors = result.diagnostics.filter { $0.level == .error }
    let rejected = result.files.reduce(0) { $0 + $1.rejected + ($1.fileError ? 1 : 0) }
    FuzzSupport.require(errors.count == rejected, "\(errors.count) errors for \(rejected) rejections")
    let ids = (0..<result.events.count).map { result.events.id($0) }
    FuzzSupport.require(Set(ids).count == ids.count, "an id accepted twice")
    return 0
}
