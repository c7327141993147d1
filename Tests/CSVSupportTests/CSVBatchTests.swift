import Testing

@testable import CSVSupport

/// The batch path (`readBatch`, with its fast path for plain lines) must read exactly what `next()`
/// reads: the same records, cells, lines and skipped records, whatever the chunking and limits.
@Suite("CSVReader.readBatch reads what next() reads")
struct CSVBatchTests {
    static let inputs: [String] = [
        "id,unit,type,date\ne1,u1,t,2024-01-01\ne2,u2,t,2024-01-02\n",
        "a,b\r\n1,2\r\n\r\n3,4\r\n",
        "a,b\n1,\"x,y\"\n2,\"q\"\"q\"\n3,plain\n",
        "a,b\n1,bad\"quote\n2,ok\n",
        "a,b\n1,2\r3\n4,5",
        "a,b\n   \n\t\n1,2\n",
        "a,b\nBắc Kạn,ạ\n1,é\n",
        "a,b\n1,\u{0}2\n3,4\n",
        "single\nvalue\n",
        "a,b,c\n1,2\n1,2,3,4\n,,\n",
        "\u{FEFF}a,b\n1,2\n",
        "a,b\n1,\"open\n2,b\n3,c",
        "a,b\n1,2",
        "",
        "\n\n\n",
        "a,b\r\n1,2\r",
    ]

    @Test("the same rows for every input and chunk size", arguments: [1, 2, 3, 5, 8, 64, 4096])
    func sameRows(chunkSize: Int) {
        for text in Self.inputs {
            let bytes = Array(text.utf8)
            #expect(csvRowsByBatch(bytes, chunkSize: chunkSize) == csvRows(bytes, chunkSize: chunkSize), "\(text)")
        }
        let invalid: [UInt8] = Array("a,b\n1,".utf8) + [0xC3, 0x28] + Array("\n2,3\n".utf8)
        #expect(csvRowsByBatch(invalid, chunkSize: chunkSize) == csvRows(invalid, chunkSize: chunkSize))
    }

    @Test("the tricky file reads the same in batches at every chunk size", arguments: [1, 4, 16, 1000, 1 << 20])
    func tricky(chunkSize: Int) {
        #expect(csvRowsByBatch(CSVChunkTests.tricky.bytes, chunkSize: chunkSize) == CSVChunkTests.tricky.expected)
    }

    @Test("limits on cells, field and record length hold on the fast path")
    func limits() {
        let limits = CSVLimits(maxRecordBytes: 24, maxFieldBytes: 6, maxColumns: 3)
        let text = "a,b,c\n1,2,3\n1,2,3,4\n1234567,b,c\n12,34,56\n" + String(repeating: "x", count: 30) + "\n1,2,3\n"
        for chunkSize in [3, 7, 4096] {
            let bytes = Array(text.utf8)
            let expected = csvRows(bytes, chunkSize: chunkSize, limits: limits)
            #expect(csvRowsByBatch(bytes, chunkSize: chunkSize, limits: limits) == expected)
            #expect(expected.contains { if case .malformed = $0 { true } else { false } })
        }
    }

    @Test("a batch ends at 1,024 records and the next one goes on")
    func batchSize() {
        let text = "a,b\n" + (1...3000).map { "\($0),x\n" }.joined()
        let reader = CSVReader(bytes: Array(text.utf8))
        var sizes: [Int] = []
        var stop = CSVBatchStop.full
        while stop == .full {
            var batch = CSVBatch()
            stop = reader.readBatch(into: &batch)
            sizes.append(batch.count)
        }
        #expect(sizes == [1024, 1024, 953])
        #expect(stop == .end)
    }
}
