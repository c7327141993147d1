import ComplianceCore
import ComplianceTestSupport
import Foundation
import Testing

@testable import Ingest

/// Logs read in parallel blocks, several files at once, give exactly what the sequential reading
/// gives: the same rows (ids, "first accepted wins" across files, lines), the same per-file
/// accounting and digests, the same diagnostics in the same order.
@Suite("Parallel log reading gives the sequential reading")
struct ParallelIngestTests {
    /// A log-like CSV file with every awkward thing a block boundary may fall on.
    static func csv(seed: UInt64, records: Int, idPrefix: String) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        var text: [UInt8] = Array("id,unit,type,date,note\r\n".utf8)
        for i in 0..<records {
            // Ids repeat within the file and across files (duplicates: the first accepted wins).
            let id = "\(idPrefix)\(i % 50)"
            var row = Array("\(id),x\(1 + i % 6),citizen-reception,2022-02-\(10 + i % 9),".utf8)
            switch random.next() % 16 {
            case 0: row += Array("\"two\nlines, quoted\"".utf8)
            case 1: row += Array("\"said \"\"hi\"\"\r\nthen left\"".utf8)
            case 2: row += Array("Bắc Kạn".utf8)
            case 3: row += [0x61, 0xFF, 0x62]  // not UTF-8: the record is rejected
            case 4: row = Array("\(id),x1,citizen-reception,not-a-date,".utf8)
            case 5: row = Array("\(id),x1,citizen-reception".utf8)  // too few cells
            case 6: row += Array(repeating: UInt8(ascii: "w"), count: 3_000)  // longer than most blocks
            case 7: row += Array("stray\"quote".utf8)
            default: row += Array("plain".utf8)
            }
            text += row
            text += random.next() % 3 == 0 ? Array("\r\n".utf8) : [0x0A]
            if random.next() % 25 == 0 { text += Array("\n  \r\n".utf8) }  // blank lines
        }
        return text
    }

    /// A log-like JSON Lines file with the same kinds of trouble.
    static func jsonLines(seed: UInt64, records: Int, idPrefix: String) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        var text: [UInt8] = []
        for i in 0..<records {
            let id = "\(idPrefix)\(i % 50)"
            let base = "\"id\":\"\(id)\",\"unit\":\"x\(1 + i % 6)\",\"type\":\"citizen-reception\""
            let date = "\"date\":\"2022-02-\(10 + i % 9)\""
            var line: [UInt8]
            switch random.next() % 16 {
            case 0: line = Array("{\(base),\(date),\"note\":\"a\\\"b\\nc\"}".utf8)
            case 1: line = Array("{\(date),\(base),\"chủ đề\":\"Bắc Kạn\"}".utf8)  // keys in another order
            case 2: line = Array("{\(base),\(date),\"late\(i % 3)\":\"y\"}".utf8)  // keys met late
            case 3: line = Array("{\(base),\(date),\"note\":\"".utf8) + [0xFF] + Array("\"}".utf8)
            case 4: line = Array("{\(base),\"date\":\"not-a-date\"}".utf8)
            case 5: line = Array("[1,2]".utf8)
            case 6: line = Array("{\(base),\(date),\"n\":{\"a\":1}}".utf8)
            case 7:
                line =
                    Array("{\(base),\(date),\"note\":\"".utf8) + Array(repeating: UInt8(ascii: "w"), count: 3_000)
                    + Array("\"}".utf8)
            case 8: line = Array("{\"id\":\"\(id)\",\"type\":\"citizen-reception\",\(date)}".utf8)  // no unit
            default: line = Array("{\(base),\(date),\"ref\":\(i)}".utf8)
            }
            text += line
            text += random.next() % 3 == 0 ? Array("\r\n".utf8) : [0x0A]
            if random.next() % 25 == 0 { text += Array("  \n\n".utf8) }
        }
        return text
    }

    /// A project of several logs: CSV and JSON Lines with ids shared across files, file errors (UTF-16;
    /// a YAML syntax error after some records) and an empty file between them.
    static func project() -> TestProject {
        let p = TestProject().standardConfig().flatUnits((1...5).map { "x\($0)" })
        p.write(
            "rules/r.yaml",
            ruleYAML(kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_least: 1"))
        p.writeBytes("logs/a.csv", csv(seed: 1, records: 700, idPrefix: "e"))
        p.writeBytes("logs/b.jsonl", jsonLines(seed: 2, records: 700, idPrefix: "e"))
        p.writeBytes("logs/c.csv", [0xFF, 0xFE] + Array("i\0d\0".utf8))
        p.writeBytes("logs/d.jsonl", [])
        p.writeBytes("logs/e.csv", csv(seed: 3, records: 500, idPrefix: "f"))
        p.writeBytes("logs/f.jsonl", jsonLines(seed: 4, records: 500, idPrefix: "f"))
        // Records, then a syntax error: a file error after records were read (its rows are dropped).
        p.write(
            "logs/g.yaml",
            "events:\n  - { id: g1, unit: x1, type: citizen-reception, date: 2022-02-10 }\n"
                + "  - { id: e1, unit: x2, type: new-type, date: 2022-02-11 }\n  - { id: [\n")
        p.writeBytes("logs/h.csv", csv(seed: 5, records: 300, idPrefix: "g"))
        return p
    }

    /// Everything ingestion produced, as text.
    static func ingest(_ project: LoadedProject, root: String, blocks: LogBlocks) throws -> [String] {
        let registry = try #require(project.registry)
        var ingestor = LogIngestor(
            registry: registry, vocabulary: project.vocabulary,
            zone: try #require(ZoneConverter(identifier: "Asia/Ho_Chi_Minh")), asOf: project.asOf)
        ingestor.blocks = blocks
        let files = try FileManager.default.contentsOfDirectory(atPath: root + "/logs").sorted()
        let result = ingestor.ingest(files: files.map { (root + "/logs/" + $0, "logs/" + $0) })
        var lines = (0..<result.events.count).map { row in
            let e = result.events.event(row)
            return "\(e.id) \(e.unit) \(e.type) \(e.day) \(e.attributes.map { "\($0.name)=\($0.value)" }) "
                + "\(e.origin.file):\(e.origin.line)"
        }
        lines += result.files.map { f in
            "\(f.path) \(f.read) \(f.accepted) \(f.rejected) \(f.ignored) \(f.fileError) \(f.sha256 ?? "-")"
        }
        lines += result.diagnostics.map { d in
            "\(d.level) \(d.code) \(d.location.map { "\($0.path):\($0.line):\($0.column)" } ?? "-") \(d.message)"
        }
        return lines
    }

    @Test("CSV and JSON Lines, several files, blocks of every size: the sequential reading's result")
    func blocksReadLikeTheSequentialReader() throws {
        let p = Self.project()
        let project = p.load(asOf: day("2025-01-01"))
        let expected = try Self.ingest(project, root: p.root, blocks: LogBlocks(enabled: false))
        // The input exercises what it should: duplicates, refusals of each kind, a file error.
        for code in ["log.duplicate-id", "log.invalid-utf8", "log.malformed-row", "log.bad-date", "log.empty-file"] {
            #expect(expected.contains { $0.contains(" \(code) ") }, "\(code) in the input")
        }
        #expect(expected.contains { $0.hasPrefix("logs/c.csv 0 0 0 0 true") })
        #expect(expected.contains { $0.hasPrefix("logs/g.yaml 0 0 0 0 true") })
        for blockBytes in [1, 37, 700, 1 << 20] {
            let blocks = LogBlocks(enabled: true, blockBytes: blockBytes, minimumBytes: 0)
            let found = try Self.ingest(project, root: p.root, blocks: blocks)
            #expect(found.count == expected.count, "blocks of \(blockBytes)")
            for (a, b) in zip(found, expected) where a != b {
                Issue.record("blocks of \(blockBytes): \(a)\n  sequential: \(b)")
                break
            }
        }
    }

    @Test("The standard reading uses blocks only for logs large enough to be worth it")
    func standardThreshold() {
        #expect(LogBlocks.standard.minimumBytes >= 1 << 20)
        #expect(LogBlocks.standard.enabled == (ProcessInfo.processInfo.environment["DVCHECK_SEQUENTIAL_LOGS"] == nil))
    }
}
