import Testing

@testable import CSVSupport

@Suite("CSVReader: RFC 4180 records with exact lines")
struct CSVReaderTests {
    @Test("simple rows, fields untrimmed, final line without newline")
    func simple() {
        let rows = csvRows("id,unit, date \na,bk,2022-01-01\nb,,x")
        #expect(
            rows == [
                .row(line: 1, fields: ["id", "unit", " date "]),
                .row(line: 2, fields: ["a", "bk", "2022-01-01"]),
                .row(line: 3, fields: ["b", "", "x"]),
            ])
    }

    @Test("a UTF-8 BOM is skipped and reported")
    func bom() {
        let reader = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("id,tên\n1,Bắc Kạn\n".utf8))
        #expect(reader.next() == .row(line: 1, fields: ["id", "tên"]))
        #expect(reader.sawBOM)
        #expect(reader.next() == .row(line: 2, fields: ["1", "Bắc Kạn"]))
        #expect(reader.next() == nil)
        #expect(reader.bytesRead == 3 + Array("id,tên\n1,Bắc Kạn\n".utf8).count)
        #expect(!CSVReader(bytes: Array("a\n".utf8)).sawBOM)
    }

    @Test("CRLF line endings; CRLF inside quotes is kept; a lone CR is data")
    func crlf() {
        let rows = csvRows("a,b\r\n\"x\r\ny\",z\r\nc\rd,e\r\n\"q\"\r\n")
        #expect(
            rows == [
                .row(line: 1, fields: ["a", "b"]),
                .row(line: 2, fields: ["x\r\ny", "z"]),
                .row(line: 4, fields: ["c\rd", "e"]),
                .row(line: 5, fields: ["q"]),
            ])
    }

    @Test("quoted commas, doubled quotes and newlines; the next record's line counts them")
    func quoted() {
        let text =
            "id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,\"three\n\nlines\"\n5,end\n"
        #expect(
            csvRows(text) == [
                .row(line: 1, fields: ["id", "note"]),
                .row(line: 2, fields: ["1", "a, b"]),
                .row(line: 3, fields: ["2", "say \"hi\""]),
                .row(line: 4, fields: ["3", "two\nlines"]),
                .row(line: 6, fields: ["4", "three\n\nlines"]),
                .row(line: 9, fields: ["5", "end"]),
            ])
    }

    @Test("empty quoted fields and trailing empty fields")
    func emptyFields() {
        #expect(
            csvRows("\"\",a,\n,\n") == [
                .row(line: 1, fields: ["", "a", ""]), .row(line: 2, fields: ["", ""]),
            ])
    }

    @Test("blank lines (empty or a lone CR before LF) are skipped, line numbers kept")
    func blankLines() {
        let rows = csvRows("\n\na,b\n\n\r\nc,d\n\n")
        #expect(rows == [.row(line: 3, fields: ["a", "b"]), .row(line: 6, fields: ["c", "d"])])
        #expect(csvRows(" \n") == [.row(line: 1, fields: [" "])])
    }

    @Test("an empty file yields nothing", arguments: ["", "\n", "\r\n\n", "\r"])
    func empty(text: String) {
        #expect(csvRows(text).isEmpty)
    }

    @Test("invalid UTF-8 skips only its record, with the offset of the bad byte")
    func invalidUTF8() {
        var bytes = Array("id,name\n1,ok\n2,b".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("d\n3,\"q\"\"".utf8)
        bytes += [0xFF]
        bytes += Array("\"\n4,fine\n".utf8)
        #expect(
            csvRows(bytes) == [
                .row(line: 1, fields: ["id", "name"]),
                .row(line: 2, fields: ["1", "ok"]),
                .invalidUTF8(line: 3, byteOffset: 16),
                .invalidUTF8(line: 4, byteOffset: 26),
                .row(line: 5, fields: ["4", "fine"]),
            ])
    }

    @Test(
        "an overlong encoding and a surrogate are invalid",
        arguments: [[0xC0, 0xAF], [0xED, 0xA0, 0x80]] as [[UInt8]])
    func illFormed(bad: [UInt8]) {
        #expect(
            csvRows(Array("a,".utf8) + bad + Array("\nb\n".utf8)) == [
                .invalidUTF8(line: 1, byteOffset: 2), .row(line: 2, fields: ["b"]),
            ])
    }

    @Test("a quote inside an unquoted field is malformed; reading resumes at the next line")
    func quoteInUnquoted() {
        #expect(
            csvRows("a,b\"c,d\nẠ,x\"\ne,f\n") == [
                .malformed(
                    line: 1, column: 4,
                    fault: .quoteInUnquotedField),
                .malformed(
                    line: 2, column: 4,
                    fault: .quoteInUnquotedField),
                .row(line: 3, fields: ["e", "f"]),
            ])
    }

    @Test("text after a closing quote is malformed at that character")
    func textAfterQuote() {
        let rows = csvRows("\"ab\"c,d\n\"x\ny\"z\n1,2\n\"q\"\rw\n")
        #expect(
            rows == [
                .malformed(line: 1, column: 5, fault: .textAfterClosingQuote),
                .malformed(line: 3, column: 3, fault: .textAfterClosingQuote),
                .row(line: 4, fields: ["1", "2"]),
                .malformed(line: 5, column: 4, fault: .textAfterClosingQuote),
            ])
    }

    @Test("an unterminated quote is malformed at the quote; reading resumes on the next line")
    func unterminated() {
        let rows = csvRows("id,x\n1,\"open\n2,b\n3,c")
        #expect(
            rows == [
                .row(line: 1, fields: ["id", "x"]),
                .malformed(
                    line: 2, column: 3, fault: .unclosedQuote),
                .row(line: 3, fields: ["2", "b"]),
                .row(line: 4, fields: ["3", "c"]),
            ])
        #expect(
            csvRows("a,\"b") == [
                .malformed(
                    line: 1, column: 3, fault: .unclosedQuote)
            ])
    }

    @Test("a quoted field at the end without a newline is a row")
    func quotedAtEnd() {
        #expect(csvRows("a,\"b\"") == [.row(line: 1, fields: ["a", "b"])])
        #expect(csvRows("a,\"b\"\r") == [.row(line: 1, fields: ["a", "b"])])
        #expect(csvRows("a,b\r") == [.row(line: 1, fields: ["a", "b"])])
    }
}
