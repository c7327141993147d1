import Foundation
import Testing

@testable import Ingest

/// JSON Lines read in parallel blocks give the items of the sequential reading: records, key
/// numbering, line numbers, refusals and their byte offsets, and every byte shown to the digest once.
struct JSONLinesBlockTests {
    /// Log-like lines: plain records, escapes, a non-ASCII key, keys met late, blank lines, CRLF,
    /// and refused lines (invalid UTF-8, not an object, a nested value).
    static func input(seed: UInt64, lines: Int) -> [UInt8] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var bytes: [UInt8] = []
        for i in 0..<lines {
            let base = "\"id\":\"e\(i)\",\"unit\":\"u\(i % 5)\",\"type\":\"t\",\"date\":\"2025-01-02\""
            switch next(12) {
            case 0: bytes += Array("{\(base),\"note\":\"a\\\"b\"}".utf8)
            case 1: bytes += Array("{\(base),\"chủ đề\":\"x\"}".utf8)
            case 2: bytes += Array("{\(base),\"late\(i % 3)\":\"y\"}".utf8)
            case 3: bytes += Array("   ".utf8)
            case 4: bytes += Array("{\"id\":\"e\(i)\",\"note\":\"".utf8) + [0xFF] + Array("\"}".utf8)
            case 5: bytes += Array("[1,2]".utf8)
            case 6: bytes += Array("{\(base),\"n\":{\"a\":1}}".utf8)
            default: bytes += Array("{\(base),\"ref\":\"r\(i)\"}".utf8)
            }
            bytes += next(4) == 0 ? Array("\r\n".utf8) : [0x0A]
        }
        return bytes
    }

    /// The items as text, and the bytes the observer saw.
    static func read(_ path: String, blockBytes: Int?) -> ([String], [UInt8]) {
        var seen: [UInt8] = []
        var source = JSONLinesRecordSource(
            path: path, observer: { seen += $0 },
            blocks: LogBlocks(enabled: blockBytes != nil, blockBytes: blockBytes ?? 1, minimumBytes: 0))
        var items: [String] = []
        while let item = source.next() {
            switch item {
            case .keyedBatch(let batch):
                // Per record, with each field's key id (batch boundaries may differ; records may not).
                for r in 0..<batch.count {
                    let fields = batch.fieldRange(r).map { f in
                        "\(batch.keys[f]):\(batch.keyNames[Int(batch.keys[f])])="
                            + batch.fields(of: r)[f - batch.fieldRange(r).lowerBound].value
                    }
                    items.append("\(batch.lines[r]): \(fields)")
                }
            case .rejected(let line, let column, let code, let message):
                items.append("rejected \(line):\(column) \(code) \(message.english)")
            case .empty: items.append("empty")
            case .fileError(let line, let column, let code, let message):
                items.append("file error \(line):\(column) \(code) \(message.english)")
            default: items.append("other")
            }
        }
        return (items, seen)
    }

    @Test func blocksOfEverySizeReadLikeTheSequentialReader() throws {
        for seed in 1...3 as ClosedRange<UInt64> {
            let bytes = Self.input(seed: seed, lines: 1_500)
            let path = NSTemporaryDirectory() + "/jsonl-blocks-\(UUID().uuidString).jsonl"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let (expected, _) = Self.read(path, blockBytes: nil)
            #expect(expected.contains { $0.hasPrefix("rejected") })
            for blockBytes in [1, 100, 5_000] {
                let (items, seen) = Self.read(path, blockBytes: blockBytes)
                #expect(items == expected, "seed \(seed), blocks of \(blockBytes)")
                #expect(seen == bytes, "seed \(seed), blocks of \(blockBytes): every byte observed once, in order")
            }
        }
    }

    @Test func aLineOverTheLimitInABlockHandsTheRestToTheSequentialReader() throws {
        // Records, a line longer than any record may be (it is refused), records again.
        var bytes = Self.input(seed: 9, lines: 300)
        bytes += Array("{\"id\":\"long\",\"note\":\"".utf8)
        bytes += Array(repeating: UInt8(ascii: "w"), count: LineReader.defaultMaxLineBytes + (3 << 20))
        bytes += Array("\"}\n".utf8) + Self.input(seed: 10, lines: 300)
        let path = NSTemporaryDirectory() + "/jsonl-long-\(UUID().uuidString).jsonl"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (expected, _) = Self.read(path, blockBytes: nil)
        #expect(!expected.contains { $0.contains("id=long") }, "the long line gives no record")
        #expect(expected.count > 500, "reading goes on after it")
        let (items, seen) = Self.read(path, blockBytes: 1 << 20)
        #expect(items == expected)
        #expect(seen == bytes, "every byte observed once, in order")
    }
}
