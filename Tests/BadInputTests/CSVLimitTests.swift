import CSVSupport
import Testing

/// The CSV reader's budgets, straight on the reader: each limit rejects one record and reading goes on,
/// and a caller can raise a limit.
@Suite("CSV limits")
struct CSVLimitTests {
    /// Reads every row of `text` under `limits`.
    private func rows(_ text: String, _ limits: CSVLimits) -> [CSVRow] {
        let reader = CSVReader(bytes: Array(text.utf8), limits: limits)
        var all: [CSVRow] = []
        while let row = reader.next() { all.append(row) }
        return all
    }

    /// Whether `row` is a malformed record at `line` for `fault`.
    private func isMalformed(_ row: CSVRow?, line: Int, for fault: CSVFault) -> Bool {
        guard case .malformed(let at, _, let found) = row else { return false }
        return at == line && found == fault
    }

    @Test func tooManyCellsRejectsTheRecordOnly() {
        let limits = CSVLimits(maxRecordBytes: 1 << 20, maxFieldBytes: 1 << 10, maxColumns: 3)
        let result = rows("a,b,c\n1,2,3,4\n5,6,7\n", limits)
        #expect(result.count == 3)
        #expect(isMalformed(result[1], line: 2, for: .tooManyCells(limit: 3)))
        #expect(result[2] == .row(line: 3, fields: ["5", "6", "7"]))
    }

    @Test(arguments: [false, true])
    func longFieldRejectsTheRecordOnly(quoted: Bool) {
        let limits = CSVLimits(maxRecordBytes: 1 << 20, maxFieldBytes: 8, maxColumns: 10)
        let long = quoted ? "\"123456789\"" : "123456789"
        let result = rows("a,b\nx,\(long)\ny,12345678\n", limits)
        #expect(isMalformed(result[1], line: 2, for: .fieldTooLong(limit: 8, openQuote: quoted)))
        #expect(result.last == .row(line: 3, fields: ["y", "12345678"]))
    }

    @Test func longRecordRejectsTheRecordOnly() {
        let limits = CSVLimits(maxRecordBytes: 16, maxFieldBytes: 16, maxColumns: 10)
        let result = rows("a,b\n1234567,1234567,1234567\nx,y\n", limits)
        #expect(isMalformed(result[1], line: 2, for: .recordTooLong(limit: 16, openQuote: false)))
        #expect(result.last == .row(line: 3, fields: ["x", "y"]))
    }

    @Test func nulByteRejectsTheRecord() {
        let result = rows("a,b\nx,y\u{0}z\nx,y\n", CSVLimits())
        #expect(isMalformed(result[1], line: 2, for: .nulByte(byteOffset: 7)))
        #expect(result.last == .row(line: 3, fields: ["x", "y"]))
    }

    @Test func limitsCanBeRaised() {
        let cells = Array(repeating: "x", count: 1_500).joined(separator: ",")
        #expect(isMalformed(rows(cells + "\n", CSVLimits()).first, line: 1, for: .tooManyCells(limit: 1000)))
        let raised = CSVLimits(maxRecordBytes: 1 << 24, maxFieldBytes: 1 << 20, maxColumns: 2_000)
        guard case .row(_, let fields) = rows(cells + "\n", raised).first else {
            Issue.record("a raised column limit still refused the record")
            return
        }
        #expect(fields.count == 1_500)
    }
}
