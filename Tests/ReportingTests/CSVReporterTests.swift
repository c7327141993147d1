import Testing

@testable import Reporting

@Suite struct CSVReporterTests {
    @Test(arguments: [
        ("=1+2", "'=1+2"), ("+SUM(A1)", "'+SUM(A1)"), ("-x", "'-x"), ("@cmd", "'@cmd"), ("\tx", "'\tx"),
        ("-20", "-20"), ("+3", "+3"), ("-1.5", "-1.5"), ("-1.", "'-1."), ("-", "'-"), ("Xã Yên", "Xã Yên"),
        ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("=a,b", "\"'=a,b\""), ("\rx", "\"'\rx\""),
        ("line\nbreak", "\"line\nbreak\""), ("crlf\r\nin", "\"crlf\r\nin\""),
        // A comma or quote under a combining mark is still a delimiter to a spreadsheet: quoted, doubled.
        ("a,\u{301}b", "\"a,\u{301}b\""), ("q\"\u{301}", "\"q\"\"\u{301}\""),
        ("Tỉnh, “Bắc Kạn”", "\"Tỉnh, “Bắc Kạn”\""),
    ])
    func guardsAndQuotesTextCells(input: String, expected: String) {
        #expect(CSVReporter.encode(.text(input)) == expected)
    }

    @Test func numbersStayNumbers() {
        #expect(CSVReporter.encode(.number(-20)) == "-20")
        #expect(CSVReporter.encode(.number(nil)) == "")
    }

    @Test func fileHasBOMHeaderAndCRLFRows() {
        let report = ReportFixture.report()
        let csv = CSVReporter.render(report)
        #expect(csv.hasPrefix("\u{FEFF}unit,unit_name,rule,rule_title,severity,status,"))
        let rows = csv.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == report.listedFindings.count + 1)
        #expect(csv.contains("'=HYPERLINK") == false)  // inside a quoted name, not at the start of a cell
        #expect(csv.contains("\"<script>alert(1)</script> \"\"Ủy ban\"\" & 'xã', =HYPERLINK(\"\"x\"\")\""))
        #expect(csv.contains(",-20,"))  // the ref -20 stays a number
    }
}
