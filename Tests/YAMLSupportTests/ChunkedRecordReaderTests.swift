import Foundation
import Testing

@testable import YAMLSupport

/// A YAML log read in chunks on several threads gives the items of the sequential batch reading:
/// records with the same key numbering, lines and columns, refusals (their messages' lines too),
/// file errors, and every byte shown to the observer once, in order.
struct ChunkedRecordReaderTests {
    /// Items as text: each record with its key ids, the events as they are.
    static func describe(_ batch: YAMLRecordBatch) -> [String] {
        (0..<batch.count).map { r in
            let first = r == 0 ? 0 : Int(batch.recordEnds[r - 1])
            let fields = batch.fields(of: r).enumerated().map { k, field in
                "\(batch.keys[first + k]):\(field.key)=\(field.value ?? "")@\(field.mark)"
            }
            return "record \(batch.lines[r]) \(fields)"
        }
    }

    static func sequential(_ bytes: [UInt8]) -> [String] {
        let reader = YAMLRecordReader(bytes: bytes)
        var out: [String] = []
        while !reader.isFinished {
            var batch = YAMLRecordBatch()
            let event = reader.read(into: &batch)
            out += describe(batch)
            if let event { out.append(RecordBatchTests.describe(event)) }
        }
        return out
    }

    static func chunked(_ path: String, chunkBytes: Int) -> ([String], [UInt8]) {
        var seen: [UInt8] = []
        let reader = YAMLChunkedRecordReader(
            path: path, observer: { seen += $0 }, chunkBytes: chunkBytes, minimumBytes: 0, depth: 3)
        var out: [String] = []
        while let item = reader.next() {
            switch item {
            case .batch(let batch): out += describe(batch)
            case .event(let event): out.append(RecordBatchTests.describe(event))
            }
        }
        return (out, seen)
    }

    /// Log-like items: flow and block records, comments, CRLF, keys met late, non-ASCII keys,
    /// block scalars, quoted scalars spanning lines that look like items, refusals.
    static func log(seed: UInt64, items: Int, tail: String = "") -> [UInt8] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var text = "events:  # the log\n\n"
        for i in 0..<items {
            let eol = next(5) == 0 ? "\r\n" : "\n"
            switch next(14) {
            case 0: text += "  - {id: e\(i), id: twice}" + eol
            case 1: text += "  - {id: e\(i), nested: [1, 2]}" + eol
            case 2:
                text += "  - id: e\(i)" + eol + "    note: |" + eol + "      text" + eol + "      - not an item" + eol
            case 3 where seed == 3:
                // A cut here fails its check: the rest of the log is read sequentially.
                text += "  - {id: e\(i), note: \"spans" + eol + "  - {id: fake}\"}" + eol
            case 4: text += "  - {id: e\(i), late\(i % 4): v, ch\u{1EE7} \u{111}\u{1EC1}: x}" + eol
            case 5: text += "  # a comment" + eol + "  - {id: e\(i), note: ''}" + eol
            case 6: text += "  - {id: e\(i), unit: [deep, [er]], x: 1}" + eol
            case 7: text += "  -" + eol + "    id: e\(i)" + eol
            case 8: text += "  - {id: e\(i), note: \"a\\u2028b \u{2028} c \u{85} d\", n: ~}" + eol
            default: text += "  - {id: e\(i), unit: u\(i % 7), type: t, date: 2025-01-02}" + eol
            }
        }
        return Array((text + tail).utf8)
    }

    func check(_ bytes: [UInt8], chunkSizes: [Int] = [1 << 16, 100_000], note: String) throws {
        let path = NSTemporaryDirectory() + "/yaml-chunks-\(UUID().uuidString).yaml"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let expected = Self.sequential(bytes)
        for chunkBytes in chunkSizes {
            let (items, seen) = Self.chunked(path, chunkBytes: chunkBytes)
            #expect(items == expected, "\(note), chunks of \(chunkBytes)")
            #expect(seen == bytes, "\(note), chunks of \(chunkBytes): every byte observed once, in order")
        }
    }

    @Test("chunks of every size read like the sequential reader", arguments: 1...3 as ClosedRange<UInt64>)
    func chunksReadLikeSequential(seed: UInt64) throws {
        let bytes = Self.log(seed: seed, items: 8_000)
        #expect(Self.sequential(bytes).contains { $0.hasPrefix("rejected") })
        try check(bytes, note: "seed \(seed)")
    }

    @Test(
        "a file error late in the log is the sequential reader's",
        arguments: [
            "  - {id: bad\n", "other: 1\n", "---\nevents: []\n", "  - {id: x, n: *nowhere}\n  - [\n",
        ])
    func lateFileError(tail: String) throws {
        let bytes = Self.log(seed: 9, items: 5_000, tail: tail)
        #expect(Self.sequential(bytes).last?.hasPrefix("file error") == true)
        try check(bytes, note: tail)
    }

    @Test("invalid UTF-8 late in the log is located as the sequential reader locates it")
    func lateInvalidUTF8() throws {
        let bytes =
            Self.log(seed: 4, items: 5_000) + Array("  - {id: x, note: a".utf8) + [0xC3, 0x28] + Array("}\n".utf8)
        try check(bytes, note: "invalid UTF-8")
    }

    @Test(
        "a log that does not open plainly is read sequentially",
        arguments: [
            "%YAML 1.1\n---\nevents:\n", "\u{FEFF}events:\n", "events:\n- {id: a}\n", "events: [\n",
        ])
    func otherOpenings(head: String) throws {
        var text = head
        for i in 0..<6_000 { text += head.hasSuffix("[\n") ? "  {id: e\(i)},\n" : "- {id: e\(i), unit: u}\n" }
        text += head.hasSuffix("[\n") ? "]\n" : ""
        try check(Array(text.utf8), note: head)
    }
}
