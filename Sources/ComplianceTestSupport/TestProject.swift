import ComplianceCore
import Evaluation
import Foundation
import Ingest

/// A throw-away project on disk, so tests exercise the real loaders exactly as a user's files would.
///
/// Write files with `write(_:_:)`, then `load()` or `check()`; the folder is removed by `cleanUp()`.
public final class TestProject {
    /// The project folder (absolute).
    public let root: String

    /// A new empty project folder under the system's temporary directory.
    public init() {
        let base = FileManager.default.temporaryDirectory.path
        root = base + "/dvcheck-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { cleanUp() }

    /// Writes `text` to `relativePath` (folders are created).
    @discardableResult
    public func write(_ relativePath: String, _ text: String) -> TestProject {
        writeBytes(relativePath, Array(text.utf8))
    }

    /// Writes raw bytes (for encoding tests).
    @discardableResult
    public func writeBytes(_ relativePath: String, _ bytes: [UInt8]) -> TestProject {
        let path = root + "/" + relativePath
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return self
    }

    /// Writes the usual `dvcheck.yaml` (English, rules/, units.yaml, logs/) plus any extra lines.
    @discardableResult
    public func standardConfig(extra: String = "") -> TestProject {
        write(
            "dvcheck.yaml",
            "timezone: Asia/Ho_Chi_Minh\nlanguage: en\nrules: [rules/]\nunits: units.yaml\nlogs: [logs/]\n" + extra)
    }

    /// Writes `units.yaml` with one flat commune-level unit per id.
    @discardableResult
    public func flatUnits(_ ids: [String]) -> TestProject {
        let lines = ids.map {
            "  - { id: \($0), name: \"\($0)\", level: commune, kind: people-committee, parent: null, tags: [] }"
        }
        return write("units.yaml", "units:\n" + lines.joined(separator: "\n") + "\n")
    }

    /// Loads the project as `dvcheck check` would.
    public func load(asOf: Day? = nil) -> LoadedProject {
        var overrides = InputOverrides()
        overrides.asOf = asOf
        return ProjectLoader.load(
            configPath: root + "/dvcheck.yaml", overrides: overrides, today: { _ in Day(ordinal: 0) })
    }

    /// Loads and evaluates; `options` can set filters (its as-of date wins over `asOf`).
    public func check(asOf: Day, configure: (inout RunOptions) -> Void = { _ in }) -> CheckOutcome {
        let project = load(asOf: asOf)
        var options = RunOptions(asOf: project.asOf)
        options.language = project.config.language
        options.calendarFileGiven = project.hasCalendarFile
        options.calendarPath = project.config.calendar.map(project.config.display)
        configure(&options)
        var evaluation = EvaluationResult()
        if project.inputsValid, let registry = project.registry {
            evaluation = Engine.evaluate(
                rules: project.rules, registry: registry, store: project.store, calendar: project.calendar,
                waivers: project.waivers, options: options)
        }
        return CheckOutcome(project: project, evaluation: evaluation)
    }

    /// Removes the folder.
    public func cleanUp() { try? FileManager.default.removeItem(atPath: root) }
}

/// The result of `TestProject.check`: the loaded project and the evaluation.
public struct CheckOutcome {
    /// Loading results (diagnostics, log accounting).
    public let project: LoadedProject
    /// Evaluation results.
    public let evaluation: EvaluationResult

    /// Every diagnostic, loading and evaluation.
    public var diagnostics: [Diagnostic] { project.diagnostics + evaluation.diagnostics }

    /// Findings that are not satisfied.
    public var reported: [Finding] { evaluation.findings.filter { $0.status != .satisfied } }

    /// Diagnostics with a code.
    public func diagnostics(_ code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
}

/// Parses `YYYY-MM-DD` in tests, where a literal is known to be valid.
public func day(_ text: String) -> Day {
    DateText.parseISODate(text) ?? Day(ordinal: Int.min / 8)
}

/// A one-rule file body with the required common fields filled in, for compact tests.
public func ruleYAML(
    id: String = "R", severity: String = "medium", effective: String = "{ from: 2023-01-01 }", extra: String = "",
    kindBody: String
) -> String {
    """
    rules:
      - id: \(id)
        title: { vi: "Quy tắc \(id)", en: "Rule \(id)" }
        source: { document: "Chỉ thị BTV Tỉnh ủy Bắc Kạn 09/02/2022", clause: "2" }
        severity: \(severity)
        effective: \(effective)
    \(extra.isEmpty ? "" : extra.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n")\
    \(kindBody.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))

    """
}
