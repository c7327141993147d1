import Foundation
import Testing

@testable import CSVSupport

@Suite("CSVReader across chunk boundaries and files")
struct CSVChunkTests {
    /// A file whose records straddle chunk boundaries at every position: quoted fields with commas,
    /// doubled quotes, CRLF and LF inside, multi-byte characters, blank lines and CRLF endings.
    static let tricky: (bytes: [UInt8], expected: [CSVRow]) = {
        var text = ""
        var expected: [CSVRow] = []
        var line = 1
        for index in 0..<40 {
            switch index % 5 {
            case 0:
                text += "\(index),\"a, \"\"b\"\"\nc\",Bắc Kạn\n"
                expected.append(.row(line: line, fields: ["\(index)", "a, \"b\"\nc", "Bắc Kạn"]))
                line += 2
            case 1:
                text += "\(index),\"x\r\ny\",z\r\n\r\n"
                expected.append(.row(line: line, fields: ["\(index)", "x\r\ny", "z"]))
                line += 3
            case 2:
                text += "\(index),bad\"quote,q\n"
                expected.append(
                    .malformed(
                        line: line, column: 2 + "\(index)".count + 3,
                        fault: .quoteInUnquotedField))
                line += 1
            case 3:
                text += "\n\(index),\"\",\"ạ\"\n"
                expected.append(.row(line: line + 1, fields: ["\(index)", "", "ạ"]))
                line += 2
            default:
                text += "\(index),plain,\"é\"\r\n"
                expected.append(.row(line: line, fields: ["\(index)", "plain", "é"]))
                line += 1
            }
        }
        return (Array(text.utf8), expected)
    }()

    @Test("every chunk size gives the same rows", arguments: [1, 2, 3, 4, 5, 7, 16, 64, 1000])
    func chunkSizes(chunkSize: Int) {
        #expect(csvRows(Self.tricky.bytes, chunkSize: chunkSize) == Self.tricky.expected)
    }

    @Test("the unterminated-quote rewind works with tiny chunks", arguments: [1, 3, 8])
    func unterminatedSmallChunks(chunkSize: Int) {
        let rows = csvRows("id,x\nẠ,\"open\n2,b\n3,c", chunkSize: chunkSize)
        #expect(
            rows == [
                .row(line: 1, fields: ["id", "x"]),
                .malformed(
                    line: 2, column: 3, fault: .unclosedQuote),
                .row(line: 3, fields: ["2", "b"]),
                .row(line: 4, fields: ["3", "c"]),
            ])
    }

    @Test("columns stay exact when the line started in an earlier chunk")
    func columnAcrossChunks() {
        let rows = csvRows("ạạạạạạạạạ,x\"y\n", chunkSize: 4)
        #expect(
            rows == [
                .malformed(
                    line: 1, column: 12,
                    fault: .quoteInUnquotedField)
            ])
    }

    @Test("a file larger than the chunk size is read in chunks with quoted fields straddling them")
    func fileInChunks() throws {
        var text = "id,note\n"
        var expectedLines: [Int] = []
        var line = 2
        for index in 0..<3000 {
            text += "\(index),\"multi\nline, \"\"quoted\"\"\",tail\n"
            expectedLines.append(line)
            line += 2
        }
        let path = try temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        for chunkSize in [97, 4096, 1 << 20] {
            let reader = try CSVReader(path: path, chunkSize: chunkSize)
            #expect(reader.next() == .row(line: 1, fields: ["id", "note"]))
            var lines: [Int] = []
            var allFieldsRight = true
            while let row = reader.next() {
                guard case .row(let line, let fields) = row else {
                    Issue.record("unexpected \(row)")
                    break
                }
                lines.append(line)
                allFieldsRight =
                    allFieldsRight && fields.count == 3 && fields[1] == "multi\nline, \"quoted\""
                    && fields[2] == "tail"
            }
            #expect(lines == expectedLines)
            #expect(allFieldsRight)
            #expect(reader.bytesRead == text.utf8.count)
        }
    }

    @Test("an unterminated quote in a file rewinds the file")
    func unterminatedInFile() throws {
        let path = try temporaryFile(Array("a,\"b\nc,d\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try CSVReader(path: path, chunkSize: 2)
        #expect(
            reader.next()
                == .malformed(
                    line: 1, column: 3, fault: .unclosedQuote))
        #expect(reader.next() == .row(line: 2, fields: ["c", "d"]))
        #expect(reader.next() == nil)
    }

    @Test("a missing file and a directory throw CSVFileError")
    func unreadable() {
        #expect(throws: CSVFileError.self) { try CSVReader(path: "/nonexistent/dvcheck.csv") }
        #expect(throws: CSVFileError.self) { try CSVReader(path: NSTemporaryDirectory()) }
    }
}
