import ComplianceCore
import ComplianceTestSupport
import Ingest
import Testing

/// Behaviour settled in review: blank CSV lines, and missing files reported at the config key.
struct ReviewFixTests {
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

    @Test(arguments: ["units", "vocabulary", "calendar", "waivers"])
    func aMissingFileIsReportedAtItsConfigurationKey(_ key: String) {
        let p = TestProject().flatUnits(["x1"])
        var config = "rules: [rules/]\nlogs: [logs/]\n"
        config += key == "units" ? "units: nowhere.yaml\n" : "units: units.yaml\n\(key): nowhere.yaml\n"
        p.write("dvcheck.yaml", config)
        p.write("rules/r.yaml", ruleYAML(kindBody: "kind: once\nevent: { type: dialogue }\nby: 2023-12-31"))
        p.write("logs/a.csv", "id,unit,type,date\n")
        let project = p.load(asOf: day("2023-03-01"))
        let line = key == "units" ? 3 : 4
        #expect(places(project.diagnostics, "config.missing-file") == ["dvcheck.yaml:\(line):\(key.count + 3)"])
        #expect(!project.inputsValid)
    }
}
