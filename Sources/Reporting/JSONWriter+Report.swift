import ComplianceCore
import Evaluation

/// The pieces of a run that several JSON-based formats (JSON, SARIF) write the same way, written
/// once so the formats cannot drift apart.
extension JSONWriter {
    /// A finding's field (`FindingField`); nothing when the finding has none.
    ///
    /// A ratio's counts are an object `{satisfied, violated, pending}`.
    mutating func field(_ key: StaticString, _ value: FindingValue?) {
        switch value {
        case nil: return
        case .text(let s): field(key, s)
        case .integer(let n): field(key, n)
        case .decimal(let t): field(key, t)
        case .date(let d): field(key, d)
        case .list(let ids): inlineArray(key, ids)
        case .counts(let satisfied, let violated, let pending):
            beginObject(key)
            field("satisfied", satisfied)
            field("violated", violated)
            field("pending", pending)
            endObject()
        }
    }

    /// `[{path, sha256}]` under `key`.
    mutating func fileDigests(_ key: StaticString, _ files: [RunReport.InputFile]) {
        beginArray(key)
        for f in files {
            beginObject()
            field("path", f.path)
            field("sha256", f.sha256)
            endObject()
        }
        endArray()
    }

    /// `{path, sha256}` under `key`, when there is a file.
    mutating func fileDigest(_ key: StaticString, _ file: RunReport.InputFile?) {
        guard let file else { return }
        beginObject(key)
        field("path", file.path)
        field("sha256", file.sha256)
        endObject()
    }

    /// `options: {fail_on, max_rejected, include_satisfied, language, unit, rule, sort}` (SPEC §10.5).
    mutating func options(_ report: RunReport) {
        beginObject("options")
        field("fail_on", report.options.failOn)
        field("max_rejected", report.options.maxRejected)
        field("include_satisfied", report.includeSatisfied)
        field("language", report.language.rawValue)
        inlineArray("unit", report.options.units)
        inlineArray("rule", report.options.rules)
        // The order text and HTML use (SPEC §10.9), so a saved result re-renders them the same.
        field("sort", report.sort.rawValue)
        field("fail_on_new", report.options.failOnNew)
        endObject()
    }

    /// `logs: [{path, sha256, read, accepted, rejected, ignored}]`.
    mutating func logStats(_ logs: [RunReport.LogFile]) {
        beginArray("logs")
        for f in logs {
            beginObject()
            field("path", f.path)
            field("sha256", f.sha256)
            field("read", f.read)
            field("accepted", f.accepted)
            field("rejected", f.rejected)
            field("ignored", f.ignored)
            endObject()
        }
        endArray()
    }

    /// `summary: {rules, units, evaluated, satisfied, violated, pending, waived, silent_units[, rejected,
    /// missing_keys]}`.
    mutating func summary(_ s: RunSummary, rejected: Int? = nil, missingKeys: Int? = nil) {
        beginObject("summary")
        field("rules", s.rules)
        field("units", s.units)
        field("evaluated", s.evaluated)
        field("satisfied", s.satisfied)
        field("violated", s.violated)
        field("pending", s.pending)
        field("waived", s.waived)
        field("silent_units", s.silentUnits)
        field("rejected", rejected)
        field("missing_keys", missingKeys)
        endObject()
    }

    /// `diagnostics: [{level, code, message, path, line, column, sheet}]` (line/column only when
    /// known; sheet only for a workbook log, whose line is a row).
    mutating func diagnostics(_ diagnostics: [Diagnostic], language: Language) {
        beginArray("diagnostics")
        for d in diagnostics {
            beginObject()
            field("level", d.level.rawValue)
            field("code", d.code)
            if d.omitted > 0 {
                // The entry for diagnostics left out of the list (SPEC §10.6).
                field("path", d.location?.path)
                field("omitted", d.omitted)
                endObject()
                continue
            }
            field("message", d.message(in: language))
            if let loc = d.location {
                field("path", loc.path)
                if loc.line > 0 { field("line", loc.line) }
                if loc.column > 0 { field("column", loc.column) }
                if let sheet = loc.sheet { field("sheet", sheet) }
            }
            endObject()
        }
        endArray()
    }
}
