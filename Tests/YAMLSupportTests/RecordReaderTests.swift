import Foundation
import Testing

@testable import YAMLSupport

@Suite("YAMLRecordReader streams log records")
struct RecordReaderTests {
    /// The (line, [key: value]) of a record event, nil for other events.
    func summary(_ event: YAMLRecordEvent) -> (Int, [String: String?])? {
        guard case .record(let line, let fields) = event else { return nil }
        var values: [String: String?] = [:]
        for field in fields { values[field.key] = field.value }
        return (line, values)
    }

    @Test("block and flow items give records with their start lines")
    func goodRecords() throws {
        let yaml = """
            # log
            events:
              - id: e1
                unit: bk
                date: 2022-02-09
              - {id: e2, unit: cb, date: "2022-03-01"}
              -
                id: e3
                unit: bk
            """
        let events = recordEvents(yaml)
        #expect(events.count == 3)
        let records = events.compactMap(summary)
        #expect(records.map(\.0) == [3, 6, 8])
        #expect(records[0].1["date"] == "2022-02-09")
        #expect(records[1].1["unit"] == "cb")
        #expect(records[2].1["id"] == "e3")
        guard case .record(_, let fields) = events[1] else {
            Issue.record("expected a record")
            return
        }
        #expect(fields.map(\.key) == ["id", "unit", "date"])
        #expect(
            fields[2]
                == YAMLRecordField(key: "date", value: "2022-03-01", style: .doubleQuoted, mark: mark(6, 30)))
    }

    @Test("null values read as nil; quoted null stays text; YAML 1.1 words stay text")
    func nullValues() throws {
        let yaml = "events:\n  - {a: ~, b: null, c: , d: 'null', e: no, f: 09}\n  - a:\n    b: x\n"
        let records = recordEvents(yaml).compactMap(summary)
        #expect(records.count == 2)
        #expect(records[0].1 == ["a": nil, "b": nil, "c": nil, "d": "null", "e": "no", "f": "09"])
        #expect(records[1].1 == ["a": nil, "b": "x"])
    }

    @Test("a nested value rejects the record and the next record is still read")
    func nestedValue() throws {
        let yaml = """
            events:
              - id: e1
                tags: [a, b]
                more: {x: [1, 2]}
              - id: e2
              - id: e3
                attrs:
                  k: v
              - id: e4
            """
        let events = recordEvents(yaml)
        #expect(events.count == 4)
        #expect(
            events[0]
                == .rejected(
                    line: 3, column: 11, code: "log.malformed-row",
                    detail: .fieldNotScalar(.value(of: "tags"), found: .list)))
        #expect(summary(events[1])?.1 == ["id": "e2"])
        guard case .rejected(let line, let column, let code, _) = events[2] else {
            Issue.record("expected a rejection, got \(events[2])")
            return
        }
        #expect((line, column, code) == (8, 7, "log.malformed-row"))
        #expect(summary(events[3])?.0 == 9)
    }

    @Test("an item that is not a mapping is rejected", arguments: ["- plain", "- [a, b]", "- [[a], {b: c}]"])
    func nonMappingItem(item: String) {
        let events = recordEvents("events:\n  \(item)\n  - id: ok\n")
        #expect(events.count == 2)
        if case .rejected(let line, let column, let code, _) = events[0] {
            #expect((line, column, code) == (2, 5, "log.malformed-row"))
        } else {
            Issue.record("expected a rejection, got \(events[0])")
        }
        #expect(summary(events[1])?.1 == ["id": "ok"])
    }

    @Test(
        "anchors and aliases reject the record",
        arguments: [
            ("events:\n  - &r {id: a}\n  - id: b\n", 2, 5),
            ("events:\n  - {id: &x a, u: b}\n  - id: b\n", 2, 10),
            ("events:\n  - {id: a}\n  - {id: *x}\n  - id: b\n", 3, 10),
            ("events:\n  - id: a\n    t: &l [1]\n  - id: b\n", 3, 8),
        ])
    func aliases(yaml: String, line: Int, column: Int) {
        let events = recordEvents(yaml)
        let rejected = events.compactMap { event -> (Int, Int, String)? in
            if case .rejected(let line, let column, let code, _) = event { return (line, column, code) }
            return nil
        }
        #expect(rejected.count == 1)
        #expect(rejected.first.map { [$0.0, $0.1] } == [line, column])
        #expect(rejected.first?.2 == "log.yaml-alias")
        #expect(summary(events.last ?? .empty)?.1 == ["id": "b"])
    }

    @Test("a duplicate key rejects the record, naming the key")
    func duplicateKey() throws {
        let events = recordEvents("events:\n  - id: a\n    unit: x\n    id: b\n  - id: c\n")
        #expect(events.count == 2)
        guard case .rejected(let line, let column, let code, let detail) = events[0] else {
            Issue.record("expected a rejection")
            return
        }
        #expect((line, column, code) == (4, 5, "log.malformed-row"))
        #expect(detail == .duplicateField("id", first: SourceMark(line: 2, column: 5)))
        #expect(summary(events[1])?.1 == ["id": "c"])
    }

    @Test("a non-core tag on a value rejects the record")
    func foreignTag() {
        let events = recordEvents("events:\n  - {id: !x a}\n  - {id: !!str b}\n")
        #expect(events.count == 2)
        if case .rejected(_, _, let code, _) = events[0] {
            #expect(code == "log.malformed-row")
        } else {
            Issue.record("expected a rejection")
        }
        #expect(summary(events[1])?.1 == ["id": "b"])
    }

    @Test(
        "a wrong top level is a file error at the offending node",
        arguments: [
            ("records:\n  - id: a\n", 1, 1),
            ("events: []\nextra: 1\n", 2, 1),
            ("- id: a\n", 1, 1),
            ("events: {id: a}\n", 1, 9),
            ("events: text\n", 1, 9),
            ("# c\n\"plain\"\n", 2, 1),
            ("{}\n", 1, 1),
        ])
    func wrongTopLevel(yaml: String, line: Int, column: Int) {
        let events = recordEvents(yaml)
        #expect(events.count == 1)
        guard case .failed(let problem) = events.first else {
            Issue.record("expected a file error, got \(events)")
            return
        }
        #expect(problem.mark == SourceMark(line: line, column: column))
        #expect(problem.code == "log.wrong-top-level")
    }

    @Test("empty and comment-only files give .empty", arguments: ["", "\n", "# only a comment\n  \n"])
    func emptyFile(text: String) {
        #expect(recordEvents(text) == [.empty])
    }

    @Test(
        "an empty or null events list gives no events",
        arguments: ["events: []\n", "events:\n", "events: ~\n"])
    func noRecords(text: String) {
        #expect(recordEvents(text).isEmpty)
    }

    @Test("a syntax error midway is a file error after the earlier records")
    func syntaxErrorMidway() throws {
        let yaml = "events:\n  - id: a\n  - id: b\n  - {id: c\n  - id: d\n"
        let events = recordEvents(yaml)
        #expect(events.count == 3)
        #expect(events.prefix(2).compactMap(summary).map(\.0) == [2, 3])
        guard case .failed(let problem) = events.last else {
            Issue.record("expected a file error")
            return
        }
        #expect(problem.code == "yaml.syntax")
        guard case .libyaml(let error) = problem.detail else {
            Issue.record("expected libyaml's error, got \(problem.detail)")
            return
        }
        #expect(error.context == "while parsing a flow mapping")
    }

    @Test("a second document is a file error")
    func secondDocument() {
        let events = recordEvents("events:\n  - id: a\n---\nevents: []\n")
        #expect(events.count == 2)
        #expect(
            events.last
                == .failed(
                    YAMLProblem(
                        code: "yaml.multiple-documents", detail: .secondLogDocument,
                        mark: SourceMark(line: 3, column: 1))))
    }

    @Test("invalid UTF-8 is a file error with its position")
    func invalidUTF8() {
        let bytes = Array("events:\n  - id: a".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let reader = YAMLRecordReader(bytes: bytes)
        var events: [YAMLRecordEvent] = []
        while let event = reader.next() { events.append(event) }
        guard case .failed(let problem) = events.last else {
            Issue.record("expected a file error, got \(events)")
            return
        }
        #expect((problem.mark.line, problem.mark.column, problem.code) == (2, 11, "yaml.invalid-utf8"))
        #expect(problem.detail == .libyamlReader(problem: "invalid trailing UTF-8 octet", value: 0x28, byteOffset: 18))
    }

    @Test("next() returns nil after the end, repeatedly")
    func endIsSticky() {
        let reader = YAMLRecordReader(bytes: Array("events: [{id: a}]\n".utf8))
        #expect(reader.next() != nil)
        #expect(reader.next() == nil)
        #expect(reader.next() == nil)
    }

    @Test("files: unreadable path and directory give log.unreadable; a real file is streamed")
    func files() throws {
        let missing = YAMLRecordReader(path: "/nonexistent/dvcheck/log.yaml")
        guard case .failed(let problem) = missing.next(), problem.code == "log.unreadable",
            problem.detail == .cannotOpen(path: "/nonexistent/dvcheck/log.yaml", errno: ENOENT)
        else {
            Issue.record("expected log.unreadable")
            return
        }
        #expect(missing.next() == nil)
        let directory = YAMLRecordReader(path: NSTemporaryDirectory())
        guard case .failed(let problem) = directory.next(), problem.code == "log.unreadable",
            problem.detail == .isDirectory(path: NSTemporaryDirectory())
        else {
            Issue.record("expected log.unreadable for a directory")
            return
        }
        let path = NSTemporaryDirectory() + "/yaml-record-reader-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var text = "events:\n"
        for index in 0..<5000 { text += "  - {id: e\(index), unit: bk, date: 2022-01-01}\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let reader = YAMLRecordReader(path: path)
        var count = 0
        var lastLine = 0
        while let event = reader.next() {
            if case .record(let line, _) = event {
                count += 1
                lastLine = line
            }
        }
        #expect(count == 5000)
        #expect(lastLine == 5001)
    }

    @Test("invalid UTF-8 in a file is located by re-reading the file")
    func invalidUTF8InFile() throws {
        let path = NSTemporaryDirectory() + "/yaml-record-reader-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = Array("events:\n  - id: ạ\n  - id: b".utf8) + [0xFF] + Array("\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reader = YAMLRecordReader(path: path)
        var last: YAMLRecordEvent?
        while let event = reader.next() { last = event }
        guard case .failed(let problem) = last, problem.code == "yaml.invalid-utf8" else {
            Issue.record("expected yaml.invalid-utf8, got \(String(describing: last))")
            return
        }
        #expect(problem.mark == SourceMark(line: 3, column: 10))
    }
}
