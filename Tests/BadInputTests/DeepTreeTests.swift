import ComplianceTestSupport
import Foundation
import Testing

/// A unit tree thousands of levels deep (a generated chain) must not make the HTML and SARIF reports
/// grow with the square of the depth: a unit's row names the unit, and the tree is written once.
@Suite("Deep unit trees")
struct DeepTreeTests {
    /// A project whose units form one chain `depth` long, each unit with one violation (November 2024).
    static func chainProject(depth: Int) -> TestProject {
        let project = baseProject()
        var units = "units:\n  - { id: u0, name: Unit 0, level: province, kind: party-committee, parent: null }\n"
        for i in 1..<depth {
            units += "  - { id: u\(i), name: Unit \(i), level: commune, kind: people-committee, parent: u\(i - 1) }\n"
        }
        project.write("units.yaml", units)
        project.write("logs/events.csv", "id,unit,type,date\ne1,u0,citizen-reception,2024-01-15\n")
        project.write(
            "rules/reception.yaml",
            """
            rules:
              - id: R-RECEPTION
                title: Citizen reception
                source: { document: Chỉ thị 09/02/2022, clause: "2" }
                severity: high
                effective: { from: 2024-11-01, to: 2024-11-30 }
                kind: frequency
                event: { type: citizen-reception }
                per: month
                at_least: 1

            """)
        return project
    }

    /// The report's size for a chain of `depth` units.
    static func reportSize(format: String, depth: Int) throws -> Int {
        let project = chainProject(depth: depth)
        let result = try run(
            project, ["check", "--format", format, "--output", "report." + format, "--fail-on", "never"], seconds: 300)
        #expect(result.status == 0, "depth \(depth): \(result.summary)")
        let attributes = try FileManager.default.attributesOfItem(atPath: project.root + "/report." + format)
        return try #require(attributes[.size] as? Int)
    }

    /// Five times the depth makes the report about five times larger (it was twenty-five).
    @Test(arguments: ["html", "sarif"])
    func reportGrowsLinearlyWithDepth(_ format: String) throws {
        let small = try Self.reportSize(format: format, depth: 1_000)
        let large = try Self.reportSize(format: format, depth: 5_000)
        let ratio = Double(large) / Double(small)
        #expect(ratio < 6.5, "\(format): \(small) bytes at depth 1000, \(large) at 5000 (×\(ratio))")
    }
}
