import ComplianceCore
import ComplianceTestSupport
import Ingest
import Testing

/// `path:line:column` of every diagnostic with `code`, in report order.
func places(_ diagnostics: [Diagnostic], _ code: String) -> [String] {
    diagnostics.filter { $0.code == code }.map { d in
        let l = d.location
        return "\(l?.path ?? "-"):\(l?.line ?? -1):\(l?.column ?? -1)"
    }
}

/// The messages of every diagnostic with `code`.
func messages(_ diagnostics: [Diagnostic], _ code: String) -> [String] {
    diagnostics.filter { $0.code == code }.map(\.message)
}

/// Codes of every error, sorted, for "nothing else went wrong" checks.
func errorCodes(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.filter { $0.level == .error }.map(\.code).sorted()
}

/// One loader input that must fail: the file body and the diagnostic it must produce.
struct BadInput: CustomTestStringConvertible, Sendable {
    let name: String
    let yaml: String
    let code: String
    let line: Int
    let column: Int
    let fragment: String

    init(_ name: String, _ yaml: String, _ code: String, _ line: Int, _ column: Int, _ fragment: String = "") {
        self.name = name
        self.yaml = yaml
        self.code = code
        self.line = line
        self.column = column
        self.fragment = fragment
    }

    var testDescription: String { name }

    /// Checks that `diagnostics` hold this error at `path:line:column`.
    func check(_ diagnostics: [Diagnostic], path: String) -> (found: [String], expected: String, messageOK: Bool) {
        let found = places(diagnostics, code)
        let expected = "\(path):\(line):\(column)"
        let hit = diagnostics.first {
            $0.code == code && $0.location?.line == line && $0.location?.column == column
        }
        let messageOK = hit.map { fragment.isEmpty || $0.message.contains(fragment) } ?? false
        return (found, expected, messageOK)
    }
}

/// A project with the usual configuration, flat units x1, x2, a `rules/r.yaml` frequency rule and the given logs.
func logProject(units: [String] = ["x1", "x2"], extraConfig: String = "") -> TestProject {
    let p = TestProject().standardConfig(extra: extraConfig).flatUnits(units)
    p.write(
        "rules/r.yaml",
        ruleYAML(kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_least: 1"))
    return p
}
