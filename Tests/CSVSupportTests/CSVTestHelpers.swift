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
