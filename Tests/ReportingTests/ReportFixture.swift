import ComplianceCore
import ComplianceTestSupport
import Evaluation
import Foundation
import Reporting

/// A small evaluated project for reporter tests: two communes under a district, one with a hostile
/// name, a monthly rule (violations and a pending month) and a deadline rule (a pending case).
enum ReportFixture {
    static let hostileName = "<script>alert(1)</script> \"Ủy ban\" & 'xã', =HYPERLINK(\"x\")"

    /// The evaluated report (as of 2024-03-20).
    static func report(changes previous: [PriorFinding]? = nil) -> RunReport {
        let p = TestProject()
        p.write(
            "dvcheck.yaml",
            "timezone: Asia/Ho_Chi_Minh\nlanguage: vi\nrules: [rules/]\nunits: units.yaml\nlogs: [logs/]\n")
        p.write(
            "units.yaml",
            """
            units:
              - { id: p, name: "Tỉnh ủy Thử", level: province, kind: party-committee, parent: null }
              - { id: p.d, name: "Huyện ủy Thử", level: district, kind: party-committee, parent: p }
              - { id: p.d.x, name: '\(hostileName.replacingOccurrences(of: "'", with: "''"))', level: commune, kind: people-committee, parent: p.d }
              - { id: p.d.y, name: "UBND xã Yên", level: commune, kind: people-committee, parent: p.d }

            """)
        p.write(
            "rules/r.yaml",
            ruleYAML(
                id: "R-MONTH", severity: "high", effective: "{ from: 2024-01-01 }",
                extra: "applies_to: { level: commune }",
                kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_least: 1")
                + ruleYAML(
                    id: "R-CASE", severity: "critical", effective: "{ from: 2024-01-01 }",
                    kindBody:
                        "kind: deadline\ntrigger: { type: complaint-accepted }\nfulfil: { type: complaint-resolved }\nkey: [ref]\nwithin: 30 days"
                ).replacingOccurrences(of: "rules:\n", with: ""))
        p.write(
            "logs/a.csv",
            "id,unit,type,date,ref\ne1,p.d.x,citizen-reception,2024-01-10,\ne2,p.d.x,complaint-accepted,2024-03-01,-20\n"
        )
        let outcome = p.check(asOf: day("2024-03-20"))
        var report = RunReport(
            toolVersion: "0.0.0-test", asOf: outcome.project.asOf, language: .vi,
            ruleFiles: outcome.project.ruleFiles.map { .init(path: $0.path, sha256: $0.sha256) },
            logFiles: outcome.project.logFiles.map {
                .init(path: $0.path, read: $0.read, accepted: $0.accepted, rejected: $0.rejected, ignored: $0.ignored)
            },
            evaluation: outcome.evaluation,
            rules: Dictionary(outcome.project.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            registry: outcome.project.registry, diagnostics: outcome.diagnostics, includeSatisfied: false)
        if let previous { report.changes = ChangeSet(current: outcome.evaluation.findings, previous: previous) }
        return report
    }
}
