import ComplianceCore
import ComplianceTestSupport
import Foundation
import Ingest
import Testing

/// Every log's SHA-256 is made while it is read (SPEC §10.5) and equals the whole file's digest —
/// also when a file error stops the reader early, and for a record longer than a read chunk.
@Suite("Log digests")
struct LogDigestTests {
    @Test("CSV, JSON Lines, YAML, a YAML syntax error mid-file and a 3 MiB CSV record")
    func digestsEqualTheWholeFiles() throws {
        let p = logProject()
        defer { p.cleanUp() }
        let big = String(repeating: "x", count: 3 << 20)
        let files = [
            "logs/a.csv":
                "id,unit,type,date,note\ne1,x1,citizen-reception,2022-02-09,\"\(big)\"\ne2,x1,citizen-reception,2022-02-10,\n",
            "logs/b.jsonl":
                "{\"id\": \"j1\", \"unit\": \"x1\", \"type\": \"citizen-reception\", \"date\": \"2022-03-01\"}\n",
            "logs/c.yaml": "events:\n  - { id: y1, unit: x2, type: citizen-reception, date: 2022-03-02 }\n",
            "logs/d.yaml":
                "events:\n  - { id: z1, unit: x2, type: citizen-reception, date: 2022-03-03 }\n  - [unclosed\n"
                + String(repeating: "# padding after the error\n", count: 5000),
        ]
        for (path, text) in files { _ = p.write(path, text) }
        let project = p.load(asOf: day("2025-01-01"))
        #expect(project.logFiles.count == files.count)
        for log in project.logFiles {
            let text = try #require(files[log.path])
            #expect(log.sha256 == SHA256.hex(Array(text.utf8)), "\(log.path)")
        }
        #expect(project.logFiles.first { $0.path == "logs/d.yaml" }?.fileError == true)
    }
}
