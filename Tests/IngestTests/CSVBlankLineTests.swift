import ComplianceCore
import ComplianceTestSupport
import Ingest
import Testing

/// A CSV line of white space only is a blank line: not read, not rejected.
struct CSVBlankLineTests {
    @Test func whiteSpaceOnlyCSVLinesAreBlankLines() {
        let p = TestProject().standardConfig().flatUnits(["x1"])
        p.write("rules/r.yaml", ruleYAML(kindBody: "kind: once\nevent: { type: dialogue }\nby: 2023-12-31"))
        p.write("logs/a.csv", "id,unit,type,date\n   \ne1,x1,dialogue,2023-02-09\n\t\n")
        let project = p.load(asOf: day("2023-03-01"))
        let stats = project.logFiles.first
        #expect(stats?.read == 1)
        #expect(stats?.accepted == 1)
        #expect(stats?.rejected == 0)
        #expect(!project.diagnostics.contains { $0.level == .error }, "\(project.diagnostics)")
    }
}
