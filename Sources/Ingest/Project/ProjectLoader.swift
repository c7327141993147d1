import ComplianceCore
import Foundation
import NodeDecoding
import RuleKit

/// Command-line values that override `dvcheck.yaml` (SPEC §9); paths are relative to the current
/// directory.
public struct InputOverrides: Sendable {
    /// `--rules`.
    public var rules: [String] = []
    /// `--units`.
    public var units: String?
    /// `--logs`.
    public var logs: [String] = []
    /// `--calendar`.
    public var calendar: String?
    /// `--vocabulary`.
    public var vocabulary: String?
    /// `--waivers`.
    public var waivers: String?
    /// `--timezone`.
    public var timezone: String?
    /// `--as-of`.
    public var asOf: Day?
    /// `--language`.
    public var language: Language?

    /// No overrides.
    public init() {}
}

/// Everything a run needs, loaded and checked, plus every diagnostic found on the way.
public struct LoadedProject: Sendable {
    /// The effective configuration.
    public var config: ProjectConfig
    /// Evaluation date.
    public var asOf: Day
    /// False when the evaluation date is only a stand-in: `as_of` in dvcheck.yaml was invalid and no
    /// `--as-of` replaced it (reports then name no date).
    public var asOfIsKnown = true
    /// Units (nil when the registry is invalid).
    public var registry: UnitRegistry?
    /// Vocabulary, if any.
    public var vocabulary: Vocabulary?
    /// Calendar (weekends only without a file).
    public var calendar: WorkCalendar
    /// Whether a calendar file was given (only then is `calendar.outside-range` reported).
    public var hasCalendarFile: Bool
    /// Valid rules.
    public var rules: [Rule] = []
    /// Rule files with digests.
    public var ruleFiles: [RuleLoader.FileDigest] = []
    /// Waivers.
    public var waivers: [Waiver] = []
    /// Accepted events.
    public var store: EventStore
    /// Per-log accounting.
    public var logFiles: [LogFileStats] = []
    /// Rejected records plus file errors.
    public var rejectedCount = 0
    /// All loading diagnostics.
    public var diagnostics: [Diagnostic] = []
    /// False when configuration, rules, units, calendar, vocabulary or waivers had an error: then
    /// nothing is evaluated (exit 2).
    public var inputsValid = true
    /// Every input file the run read or tried to read (absolute): the configuration, registry files, rule
    /// files and logs, so that `--output` can refuse to overwrite one (`isInput(_:)`).
    public var inputPaths: [String] = []
}

/// Loads a project: configuration, units, vocabulary, calendar, rules, waivers and logs — going on
/// after errors so one run reports every problem (SPEC §2).
public enum ProjectLoader {
    /// Loads from `configPath` (nil: `./dvcheck.yaml`), applying overrides; `today` supplies the
    /// default as-of date in the project's zone (the only clock read, done by the caller).
    ///
    /// With a `stream`, every diagnostic is also sent there as it is found (`--diagnostics FILE`).
    public static func load(
        configPath: String?, overrides: InputOverrides, today: (ZoneConverter) -> Day,
        stream: DiagnosticStream? = nil
    ) -> LoadedProject {
        let cwd = PathResolution.currentDirectory
        let start = configuration(configPath: configPath, overrides: overrides)
        var (config, diagnostics, chosen) = (start.0, start.1, start.chosen)
        // A missing configuration is one error, not also one per key it would have held.
        let configReadable = !diagnostics.contains { $0.code == "config.missing-file" }
        apply(overrides, to: &config, cwd: cwd, diagnostics: &diagnostics)
        let zone = ZoneConverter(identifier: config.timezone) ?? ZoneConverter(identifier: "Asia/Ho_Chi_Minh")
        let asOf = overrides.asOf ?? config.asOf ?? zone.map(today) ?? Day(ordinal: 0)

        // The logs are known from the configuration alone: they are read and parsed on other
        // threads while the registry and the rules load (their diagnostics still come below).
        let logPlan = LogPlan(config)
        let reading = zone != nil && !logPlan.files.isEmpty ? LogIngestor.startReading(files: logPlan.files) : nil

        var project = LoadedProject(
            config: config, asOf: asOf, calendar: .weekendsOnly, hasCalendarFile: config.calendar != nil,
            store: EventStore(events: [], unitCount: 0, files: []))
        project.asOfIsKnown = overrides.asOf != nil || !config.asOfInvalid

        // Units.
        var provisionalUnits: UnitRegistry?
        if let units = config.units, exists(units, key: "units", config, &diagnostics) {
            let loaded = UnitLoader.loadKeepingIDs(path: units, display: config.display(units))
            project.registry = loaded.registry
            provisionalUnits = loaded.provisional
            diagnostics += loaded.diagnostics
        } else if config.units == nil && configReadable && (diagnostics.isEmpty || config.configDisplayPath != nil) {
            diagnostics.append(
                .error(
                    .configMissingField, Message(.noUnitRegistry),
                    at: SourceLocation(path: config.configDisplayPath ?? "dvcheck.yaml", line: 1, column: 1)))
        }
        if let v = config.vocabulary, exists(v, key: "vocabulary", config, &diagnostics) {
            let (vocabulary, d) = VocabularyLoader.load(path: v, display: config.display(v))
            project.vocabulary = vocabulary
            diagnostics += d
        }
        if let c = config.calendar, exists(c, key: "calendar", config, &diagnostics) {
            let (calendar, d) = CalendarLoader.load(path: c, display: config.display(c))
            project.calendar = calendar ?? .weekendsOnly
            diagnostics += d
        }

        // Rules.
        var ruleFiles: [(path: String, display: String)] = []
        if config.rules.isEmpty && configReadable {
            diagnostics.append(
                .error(
                    .configMissingField, Message(.noRules),
                    at: SourceLocation(path: config.configDisplayPath ?? "dvcheck.yaml", line: 1, column: 1)))
        }
        for entry in config.rules {
            let checked = FileExpansion.expandChecked(entry, extensions: ["yaml", "yml"])
            guard let found = checked.files else {
                diagnostics.append(missing(entry, key: "rules", config))
                continue
            }
            ruleFiles += found.map { ($0.path, config.display($0.path)) }
            diagnostics += checked.problems.map { diagnostic(for: $0, key: "rules", config) }
        }
        let loader = RuleLoader(registry: project.registry, vocabulary: project.vocabulary)
        let rules = loader.load(files: ruleFiles)
        project.rules = rules.rules
        project.ruleFiles = rules.files
        diagnostics += rules.diagnostics

        // Waivers.
        if let w = config.waivers, exists(w, key: "waivers", config, &diagnostics) {
            let (waivers, d) = WaiverLoader.load(
                path: w, display: config.display(w), ruleIDs: Set(rules.rules.map(\.id)),
                unitIDs: Set(project.registry?.ids ?? provisionalUnits?.ids ?? []), refusedRuleIDs: rules.refusedIDs,
                checksUnits: project.registry != nil || provisionalUnits != nil)
            project.waivers = waivers ?? []
            diagnostics += d
        }
        project.inputsValid = !diagnostics.contains { $0.level == .error }

        // Logs.
        if config.logs.isEmpty && config.configDisplayPath != nil && configReadable {
            diagnostics.append(
                .error(
                    .configMissingField, Message(.noLogs),
                    at: SourceLocation(path: config.configDisplayPath ?? "dvcheck.yaml", line: 1, column: 1)))
            project.inputsValid = false
        }
        diagnostics += logPlan.diagnostics
        if logPlan.invalidatesInputs { project.inputsValid = false }
        let (logFiles, refusedLogs, logOrder) = (logPlan.files, logPlan.refused, logPlan.order)
        // SPEC §2: the logs are read whatever else failed, so their own errors show in this run;
        // without even one unit, against a stand-in registry that takes any unit.
        let registryAt = SourceLocation(
            path: config.units.map(config.display) ?? config.configDisplayPath ?? "dvcheck.yaml")
        let logRegistry = project.registry ?? provisionalUnits ?? UnitRegistry.standIn(location: registryAt)
        if project.registry == nil, !logFiles.isEmpty {
            diagnostics.append(
                .note(
                    .logUnitsUnchecked,
                    provisionalUnits == nil
                        ? Message(.logsCheckedWithoutUnits)
                        : Message(.logsCheckedProvisionally),
                    at: registryAt))
        }
        // What was found before the logs goes out first; the logs' diagnostics stream as they are read.
        stream?.language = config.diagnosticLanguage
        for d in diagnostics { stream?.send(d) }
        var streamed = diagnostics.count
        if let zone {
            let registry = logRegistry
            let ingestor = LogIngestor(
                registry: registry, vocabulary: project.vocabulary, zone: zone, asOf: asOf, stream: stream)
            let logs = reading.map(ingestor.ingest) ?? ingestor.ingest(files: logFiles)
            project.store = EventStore(
                events: logs.events, unitCount: registry.units.count, files: logFiles.map(\.display))
            project.logFiles = mergedStats(logs.files, refused: refusedLogs, order: logOrder)
            project.rejectedCount = logs.rejectedCount + refusedLogs.count
            diagnostics += logs.diagnostics
            streamed = diagnostics.count
        }
        diagnostics += refusedLogs.map(\.diagnostic)
        for d in diagnostics[streamed...] { stream?.send(d) }
        project.diagnostics = diagnostics
        let configFile = chosen.map { PathResolution.absolute($0, base: cwd) }
        let registryFiles = [configFile, config.units, config.vocabulary, config.calendar, config.waivers]
        project.inputPaths = registryFiles.compactMap { $0 } + ruleFiles.map(\.path) + logFiles.map(\.path)
        return project
    }

    /// The configuration the project starts from (`configPath`, else `./dvcheck.yaml`, else none when
    /// the command line names every input), the path chosen, and what was wrong with it.
    private static func configuration(configPath: String?, overrides: InputOverrides) -> (
        ProjectConfig, [Diagnostic], chosen: String?
    ) {
        let cwd = PathResolution.currentDirectory
        var config = ProjectConfig(baseDir: cwd)
        let defaultPath = cwd + "/dvcheck.yaml"
        let chosen = configPath ?? (FileManager.default.fileExists(atPath: defaultPath) ? defaultPath : nil)
        if let chosen {
            let (c, d) = ProjectConfig.load(path: PathResolution.absolute(chosen, base: cwd))
            return (c, d, chosen)
        }
        guard overrides.units == nil || overrides.rules.isEmpty || overrides.logs.isEmpty else {
            return (config, [], nil)
        }
        config.languageIsKnown = false
        let missing = Diagnostic.error(
            .configMissingFile, Message(.noConfigHere) + MissingPathHint.describe(defaultPath),
            at: SourceLocation(path: "dvcheck.yaml"))
        return (config, [missing], nil)
    }

    /// The language `load` would write diagnostics in (docs/semantics.md), found by reading only the
    /// configuration: for a problem met before the project is loaded (`--diagnostics FILE`).
    public static func diagnosticLanguage(configPath: String?, overrides: InputOverrides) -> Language {
        if let language = overrides.language { return language }
        return configuration(configPath: configPath, overrides: overrides).0.diagnosticLanguage
    }

    private static func apply(
        _ o: InputOverrides, to config: inout ProjectConfig, cwd: String, diagnostics: inout [Diagnostic]
    ) {
        if !o.rules.isEmpty { config.rules = o.rules.map { PathResolution.absolute($0, base: cwd) } }
        if !o.logs.isEmpty { config.logs = o.logs.map { PathResolution.absolute($0, base: cwd) } }
        if let u = o.units { config.units = PathResolution.absolute(u, base: cwd) }
        if let c = o.calendar { config.calendar = PathResolution.absolute(c, base: cwd) }
        if let v = o.vocabulary { config.vocabulary = PathResolution.absolute(v, base: cwd) }
        if let w = o.waivers { config.waivers = PathResolution.absolute(w, base: cwd) }
        if let l = o.language {
            config.language = l
            config.languageIsKnown = true
        }
        if let tz = o.timezone {
            if ZoneConverter(identifier: tz) == nil {
                diagnostics.append(.error(.configInvalidValue, Message(.unknownTimeZoneOption, ["zone": tz])))
            } else {
                config.timezone = tz
            }
        }
    }

    /// Whether a file the configuration names exists; if not, reports it at the configuration key.
    private static func exists(
        _ absolute: String, key: String, _ config: ProjectConfig, _ diagnostics: inout [Diagnostic]
    ) -> Bool {
        let at = config.keyLocations[key] ?? SourceLocation(path: config.display(absolute))
        switch FileProbe.inspect(absolute) {
        case .regular, .special, .unreadable:
            // The file loader reads it, or says why it cannot.
            return true
        case .directory:
            diagnostics.append(
                .error(
                    .configMissingFile, Message(.inputIsFolder, ["path": config.display(absolute), "key": key]),
                    at: at))
        case .symlinkLoop:
            diagnostics.append(
                .error(
                    YAMLFileLoader.symlinkLoopCode,
                    Message(.inputSymlinkLoop, ["path": config.display(absolute), "key": key]),
                    at: at))
        case .missing:
            diagnostics.append(missing(absolute, key: key, config))
        }
        return false
    }

    static func missing(_ absolute: String, key: String, _ config: ProjectConfig) -> Diagnostic {
        .error(
            .configMissingFile,
            Message(.inputDoesNotExist, ["path": config.display(absolute), "key": key])
                + MissingPathHint.describe(absolute),
            at: config.keyLocations[key] ?? SourceLocation(path: config.configDisplayPath ?? config.display(absolute)))
    }
}
