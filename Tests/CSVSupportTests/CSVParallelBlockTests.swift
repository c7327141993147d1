import Foundation
import Testing

@testable import CSVSupport

@Suite("CSVReader reading the rest of a file in parallel blocks gives the sequential reading")
struct CSVParallelBlockTests {
    /// The header row, then every row `readBatch` gives, with the rest read in blocks of `blockBytes`
    /// (nil: sequentially), and every byte the observer saw.
    static func rows(_ bytes: [UInt8], blockBytes: Int?, chunkSize: Int = 1 << 20) throws -> ([CSVRow], [UInt8]) {
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try CSVReader(path: path, chunkSize: chunkSize)
        var seen: [UInt8] = []
        reader.observeBytes { seen += $0 }
        var rows: [CSVRow] = []
        if let header = reader.nextRecordBytes() { rows.append(header) }
        if let blockBytes { reader.readRestInParallel(blockBytes: blockBytes, depth: 3, minimumBytes: 0) }
        rows += reader.rowsReadInBatches(limit: 1_000_000)
        // Whatever is asked after the end finds nothing more.
        #expect(reader.nextRecordBytes() == nil)
        return (rows, seen)
    }

    /// Plain records with, here and there, a quoted field holding a line break, a doubled quote,
    /// CRLF, blank lines, non-ASCII text and (when `bad`) a stray quote or an invalid byte.
    static func logLike(seed: UInt64, records: Int, bad: Bool) -> [UInt8] {
        var generator = CSVConsistencyTests.Generator(state: seed)
        var text: [UInt8] = Array("id,unit,type,date,note\n".utf8)
        for i in 0..<records {
            var note: [UInt8]
            switch generator.next(bad ? 12 : 10) {
            case 0: note = Array("\"two\nlines, quoted\"".utf8)
            case 1: note = Array("\"said \"\"hi\"\"\"".utf8)
            case 2: note = Array("Bắc Kạn".utf8)
            case 3: note = []
            case 10: note = Array("stray\"quote".utf8)
            case 11: note = [0x61, 0xFF, 0x62]
            default: note = Array("plain".utf8)
            }
            text += Array("e\(i),u\(i % 7),t,2025-01-0\(1 + i % 9),".utf8) + note
            text += generator.next(5) == 0 ? Array("\r\n".utf8) : [ASCII.lf]
            if generator.next(40) == 0 { text += [ASCII.lf] }
        }
        return text
    }

    @Test("Plain and quoted records, every block size: the same rows and the same bytes observed")
    func sameRowsAsSequential() throws {
        for seed in 1...4 as ClosedRange<UInt64> {
            let input = Self.logLike(seed: seed, records: 400, bad: false)
            let (expected, _) = try Self.rows(input, blockBytes: nil)
            for blockBytes in [1, 7, 64, 333, 4096] {
                let (rows, seen) = try Self.rows(input, blockBytes: blockBytes, chunkSize: 97)
                #expect(rows == expected, "seed \(seed), blocks of \(blockBytes)")
                #expect(seen == input, "seed \(seed), blocks of \(blockBytes): every byte observed once, in order")
            }
        }
    }

    @Test("Malformed and non-UTF-8 rows fall back to the sequential reader at their block")
    func badRowsFallBack() throws {
        for seed in 5...8 as ClosedRange<UInt64> {
            let input = Self.logLike(seed: seed, records: 300, bad: true)
            let (expected, _) = try Self.rows(input, blockBytes: nil)
            #expect(expected.contains { if case .row = $0 { return false } else { return true } })
            for blockBytes in [5, 200, 2048] {
                let (rows, seen) = try Self.rows(input, blockBytes: blockBytes, chunkSize: 61)
                #expect(rows == expected, "seed \(seed), blocks of \(blockBytes)")
                #expect(seen == input)
            }
        }
    }

    @Test("Random bytes (quotes, CR, LF, invalid UTF-8) read alike in blocks")
    func randomInputs() throws {
        for seed in 1...60 as ClosedRange<UInt64> {
            let input = CSVConsistencyTests.randomInput(seed: seed)
            let (expected, _) = try Self.rows(input, blockBytes: nil)
            for blockBytes in [1, 3, 16] {
                let (rows, seen) = try Self.rows(input, blockBytes: blockBytes, chunkSize: 5)
                #expect(rows == expected, "seed \(seed), blocks of \(blockBytes)")
                #expect(seen == input)
            }
        }
    }

    @Test("A file smaller than the minimum is read sequentially, and its header's byte-order mark skipped")
    func smallFileAndBOM() throws {
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,unit\n1,a\n2,b\n".utf8)
        let path = try temporaryFile(input)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try CSVReader(path: path)
        _ = reader.nextRecordBytes()
        reader.readRestInParallel()
        let rows = reader.rowsReadInBatches()
        #expect(rows == [.row(line: 2, fields: ["1", "a"]), .row(line: 3, fields: ["2", "b"])])
        #expect(reader.sawBOM)
    }
}
