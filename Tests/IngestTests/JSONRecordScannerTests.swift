import ComplianceCore
import ComplianceTestSupport
@_spi(Fuzzing) import Ingest
import Testing

/// The JSON Lines fast path takes the plain records of real logs and leaves everything else to the
/// full parser, and never reads a line differently from it.
struct JSONRecordScannerTests {
    static let plain: [String] = [
        #"{"id": "e1", "unit": "p01.c00001", "type": "citizen-reception", "date": "2022-01-04", "role": "deputy"}"#,
        #"{"id":"e1","unit":"x1","type":"dialogue","date":"2023-02-01"}"#,
        "\t{ \"id\" :\"e1\" , \"n\": -12.5e+3 ,\"ok\":true,\"no\":false,\"gone\":null }  ",
        #"{}"#,
        #"{"note": ""}"#,
        #"{"name": "Đối thoại trực tiếp"}"#,
        #"{"n": 007, "m": 1E5, "k": -0}"#,
    ]

    static let others: [String] = [
        #"{"id": "e\"1"}"#,
        #"{"id": "a\u00e9"}"#,
        #"{"tên": "x"}"#,
        #"{"id": "1", "id": "2"}"#,
        #"{"id": "1", "id": null}"#,
        #"{"id": "1",}"#,
        #"{"id": [1]}"#,
        #"{"id": {"a": 1}}"#,
        #"{"id": tru}"#,
        #"{"id": 1.}"#,
        #"{"id": -}"#,
        #"{"id": 1e}"#,
        #"{"id": "1"} x"#,
        #"{"id": "1""#,
        #"["id"]"#,
        #"{id: 1}"#,
        "{\"id\": \"a\tb\"}",
        #"{"id" "1"}"#,
        #"{"id": +1}"#,
        #"{"#,
        "",
    ]

    @Test(arguments: plain) func plainRecordsTakeTheFastPathAndAgree(_ line: String) {
        #expect(JSONLinesFastPathCheck.compare(Array(line.utf8)) == .fastPath)
    }

    @Test(arguments: others) func otherLinesGoToTheFullParser(_ line: String) {
        #expect(JSONLinesFastPathCheck.compare(Array(line.utf8)) == .fullParser)
    }

    /// Strings are scanned eight bytes at a time: a byte that needs a look (an escape, a control
    /// byte, non-ASCII in a key) must be seen wherever it falls in a word, and long plain strings read
    /// alike by both paths.
    @Test func aSpecialByteAtEveryPositionOfALongStringIsSeen() {
        let filler = Array("abcdefghijklmnopqrstuvwx".utf8)
        for position in 0..<filler.count {
            for special in ["\\n", "\t", "\u{1}", "\u{1F}"] {
                var value = filler
                value.replaceSubrange(position..<(position + 1), with: Array(special.utf8))
                let text = String(decoding: value, as: UTF8.self)
                let line = #"{"id": "e1", "note": ""# + text + #""}"#
                #expect(JSONLinesFastPathCheck.compare(Array(line.utf8)) == .fullParser, "\(line)")
            }
            var quoted = filler
            quoted.insert(contentsOf: Array(#"\""#.utf8), at: position)
            let escaped = #"{"note": ""# + String(decoding: quoted, as: UTF8.self) + #""}"#
            #expect(JSONLinesFastPathCheck.compare(Array(escaped.utf8)) == .fullParser, "\(escaped)")
            var key = filler
            key.replaceSubrange(position..<(position + 1), with: Array("ê".utf8))
            let nonASCIIKey = #"{""# + String(decoding: key, as: UTF8.self) + #"": "x"}"#
            #expect(JSONLinesFastPathCheck.compare(Array(nonASCIIKey.utf8)) == .fullParser, "\(nonASCIIKey)")
            var vietnamese = filler
            vietnamese.replaceSubrange(position..<(position + 1), with: Array("Đ".utf8))
            let plainValue = #"{"id": "e1", "note": ""# + String(decoding: vietnamese, as: UTF8.self) + #""}"#
            #expect(JSONLinesFastPathCheck.compare(Array(plainValue.utf8)) == .fastPath, "\(plainValue)")
            let plainKey = #"{""# + String(decoding: filler[..<(position + 1)], as: UTF8.self) + #"": "v"}"#
            #expect(JSONLinesFastPathCheck.compare(Array(plainKey.utf8)) == .fastPath, "\(plainKey)")
        }
    }

    @Test func everyPrefixOfAPlainRecordIsReadAlikeByBothPaths() {
        for line in Self.plain + Self.others {
            let bytes = Array(line.utf8)
            for end in 0...bytes.count {
                let outcome = JSONLinesFastPathCheck.compare(Array(bytes[..<end]))
                #expect(outcome == .fastPath || outcome == .fullParser, "\(line) cut at \(end)")
            }
        }
    }

    @Test func recordsWithEscapesAndDuplicateKeysAreReadInLineOrderAmongPlainOnes() {
        let p = TestProject().standardConfig().flatUnits(["x1"])
        p.write("rules/r.yaml", ruleYAML(kindBody: "kind: once\nevent: { type: dialogue }\nby: 2023-12-31"))
        p.write(
            "logs/a.jsonl",
            """
            {"id":"e1","unit":"x1","type":"dialogue","date":"2023-02-01"}
            {"id":"e\\u0032","unit":"x1","type":"dialogue","date":"2023-02-02"}
            {"id":"e3","unit":"x1","unit":"x2","type":"dialogue","date":"2023-02-03"}
            {"id":"e4","unit":"x1","type":"dialogue","date":"2023-02-04","note":""}
            {"id":"e5","unit":"x1","type":"dialogue","date":null}

            """)
        let project = p.load(asOf: day("2023-03-01"))
        #expect(project.logFiles.first?.read == 5)
        #expect(project.logFiles.first?.accepted == 3)
        #expect(places(project.diagnostics, "log.malformed-row") == ["logs/a.jsonl:3:24"])
        #expect(places(project.diagnostics, "log.missing-field") == ["logs/a.jsonl:5:1"])
        let ids = (0..<project.store.table.count).map { project.store.table.id($0) }
        #expect(ids == ["e1", "e2", "e4"])
    }
}
