import CSVSupport
import ComplianceCore
import Foundation
import XLSXSupport

/// Excel workbook logs (SPEC §10.7): on each visible worksheet, the header is the first of the first
/// 20 non-empty rows that names all the required columns; every later row holding a value is a
/// record, its line the row number.
///
/// Rows are handed on as CSV batches under the sheet's header (only the columns that have a name),
/// so checking and storing are the CSV path's, byte for byte.
struct XLSXRecordSource: RawRecordSource {
    private static let required = ["id", "unit", "type", "date"]
    /// How many non-empty rows may stand above the header (titles, notes).
    private static let headerSearchRows = 20

    private let path: String
    private var workbook: Workbook?
    private var nextSheet = 0
    private var reader: SheetReader?
    private var sheetName = ""
    /// The sheet's header: each named column's number, in order (nil while it is sought).
    private var headerColumns: [Int]?
    private var nonEmptyRows = 0
    private var warnedUnheaded = false
    private var batch = CSVBatch()
    private var queue = ItemQueue()
    private var finished = false
    // The row being turned into a record: its cells under the header, in one arena.
    private var record: [UInt8] = []
    private var ends: [Int] = []
    private var slotStarts: [Int] = []
    private var slotEnds: [Int] = []
    private var scratch: [UInt8] = []

    init(path: String) { self.path = path }

    mutating func next() -> RawItem? {
        while true {
            if let item = queue.pop() { return item }
            if finished { return nil }
            do {
                try advance()
            } catch let error as WorkbookError {
                finished = true
                queue = ItemQueue()
                let row = reader?.row.number ?? 0
                return .fileError(
                    line: row, column: row > 0 ? 1 : 0, code: error.kind == .limit ? .logLimit : .logBadWorkbook,
                    message: Message(.workbookProblem, nested: ["detail": error.problem.message]))
            } catch {
                finished = true
                return .fileError(
                    line: 0, column: 0, code: .logBadWorkbook,
                    message: Message(.workbookUnexpected, ["text": "\(error)"]))
            }
        }
    }

    /// Reads on until something is queued or the workbook ends.
    private mutating func advance() throws {
        if workbook == nil { workbook = try Workbook(path: path) }
        guard let workbook else { return }
        guard let reader else {
            guard nextSheet < workbook.sheets.count else {
                finished = true
                return
            }
            let sheet = workbook.sheets[nextSheet]
            nextSheet += 1
            sheetName = sheet.name
            queue.append(.sheet(sheet.name))
            guard sheet.isVisible, sheet.isWorksheet else {
                queue.append(
                    skipped(Message(sheet.isWorksheet ? .sheetSkippedHidden : .sheetSkippedNotWorksheet), row: 1))
                return
            }
            self.reader = try workbook.rows(of: sheet)
            headerColumns = nil
            nonEmptyRows = 0
            warnedUnheaded = false
            return
        }
        guard let header = headerColumns else {
            try seekHeader(reader)
            return
        }
        while try reader.next() {
            readRecord(reader.row, header: header)
            if batch.isFull || !queue.isEmpty {
                flushBatch()
                return
            }
        }
        flushBatch()
        self.reader = nil
    }

    private func skipped(_ why: Message, row: Int) -> RawItem {
        .warning(
            line: row, column: 1, code: .logSheetSkipped,
            message: why)
    }

    /// Reads rows until the header; a sheet without one is skipped with a warning.
    private mutating func seekHeader(_ reader: SheetReader) throws {
        while try reader.next() {
            let row = reader.row
            guard !row.kinds.isEmpty else { continue }
            nonEmptyRows += 1
            var names: [(column: Int, name: String)] = []
            for i in row.columns.indices where row.kinds[i] == .value {
                let name = String(decoding: row.value(i), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if !name.isEmpty { names.append((row.columns[i], name)) }
            }
            if Self.required.allSatisfy({ r in names.contains { $0.name == r } }) {
                var seen: Set<String> = []
                for n in names where !seen.insert(n.name).inserted {
                    throw WorkbookError(
                        .malformed, .headerNamesColumnTwice(sheet: sheetName, row: row.number, name: n.name))
                }
                headerColumns = names.map(\.column)
                queue.append(.header(names.map(\.name)))
                return
            }
            if nonEmptyRows >= Self.headerSearchRows { break }
        }
        queue.append(
            skipped(
                Message(.sheetSkippedNoHeader, ["rows": String(Self.headerSearchRows)]),
                row: 1))
        self.reader = nil
    }

    private mutating func flushBatch() {
        guard batch.count > 0 else { return }
        // A batch read before a refused row goes first, so items stay in sheet order.
        let refused = queue
        queue = ItemQueue()
        queue.append(.csvBatch(batch))
        var rest = refused
        while let item = rest.pop() { queue.append(item) }
        batch = CSVBatch()
    }

    /// Turns a row into a record under the header (a row whose named columns hold nothing is
    /// skipped), or queues its refusal.
    private mutating func readRecord(_ row: SheetRow, header: [Int]) {
        let width = header.count
        if slotStarts.count != width {
            slotStarts = Array(repeating: 0, count: width)
            slotEnds = Array(repeating: 0, count: width)
        }
        for s in 0..<width { slotEnds[s] = slotStarts[s] }
        var h = 0
        var holdsValue = false
        var refusal: RawItem?
        scratch.removeAll(keepingCapacity: true)
        for i in row.columns.indices {
            let column = row.columns[i]
            while h < width, header[h] < column { h += 1 }
            guard h < width, header[h] == column else {
                if !warnedUnheaded {
                    warnedUnheaded = true
                    queue.append(
                        .warning(
                            line: row.number, column: column, code: .logUnheadedCells,
                            message:
                                Message(.unheadedCells, ["cell": "\(SheetReader.name(column: column))\(row.number)"])
                        ))
                }
                continue
            }
            let kind = row.kinds[i]
            if kind != .value {
                holdsValue = true
                if refusal == nil { refusal = Self.refusal(kind, row.value(i), row: row.number, column: column) }
                continue
            }
            let value = row.value(i)
            // A cell of nothing but white space holds no value (as a blank CSV line is no record).
            if !holdsValue, !value.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
                continue
            }
            holdsValue = true
            slotStarts[h] = scratch.count
            scratch.append(contentsOf: value)
            slotEnds[h] = scratch.count
        }
        guard holdsValue else { return }
        if let refusal {
            flushBatch()
            queue.append(refusal)
            return
        }
        record.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        for s in 0..<width {
            if slotEnds[s] > slotStarts[s] { record.append(contentsOf: scratch[slotStarts[s]..<slotEnds[s]]) }
            ends.append(record.count)
            slotStarts[s] = 0
            slotEnds[s] = 0
        }
        // Field-level diagnostics point at the cell itself: its row and column (SPEC §10.0, §10.7).
        let cells = header.map { CSVCellPosition(line: row.number, column: $0) }
        record.withUnsafeBufferPointer { batch.append(record: $0, cellEnds: ends, line: row.number, positions: cells) }
    }

    /// Why a cell rejects its record.
    private static func refusal(_ kind: CellKind, _ value: ArraySlice<UInt8>, row: Int, column: Int) -> RawItem {
        let cell = "\(SheetReader.name(column: column))\(row)"
        let shown = String(decoding: value, as: UTF8.self)
        switch kind {
        case .errorValue:
            return .rejected(
                line: row, column: column, code: .logBadCell,
                message: Message(.cellErrorValue, ["cell": cell, "value": shown]))
        case .noCachedValue:
            return .rejected(
                line: row, column: column, code: .logBadCell,
                message:
                    Message(.cellNoCachedValue, ["cell": cell])
            )
        case .badValue:
            return .rejected(
                line: row, column: column, code: .logBadCell,
                message: Message(.cellWrongType, ["cell": cell, "value": shown]))
        case .fictitiousDate:
            return .rejected(
                line: row, column: column, code: .logBadDate,
                message: Message(.cellFictitiousDate, ["cell": cell]))
        case .dateOutOfRange, .value:
            return .rejected(
                line: row, column: column, code: .logBadDate,
                message: Message(.cellNoDate, ["cell": cell, "value": shown]))
        }
    }
}
