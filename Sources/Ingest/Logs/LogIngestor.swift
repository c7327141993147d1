import ComplianceCore

/// Per-file accounting: every record read is accepted or rejected (SPEC §4).
public struct LogFileStats: Sendable {
    /// Display path.
    public let path: String
    /// Records read.
    public var read = 0
    /// Records accepted.
    public var accepted = 0
    /// Records rejected.
    public var rejected = 0
    /// Accepted records not evaluated (after the as-of date, or outside their unit's life).
    public var ignored = 0
    /// True when a file error stopped reading (it then counts once against --max-rejected).
    public var fileError = false
}

/// Reads every log file and turns raw records into accepted events or rejections with diagnostics.
public struct LogIngestor {
    /// Inputs the checks need.
    let registry: UnitRegistry
    let vocabulary: Vocabulary?
    let zone: ZoneConverter
    let asOf: Day

    /// What ingestion produced.
    public struct Result: Sendable {
        /// Accepted, evaluable events.
        public var events: [Event] = []
        /// One entry per file, in input order.
        public var files: [LogFileStats] = []
        /// Diagnostics.
        public var diagnostics: [Diagnostic] = []
        /// Rejected records plus file errors (for --max-rejected).
        public var rejectedCount: Int { files.reduce(0) { $0 + $1.rejected + ($1.fileError ? 1 : 0) } }
    }

    /// An ingestor for one run.
    public init(registry: UnitRegistry, vocabulary: Vocabulary?, zone: ZoneConverter, asOf: Day) {
        self.registry = registry
        self.vocabulary = vocabulary
        self.zone = zone
        self.asOf = asOf
    }

    /// The log formats by file extension.
    public static let extensions: Set<String> = ["csv", "jsonl", "ndjson", "yaml", "yml"]

    /// Reads files `(absolute path, display path)` in order.
    public func ingest(files: [(path: String, display: String)]) -> Result {
        var result = Result()
        var firstSeen: [String: SourceLocation] = [:]
        for (fileIndex, file) in files.enumerated() {
            var staged = FileStage(stats: LogFileStats(path: file.display))
            var source = Self.source(for: file.path)
            readFile(&source, file: file.display, fileIndex: Int32(fileIndex), firstSeen: firstSeen, into: &staged)
            if staged.stats.fileError {
                // A file error: the file contributes nothing (SPEC §4).
                var stats = LogFileStats(path: file.display)
                stats.fileError = true
                result.files.append(stats)
                result.diagnostics += staged.fileDiagnostics
                continue
            }
            for (id, loc) in staged.ids { firstSeen[id] = loc }
            result.events += staged.events
            result.files.append(staged.stats)
            result.diagnostics += staged.diagnostics
        }
        return result
    }

    /// Reads records written inline (rule tests' timelines) as if they were one log file.
    public func ingest(inline records: [InlineRecord], display: String) -> Result {
        var result = Result()
        var stage = FileStage(stats: LogFileStats(path: display))
        var source: any RawRecordSource = InlineRecordSource(
            items: records.map { .record(RawRecord(line: $0.line, fields: $0.fields)) })
        readFile(&source, file: display, fileIndex: 0, firstSeen: [:], into: &stage)
        result.events = stage.events
        result.files = [stage.stats]
        result.diagnostics = stage.diagnostics + stage.fileDiagnostics
        return result
    }

    static func source(for path: String) -> any RawRecordSource {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "csv": return CSVRecordSource(path: path)
        case "jsonl", "ndjson": return JSONLinesRecordSource(path: path)
        default: return YAMLLogRecordSource(path: path)
        }
    }

    /// One file's results, held until the file is known to be readable to the end.
    struct FileStage {
        var stats: LogFileStats
        var events: [Event] = []
        var diagnostics: [Diagnostic] = []
        var fileDiagnostics: [Diagnostic] = []
        var ids: [String: SourceLocation] = [:]
        var warnedAfterAsOf = false
        var warnedOutsideLife = false
        var warnedAttributes: Set<String> = []
    }

    private func readFile(
        _ source: inout any RawRecordSource, file: String, fileIndex: Int32, firstSeen: [String: SourceLocation],
        into stage: inout FileStage
    ) {
        while let item = source.next() {
            switch item {
            case .empty:
                stage.diagnostics.append(
                    .warning(
                        "log.empty-file", "the log file is empty", at: SourceLocation(path: file, line: 1, column: 1)))
            case .fileError(let line, let column, let code, let message):
                stage.stats.fileError = true
                stage.fileDiagnostics.append(
                    .error(
                        code, message + "; the file is skipped",
                        at: SourceLocation(path: file, line: max(line, 1), column: max(column, 1))))
                return
            case .rejected(let line, let column, let code, let message):
                stage.stats.read += 1
                stage.stats.rejected += 1
                stage.diagnostics.append(
                    .error(code, message, at: SourceLocation(path: file, line: line, column: max(column, 1))))
            case .record(let raw):
                stage.stats.read += 1
                let at = SourceLocation(path: file, line: raw.line, column: 1)
                switch validate(raw, at: at, fileIndex: fileIndex, firstSeen: firstSeen, stage: &stage) {
                case .failure(let diagnostic):
                    stage.stats.rejected += 1
                    stage.diagnostics.append(diagnostic)
                case .success(let event):
                    stage.stats.accepted += 1
                    stage.ids[event.id] = at
                    let unit = registry.units[Int(event.unit)]
                    if event.day > asOf {
                        stage.stats.ignored += 1
                        if !stage.warnedAfterAsOf {
                            stage.warnedAfterAsOf = true
                            stage.diagnostics.append(
                                .warning(
                                    "log.after-as-of",
                                    "event '\(event.id)' is dated \(event.day), after the as-of date \(asOf); such events are ignored (first in this file)",
                                    at: at))
                        }
                    } else if !unit.exists(on: event.day) {
                        stage.stats.ignored += 1
                        if !stage.warnedOutsideLife {
                            stage.warnedOutsideLife = true
                            stage.diagnostics.append(
                                .warning(
                                    "log.outside-unit-life",
                                    "event '\(event.id)' is dated \(event.day), outside the life of unit '\(unit.id)'; such events are ignored (first in this file)",
                                    at: at))
                        }
                    } else {
                        stage.events.append(event)
                    }
                }
            }
        }
    }

    private func validate(
        _ raw: RawRecord, at: SourceLocation, fileIndex: Int32, firstSeen: [String: SourceLocation],
        stage: inout FileStage
    ) -> Swift.Result<Event, Diagnostic> {
        var id: String?
        var unitID: String?
        var type: String?
        var dateText: String?
        var attributes: [(name: String, value: AttributeValue)] = []
        for (name, value) in raw.fields {
            let key = TextNormalization.normalize(name)
            switch key {
            case "id": id = TextNormalization.normalize(value)
            case "unit": unitID = TextNormalization.normalize(value)
            case "type": type = TextNormalization.normalize(value)
            case "date": dateText = TextNormalization.normalize(value)
            default:
                let v = AttributeValue(value)
                if !key.isEmpty && !v.text.isEmpty { attributes.append((key, v)) }
            }
        }
        for (name, value) in [("id", id), ("unit", unitID), ("type", type), ("date", dateText)]
        where value?.isEmpty ?? true {
            return .failure(.error("log.missing-field", "the record lacks the required field '\(name)'", at: at))
        }
        guard let id, let unitID, let type, let dateText else {
            return .failure(.error("log.missing-field", "the record lacks a required field", at: at))
        }
        guard let unitIndex = registry.index(of: unitID) else {
            return .failure(
                .error(
                    "log.unknown-unit", "unknown unit '\(unitID)'" + Suggestions.hint(for: unitID, in: registry.ids),
                    at: at))
        }
        let day: Day
        switch DateText.parseEventDate(Substring(dateText), zone: zone) {
        case .success(let d): day = d
        case .failure(let why):
            let detail: String
            switch why {
            case .impossible: detail = "no such date or time"
            case .missingOffset: detail = "a datetime needs Z or an offset such as +07:00"
            case .malformed: detail = "expected YYYY-MM-DD, D/M/YYYY (day first) or YYYY-MM-DDTHH:MM[:SS]±HH:MM"
            }
            return .failure(.error("log.bad-date", "bad date '\(dateText)': \(detail)", at: at))
        }
        if let vocabulary {
            guard let def = vocabulary.eventTypes[type] else {
                return .failure(
                    .error(
                        "log.unknown-type",
                        "unknown event type '\(type)'" + Suggestions.hint(for: type, in: vocabulary.eventTypes.keys),
                        at: at))
            }
            for field in def.requires {
                let present: Bool
                switch field {
                case "id", "unit", "type", "date": present = true
                default: present = attributes.contains { $0.name == field }
                }
                if !present {
                    return .failure(
                        .error("log.missing-field", "a '\(type)' record needs the field '\(field)'", at: at))
                }
            }
            for (name, value) in attributes {
                if let t = def.attributes[name] {
                    if !t.accepts(value) {
                        return .failure(
                            .error(
                                "log.bad-attribute",
                                "attribute '\(name)' must be a \(t.rawValue), found '\(value.text)'", at: at))
                    }
                } else if name != "ref" && name != "period"
                    && stage.warnedAttributes.insert(type + "\u{1F}" + name).inserted
                {
                    stage.diagnostics.append(
                        .warning(
                            "log.unknown-attribute",
                            "attribute '\(name)' is not declared for event type '\(type)' in the vocabulary (first in this file)"
                                + Suggestions.hint(for: name, in: def.attributes.keys), at: at))
                }
            }
        }
        if let first = firstSeen[id] ?? stage.ids[id] {
            return .failure(
                .error(
                    "log.duplicate-id", "duplicate event id '\(id)' (first accepted at \(first.path):\(first.line))",
                    at: at,
                    related: [first]))
        }
        return .success(
            Event(
                id: id, unit: Int32(unitIndex), type: type, day: day, attributes: attributes,
                origin: EventOrigin(file: fileIndex, line: Int32(raw.line))))
    }
}
