import ArgumentParser
import ComplianceCore
import Foundation
import Ingest
import NodeDecoding
import RuleAuthoring
import RuleKit

/// `dvcheck rules list|doc`: the rule catalogue, for reviewers who should not have to read YAML.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the rules or generate their catalogue.",
        subcommands: [ListRules.self, DocRules.self])
}

/// Where the rules come from: `--rules`, else the project's `rules`, else `rules/dan-van`.
struct RuleSourceOptions: ParsableArguments {
    @Option(name: .long, help: "Rule file or folder (repeatable).")
    var rules: [String] = []

    @Option(name: .long, help: "Project folder holding dvcheck.yaml (its rules are used).")
    var project: String?

    @Option(name: .long, help: "vi | en (default vi).")
    var language: Language = .vi

    /// Loads the rules, printing diagnostics; exits 2 on an invalid rule file.
    func load() throws -> [Rule] {
        let cwd = PathResolution.currentDirectory
        var entries = rules.map { PathResolution.absolute($0, base: cwd) }
        var vocabulary: Vocabulary?
        if entries.isEmpty, let project {
            let (config, diagnostics) = ProjectConfig.load(path: project + "/dvcheck.yaml")
            Terminal.printDiagnostics(diagnostics, baseDir: cwd, language: language)
            entries = config.rules
            if let v = config.vocabulary { vocabulary = VocabularyLoader.load(path: v, display: config.display(v)).0 }
        }
        if entries.isEmpty { entries = [PathResolution.absolute("rules/dan-van", base: cwd)] }
        var files: [(path: String, display: String)] = []
        var refused: [Diagnostic] = []
        for entry in entries {
            let checked = FileExpansion.expandChecked(entry, extensions: ["yaml", "yml"])
            refused += checked.problems.map { Self.diagnostic(for: $0, cwd: cwd) }
            if let found = checked.files {
                files += found.map { ($0.path, PathResolution.relative($0.path, to: cwd)) }
            } else {
                Terminal.printDiagnostics(
                    [
                        .error(
                            .configMissingFile,
                            Message(.noSuchRuleFileOrFolder, ["path": PathResolution.relative(entry, to: cwd)]))
                    ],
                    baseDir: cwd, language: language)
                throw ExitCode(2)
            }
        }
        let result = RuleLoader(unitIDs: nil, vocabulary: vocabulary).load(files: files)
        let diagnostics = refused + result.diagnostics
        Terminal.printDiagnostics(diagnostics.sorted(by: Diagnostic.stableOrder), baseDir: cwd, language: language)
        if diagnostics.contains(where: { $0.level == .error }) { throw ExitCode(2) }
        return result.rules
    }

    /// A rule-folder entry that is not read (a name that is not UTF-8, a pipe, a loop of links) is an
    /// error: a catalogue missing a rule without a word would mislead its reader.
    static func diagnostic(for problem: FileExpansion.Problem, cwd: String) -> Diagnostic {
        let shown = PathResolution.relative(problem.path, to: cwd)
        return .error(
            YAMLFileLoader.unreadableCode, Message(.pathNotRead, ["path": shown], nested: ["kind": problem.reason]),
            at: SourceLocation(path: shown))
    }
}

/// `dvcheck rules list`.
struct ListRules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "A compact table of the rules.")

    @OptionGroup var source: RuleSourceOptions

    @Option(name: .long, help: "Only rules of this kind.")
    var kind: String?

    @Option(name: .long, help: "Only rules of this severity.")
    var severity: Severity?

    @Option(name: .long, help: "Only rules whose applies_to names this level (or names no level).")
    var level: String?

    @Option(name: .long, help: "Only rules of this binding (law | guidance).")
    var binding: Binding?

    func run() throws {
        let catalog = RuleCatalog(rules: try source.load(), language: source.language)
        try OutputWriter.writeText(
            catalog.filtered(kind: kind, severity: severity, level: level, binding: binding).list(), to: nil,
            language: source.language)
    }
}

/// `dvcheck rules doc`.
struct DocRules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "doc", abstract: "Generate the rule catalogue.")

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html
    }

    @OptionGroup var source: RuleSourceOptions

    @Option(name: .long, help: "md | html")
    var format: Format = .md

    @Flag(name: .customLong("table-only"), help: "Only the Markdown table (as embedded in rules/README.md).")
    var tableOnly = false

    @Option(name: .long, help: "Write to this file (default: standard output).")
    var output: String?

    func validate() throws {
        if output?.isEmpty == true { throw ValidationError("--output needs a file name") }
    }

    func run() throws {
        let catalog = RuleCatalog(rules: try source.load(), language: source.language)
        let text: String
        switch (format, tableOnly) {
        case (.md, true): text = catalog.markdownTable()
        case (.md, false): text = catalog.markdown()
        case (.html, _): text = catalog.html()
        }
        if format == .html {
            try OutputWriter.write(text, to: output, language: catalog.language)
        } else {
            try OutputWriter.writeText(text, to: output, language: catalog.language)
        }
    }
}
