import ComplianceCore
import Foundation
import NodeDecoding
import YAMLSupport

/// `dvcheck.yaml` after command-line overrides: where every input lives and how to read it.
public struct ProjectConfig: Sendable {
    /// The folder paths are relative to (the config file's folder, or the current directory).
    public var baseDir: String
    /// The config file's display path, if one was read.
    public var configDisplayPath: String?
    /// IANA time zone.
    public var timezone = "Asia/Ho_Chi_Minh"
    /// Report language.
    public var language = Language.vi
    /// Whether `language` is the project's: false while dvcheck.yaml could not be read as a mapping
    /// or its `language` is invalid (diagnostics are then written in English, docs/semantics.md).
    public var languageIsKnown = true
    /// The language diagnostics' messages are written in.
    public var diagnosticLanguage: Language { languageIsKnown ? language : .en }
    /// Pinned as-of date.
    public var asOf: Day?
    /// Whether `as_of` was written but is no valid date: then no date is the run's (the run stops).
    public var asOfInvalid = false
    /// Rule files or folders (absolute).
    public var rules: [String] = []
    /// Unit registry (absolute).
    public var units: String?
    /// Vocabulary (absolute).
    public var vocabulary: String?
    /// Calendar (absolute).
    public var calendar: String?
    /// Log files or folders (absolute).
    public var logs: [String] = []
    /// Waivers (absolute).
    public var waivers: String?
    /// The project's name (`name:`), recorded in JSON results (SPEC §10.5).
    public var name: String?
    /// `docs_url`: where the rules' documentation is published.
    ///
    /// SARIF's `helpUri` is this URL plus `#` and the rule id (SPEC §10.8); only http and https
    /// URLs are taken.
    public var docsURL: String?
    /// Where each key was written, to point "missing file" diagnostics at it.
    public var keyLocations: [String: SourceLocation] = [:]

    /// An empty configuration rooted at `baseDir`.
    public init(baseDir: String) { self.baseDir = baseDir }

    /// The display path of an absolute path: relative to the project folder.
    public func display(_ absolute: String) -> String { PathResolution.relative(absolute, to: baseDir) }

    /// The keys `dvcheck.yaml` may hold (the loader's and the JSON Schema's source).
    public static let fields = [
        FieldSpec("name", .text, "The project's name, recorded in JSON results (optional)."),
        FieldSpec("docs_url", .text, "An http(s) URL where the rules' documentation is published (optional)."),
        FieldSpec("timezone", .text, "IANA time zone (default Asia/Ho_Chi_Minh)."),
        FieldSpec("language", .oneOf(["vi", "en"]), "The report language (default vi)."),
        FieldSpec("as_of", .optionalDate, "The evaluation date (default today)."),
        FieldSpec("rules", .scalarOrList, "Rule files or folders."),
        FieldSpec("units", .text, "The unit registry."),
        FieldSpec("vocabulary", .text, "Known event types (optional)."),
        FieldSpec("calendar", .text, "Working days and holidays (optional)."),
        FieldSpec("logs", .scalarOrList, "Log files or folders."),
        FieldSpec("waivers", .text, "Approved waivers (optional)."),
    ]

    /// The keys `dvcheck.yaml` may hold.
    public static var keys: [String] { fields.names }

    /// Reads a config file.
    ///
    /// Diagnostics use `config.*` codes; paths are resolved against its folder.
    public static func load(path: String) -> (ProjectConfig, [Diagnostic]) {
        let absolutePath = PathResolution.absolute(path, base: PathResolution.currentDirectory)
        let base = PathParts(path: absolutePath).directory
        var config = ProjectConfig(baseDir: base)
        config.languageIsKnown = false
        let display = PathResolution.relative(absolutePath, to: base)
        config.configDisplayPath = display
        let loaded = YAMLFileLoader.load(path: absolutePath, displayPath: display)
        var reader = NodeReader(path: display, prefix: "config")
        reader.diagnostics = loaded.diagnostics
        if !loaded.readable, case .missing(danglingLink: false) = FileProbe.inspect(absolutePath) {
            reader.diagnostics = [missingConfiguration(absolutePath, display: display, folder: base)]
        }
        guard loaded.readable else { return (config, reader.diagnostics) }
        guard let root = loaded.root else {
            if loaded.diagnostics.isEmpty {
                reader.diagnostics.append(
                    .error(
                        .configMissingField, Message(.configEmpty, ["path": display]),
                        at: SourceLocation(path: display, line: 1, column: 1)))
            }
            return (config, reader.diagnostics)
        }
        guard let map = reader.mapping(root, allowed: keys, what: "dvcheck.yaml") else {
            return (config, reader.diagnostics)
        }
        for (key, entry) in map.entries { config.keyLocations[key] = reader.location(entry.value) }
        if let e = map["timezone"], let tz = reader.identifier(e.value, what: "timezone") {
            if ZoneConverter(identifier: tz) == nil {
                reader.error(
                    "invalid-value", Message(.unknownTimeZone, ["zone": tz]), at: e.value)
            } else {
                config.timezone = tz
            }
        }
        config.languageIsKnown = map["language"] == nil
        if let e = map["language"], let l = reader.choice(e.value, what: "language", among: ["vi", "en"]) {
            config.languageIsKnown = true
            config.language = Language(rawValue: l) ?? .vi
        }
        if let e = map["as_of"], !e.value.isNull {
            config.asOf = reader.date(e.value, what: "as_of")
            config.asOfInvalid = config.asOf == nil
        }
        if let e = map["name"], !e.value.isNull { config.name = reader.text(e.value, what: "name") }
        if let e = map["docs_url"], !e.value.isNull, let url = reader.text(e.value, what: "docs_url") {
            // Only a web address may become a link in a code-scanning service (no file: or javascript:).
            let lower = url.lowercased()
            if (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !url.contains(where: \.isWhitespace) {
                config.docsURL = url
            } else {
                reader.error("invalid-value", Message(.docsURLMustBeHTTP, ["url": url]), at: e.value)
            }
        }
        func paths(_ key: String) -> [String] {
            guard let e = map[key] else { return [] }
            guard let list = reader.identifierList(e.value, what: key) else { return [] }
            return list.map { PathResolution.absolute($0, base: base) }
        }
        func single(_ key: String) -> String? {
            guard let e = map[key], !e.value.isNull else { return nil }
            return reader.identifier(e.value, what: key).map { PathResolution.absolute($0, base: base) }
        }
        config.rules = paths("rules")
        config.logs = paths("logs")
        config.units = single("units")
        config.vocabulary = single("vocabulary")
        config.calendar = single("calendar")
        config.waivers = single("waivers")
        return (config, reader.diagnostics)
    }
}

/// Tiny helper for the folder of a path.
extension ProjectConfig {
    /// A configuration that is not there: says whether the folder or only the file is missing, where
    /// the path resolved to, and the nearest existing name.
    static func missingConfiguration(_ absolutePath: String, display: String, folder: String) -> Diagnostic {
        var isFolder: ObjCBool = false
        let folderExists = FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue
        let relative = PathResolution.relative(folder, to: PathResolution.currentDirectory)
        let shown = relative.hasPrefix("../") ? folder : relative
        let what =
            folderExists ? Message(.fileNotFound, ["path": display]) : Message(.noSuchProjectFolder, ["path": shown])
        return .error(
            .configMissingFile, what + MissingPathHint.describe(absolutePath), at: SourceLocation(path: display))
    }
}

struct PathParts {
    let path: String
    var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return PathResolution.currentDirectory }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : PathResolution.absolute(dir, base: PathResolution.currentDirectory)
    }
}
