import ComplianceCore
import Evaluation
import Foundation

/// `--format json`: the `dvcheck.result/v1` document of SPEC §8, written even when the run stops on
/// invalid input (then with empty findings and the diagnostics).
public enum JSONReporter {
    /// The document's text (UTF-8, LF, trailing newline).
    public static func render(_ report: RunReport) -> String { writer(report).document() }

    /// The document's bytes, the same as `render`'s text: for writing a large report without making
    /// a `String` of it.
    public static func renderData(_ report: RunReport) -> Data { writer(report).documentData() }

    /// A writer holding the whole document.
    static func writer(_ report: RunReport) -> JSONWriter {
        // The findings first, in parts on all cores; then room for the whole document up front (a
        // matrix row takes about 180 bytes), so the buffer of a large report is not copied each time
        // it doubles.
        let findingsDepth = 2
        let parts = findingParts(report, depth: findingsDepth)
        var w = JSONWriter(
            capacity: parts.reduce(0) { $0 + $1.count } + 256 * report.evaluation.matrix.count + 65_536)
        write(report, &w, sink: nil, tail: { w in writeTail(report, &w, context: ResultContext.listed(report)) }) { w in
            precondition(w.depth == findingsDepth, "the findings parts were rendered at another depth")
            for part in parts { w.append(part: part) }
        }
        return w
    }

    /// Writes the document of a streamed run to `sink` as it is rendered: its findings read back
    /// from the spill a batch at a time, rendered in parts on all cores as `writer` renders them, so
    /// the bytes are the same.
    public static func write(_ report: RunReport, to sink: ReportSink) {
        var w = JSONWriter(capacity: 4 << 20)
        // Everything after the findings (the matrix, the context with its sorted ids, the
        // diagnostics) is serial work: it is rendered on another core while the findings are.
        let tail = WorkAhead {
            var part = JSONWriter(partAtDepth: topLevelDepth, capacity: 1 << 20)
            writeTail(report, &part, context: ResultContext.listed(report))
            return part.partData()
        }
        write(report, &w, sink: sink, tail: { w in w.append(part: tail.wait()) }) { w in
            guard let spill = report.spill else {
                for part in findingParts(report, depth: w.depth) { w.append(part: part) }
                return
            }
            // The next batch is decoded from the spill while this one is rendered and written.
            nonisolated(unsafe) let cursor = spill.cursor()
            var next = WorkAhead { cursor.next(2 * partSize) }
            while true {
                let batch = next.wait()
                if batch.isEmpty { break }
                next = WorkAhead { cursor.next(2 * partSize) }
                for part in findingParts(batch, report, depth: w.depth) { w.append(part: part) }
                w.drain(into: sink)
            }
            if let failure = spill.failure { sink.fail(failure) }
        }
        w.finish(into: sink)
    }

    /// The depth of the document's fields (inside its one object).
    private static let topLevelDepth = 1

    /// The document around the findings, which `findings` writes, and the fields after them, which
    /// `tail` writes (`writeTail`'s); with a sink, what is written is handed on at each large part.
    private static func write(
        _ report: RunReport, _ w: inout JSONWriter, sink: ReportSink?, tail: (inout JSONWriter) -> Void,
        findings: (inout JSONWriter) -> Void
    ) {
        w.beginObject()
        w.field("schema", "dvcheck.result/v1")
        w.beginObject("tool")
        w.field("name", "dvcheck")
        w.field("version", report.toolVersion)
        w.endObject()
        w.field("project", report.projectName)
        w.field("docs_url", report.docsURL)
        w.field("project_dir", report.projectDir)
        if report.asOfIsKnown { w.field("as_of", report.asOf) } else { w.nullField("as_of") }
        w.field("timezone", report.timezone)
        if report.windowFrom != nil || report.windowTo != nil {
            w.beginObject("window")
            w.field("from", report.windowFrom)
            w.field("to", report.windowTo)
            w.endObject()
        }
        w.options(report)
        w.field("exit_code", Int(report.exitCode))
        w.beginObject("inputs")
        w.fileDigests("rules", report.ruleFiles)
        w.logStats(report.logFiles)
        w.fileDigest("units", report.registryFiles.units)
        w.fileDigest("calendar", report.registryFiles.calendar)
        w.fileDigest("vocabulary", report.registryFiles.vocabulary)
        w.fileDigest("waivers", report.registryFiles.waivers)
        w.endObject()
        let s = report.evaluation.summary
        w.summary(s, rejected: report.rejected, missingKeys: report.missingKeys)
        w.beginArray("findings")
        findings(&w)
        w.endArray()
        if let sink { w.drain(into: sink) }
        precondition(w.depth == topLevelDepth, "the document's fields are not at the top level")
        tail(&w)
        w.endObject()
    }

    /// The document's fields after the findings: the resolved findings, the matrix, the silent
    /// units, the met shares, the trend, the context and the diagnostics.
    private static func writeTail(_ report: RunReport, _ w: inout JSONWriter, context: ResultContext.Listed) {
        if let changes = report.changes {
            w.beginArray("resolved")
            for p in changes.resolved { write(p, &w) }
            w.endArray()
        }
        w.beginArray("matrix")
        for row in report.evaluation.matrix {
            w.beginObject()
            w.field("rule", row.rule)
            w.field("unit", row.unit)
            w.field("satisfied", row.satisfied)
            w.field("violated", row.violated)
            w.field("pending", row.pending)
            w.field("waived", row.waived)
            w.endObject()
        }
        w.endArray()
        w.beginArray("silent_units")
        for id in report.evaluation.silentUnits { w.value(id) }
        w.endArray()
        if !report.includeSatisfied {
            // The KPI tables show met shares without --include-satisfied; a saved result keeps them
            // here, outside `findings`, so `report` renders those tables as `check` did (SPEC §10.5).
            let met = report.evaluation.findings.filter { $0.share != nil && $0.status == .satisfied }
            if !met.isEmpty {
                w.beginArray("satisfied_ratios")
                for f in met {
                    write(f, report.rules[f.rule]?.source, report.rules[f.rule]?.binding, changes: report.changes, &w)
                }
                w.endArray()
            }
        }
        w.historyTrend(report.historyTrend)
        ResultContext.write(report, context, &w)
        w.diagnostics(report.diagnostics, language: report.language)
    }

    /// The fields of a finding in the JSON result, in the table's order.
    static let findingFields = FindingField.allCases.filter { $0.shownIn.contains(.json) }

    static func write(
        _ f: Finding, _ source: RuleSource?, _ binding: Binding?, changes: ChangeSet?, _ w: inout JSONWriter
    ) {
        w.beginObject()
        for field in findingFields {
            // A ratio finding counts other findings, not events (SPEC §10.2: no `events`).
            if field == .events && f.share != nil { continue }
            w.field(field.key, field.value(in: f))
            if field == .severity { w.field("binding", binding?.rawValue) }
            if field == .fingerprint, let changes, let mark = changes.mark(f) {
                w.field("change", mark.rawValue)
                w.field("previous_status", changes.previousStatus[f.fingerprint])
            }
        }
        if let source {
            w.beginObject("source")
            w.field("document", source.document)
            w.field("clause", source.clause)
            w.field("basis", source.basis)
            w.field("url", source.url)
            w.endObject()
        }
        w.endObject()
    }

    /// The findings array's items, rendered in parts on all cores.
    ///
    /// At ten million events the findings are most of a 200 MB report, and rendering them on one
    /// thread left the other core idle (render 0.8 → 0.45–0.6 s). Parts are joined in order, so the
    /// bytes are those of one writer.
    static func findingParts(_ report: RunReport, depth: Int) -> [Data] {
        findingParts(report.evaluation.findings, report, depth: depth)
    }

    /// Findings per part.
    static let partSize = 16_384

    /// The items of `findings` (those the report lists), rendered in parts on all cores.
    static func findingParts(_ findings: [Finding], _ report: RunReport, depth: Int) -> [Data] {
        // The rules' sources once, not a copy of the whole rule per finding; and the findings
        // filtered in place, as `listedFindings` would list them, without copying the array.
        let sources = report.rules.mapValues(\.source)
        let bindings = report.rules.mapValues(\.binding)
        let count = (findings.count + partSize - 1) / partSize
        let parts = UnsafeMutableBufferPointer<Data>.allocate(capacity: count)
        parts.initialize(repeating: Data())
        defer { parts.deallocate() }
        let shared = PartSlots(parts)
        DispatchQueue.concurrentPerform(iterations: count) { p in
            var w = JSONWriter(partAtDepth: depth, capacity: 768 * partSize)
            for f in findings[(p * partSize)..<min((p + 1) * partSize, findings.count)]
            where report.includeSatisfied || f.status != .satisfied {
                write(f, sources[f.rule], bindings[f.rule], changes: report.changes, &w)
            }
            shared.parts[p] = w.partData()
        }
        let result = Array(parts)
        _ = parts.deinitialize()
        return result
    }

    /// Slots for the parts, each written by one iteration.
    private final class PartSlots: @unchecked Sendable {
        let parts: UnsafeMutableBufferPointer<Data>
        init(_ parts: UnsafeMutableBufferPointer<Data>) { self.parts = parts }
    }

    /// A finding of the previous run that is gone (`resolved`), with the status it had then.
    static func write(_ p: PriorFinding, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("rule", p.rule)
        w.field("unit", p.unit)
        w.field("status", p.status)
        w.field("reason", p.reason)
        w.field("severity", p.severity)
        w.field("period", p.period)
        w.field("due", p.due)
        w.field("ref", p.ref)
        w.field("fingerprint", p.fingerprint)
        w.field("message", p.message)
        w.endObject()
    }

    /// `validate --format json`: `{ "schema": "dvcheck.diagnostics/v1", "diagnostics": […] }`.
    public static func renderDiagnostics(_ diagnostics: [Diagnostic], language: Language = .en) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("schema", "dvcheck.diagnostics/v1")
        w.diagnostics(diagnostics, language: language)
        w.endObject()
        return w.document()
    }
}
