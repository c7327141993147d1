/// Why `CSVReader.readBatch` stopped.
public enum CSVBatchStop: Sendable, Equatable {
    /// The batch is full; more records may follow.
    case full
    /// The next record is skipped (malformed or not UTF-8); the batch holds the records before it.
    case skipped(CSVRow)
    /// The input is exhausted.
    case end
}

/// Reading many records at a time, with a fast path for the plain records that make up almost every
/// log: no quotes, the whole line already in the chunk.
extension CSVParser {
    /// See `CSVReader.readBatch`.
    mutating func readBatch(into batch: inout CSVBatch) -> CSVBatchStop {
        while !batch.isFull {
            guard skipToRecord() else { return .end }
            if appendPlainRecord(to: &batch) { continue }
            switch readRecord() {
            case .complete(let line):
                record.withUnsafeBufferPointer {
                    batch.append(record: $0, cellEnds: fieldEnds, line: line, positions: fieldPositions)
                }
            case .skipped(let row):
                return .skipped(row)
            }
        }
        return .full
    }

    /// Appends the record at `pos` to `batch` when it is plain — its line is in the chunk, it holds
    /// no quote, NUL or lone CR, is valid UTF-8, has at least two and at most 64 cells and is within
    /// the limits — and moves past it; false (nothing consumed) when the full parser must read it.
    ///
    /// A plain record's cells are its bytes between commas, so the line is copied as it stands.
    private mutating func appendPlainRecord(to batch: inout CSVBatch) -> Bool {
        let start = pos
        let maxFieldBytes = maxFieldBytes
        let maxCells = min(maxColumns, 64)
        let line = line
        let end: Int? = chunk.withUnsafeBufferPointer { buffer -> Int? in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 64) { commas -> Int? in
                let count = buffer.count
                var i = start
                var cells = 1
                var fieldStart = start
                var nonASCII = false
                while i < count {
                    let byte = buffer[i]
                    if byte > ASCII.comma {
                        if byte >= 0x80 { nonASCII = true }
                        i += 1
                        continue
                    }
                    if byte == ASCII.comma {
                        guard cells < maxCells, i - fieldStart <= maxFieldBytes else { return nil }
                        commas[cells - 1] = Int32(truncatingIfNeeded: i - start)
                        cells += 1
                        fieldStart = i + 1
                    } else if byte == ASCII.lf {
                        break
                    } else if byte == ASCII.cr {
                        guard i + 1 < count, buffer[i + 1] == ASCII.lf else { return nil }
                        break
                    } else if byte == ASCII.quote || byte == 0 {
                        return nil
                    }
                    i += 1
                }
                guard i < count, cells > 1, i - fieldStart <= maxFieldBytes, i - start <= maxRecordBytes else {
                    return nil
                }
                let text = UnsafeBufferPointer(rebasing: buffer[start..<i])
                if nonASCII && UTF8Check.firstInvalidIndex(in: text) != nil { return nil }
                batch.appendPlain(
                    line: UnsafeBufferPointer(rebasing: buffer[start...i]),
                    commas: UnsafeBufferPointer(rebasing: commas[0..<(cells - 1)]), line: line)
                return i
            }
        }
        guard let end else { return false }
        pos = chunk[end] == ASCII.cr ? end + 2 : end + 1
        newLine()
        return true
    }
}
