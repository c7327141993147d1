import ComplianceCore
import ComplianceTestSupport
import Ingest
import Testing

/// A registry file the configuration names but that does not exist is reported at its key.
struct MissingConfiguredFileTests {
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
