import ComplianceCore
import ComplianceTestSupport
import Ingest
import Testing

@Suite("Log files: their order, CSV headers, encodings and record shapes (SPEC §4)")
struct LogFileFormatTests {
    @Test("log files in a folder are read in code-point order of their relative paths")
    func fileOrder() {
        let p = logProject()
        let row = "id,unit,type,date\n"
        p.write("logs/b.csv", row + "dup,x1,citizen-reception,2022-02-05\n")
        p.write("logs/a/c.csv", row + "dup,x1,citizen-reception,2022-02-04\n")
        p.write("logs/a.csv", row + "dup,x1,citizen-reception,2022-02-02\n")
        p.write("logs/A.yaml", "events:\n  - { id: dup, unit: x1, type: citizen-reception, date: 2022-02-01 }\n")
        p.write(
            "logs/a.jsonl", "{\"id\":\"dup\",\"unit\":\"x1\",\"type\":\"citizen-reception\",\"date\":\"2022-02-03\"}\n")
        p.write("logs/notes.txt", "not a log\n")
        let project = p.load(asOf: day("2025-01-01"))
        #expect(
            project.logFiles.map(\.path) == ["logs/A.yaml", "logs/a.csv", "logs/a.jsonl", "logs/a/c.csv", "logs/b.csv"])
        #expect(events(project).map(\.day) == [day("2022-02-01")])
        #expect(places(project.diagnostics, "log.duplicate-id").count == 4)
    }

    @Test("CSV header names are trimmed and case-sensitive")
    func headerNames() {
        let p = logProject()
        p.write("logs/a.csv", " id , unit ,type,date \ne1,x1,citizen-reception,2022-02-09\n")
        p.write("logs/b.csv", "ID,unit,type,date\ne2,x1,citizen-reception,2022-02-09\n")
        let project = p.load(asOf: day("2025-01-01"))
        #expect(counts(project, "logs/a.csv") == [1, 1, 0, 0])
        #expect(counts(project, "logs/b.csv") == [1, 0, 1, 0])
        #expect(places(project.diagnostics, "log.missing-field") == ["logs/b.csv:2:1"])
        #expect(messages(project.diagnostics, "log.missing-field").first?.contains("id") == true)
    }

    @Test("a UTF-16 log is a file error counted once")
    func utf16() {
        let p = logProject()
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "id,unit,type,date\ne1,x1,citizen-reception,2022-02-09\n".utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        p.writeBytes("logs/a.csv", bytes)
        p.writeBytes("logs/b.jsonl", bytes)
        let project = p.load(asOf: day("2025-01-01"))
        #expect(project.logFiles.map(\.read) == [0, 0])
        #expect(project.logFiles.map(\.fileError) == [true, true])
        #expect(places(project.diagnostics, "log.invalid-utf8") == ["logs/a.csv:1:1", "logs/b.jsonl:1:1"])
        #expect(project.rejectedCount == 2)
    }

    @Test("a JSON Lines record that is not an object is rejected")
    func notAnObject() {
        let p = logProject()
        p.write(
            "logs/a.jsonl",
            "[1, 2]\n\"text\"\n{\"id\":\"j1\",\"unit\":\"x1\",\"type\":\"citizen-reception\",\"date\":\"2022-02-09\"}\n"
        )
        let project = p.load(asOf: day("2025-01-01"))
        checkAccounting(project)
        #expect(counts(project, "logs/a.jsonl") == [3, 1, 2, 0])
        #expect(places(project.diagnostics, "log.malformed-row") == ["logs/a.jsonl:1:1", "logs/a.jsonl:2:1"])
    }

    @Test("a YAML log with a second document is a file error")
    func secondDocument() {
        let p = logProject()
        p.write(
            "logs/a.yaml",
            "events:\n  - { id: y1, unit: x1, type: citizen-reception, date: 2022-02-09 }\n---\nevents: []\n")
        let project = p.load(asOf: day("2025-01-01"))
        #expect(counts(project, "logs/a.yaml") == [0, 0, 0, 0])
        #expect(places(project.diagnostics, "yaml.multiple-documents") == ["logs/a.yaml:3:1"])
        #expect(project.rejectedCount == 1)
    }
}
