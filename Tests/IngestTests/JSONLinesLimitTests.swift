import ComplianceCore
import ComplianceTestSupport
import Ingest
import Testing

/// JSON Lines: an over-long line is one rejected record and reading goes on; invalid UTF-8 names
/// its byte offset.
struct JSONLinesLimitTests {
    @Test func anOverLongLineIsRejectedAndTheNextRecordIsRead() {
        let p = TestProject().standardConfig().flatUnits(["x1"])
        p.write("rules/r.yaml", ruleYAML(kindBody: "kind: once\nevent: { type: dialogue }\nby: 2023-12-31"))
        let long = "{\"id\":\"z\",\"note\":\"" + String(repeating: "a", count: 17 << 20) + "\"}\n"
        p.write(
            "logs/a.jsonl", long + "{\"id\":\"e1\",\"unit\":\"x1\",\"type\":\"dialogue\",\"date\":\"2023-02-01\"}\n")
        let project = p.load(asOf: day("2023-03-01"))
        #expect(project.logFiles.first?.read == 2)
        #expect(project.logFiles.first?.accepted == 1)
        #expect(places(project.diagnostics, "log.malformed-row") == ["logs/a.jsonl:1:1"])
        #expect(messages(project.diagnostics, "log.malformed-row").first?.contains("over the limit") == true)
    }

    @Test func invalidUTF8NamesTheFileOffsetOfTheBadByte() {
        let p = TestProject().standardConfig().flatUnits(["x1"])
        p.write("rules/r.yaml", ruleYAML(kindBody: "kind: once\nevent: { type: dialogue }\nby: 2023-12-31"))
        let first = Array("{\"id\":\"e1\",\"unit\":\"x1\",\"type\":\"dialogue\",\"date\":\"2023-02-01\"}\n".utf8)
        let second = Array("{\"id\":\"e2\",\"note\":\"".utf8) + [0xFF] + Array("\"}\n".utf8)
        p.writeBytes("logs/a.jsonl", first + second)
        let project = p.load(asOf: day("2023-03-01"))
        let offset = first.count + 19
        #expect(
            messages(project.diagnostics, "log.invalid-utf8") == ["the line is not valid UTF-8 (byte offset \(offset))"]
        )
    }
}
