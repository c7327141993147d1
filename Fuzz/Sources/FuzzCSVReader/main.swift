import CSVSupport
import FuzzSupport

/// Reads any bytes as CSV under small limits (so the limit paths are reached): lines only grow, rows
/// respect the column and field limits, the reader always ends, and reading in batches (with its
/// fast path for plain lines) gives exactly the rows `next()` gives.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ data: UnsafeRawPointer?, _ size: Int) -> Int32 {
    let limits = CSVLimits(maxRecordBytes: 4096, maxFieldBytes: 512, maxColumns: 64)
    let reader = CSVReader(bytes: FuzzSupport.bytes(data, size), limits: limits)
    var lastLine = 0
    var steps = 0
    var rows: [CSVRow] = []
    while let row = reader.next() {
        rows.append(row)
        steps += 1
        FuzzSupport.require(steps <= size + 1, "\(steps) rows from \(size) bytes")
        let line: Int
        switch row {
        case .row(let at, let fields):
            line = at
            FuzzSupport.require(fields.count <= limits.maxColumns, "\(fields.count) cells")
            FuzzSupport.require(fields.allSatisfy { $0.utf8.count <= limits.maxFieldBytes }, "a long field")
            FuzzSupport.require(fields.allSatisfy { !$0.utf8.contains(0) }, "a NUL byte in a row")
        case .invalidUTF8(let at, let offset):
            line = at
            FuzzSupport.require(offset >= 0 && offset < size, "byte offset \(offset) of \(size)")
        case .malformed(let at, let column, _):
            line = at
            FuzzSupport.require(column >= 1, "column \(column)")
        }
        FuzzSupport.require(line >= 1 && line >= lastLine, "line \(line) after \(lastLine)")
        lastLine = line
    }
    FuzzSupport.require(reader.bytesRead <= size, "read \(reader.bytesRead) of \(size) bytes")
    FuzzSupport.require(
        CSVReader(bytes: FuzzSupport.bytes(data, size), limits: limits).rowsReadInBatches() == rows,
        "readBatch differs from next()")
    return 0
}
