import Testing

@testable import YAMLSupport

/// Reading records into batches (`read(into:)`) gives what the record-by-record reading (`next()`)
/// gives: the same records with the same fields, value positions and lines, the same refusals and
/// file errors, in the same order.
struct RecordBatchTests {
    /// An event as text: records without their null fields and value styles (a batch keeps neither,
    /// the loader uses neither), everything else as it is.
    static func describe(_ event: YAMLRecordEvent) -> String {
        switch event {
        case .record(let line, let fields):
            let present = fields.filter { $0.value != nil }.map { "\($0.key)=\($0.value ?? "")@\($0.mark)" }
            return "record \(line) \(present)"
        case .rejected(let line, let column, let code, let detail):
            return "rejected \(line):\(column) \(code) \(detail)"
        case .failed(let problem):
            return "file error \(problem.mark) \(problem.code) \(problem.detail)"
        case .empty:
            return "empty"
        }
    }

    /// The record-by-record reading.
    static func byRecord(_ bytes: [UInt8]) -> [String] {
        let reader = YAMLRecordReader(bytes: bytes)
        var out: [String] = []
        while let event = reader.next() { out.append(describe(event)) }
        return out
    }

    /// The batch reading, a batch's records first, then the event that ended it.
    static func byBatch(_ bytes: [UInt8]) -> [String] {
        let reader = YAMLRecordReader(bytes: bytes)
        var out: [String] = []
        var rounds = 0
        while !reader.isFinished && rounds < 100_000 {
            rounds += 1
            var batch = YAMLRecordBatch()
            let event = reader.read(into: &batch)
            for r in 0..<batch.count {
                out.append(describe(.record(line: batch.lines[r], fields: batch.fields(of: r))))
            }
            if let event { out.append(describe(event)) }
        }
        return out
    }

    static let trickyInputs: [(String, String)] = [
        ("flow", "events:\n  - {id: a, unit: x, type: t, date: 2025-01-02}\n  - {id: b, unit: y}\n"),
        ("block", "events:\n- id: a\n  unit: x\n- id: b\n  unit: y\n"),
        (
            "quoted and block scalars",
            "events:\n  - id: \"a,b\"\n    unit: 'x''y'\n    note: \"line\\nbreak \\u00e9\"\n    text: |\n      multi\n      line\n"
                + "    folded: >\n      folded\n      text\n  - {id: 'q', unit: \"\\t u \"}\n"
        ),
        (
            "comments",
            "# head\nevents: # the list\n  # before\n  - {id: a} # after\n  # between\n  - id: b # x\n    # in\n    unit: c\n# end\n"
        ),
        ("multiple documents", "events:\n  - {id: a}\n---\nevents: []\n"),
        ("explicit document", "---\nevents:\n  - {id: a}\n...\n"),
        (
            "anchors and aliases",
            "events:\n  - &a {id: x}\n  - {id: &b x}\n  - {id: *b}\n  - *a\n  - {&k id: x}\n  - {id: x, n: [&z 1]}\n  - {id: y}\n"
        ),
        (
            "tags",
            "events:\n  - !!map {id: x}\n  - {id: !!str 10}\n  - {id: !custom x}\n  - {!!str id: x}\n  - {id: x, n: !!str null}\n"
                + "  - {id: x, n: !!null ''}\n  - {id: x, n: ! null}\n  - !!seq [a]\n  - !foo {id: x}\n"
        ),
        (
            "duplicate keys",
            "events:\n  - {id: a, id: b}\n  - {id: a, unit: x, \"id\": c}\n  - {\u{E9}: 1, e\u{301}: 2}\n  - {id: a, n: ~, n: 1}\n  - {id: ok}\n"
        ),
        (
            "non-scalar values",
            "events:\n  - {id: [a]}\n  - {id: {a: b}}\n  - {[a]: b}\n  - {? {a: b} : c}\n  - {id: [[[[a]]]], unit: x}\n  - plain\n"
                + "  - [a, b]\n  - {id: ok}\n  - id: x\n    nested:\n      deep: [1, {a: [2]}]\n    after: 1\n  - {id: last}\n"
        ),
        ("bom", "\u{FEFF}events:\n  - {id: a}\n"),
        ("crlf", "events:\r\n  - id: a\r\n    unit: b\r\n  - {id: c,\r\n     unit: d}\r\n"),
        (
            "nulls and empties",
            "events:\n  - {id: a, note: \"\", x: ~, y: null, Y: Null, z: NULL, w: '', v: }\n  - {id: b, note: |\n\n    }\n"
                + "  - id: c\n    e:\n    f: \"\"\n"
        ),
        (
            "non-ASCII",
            "events:\n  - {id: \u{E9}, unit: \"  x  \", t\u{1EA1}i: \"Ti\u{1EBF}p d\u{00E2}n\", \u{1F600}: x}\n"
        ),
        (
            "keys in other orders",
            "events:\n  - {id: a, unit: x}\n  - {unit: y, id: b}\n  - {id: c, late: 1, unit: z}\n  - {id: d}\n"
        ),
        ("syntax error midway", "events:\n  - {id: a}\n  - {id: b\n  - {id: c}\n"),
        ("null list", "events:\n"),
        ("empty list", "events: []\n"),
        ("flow list", "events: [{id: a}, {id: b, unit: c}, x]\n"),
        ("empty file", "# nothing\n"),
        ("wrong top level", "records:\n  - {id: a}\n"),
        ("extra key", "events:\n  - {id: a}\nother: 1\n"),
        ("long value", "events:\n  - {id: a, note: \(String(repeating: "x", count: 70_000))}\n"),
        ("NUL escape", "events:\n  - {id: \"a\\0b\", unit: \"\\x41\"}\n"),
    ]

    @Test("batches read tricky YAML like the record-by-record reader", arguments: 0..<trickyInputs.count)
    func tricky(_ index: Int) {
        let (name, text) = Self.trickyInputs[index]
        let bytes = Array(text.utf8)
        #expect(Self.byBatch(bytes) == Self.byRecord(bytes), "\(name)")
    }

    @Test("invalid UTF-8 after some records is the same file error")
    func invalidUTF8() {
        let bytes = Array("events:\n  - {id: a}\n  - {id: b, note: x".utf8) + [0xFF, 0xFE] + Array("}\n".utf8)
        let expected = Self.byRecord(bytes)
        #expect(expected.last?.hasPrefix("file error 3:") == true)
        #expect(Self.byBatch(bytes) == expected)
    }

    @Test("thousands of records across batches, with refusals among them, read alike")
    func manyRecords() {
        var text = "events:\n"
        var state: UInt64 = 7
        for i in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            switch (state >> 33) % 9 {
            case 0: text += "  - {id: e\(i), id: again}\n"
            case 1: text += "  - {id: e\(i), nested: [1]}\n"
            case 2: text += "  - id: e\(i)\n    unit: u\(i % 7)\n    note: \"\"\n"
            case 3: text += "  - {id: e\(i), k\(i % 50): v}\n"
            default: text += "  - {id: e\(i), unit: u\(i % 7), type: t, date: 2025-01-02}\n"
            }
        }
        let bytes = Array(text.utf8)
        let expected = Self.byRecord(bytes)
        #expect(expected.count == 5_000)
        #expect(Self.byBatch(bytes) == expected)
    }
}
