/// Well-formed CSV records held in one byte arena, so a reader can hand on a thousand records with a
/// few allocations instead of a `String` per cell.
///
/// Ten million log records make some eighty million cells; building and hashing a string for each
/// was most of the time spent reading a log.
public struct CSVBatch: Sendable {
    /// The records' unescaped cells, each followed by one separator byte (so that a plain record can
    /// be copied as it stands in the file, commas and line end included).
    public private(set) var bytes: [UInt8] = []
    /// Where each cell ends in `bytes` (it starts one byte after the previous cell's end).
    public private(set) var cellEnds: [Int32] = []
    /// Per record: where its cells end in `cellEnds`.
    public private(set) var recordEnds: [Int32] = []
    /// Per record: the 1-based physical line it starts on.
    public private(set) var lines: [Int] = []
    /// Where each cell starts, for the records the full parser read (quoted ones, possibly over
    /// several lines), by record index; a plain record's cells are found from its bytes.
    private var positions: [Int: [CSVCellPosition]] = [:]

    /// An empty batch.
    public init() {}

    /// The number of records.
    public var count: Int { lines.count }

    /// Whether the batch should be handed on: enough records, or enough bytes that offsets stay far
    /// from `Int32.max` even when the next record is as long as the reader allows.
    public var isFull: Bool { lines.count >= 1024 || bytes.count >= 1 << 22 }

    /// The range of record `r`'s cells in `cellEnds`.
    @inlinable @inline(__always)
    public func cellRange(_ r: Int) -> Range<Int> {
        (r == 0 ? 0 : Int(recordEnds[r - 1]))..<Int(recordEnds[r])
    }

    /// Where cell `c` starts in `bytes`.
    @inlinable @inline(__always)
    public func cellStart(_ c: Int) -> Int { c == 0 ? 0 : Int(cellEnds[c - 1]) + 1 }

    /// Record `r`'s cells as strings (tests and fuzzing compare batches with `next()`'s rows).
    public func fields(of r: Int) -> [String] {
        cellRange(r).map { c in String(decoding: bytes[cellStart(c)..<Int(cellEnds[c])], as: UTF8.self) }
    }

    /// Where cell `k` (0-based) of record `r` starts: its physical line and character column.
    public func position(record r: Int, cell k: Int) -> CSVCellPosition {
        if let cells = positions[r], k < cells.count { return cells[k] }
        // A plain record is its line as it stands: the column counts the characters before the cell.
        let first = cellStart(cellRange(r).lowerBound)
        let start = cellStart(cellRange(r).lowerBound + k)
        let column = bytes.withUnsafeBufferPointer {
            1 + UTF8Check.characterCount(UnsafeBufferPointer(rebasing: $0[first..<start]))
        }
        return CSVCellPosition(line: lines[r], column: column)
    }

    /// Record `r`'s cell count.
    public func cellCount(_ r: Int) -> Int { cellRange(r).count }

    /// Appends a record given as its unescaped bytes and where each cell ends in them (from 0).
    public mutating func append(
        record: UnsafeBufferPointer<UInt8>, cellEnds ends: [Int], line: Int, positions cells: [CSVCellPosition] = []
    ) {
        if !cells.isEmpty { positions[lines.count] = cells }
        var start = 0
        for end in ends {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: record[start..<end]))
            cellEnds.append(Int32(truncatingIfNeeded: bytes.count))
            bytes.append(Self.separator)
            start = end
        }
        recordEnds.append(Int32(truncatingIfNeeded: cellEnds.count))
        lines.append(line)
    }

    /// Appends record `r` of another batch.
    public mutating func append(record r: Int, of other: CSVBatch) {
        if let cells = other.positions[r] { positions[lines.count] = cells }
        other.bytes.withUnsafeBufferPointer { b in
            for c in other.cellRange(r) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[other.cellStart(c)..<Int(other.cellEnds[c])]))
                cellEnds.append(Int32(truncatingIfNeeded: bytes.count))
                bytes.append(Self.separator)
            }
        }
        recordEnds.append(Int32(truncatingIfNeeded: cellEnds.count))
        lines.append(other.lines[r])
    }

    /// Appends a plain record (no quotes, nothing to unescape) as it stands in the file: `line` holds
    /// the record and the byte that ended it (LF or the CR of CRLF), and `commas` the offsets of its
    /// separating commas in `line`.
    ///
    /// The reader's fast path: one copy per record.
    mutating func appendPlain(line text: UnsafeBufferPointer<UInt8>, commas: UnsafeBufferPointer<Int32>, line: Int) {
        let base = Int32(truncatingIfNeeded: bytes.count)
        bytes.append(contentsOf: text)
        for comma in commas { cellEnds.append(base + comma) }
        cellEnds.append(base + Int32(truncatingIfNeeded: text.count - 1))
        recordEnds.append(Int32(truncatingIfNeeded: cellEnds.count))
        lines.append(line)
    }

    /// Adds `shift` to every line (a block parsed on its own counted its lines from 1).
    mutating func shiftLines(by shift: Int) {
        guard shift != 0 else { return }
        for r in lines.indices { lines[r] += shift }
        for (r, cells) in positions {
            positions[r] = cells.map { CSVCellPosition(line: $0.line + shift, column: $0.column) }
        }
    }

    /// The byte written after a cell that did not come with one.
    private static let separator = UInt8(ascii: ",")

}

extension CSVReader {
    /// Every row `readBatch` gives from here on, batch records turned back into rows, at most about
    /// `limit`: tests and the fuzz target compare the batch path with `next()` row for row.
    public func rowsReadInBatches(limit: Int = .max) -> [CSVRow] {
        var rows: [CSVRow] = []
        while rows.count <= limit {
            var batch = CSVBatch()
            let stop = readBatch(into: &batch)
            for r in 0..<batch.count { rows.append(.row(line: batch.lines[r], fields: batch.fields(of: r))) }
            switch stop {
            case .full: continue
            case .skipped(let row): rows.append(row)
            case .end: return rows
            }
        }
        return rows
    }
}

/// Where a CSV cell starts: its physical line and 1-based character column.
public struct CSVCellPosition: Sendable, Equatable {
    /// The 1-based line (for a record over several lines, the line the cell is on).
    public let line: Int
    /// The 1-based column in characters (a quoted cell: its opening quote).
    public let column: Int

    /// A position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
