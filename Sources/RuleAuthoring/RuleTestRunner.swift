import ComplianceCore
import Evaluation
import Foundation
import Ingest
import NodeDecoding
import RuleKit
import YAMLSupport

/// Runs rule tests (`dvcheck test`): each test evaluates the named rules over its own timeline and
/// compares the findings with what it expects.
public struct RuleTestRunner {
    /// The outcome of one test.
    public struct Outcome: Sendable {
        /// `path:line` of the test.
        public let location: SourceLocation
        /// The test's name.
        public let name: String
        /// Nil when it passed; otherwise a readable explanation.
        public let failure: String?
    }

    /// The outcome of a run.
    public struct Report: Sendable {
        /// Test outcomes in file order.
        public var outcomes: [Outcome] = []
        /// Problems that make test files invalid (exit 2).
        public var diagnostics: [Diagnostic] = []
        /// Every file read (absolute): test files, rule files, vocabularies, calendars — so that
        /// `--output` can refuse to overwrite one.
        public var inputPaths: [String] = []
        /// Passed tests.
        public var passed: Int { outcomes.filter { $0.failure == nil }.count }
        /// Failed tests.
        public var failed: Int { outcomes.count - passed }
    }

    /// Runs only the tests whose name contains this text; nil runs every test.
    public let filter: String?

    /// The language failures are told in (SPEC §10.9).
    public let language: Language

    /// A runner; `filter` keeps the tests whose name contains it.
    public init(filter: String? = nil, language: Language = .en) {
        self.filter = filter
        self.language = language
    }

    /// Finds test files (`*.yaml`, `*.yml`) under the given files or folders and runs them all.
    public func run(paths: [String]) -> Report {
        var report = Report()
        let cwd = PathResolution.currentDirectory
        for path in paths {
            let absolute = PathResolution.absolute(path, base: cwd)
            let checked = FileExpansion.expandChecked(absolute, extensions: ["yaml", "yml"])
            // A test file that cannot be read (a name that is not UTF-8, a pipe) is an error, never skipped.
            for problem in checked.problems {
                let shown = PathResolution.relative(problem.path, to: cwd)
                report.diagnostics.append(
                    .error(
                        YAMLFileLoader.unreadableCode,
                        Message(.pathNotRead, ["path": shown], nested: ["kind": problem.reason]),
                        at: SourceLocation(path: shown)))
            }
            guard let files = checked.files else {
                report.diagnostics.append(.error(.testMissingFile, Message(.noSuchFileOrFolder, ["path": path])))
                continue
            }
            for f in files { runFile(f.path, display: PathResolution.relative(f.path, to: cwd), into: &report) }
        }
        return report
    }

    private func runFile(_ path: String, display: String, into report: inout Report) {
        report.inputPaths.append(path)
        let loaded = YAMLFileLoader.load(path: path, displayPath: display, missingCode: .testMissingFile)
        report.diagnostics += loaded.diagnostics
        guard let root = loaded.root else { return }
        var reader = NodeReader(path: display, prefix: "test")
        guard
            let file = reader.mapping(
                root, allowed: RuleTestFormat.fileFields.names, required: RuleTestFormat.fileFields.requiredNames,
                what: "a rule-test file")
        else {
            report.diagnostics += reader.diagnostics
            return
        }
        let dir = (path as NSString).deletingLastPathComponent
        func resolve(_ entry: YAMLMapEntry?) -> String? {
            entry.flatMap { reader.text($0.value, what: $0.key.scalar ?? "") }.map {
                PathResolution.absolute($0, base: dir)
            }
        }
        var vocabulary: Vocabulary?
        if let v = resolve(file["vocabulary"]) {
            report.inputPaths.append(v)
            let (voc, d) = VocabularyLoader.load(
                path: v, display: PathResolution.relative(v, to: PathResolution.currentDirectory))
            vocabulary = voc
            reader.diagnostics += d
        }
        var calendar = WorkCalendar.weekendsOnly
        if let c = resolve(file["calendar"]) {
            report.inputPaths.append(c)
            let (cal, d) = CalendarLoader.load(
                path: c, display: PathResolution.relative(c, to: PathResolution.currentDirectory))
            calendar = cal ?? .weekendsOnly
            reader.diagnostics += d
        }
        var ruleFiles: [(path: String, display: String)] = []
        for entry in file["rules"].flatMap({ reader.identifierList($0.value, what: "rules") }) ?? [] {
            let abs = PathResolution.absolute(entry, base: dir)
            switch FileExpansion.expand(abs, extensions: ["yaml", "yml"]) {
            case .missing:
                if let node = file["rules"]?.value {
                    reader.error("missing-file", Message(.noSuchRuleFileOrFolder, ["path": entry]), at: node)
                }
            case .files(let found):
                ruleFiles += found.map {
                    ($0.path, PathResolution.relative($0.path, to: PathResolution.currentDirectory))
                }
            }
        }
        report.inputPaths += ruleFiles.map(\.path)
        let rules = RuleLoader(unitIDs: nil, vocabulary: vocabulary).load(files: ruleFiles)
        reader.diagnostics += rules.diagnostics.filter { $0.level == .error }
        let sharedUnits = file["units"]?.value
        guard let tests = file["tests"]?.value.items else {
            if let node = file["tests"]?.value { reader.error("invalid-value", Message(.testsMustBeList), at: node) }
            report.diagnostics += reader.diagnostics
            return
        }
        if reader.hasErrors {
            report.diagnostics += reader.diagnostics
            return
        }
        let rulesByID = Dictionary(rules.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for test in tests {
            if let outcome = runTest(
                test, &reader, rules: rulesByID, sharedUnits: sharedUnits, vocabulary: vocabulary, calendar: calendar)
            {
                report.outcomes.append(outcome)
            }
        }
        report.diagnostics += reader.diagnostics
    }

    private func runTest(
        _ node: YAMLNode, _ reader: inout NodeReader, rules: [String: Rule], sharedUnits: YAMLNode?,
        vocabulary: Vocabulary?, calendar: WorkCalendar
    ) -> Outcome? {
        guard
            let t = reader.mapping(
                node, allowed: RuleTestFormat.testFields.names, required: RuleTestFormat.testFields.requiredNames,
                what: "test")
        else { return nil }
        let before = reader.diagnostics.count
        let name = t["name"].flatMap { reader.text($0.value, what: "name") } ?? ""
        if let filter, !name.contains(filter) { return nil }
        let ruleIDs = t["rule"].flatMap { reader.identifierList($0.value, what: "rule") } ?? []
        for id in ruleIDs where rules[id] == nil {
            if let n = t["rule"]?.value {
                reader.error(
                    "unknown-rule",
                    Message(.noRuleInTestFiles, ["rule": id]) + Suggestions.didYouMean(id, in: rules.keys), at: n)
            }
        }
        let asOf = t["as_of"].flatMap { reader.date($0.value, what: "as_of") }
        let from = t["from"].flatMap { reader.date($0.value, what: "from") }
        let to = t["to"].flatMap { reader.date($0.value, what: "to") }
        let expectation = t["expect"].flatMap { FindingExpectation.decode($0, &reader) }
        var registry: UnitRegistry?
        if let unitsNode = t["units"]?.value ?? sharedUnits {
            let (reg, d) = UnitLoader.registry(
                fromList: unitsNode, reader: NodeReader(path: reader.path, prefix: "unit"))
            registry = reg
            reader.diagnostics += d
        } else {
            reader.error("missing-field", Message(.testHasNoUnits), at: node)
        }
        var records: [InlineRecord] = []
        for e in t["events"]?.value.items ?? [] {
            guard let entries = e.entries else {
                reader.error("invalid-value", Message(.eventMustBeMap), at: e)
                continue
            }
            records.append(
                InlineRecord(
                    line: e.start.line,
                    fields: entries.compactMap { entry in
                        guard let k = entry.key.scalar, let v = entry.value.scalar, !entry.value.isNull else {
                            return nil
                        }
                        return (k, v)
                    }))
        }
        guard !reader.diagnostics[before...].contains(where: { $0.level == .error }), let registry, let asOf,
            let expectation, let zone = ZoneConverter(identifier: "Asia/Ho_Chi_Minh")
        else { return nil }
        let location = reader.location(node)
        let logs = LogIngestor(registry: registry, vocabulary: vocabulary, zone: zone, asOf: asOf)
            .ingest(inline: records, display: reader.path)
        let rejected = logs.diagnostics.filter { $0.level == .error }
        if !rejected.isEmpty {
            let lines = rejected.map {
                "    \($0.location.map { "line \($0.line)" } ?? ""): \($0.message(in: language)) [\($0.code)]"
            }
            return Outcome(
                location: location, name: name,
                failure: MessageCatalogue.label(.testRejectedEvents, language) + "\n" + lines.joined(separator: "\n"))
        }
        var options = RunOptions(asOf: asOf)
        options.rules = ruleIDs
        options.from = from
        options.to = to
        options.language = .en
        let store = EventStore(events: logs.events, unitCount: registry.units.count, files: [reader.path])
        // The rules a tested rule reads (a ratio's base) run too; `options.rules` keeps them unlisted.
        let bases = ruleIDs.compactMap { rules[$0]?.obligation.baseRule }.filter { !ruleIDs.contains($0) }
        let result = Engine.evaluate(
            rules: (ruleIDs + bases).compactMap { rules[$0] }, registry: registry, store: store, calendar: calendar,
            waivers: [], options: options)
        return Outcome(
            location: location, name: name,
            failure: expectation.compare(with: result.findings, path: reader.path, language: language))
    }
}
