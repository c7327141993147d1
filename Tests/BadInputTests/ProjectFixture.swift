import ComplianceTestSupport
import Foundation

/// A small valid project (two units, one monthly rule, one CSV log) to break in one place per test.
func baseProject() -> TestProject {
    let project = TestProject()
    project.write(
        "dvcheck.yaml",
        "timezone: Asia/Ho_Chi_Minh\nlanguage: en\nas_of: 2024-12-31\nrules: [rules/]\nunits: units.yaml\nlogs: [logs/]\n"
    )
    project.write(
        "units.yaml",
        """
        units:
          - { id: bk, name: Tỉnh ủy Bắc Kạn, level: province, kind: party-committee, parent: null }
          - { id: pn, name: Huyện Pác Nặm, level: district, kind: people-committee, parent: bk }

        """)
    project.write("rules/reception.yaml", monthlyRule(id: "R-RECEPTION", title: "Citizen reception"))
    project.write("logs/events.csv", "id,unit,type,date\ne1,bk,citizen-reception,2024-01-15\n")
    return project
}

/// A frequency rule (at least `atLeast` citizen receptions a month from 2024-01-01) as YAML text.
func monthlyRule(id: String, title: String, atLeast: Int = 1) -> String {
    """
    rules:
      - id: \(id)
        title: \(yamlQuoted(title))
        source: { document: Chỉ thị 09/02/2022, clause: "2" }
        severity: high
        effective: { from: 2024-01-01 }
        kind: frequency
        event: { type: citizen-reception }
        per: month
        at_least: \(atLeast)

    """
}

/// `text` as a double-quoted YAML scalar.
func yamlQuoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

/// The project folder as a URL.
func folder(_ project: TestProject) -> URL { URL(fileURLWithPath: project.root) }

/// Runs `dvcheck ARGS --project ROOT` in the project folder.
func run(_ project: TestProject, _ arguments: [String], seconds: Double = 60) throws -> BoundedRun {
    try runBounded(arguments + ["--project", project.root], in: folder(project), seconds: seconds)
}

/// Whether a JSON report holds a diagnostic with `code` (and, when given, `path` and `line`).
func hasDiagnostic(_ run: BoundedRun, _ code: String, path: String? = nil, line: Int? = nil) -> Bool {
    run.diagnostics.contains { diagnostic in
        diagnostic["code"] as? String == code && (path == nil || diagnostic["path"] as? String == path)
            && (line == nil || diagnostic["line"] as? Int == line)
    }
}

/// The codes of a JSON report's diagnostics, for failure messages.
func codes(_ run: BoundedRun) -> [String] {
    run.diagnostics.map { "\($0["code"] ?? "?") \($0["path"] ?? "-"):\($0["line"] ?? "-")" }
}
