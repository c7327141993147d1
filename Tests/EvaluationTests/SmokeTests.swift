import ComplianceCore
import ComplianceTestSupport
import Testing

@Test func weeklyFrequencyReportsTheMissedWeek() {
    let p = TestProject().standardConfig().flatUnits(["x1"])
    p.write(
        "rules/r.yaml",
        ruleYAML(
            effective: "{ from: 2022-02-14 }",
            kindBody: """
                kind: frequency
                event: { type: citizen-reception }
                per: week
                at_least: 1
                """))
    p.write("logs/e.csv", "id,unit,type,date\ne1,x1,citizen-reception,2022-02-15\n")
    let outcome = p.check(asOf: day("2022-03-06"))
    #expect(outcome.project.inputsValid, "\(outcome.diagnostics)")
    #expect(
        outcome.reported.map { "\($0.status.rawValue) \($0.period ?? "")" } == [
            "violated 2022-W08", "pending 2022-W09",
        ])
}
