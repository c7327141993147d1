import Testing

@testable import CSVSupport

@Suite("CSVReader gives the same result whatever the chunk size")
struct CSVConsistencyTests {
    /// A small deterministic generator, so failures reproduce.
    struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Random inputs built from the bytes that matter: separators, quotes, CR, LF, multi-byte text
    /// and invalid bytes.
    static func randomInput(seed: UInt64) -> [UInt8] {
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("bc".utf8), [ASCII.comma], [ASCII.quote], [ASCII.lf], [ASCII.cr],
            Array("\r\n".utf8), Array("ạ".utf8), [0xFF], Array("\"\"".utf8), Array("\"x,\ny\"".utf8),
        ]
        var generator = Generator(state: seed)
        var bytes: [UInt8] = []
        for _ in 0..<(20 + generator.next(200)) {
            bytes += pieces[generator.next(pieces.count)]
        }
        return bytes
    }

    @Test("random inputs read alike with chunks of 1, 2, 3, 5 and 64 bytes", arguments: 0..<60)
    func randomInputs(seed: Int) {
        let bytes = Self.randomInput(seed: UInt64(seed))
        let whole = csvRows(bytes)
        for chunkSize in [1, 2, 3, 5, 64] {
            #expect(csvRows(bytes, chunkSize: chunkSize) == whole, "chunk size \(chunkSize)")
        }
    }

    @Test("a record over the size limit is malformed and memory stays bounded")
    func tooLong() {
        let text = "a,\"stray\n" + String(repeating: "x", count: 100) + "\nb,c\n"
        let reader = CSVReader(bytes: Array(text.utf8), chunkSize: 7, maxRecordBytes: 50)
        var rows: [CSVRow] = []
        while let row = reader.next() { rows.append(row) }
        #expect(rows.count == 3)
        if case .malformed(let line, let column, let fault) = rows.first {
            #expect([line, column] == [1, 3])
            #expect(fault == .recordTooLong(limit: 50, openQuote: true))
        } else {
            Issue.record("expected malformed, got \(rows)")
        }
        #expect(
            rows.dropFirst().first.map { if case .malformed(2, 1, _) = $0 { true } else { false } } == true)
        #expect(rows.last == .row(line: 3, fields: ["b", "c"]))
    }
}
