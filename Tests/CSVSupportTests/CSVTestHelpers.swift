import Foundation

@testable import CSVSupport

/// Every row a reader yields for `bytes` read in chunks of `chunkSize`.
func csvRows(_ bytes: [UInt8], chunkSize: Int? = nil) -> [CSVRow] {
    let reader = chunkSize.map { CSVReader(bytes: bytes, chunkSize: $0) } ?? CSVReader(bytes: bytes)
    var rows: [CSVRow] = []
    while let row = reader.next() {
        rows.append(row)
        if rows.count > 1_000_000 { break }
    }
    return rows
}

/// Every row a reader yields for `text`.
func csvRows(_ text: String, chunkSize: Int? = nil) -> [CSVRow] {
    csvRows(Array(text.utf8), chunkSize: chunkSize)
}

/// A temporary file holding `bytes`, removed by the caller.
func temporaryFile(_ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "/csv-reader-\(UUID().uuidString).csv"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

/// Every row a reader yields for `bytes` through `readBatch`, batch records turned back into rows,
/// so the batch path can be compared with `next()` record for record.
func csvRowsByBatch(_ bytes: [UInt8], chunkSize: Int? = nil, limits: CSVLimits? = nil) -> [CSVRow] {
    let size = chunkSize ?? max(bytes.count, 1)
    let reader = CSVReader(bytes: bytes, chunkSize: size, limits: limits ?? CSVLimits())
    return reader.rowsReadInBatches(limit: 1_000_000)
}

/// Every row `next()` yields under `limits`.
func csvRows(_ bytes: [UInt8], chunkSize: Int, limits: CSVLimits) -> [CSVRow] {
    let reader = CSVReader(bytes: bytes, chunkSize: chunkSize, limits: limits)
    var rows: [CSVRow] = []
    while let row = reader.next() {
        rows.append(row)
        if rows.count > 1_000_000 { break }
    }
    return rows
}
