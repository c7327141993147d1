import ComplianceCore

/// SARIF artifact locations (SPEC §10.8), each path resolved once.
///
/// A report path (relative to the project folder) is resolved against the project folder and the
/// folder the tool runs in: relative to `%SRCROOT%` when the file lies under that folder, else an
/// absolute `file://` URI.
struct SARIFLocations {
    /// The project folder, absolute.
    private let projectRoot: String
    /// The folder the tool runs in, absolute, without a trailing slash.
    private let workingDirectory: String
    /// Resolved URIs by report path: (uri, relative to %SRCROOT%).
    private var cache: [String: (uri: String, relative: Bool)] = [:]

    init(_ report: RunReport) {
        workingDirectory = Self.normalize(report.workingDirectory)
        projectRoot =
            report.projectDir.hasPrefix("/")
            ? Self.normalize(report.projectDir) : Self.normalize(workingDirectory + "/" + report.projectDir)
    }

    /// `artifactLocation` of a report path.
    mutating func artifact(_ path: String, _ w: inout JSONWriter) {
        let resolved = resolve(path)
        w.beginObject("artifactLocation")
        w.field("uri", resolved.uri)
        if resolved.relative { w.field("uriBaseId", SARIFReporter.sourceRoot) }
        w.endObject()
    }

    /// `physicalLocation` of an evidence event: its log line and column, or, in a workbook, the file
    /// alone (the cell is a logical location, `Sheet!E5`, SPEC §10.7).
    mutating func event(_ e: EvidenceEvent, _ w: inout JSONWriter) {
        w.beginObject("physicalLocation")
        artifact(e.path, &w)
        if e.sheet == nil, e.line > 0 {
            w.beginObject("region")
            w.field("startLine", e.line)
            if e.column > 0 { w.field("startColumn", e.column) }
            w.endObject()
        }
        w.endObject()
    }

    /// `physicalLocation` of a rule's definition: its lines in its file.
    mutating func definition(_ rule: ReportRule, _ w: inout JSONWriter) {
        w.beginObject("physicalLocation")
        artifact(rule.location.path, &w)
        w.beginObject("region")
        w.field("startLine", max(rule.location.line, 1))
        w.field("endLine", max(rule.endLine, rule.location.line, 1))
        w.endObject()
        w.endObject()
    }

    /// A related location's logical location for a workbook cell.
    static func cellLocation(_ cell: String, _ w: inout JSONWriter) {
        w.beginArray("logicalLocations")
        w.beginObject()
        w.field("name", cell)
        w.field("fullyQualifiedName", cell)
        w.field("kind", "worksheet-cell")
        w.endObject()
        w.endArray()
    }

    /// `Sheet!E5` for an event read from a worksheet (column letters from the column number), nil
    /// for text logs.
    static func cellName(_ e: EvidenceEvent) -> String? {
        guard let sheet = e.sheet else { return nil }
        var column = max(e.column, 1)
        var letters = ""
        while column > 0 {
            let digit = (column - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            column = (column - 1) / 26
        }
        return "\(sheet)!\(letters)\(e.line)"
    }

    private mutating func resolve(_ path: String) -> (uri: String, relative: Bool) {
        if let hit = cache[path] { return hit }
        let absolute = path.hasPrefix("/") ? Self.normalize(path) : Self.normalize(projectRoot + "/" + path)
        let prefix = workingDirectory == "/" ? "/" : workingDirectory + "/"
        let resolved: (uri: String, relative: Bool) =
            absolute.hasPrefix(prefix)
            ? (SARIFReporter.uri(String(absolute.dropFirst(prefix.count))), true)
            : ("file://" + SARIFReporter.uri(absolute), false)
        cache[path] = resolved
        return resolved
    }

    /// An absolute path with `.` and `..` segments and repeated slashes removed.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for segment in path.split(separator: "/") {
            if segment == "." { continue }
            if segment == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(segment)
        }
        return "/" + parts.joined(separator: "/")
    }
}
