/// What a cell holds, as far as a log record cares.
public enum CellKind: Sendable, Equatable {
    /// Text, a number's shortest text, `true`/`false`, or a date as `YYYY-MM-DD`.
    case value
    /// An error value such as `#N/A` (the bytes hold it).
    case errorValue
    /// A formula whose result was never saved.
    case noCachedValue
    /// A value its type cannot hold (a `t="n"` cell that is no number; the bytes hold it).
    case badValue
    /// A date cell holding serial 60 of the 1900 system (29 February 1900, which did not exist).
    case fictitiousDate
    /// A date cell whose serial is no date (negative, zero, or past year 9999; the bytes hold it).
    case dateOutOfRange
}

/// One row of a sheet: the cells that hold something, in column order, their bytes in one arena.
public struct SheetRow: Sendable {
    /// 1-based row number.
    public internal(set) var number = 0
    /// 1-based column of each cell.
    public internal(set) var columns: [Int] = []
    public internal(set) var kinds: [CellKind] = []
    var bytes: [UInt8] = []
    var ends: [Int] = []

    /// Cell `i`'s value bytes (valid UTF-8).
    public func value(_ i: Int) -> ArraySlice<UInt8> { bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]] }

    mutating func reset(number: Int) {
        self.number = number
        if !columns.isEmpty { columns.removeAll(keepingCapacity: true) }
        if !kinds.isEmpty { kinds.removeAll(keepingCapacity: true) }
        if !bytes.isEmpty { bytes.removeAll(keepingCapacity: true) }
        if !ends.isEmpty { ends.removeAll(keepingCapacity: true) }
    }

    mutating func add(column: Int, kind: CellKind, _ value: some Collection<UInt8>) {
        // An empty string is no value: the cell is as if absent.
        if kind == .value && value.isEmpty { return }
        columns.append(column)
        kinds.append(kind)
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
    }
}

/// Streams a worksheet's rows one at a time from its inflated XML: only the current row is held.
///
/// Rows and the cells of a row must come in increasing order and within `XFD1048576`; anything else
/// is a malformed part (a hostile file might otherwise send a reader back and forth).
public final class SheetReader {
    public static let maxRow = 1_048_576
    public static let maxColumn = 16_384

    /// A struct inside the class: its methods run on `self` without a dynamic exclusivity check on
    /// every property access (a tenth of the reading time when the reader's state was the class's).
    private var cursor: SheetCursor

    init(scanner: XMLScanner, workbook: Workbook) {
        cursor = SheetCursor(scanner: scanner, workbook: workbook)
    }

    deinit { cursor.release() }

    /// The row `next()` read.
    public var row: SheetRow { cursor.row }

    /// Reads the next row into `row`; false at the end of the sheet.
    public func next() throws -> Bool { try cursor.next() }

    /// The first 20 bytes of an attribute or value for a message, printable ASCII only.
    static func printable(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes.prefix(20).filter { $0 >= 0x20 && $0 < 0x7F }, as: UTF8.self)
    }

    /// A column's letters (`1` → `A`, `28` → `AB`).
    public static func name(column: Int) -> String {
        var n = column
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }
}

/// The state and parsing of `SheetReader`.
struct SheetCursor {
    private static let maxRow = SheetReader.maxRow
    private static let maxColumn = SheetReader.maxColumn

    private var scanner: XMLScanner
    private let strings: SharedStrings
    private let dateStyles: [Bool]
    private let uses1904: Bool
    private(set) var row = SheetRow()
    private var inSheetData = false
    private var finished = false

    // The cell being read.
    private var value: [UInt8] = []
    private var inlineText: [UInt8] = []

    init(scanner: XMLScanner, workbook: Workbook) {
        self.scanner = scanner
        strings = workbook.strings
        dateStyles = workbook.styles.isDate
        uses1904 = workbook.uses1904
    }

    func release() { scanner.release() }

    private func malformed(_ fault: SheetFault) -> WorkbookError {
        .malformed(.badSheet(part: ZipArchive.printable(scanner.partName), fault))
    }

    /// Reads the next row into `row`; false at the end of the sheet.
    mutating func next() throws -> Bool {
        guard !finished else { return false }
        let previous = row.number
        while true {
            let token = try scanner.next()
            switch token {
            case .eof:
                finished = true
                return false
            case .start(let isEmpty):
                if !inSheetData {
                    if scanner.nameIs("sheetData") {
                        inSheetData = !isEmpty
                        finished = isEmpty
                        if isEmpty { return false }
                    }
                    continue
                }
                guard scanner.nameIs("row") else { continue }
                let number: Int
                if let r = scanner.attribute("r") {
                    guard let n = CellStyles.integer(r), n >= 1, n <= Self.maxRow else {
                        throw malformed(.rowNumberOutOfRange(text: SheetReader.printable(r), max: Self.maxRow))
                    }
                    number = n
                } else {
                    number = previous + 1
                }
                guard number > previous, number <= Self.maxRow else {
                    throw malformed(.rowsOutOfOrder(row: number, previous: previous))
                }
                row.reset(number: number)
                if !isEmpty { try readCells() }
                return true
            case .end:
                if inSheetData, scanner.nameIs("sheetData") {
                    finished = true
                    return false
                }
            case .text:
                continue
            }
        }
    }

    /// Reads the cells of the row just started, up to its end tag.
    private mutating func readCells() throws {
        var lastColumn = 0
        while true {
            switch try scanner.next() {
            case .eof:
                throw malformed(.endsInsideRow(row: row.number))
            case .end:
                if scanner.nameIs("row") { return }
            case .start(let isEmpty):
                guard scanner.nameIs("c") else { continue }
                let column: Int
                if let ref = scanner.attribute("r") {
                    let (c, r) = try reference(ref)
                    guard r == row.number else {
                        throw malformed(.cellInWrongRow(cell: "\(SheetReader.name(column: c))\(r)", row: row.number))
                    }
                    column = c
                } else {
                    column = lastColumn + 1
                }
                guard column > lastColumn, column <= Self.maxColumn else {
                    throw malformed(.columnsOutOfOrder(row: row.number, column: column, previous: lastColumn))
                }
                lastColumn = column
                let type = CellType(scanner.attribute("t"))
                let style = scanner.attribute("s").flatMap(CellStyles.integer) ?? 0
                if isEmpty { continue }
                try readCell(column: column, type: type, isDate: style < dateStyles.count && dateStyles[style])
            case .text:
                continue
            }
        }
    }

    /// A cell reference such as `AB12` as (column, row); beyond `XFD1048576` is malformed.
    private func reference(_ ref: ArraySlice<UInt8>) throws -> (Int, Int) {
        var column = 0
        var i = ref.startIndex
        while i < ref.endIndex, ref[i] >= UInt8(ascii: "A"), ref[i] <= UInt8(ascii: "Z"), column <= Self.maxColumn {
            column = column * 26 + Int(ref[i] - UInt8(ascii: "A")) + 1
            i += 1
        }
        let row = CellStyles.integer(ref[i...]) ?? 0
        guard column >= 1, column <= Self.maxColumn, row >= 1, row <= Self.maxRow else {
            throw malformed(.badCellReference(SheetReader.printable(ref)))
        }
        return (column, row)
    }

    /// Reads one cell's children (`<f>`, `<v>`, `<is>`) and adds what it holds to the row.
    private mutating func readCell(column: Int, type: CellType, isDate: Bool) throws {
        var hasFormula = false
        var hasValue = false
        var hasInline = false
        var inValue = false
        var inInlineText = false
        var inInline = false
        var phonetic = 0
        if !value.isEmpty { value.removeAll(keepingCapacity: true) }
        if !inlineText.isEmpty { inlineText.removeAll(keepingCapacity: true) }
        loop: while true {
            switch try scanner.next() {
            case .eof:
                throw malformed(.endsInsideCell(row: row.number))
            case .start(let isEmpty):
                if scanner.nameIs("v") {
                    hasValue = true
                    inValue = !isEmpty
                } else if scanner.nameIs("f") {
                    hasFormula = true
                } else if scanner.nameIs("is") {
                    hasInline = true
                    inInline = !isEmpty
                } else if scanner.nameIs("rPh") {
                    if !isEmpty { phonetic += 1 }
                } else if inInline, phonetic == 0, scanner.nameIs("t") {
                    inInlineText = !isEmpty
                }
            case .end:
                if scanner.nameIs("c") {
                    break loop
                } else if scanner.nameIs("v") {
                    inValue = false
                } else if scanner.nameIs("t") {
                    inInlineText = false
                } else if scanner.nameIs("is") {
                    inInline = false
                } else if scanner.nameIs("rPh") {
                    phonetic = max(0, phonetic - 1)
                }
            case .text:
                if inValue {
                    value.append(contentsOf: scanner.text)
                } else if inInlineText {
                    inlineText.append(contentsOf: scanner.text)
                }
            }
        }
        try add(
            column: column, type: type, isDate: isDate, hasFormula: hasFormula, hasValue: hasValue,
            hasInline: hasInline)
    }

    /// A cell's `t` attribute, read without allocating.
    enum CellType {
        case number, shared, inline, string, boolean, error, date
        case unknown

        init(_ t: ArraySlice<UInt8>?) {
            guard let t, let first = t.first else {
                self = .number
                return
            }
            switch (t.count, first) {
            case (1, UInt8(ascii: "n")): self = .number
            case (1, UInt8(ascii: "s")): self = .shared
            case (1, UInt8(ascii: "b")): self = .boolean
            case (1, UInt8(ascii: "e")): self = .error
            case (1, UInt8(ascii: "d")): self = .date
            default:
                // Compared by length and a few bytes: every text cell of some writers is `inlineStr`.
                let i = t.startIndex
                if t.count == 3, first == UInt8(ascii: "s"), t[i + 1] == UInt8(ascii: "t"),
                    t[i + 2] == UInt8(ascii: "r")
                {
                    self = .string
                } else if t.count == 9, first == UInt8(ascii: "i"), t[i + 6] == UInt8(ascii: "S"),
                    t[i + 1] == UInt8(ascii: "n"), t[i + 8] == UInt8(ascii: "r")
                {
                    self = .inline
                } else {
                    self = .unknown
                }
            }
        }
    }

    private mutating func add(
        column: Int, type: CellType, isDate: Bool, hasFormula: Bool, hasValue: Bool, hasInline: Bool
    )
        throws
    {
        let v = value[...]
        if type == .inline {
            guard hasInline else { return }
            guard UTF8Validation.isValid(inlineText) else {
                throw malformed(.cellNotUTF8(row: row.number))
            }
            row.add(column: column, kind: .value, inlineText)
            return
        }
        guard hasValue, !v.isEmpty || type == .string else {
            // No <v> or an empty <v/>: a formula's result is missing; otherwise the cell is empty.
            if hasFormula { row.add(column: column, kind: .noCachedValue, []) }
            return
        }
        switch type {
        case .shared:
            guard let index = CellStyles.integer(v), let text = strings.string(index) else {
                throw malformed(
                    .sharedStringOutOfRange(
                        cell: "\(SheetReader.name(column: column))\(row.number)", index: SheetReader.printable(v),
                        count: strings.count))
            }
            row.add(column: column, kind: .value, text)
        case .string, .date:
            guard UTF8Validation.isValid(v) else { throw malformed(.cellNotUTF8(row: row.number)) }
            // A `t="d"` cell holds an ISO 8601 date or datetime: its date part is the day.
            if type == .date, v.count >= 10,
                v.prefix(10).enumerated().allSatisfy({ k, b in
                    k == 4 || k == 7 ? b == UInt8(ascii: "-") : CellText.isDigit(b)
                })
            {
                row.add(column: column, kind: .value, v.prefix(10))
            } else {
                row.add(column: column, kind: .value, v)
            }
        case .boolean:
            switch v {
            case [UInt8(ascii: "1")][...]: row.add(column: column, kind: .value, "true".utf8)
            case [UInt8(ascii: "0")][...]: row.add(column: column, kind: .value, "false".utf8)
            default: row.add(column: column, kind: .badValue, v.filter { $0 >= 0x20 && $0 < 0x7F }.prefix(40))
            }
        case .error:
            row.add(column: column, kind: .errorValue, v.filter { $0 >= 0x20 && $0 < 0x7F }.prefix(40))
        case .number:
            guard CellText.isNumber(v) else {
                row.add(column: column, kind: .badValue, v.filter { $0 >= 0x20 && $0 < 0x7F }.prefix(40))
                return
            }
            if !isDate, CellText.isPlainInteger(v) {
                row.add(column: column, kind: .value, v)
                return
            }
            let number =
                CellText.isPlainInteger(v)
                ? Double(v.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) })
                : Double(String(decoding: v, as: UTF8.self)) ?? .nan
            guard number.isFinite else {
                row.add(column: column, kind: .badValue, v.prefix(40))
                return
            }
            guard isDate else {
                row.add(column: column, kind: .value, CellText.shortest(number).utf8)
                return
            }
            switch CellText.date(serial: number, uses1904: uses1904) {
            case .date(let y, let m, let d):
                row.add(column: column, kind: .value, CellText.isoText(year: y, month: m, day: d).utf8)
            case .fictitious:
                row.add(column: column, kind: .fictitiousDate, v.prefix(40))
            case .outOfRange:
                row.add(column: column, kind: .dateOutOfRange, v.prefix(40))
            }
        case .inline, .unknown:
            row.add(column: column, kind: .badValue, v.filter { $0 >= 0x20 && $0 < 0x7F }.prefix(40))
        }
    }
}
