import CSVSupport
import ComplianceCore
import Foundation

/// CSV logs: a header row names the fields; every later row is one record (SPEC §4).
struct CSVRecordSource: RawRecordSource {
    private let reader: CSVReader?
    private let openError: CSVFileError?
    private var header: [String]?
    private var headerLine = 0
    private var missingColumns: [String] = []
    private var finished = false
    /// Items to hand out before reading on (a batch split around the rows it had to refuse).
    private var queue = ItemQueue()
    private var started = false
    private let path: String
    private let blocks: LogBlocks

    init(path: String, observer: ((UnsafeRawBufferPointer) -> Void)? = nil, blocks: LogBlocks = .standard) {
        self.path = path
        self.blocks = blocks
        do {
            reader = try CSVReader(path: path)
            if let observer { reader?.observeBytes(observer) }
            openError = nil
        } catch {
            reader = nil
            openError = error
        }
    }

    mutating func next() -> RawItem? {
        if finished { return nil }
        guard let reader else {
            finished = true
            return .fileError(
                line: 0, column: 0, code: .logUnreadable,
                message: Message(.cannotReadLog, nested: ["why": openError?.message ?? .empty]))
        }
        if !started {
            started = true
            if let prefix = Self.prefixBytes(path),
                prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF])
            {
                finished = true
                return .fileError(
                    line: 1, column: 1, code: .logInvalidUtf8, message: Message(.logIsUTF16))
            }
        }
        while true {
            if let item = queue.pop() { return item }
            if header == nil {
                while let step = reader.nextRecordBytes() {
                    if let item = itemForRow(step, reader: reader) { return item }
                }
                break
            }
            var batch = CSVBatch()
            let stop = reader.readBatch(into: &batch)
            enqueue(batch)
            if case .skipped(let row) = stop, let item = itemForRow(row, reader: reader) { queue.append(item) }
            if case .end = stop, queue.isEmpty { break }
        }
        finished = true
        if let error = reader.readError {
            return .fileError(
                line: 0, column: 0, code: .logUnreadable,
                message: Message(.readingStopped, nested: ["why": error.message]))
        }
        if header == nil { return .empty }
        return nil
    }

    /// Queues a batch read under the header: as it is when every row has the header's cells (the
    /// usual case), else split around the blank rows it drops and the rows it refuses.
    private mutating func enqueue(_ batch: CSVBatch) {
        guard batch.count > 0, let header else { return }
        let width = header.count
        if missingColumns.isEmpty && (0..<batch.count).allSatisfy({ batch.cellCount($0) == width }) {
            queue.append(.csvBatch(batch))
            return
        }
        var part = CSVBatch()
        for r in 0..<batch.count {
            guard let refusal = refusal(of: r, in: batch, width: width) else {
                part.append(record: r, of: batch)
                continue
            }
            if case .skip = refusal { continue }
            if part.count > 0 { queue.append(.csvBatch(part)) }
            part = CSVBatch()
            if case .reject(let item) = refusal { queue.append(item) }
        }
        if part.count > 0 { queue.append(.csvBatch(part)) }
    }

    /// What happens to a row that cannot be read as a record.
    private enum Refusal {
        /// A line of nothing but white space is a blank line (SPEC §4: skipped, not a record).
        case skip
        case reject(RawItem)
    }

    /// Why row `r` of `batch` is not a record under a header of `width` columns, nil when it is one.
    private func refusal(of r: Int, in batch: CSVBatch, width: Int) -> Refusal? {
        let cells = batch.cellRange(r)
        let line = batch.lines[r]
        if cells.count == 1 {
            let c = cells.lowerBound
            let blank = batch.bytes[batch.cellStart(c)..<Int(batch.cellEnds[c])].allSatisfy {
                $0 == 0x20 || $0 == 0x09 || $0 == 0x0D
            }
            if blank { return .skip }
        }
        if !missingColumns.isEmpty {
            return .reject(
                .rejected(
                    line: line, column: 1, code: .logMissingField,
                    message:
                        Message(
                            .headerLacksColumns,
                            ["line": String(headerLine), "columns": missingColumns.joined(separator: ", ")])
                ))
        }
        if cells.count != width {
            return .reject(
                .rejected(
                    line: line, column: 1, code: .logMalformedRow,
                    message: Message(.rowCellCount, ["cells": String(cells.count), "width": String(width)])))
        }
        return nil
    }

    /// The item for a skipped record or the header (nil for a blank line before the header).
    private mutating func itemForRow(_ step: CSVRow, reader: CSVReader) -> RawItem? {
        switch step {
        case .invalidUTF8(let line, let offset):
            if header == nil {
                finished = true
                return .fileError(
                    line: line, column: 1, code: .logInvalidUtf8,
                    message: Message(.headerNotUTF8, ["offset": String(offset)]))
            }
            return .rejected(
                line: line, column: 1, code: .logInvalidUtf8,
                message: Message(.recordNotUTF8, ["offset": String(offset)]))
        case .malformed(let line, let column, let fault):
            if header == nil {
                finished = true
                return .fileError(
                    line: line, column: column, code: .logMalformedRow,
                    message: Message(.malformedHeader, nested: ["detail": fault.message]))
            }
            return .rejected(
                line: line, column: column, code: .logMalformedRow,
                message: Message(.csvMalformed, nested: ["detail": fault.message])
            )
        case .row(let line, _):
            let fields = reader.withRecordBytes { bytes, ends in
                ends.indices.map { i in
                    String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]]),
                        as: UTF8.self)
                }
            }
            if fields.count == 1 && fields[0].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { return nil }
            let names = fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if names.count == 1 && names[0].isEmpty { return nil }
            var seen: Set<String> = []
            for n in names where !seen.insert(n).inserted {
                finished = true
                return .fileError(
                    line: line, column: 1, code: .logMalformedRow,
                    message: Message(.headerNamesColumnTwice, ["name": n]))
            }
            header = names
            headerLine = line
            missingColumns = ["id", "unit", "type", "date"].filter { !names.contains($0) }
            // Both cores on one file: the records after the header are parsed in blocks, in parallel.
            if blocks.enabled {
                reader.readRestInParallel(blockBytes: blocks.blockBytes, minimumBytes: blocks.minimumBytes)
            }
            return .header(names)
        }
    }

    private static func prefixBytes(_ path: String) -> [UInt8]? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        return [UInt8](h.readData(ofLength: 2))
    }
}
