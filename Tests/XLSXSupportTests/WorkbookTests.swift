import Foundation
import Testing

@testable import XLSXSupport

/// The committed fixtures (`Scripts/make_xlsx_fixtures.py` regenerates them).
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// One cell as the tests compare it: column, kind, text.
struct ReadCell: Equatable, CustomStringConvertible {
    let column: Int
    let kind: CellKind
    let text: String
    var description: String { "\(column):\(kind):\(text)" }
}

/// Every row of a sheet, by row number.
func readSheet(_ workbook: Workbook, _ index: Int) throws -> [Int: [ReadCell]] {
    let reader = try workbook.rows(of: workbook.sheets[index])
    var rows: [Int: [ReadCell]] = [:]
    while try reader.next() {
        let row = reader.row
        rows[row.number] = row.columns.indices.map {
            ReadCell(column: row.columns[$0], kind: row.kinds[$0], text: String(decoding: row.value($0), as: UTF8.self))
        }
    }
    return rows
}

func open(_ name: String, limits: WorkbookLimits = WorkbookLimits()) throws -> Workbook {
    try Workbook(path: fixtures.appendingPathComponent(name).path, limits: limits)
}

@Suite("Workbooks saved by real spreadsheet software")
struct RealWorkbookTests {
    @Test("openpyxl, 1904 date system: a title row, date and datetime cells, a formula saved without its value")
    func openpyxl1904() throws {
        let workbook = try open("openpyxl-1904.xlsx")
        #expect(workbook.uses1904)
        #expect(workbook.sheets.map(\.name) == ["Sổ 1904", "Ẩn"])
        #expect(workbook.sheets.map(\.isVisible) == [true, false])
        let rows = try readSheet(workbook, 0)
        #expect(rows[1]?.map(\.text) == ["SỔ TIẾP CÔNG DÂN (1904)"])
        #expect(rows[2] == nil || rows[2]?.isEmpty == true)
        #expect(rows[3]?.map(\.text) == ["id", "unit", "type", "date", "participants", "note"])
        #expect(rows[4]?.map(\.text) == ["e1", "x1", "citizen-reception", "2023-03-15", "5", "đầu tiên"])
        #expect(rows[5]?.map(\.text) == ["e2", "x1", "citizen-reception", "2023-04-02", "2.5", "true"])
        #expect(rows[6]?[3] == ReadCell(column: 4, kind: .value, text: "16/3/2023"))
        #expect(rows[6]?[4] == ReadCell(column: 5, kind: .noCachedValue, text: ""))
    }

    @Test("LibreOffice: shared strings, cached formula values, error values, a built-in date format")
    func libreOffice() throws {
        let workbook = try open("libreoffice-shared-formulas.xlsx")
        #expect(!workbook.uses1904)
        let rows = try readSheet(workbook, 0)
        #expect(rows[1]?.map(\.text) == ["id", "unit", "type", "date", "participants", "label"])
        #expect(rows[2]?.map(\.text) == ["f1", "x1", "citizen-reception", "2023-03-15", "5", "x1-label"])
        #expect(rows[3]?[4] == ReadCell(column: 5, kind: .errorValue, text: "#DIV/0!"))
        #expect(rows[4]?[4] == ReadCell(column: 5, kind: .errorValue, text: "#N/A"))
        #expect(rows[5]?.map(\.text) == ["f4", "x1", "citizen-reception", "2023-03-18", "0.1", "true"])
        #expect(rows[5]?.allSatisfy { $0.kind == .value } == true)
    }
}

@Suite("What no tool above writes: rich text, prefixes, serial 60, far cells")
struct HandmadeWorkbookTests {
    @Test("cell values of every type")
    func features() throws {
        let workbook = try open("handmade-features.xlsx")
        let rows = try readSheet(workbook, 0)
        #expect(rows[1]?.map(\.text) == ["id", "unit", "type", "date", "flag", "amount"])
        // Rich text runs joined, the phonetic run left out, spaces kept; 44935.5 is noon on 2023-01-09.
        #expect(rows[2]?.map(\.text) == ["r1", "x1", " citizen-reception ", "2023-01-09", "true", "0.0015"])
        #expect(rows[3]?[3] == ReadCell(column: 4, kind: .fictitiousDate, text: "60"))
        #expect(rows[4]?[4] == ReadCell(column: 5, kind: .errorValue, text: "#N/A"))
        #expect(rows[5]?[4] == ReadCell(column: 6, kind: .noCachedValue, text: ""))
        // A time-only format (built-in 20) is no date: the number stays a number.
        #expect(rows[6]?[3] == ReadCell(column: 4, kind: .value, text: "0.75"))
        #expect(rows[6]?[4] == ReadCell(column: 6, kind: .value, text: "100000000000000000000"))
        #expect(rows[1_048_576] == [ReadCell(column: 16_384, kind: .value, text: "far away")])
    }

    @Test("element names with a namespace prefix")
    func prefixed() throws {
        let rows = try readSheet(try open("handmade-features.xlsx"), 1)
        #expect(rows[2]?.map(\.text) == ["p1", "x1", "citizen-reception", "2023-03-20"])
    }
}

@Suite("Hostile and broken workbooks are refused with a reason")
struct HostileWorkbookTests {
    /// The error opening the workbook and reading every sheet raises.
    func failure(_ name: String, limits: WorkbookLimits = WorkbookLimits()) -> WorkbookError? {
        do {
            let workbook = try open(name, limits: limits)
            for i in workbook.sheets.indices { _ = try readSheet(workbook, i) }
            return nil
        } catch let error as WorkbookError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test(
        "each fixture fails as expected",
        arguments: [
            ("not-a-zip.xlsx", WorkbookError.Kind.malformed, "notZip(XLSXSupport.ZipFault.noEndRecord)"),
            ("truncated.xlsx", .malformed, "notZip("),
            ("zip-bomb.xlsx", .limit, "limit: 100)"),
            ("entity-expansion.xlsx", .malformed, "XMLFault.declaration)"),
            ("missing-sheet-part.xlsx", .malformed, "lacksSheetPart(sheet: \"Gone\")"),
            ("not-a-workbook.xlsx", .malformed, "noWorkbookPart"),
            (
                "shared-string-out-of-range.xlsx", .malformed,
                "sharedStringOutOfRange(cell: \"A2\", index: \"7\", count: 1)"
            ),
            ("cells-out-of-order.xlsx", .malformed, "column: 1, previous: 2)"),
            ("rows-out-of-order.xlsx", .malformed, "rowsOutOfOrder(row: 2, previous: 3)"),
            ("cell-beyond-xfd.xlsx", .malformed, "badCellReference(\"XFE2\")"),
        ])
    func refused(name: String, kind: WorkbookError.Kind, problem: String) {
        let error = failure(name)
        #expect(error?.kind == kind, "\(name): \(String(describing: error))")
        let found = error.map { String(describing: $0.problem) } ?? ""
        #expect(found.contains(problem), "\(name): \(found)")
    }

    @Test("the part-count and file-size limits")
    func countLimits() {
        var few = WorkbookLimits()
        few.maxParts = 3
        let tooMany = failure("openpyxl-1904.xlsx", limits: few).map { String(describing: $0.problem) } ?? ""
        #expect(tooMany.hasPrefix("tooManyParts(") && tooMany.hasSuffix("limit: 3)"), "\(tooMany)")
        var small = WorkbookLimits()
        small.maxFileBytes = 1000
        #expect(failure("openpyxl-1904.xlsx", limits: small)?.kind == .limit)
        var short = WorkbookLimits()
        short.maxPartBytes = 500
        #expect(failure("openpyxl-1904.xlsx", limits: short)?.kind == .limit)
    }
}

@Suite("Cell text: numbers and date serials")
struct CellTextTests {
    @Test("shortest decimal text")
    func shortest() {
        #expect(CellText.shortest(5) == "5")
        #expect(CellText.shortest(-3) == "-3")
        #expect(CellText.shortest(0.1) == "0.1")
        #expect(CellText.shortest(2.5) == "2.5")
        #expect(CellText.shortest(0.0015) == "0.0015")
        #expect(CellText.shortest(1e-7) == "0.0000001")
        #expect(CellText.shortest(1.5e20) == "150000000000000000000")
        #expect(CellText.shortest(44971.35416666666) == "44971.35416666666")
    }

    @Test("1900 system: serial 1, 59, 60 (refused), 61, and a datetime near midnight")
    func dates1900() {
        #expect(CellText.date(serial: 1, uses1904: false) == .date(year: 1900, month: 1, day: 1))
        #expect(CellText.date(serial: 59, uses1904: false) == .date(year: 1900, month: 2, day: 28))
        #expect(CellText.date(serial: 60, uses1904: false) == .fictitious)
        #expect(CellText.date(serial: 60.5, uses1904: false) == .fictitious)
        #expect(CellText.date(serial: 61, uses1904: false) == .date(year: 1900, month: 3, day: 1))
        #expect(CellText.date(serial: 0, uses1904: false) == .outOfRange)
        #expect(CellText.date(serial: -1, uses1904: false) == .outOfRange)
        #expect(CellText.date(serial: 44936, uses1904: false) == .date(year: 2023, month: 1, day: 10))
        #expect(CellText.date(serial: 44936.9999999999, uses1904: false) == .date(year: 2023, month: 1, day: 11))
    }

    @Test("1904 system: serial 0 is 1904-01-01")
    func dates1904() {
        #expect(CellText.date(serial: 0, uses1904: true) == .date(year: 1904, month: 1, day: 1))
        #expect(CellText.date(serial: 43474, uses1904: true) == .date(year: 2023, month: 1, day: 10))
    }

    @Test("date formats: built-in ids and custom codes")
    func formats() {
        #expect(NumberFormats.isDate(code: Array("dd/mm/yyyy".utf8)))
        #expect(NumberFormats.isDate(code: Array("[$-42A]dd/mm/yyyy;@".utf8)))
        #expect(NumberFormats.isDate(code: Array("yyyy-mm-dd h:mm:ss".utf8)))
        #expect(!NumberFormats.isDate(code: Array("h:mm".utf8)))
        #expect(!NumberFormats.isDate(code: Array("General".utf8)))
        #expect(!NumberFormats.isDate(code: Array("0.00E+00".utf8)))
        #expect(!NumberFormats.isDate(code: Array("[Red]0.00\"d\"".utf8)))
        #expect(NumberFormats.builtInDates.contains(14) && !NumberFormats.builtInDates.contains(20))
    }
}

/// A source that hands out a few bytes at a time, so every token crosses a chunk boundary somewhere.
final class TrickleSource: ByteSource {
    private let bytes: [UInt8]
    private let step: Int
    private var position = 0

    init(_ text: String, step: Int) {
        bytes = Array(text.utf8)
        self.step = step
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(step, buffer.count, bytes.count - position)
        for k in 0..<n { buffer[k] = bytes[position + k] }
        position += n
        return n
    }
}

@Suite("The XML scanner")
struct XMLScannerTests {
    static let document =
        "<?xml version=\"1.0\"?><!-- c --><a x='1 > 0' y=\"&amp;&#x1EA1;\"><b/>t&lt;&#233;xt<![CDATA[<raw>]]></a>"

    func tokens(step: Int) throws -> [String] {
        var scanner = XMLScanner(source: TrickleSource(Self.document, step: step), partName: "p", maxTokenBytes: 1000)
        defer { scanner.release() }
        var out: [String] = []
        while true {
            let token = try scanner.next()
            switch token {
            case .eof: return out
            case .start(let isEmpty):
                let x = scanner.attribute("x").map { String(decoding: $0, as: UTF8.self) } ?? ""
                let y = scanner.attribute("y").map { String(decoding: $0, as: UTF8.self) } ?? ""
                out.append("start(\(isEmpty)) a=\(scanner.nameIs("a")) x=\(x) y=\(y)")
            case .end: out.append("end")
            case .text: out.append("text " + String(decoding: scanner.text, as: UTF8.self))
            }
        }
    }

    @Test("the same tokens whatever the chunking", arguments: [1, 2, 3, 7, 64])
    func chunking(step: Int) throws {
        let expected = [
            "start(false) a=true x=1 > 0 y=&ạ", "start(true) a=false x= y=", "text t<éxt", "text <raw>", "end",
        ]
        #expect(try tokens(step: step) == expected)
    }

    @Test("undefined entities and overlong tokens are refused")
    func refusals() {
        for (text, fragment) in [
            ("<a>&lol;</a>", "undefinedEntity"), ("<a>&#0;</a>", "undefinedEntity"),
            ("<a b='", "endsInsideTag"), ("<a>" + String(repeating: "x", count: 5000), "limit: 1000)"),
        ] {
            var scanner = XMLScanner(source: TrickleSource(text, step: 3), partName: "p", maxTokenBytes: 1000)
            defer { scanner.release() }
            var message = ""
            do {
                while try scanner.next() != .eof {}
            } catch let error as WorkbookError {
                message = String(describing: error.problem)
            } catch {}
            #expect(message.contains(fragment), "\(text.prefix(20)): \(message)")
        }
    }
}
