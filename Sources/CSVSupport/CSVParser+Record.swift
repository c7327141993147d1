/// Parsing one record: unquoted and quoted fields, and turning the bytes into a row.
extension CSVParser {
    /// How a field ended.
    enum FieldEnd {
        /// A comma: another field follows.
        case comma
        /// A line break or the end of the input: the record is complete.
        case record
        /// The record breaks the format here; the rest of the line is still to be skipped.
        case malformed(line: Int, column: Int, fault: CSVFault)
    }

    /// What reading one record gave.
    enum RecordStep {
        /// A well-formed record, its bytes in `record` and `fieldEnds` until the next read.
        case complete(line: Int)
        /// A record that is skipped, and why.
        case skipped(CSVRow)
    }

    /// Reads the record starting at `pos` (which holds at least one byte).
    mutating func readRecord() -> RecordStep {
        let startLine = line
        recordLine = line
        record.removeAll(keepingCapacity: true)
        fieldEnds.removeAll(keepingCapacity: true)
        fieldStarts.removeAll(keepingCapacity: true)
        fieldQuoted.removeAll(keepingCapacity: true)
        fieldPositions.removeAll(keepingCapacity: true)
        while true {
            fieldBase = record.count
            fieldPositions.append(CSVCellPosition(line: line, column: currentColumn()))
            let quoted = peekByte() == ASCII.quote
            let end: FieldEnd
            if quoted {
                let opening = (offset: chunkStart + pos, line: line, lineStart: lineStart)
                pos += 1
                fieldStarts.append(chunkStart + pos)
                end = readQuoted(opening: opening)
            } else {
                fieldStarts.append(chunkStart + pos)
                end = readUnquoted()
            }
            fieldQuoted.append(quoted)
            fieldEnds.append(record.count)
            switch end {
            case .comma:
                if fieldEnds.count >= maxColumns {
                    skipRestOfLine()
                    return .skipped(
                        .malformed(line: startLine, column: 1, fault: .tooManyCells(limit: maxColumns)))
                }
                continue
            case .record:
                if let skipped = checkRecord(line: startLine) { return .skipped(skipped) }
                return .complete(line: startLine)
            case .malformed(let line, let column, let fault):
                skipRestOfLine()
                return .skipped(.malformed(line: line, column: column, fault: fault))
            }
        }
    }

    /// Reads an unquoted field's bytes up to a comma, a line break or the end.
    private mutating func readUnquoted() -> FieldEnd {
        while true {
            let stop = scan(from: pos, quoted: false)
            append(upTo: stop)
            if record.count > maxRecordBytes {
                return .malformed(
                    line: recordLine, column: 1, fault: .recordTooLong(limit: maxRecordBytes, openQuote: false))
            }
            if record.count - fieldBase > maxFieldBytes {
                return .malformed(
                    line: recordLine, column: 1, fault: .fieldTooLong(limit: maxFieldBytes, openQuote: false))
            }
            if pos == chunk.count {
                guard ensure(1) else { return .record }
                continue
            }
            switch chunk[pos] {
            case ASCII.comma:
                pos += 1
                return .comma
            case ASCII.lf:
                pos += 1
                newLine()
                return .record
            case ASCII.cr:
                guard ensure(2) else {
                    pos += 1
                    return .record
                }
                if chunk[pos + 1] == ASCII.lf {
                    pos += 2
                    newLine()
                    return .record
                }
                record.append(ASCII.cr)
                pos += 1
            default:
                return .malformed(
                    line: line, column: currentColumn(),
                    fault: .quoteInUnquotedField)
            }
        }
    }

    /// Reads a quoted field's content after its opening quote, up to the closing quote and what ends it.
    private mutating func readQuoted(opening: (offset: Int, line: Int, lineStart: Int)) -> FieldEnd {
        while true {
            let stop = scan(from: pos, quoted: true)
            append(upTo: stop)
            if record.count > maxRecordBytes {
                return unterminated(opening: opening, fault: .recordTooLong(limit: maxRecordBytes, openQuote: true))
            }
            if record.count - fieldBase > maxFieldBytes {
                return unterminated(opening: opening, fault: .fieldTooLong(limit: maxFieldBytes, openQuote: true))
            }
            if pos == chunk.count {
                guard ensure(1) else { return unterminated(opening: opening) }
                continue
            }
            if chunk[pos] == ASCII.lf {
                record.append(ASCII.lf)
                pos += 1
                newLine()
                continue
            }
            guard ensure(2) else {
                pos += 1
                return .record
            }
            switch chunk[pos + 1] {
            case ASCII.quote:
                record.append(ASCII.quote)
                pos += 2
            case ASCII.comma:
                pos += 2
                return .comma
            case ASCII.lf:
                pos += 2
                newLine()
                return .record
            case ASCII.cr where !ensure(3):
                pos += 2
                return .record
            case ASCII.cr where chunk[pos + 2] == ASCII.lf:
                pos += 3
                newLine()
                return .record
            default:
                pos += 1
                return .malformed(
                    line: line, column: currentColumn(),
                    fault: .textAfterClosingQuote)
            }
        }
    }

    /// The malformed result for a quoted field still open at the end of the input; reading goes back
    /// to the line of its opening quote so that the records after that line are not lost.
    private mutating func unterminated(
        opening: (offset: Int, line: Int, lineStart: Int),
        fault: CSVFault = .unclosedQuote
    ) -> FieldEnd {
        guard rewind(to: opening.lineStart, line: opening.line) else {
            return .malformed(line: opening.line, column: 1, fault: fault)
        }
        var column = 1
        while chunkStart + pos < opening.offset && ensure(1) {
            let count = min(chunk.count - pos, opening.offset - (chunkStart + pos))
            column += chunk.withUnsafeBufferPointer { buffer in
                UTF8Check.characterCount(UnsafeBufferPointer(rebasing: buffer[pos..<pos + count]))
            }
            pos += count
        }
        return .malformed(line: opening.line, column: column, fault: fault)
    }

    /// The index of the first byte at or after `start` that ends a run of field content: `,` `"` CR LF
    /// outside quotes, `"` LF inside them; `chunk.count` if none.
    @inline(__always)
    private func scan(from start: Int, quoted: Bool) -> Int {
        chunk.withUnsafeBufferPointer { buffer in
            var index = start
            let count = buffer.count
            if quoted {
                while index < count {
                    let byte = buffer[index]
                    if byte == ASCII.quote || byte == ASCII.lf { break }
                    index += 1
                }
            } else {
                while index < count {
                    let byte = buffer[index]
                    if byte <= ASCII.comma
                        && (byte == ASCII.comma || byte == ASCII.quote || byte == ASCII.lf
                            || byte == ASCII.cr)
                    {
                        break
                    }
                    index += 1
                }
            }
            return index
        }
    }

    /// Appends `chunk[pos..<end]` to the record and moves `pos` to `end`.
    @inline(__always)
    private mutating func append(upTo end: Int) {
        guard end > pos else { return }
        chunk.withUnsafeBufferPointer { buffer in
            record.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[pos..<end]))
        }
        pos = end
    }

    /// Why the record just read must be skipped (bad UTF-8 or a NUL byte), nil when it is fine.
    func checkRecord(line: Int) -> CSVRow? {
        record.withUnsafeBufferPointer { buffer in
            var start = 0
            for (index, end) in fieldEnds.enumerated() {
                let bytes = UnsafeBufferPointer(rebasing: buffer[start..<end])
                if let bad = UTF8Check.firstInvalidIndex(in: bytes) {
                    let quotes = fieldQuoted[index] ? bytes[0..<bad].count { $0 == ASCII.quote } : 0
                    return .invalidUTF8(line: line, byteOffset: fieldStarts[index] + bad + quotes)
                }
                if let nul = UTF8Check.firstNUL(in: bytes) {
                    let quotes = fieldQuoted[index] ? bytes[0..<nul].count { $0 == ASCII.quote } : 0
                    return .malformed(
                        line: line, column: 1,
                        fault: .nulByte(byteOffset: fieldStarts[index] + nul + quotes))
                }
                start = end
            }
            return nil
        }
    }

    /// The checked record just read as strings.
    func buildRow(line: Int) -> CSVRow {
        record.withUnsafeBufferPointer { buffer in
            var fields: [String] = []
            fields.reserveCapacity(fieldEnds.count)
            var start = 0
            for end in fieldEnds {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self))
                start = end
            }
            return .row(line: line, fields: fields)
        }
    }
}
