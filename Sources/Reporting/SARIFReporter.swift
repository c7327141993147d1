import ComplianceCore
import Evaluation
import Foundation

/// `--format sarif`: SARIF 2.1.0 for code-scanning services (SPEC §10.8) — one rule descriptor per
/// rule, one result per reported finding, located at the log line of its first evidence event with
/// the rule's definition and the other evidence as related locations.
///
/// URIs under the folder the tool runs in are relative to `%SRCROOT%`; others are absolute
/// `file://` URIs. The as-of date and the input digests are in `run.properties`, so the bytes depend
/// only on the inputs and that folder.
public enum SARIFReporter {
    /// The SARIF log's text (UTF-8, LF, trailing newline).
    public static func render(_ report: RunReport) -> String { writer(report).document() }

    /// The SARIF log's bytes, the same as `render`'s text: for writing a large log without making a
    /// `String` of it.
    public static func renderData(_ report: RunReport) -> Data { writer(report).documentData() }

    /// The `uriBaseId` of paths under the folder the tool runs in.
    static let sourceRoot = "%SRCROOT%"

    /// A writer holding the whole log.
    static func writer(_ report: RunReport) -> JSONWriter { writer(report, sink: nil) }

    /// Writes the same bytes as `renderData` to `sink` as they are made, the results read back from
    /// a streamed run's spill.
    public static func write(_ report: RunReport, to sink: ReportSink) {
        writer(report, sink: sink).finish(into: sink)
        if let failure = report.spill?.failure { sink.fail(failure) }
    }

    /// The log; with a sink, what is written is handed on as the results are.
    private static func writer(_ report: RunReport, sink: ReportSink?) -> JSONWriter {
        let labels = Labels(language: report.language)
        let rules = report.evaluatedRules
        var ruleIndex: [String: Int] = [:]
        for (i, r) in rules.enumerated() { ruleIndex[r.id] = i }
        var uris = SARIFLocations(report)
        var w = JSONWriter()
        w.beginObject()
        w.field("$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
        w.field("version", "2.1.0")
        w.beginArray("runs")
        w.beginObject()
        w.beginObject("tool")
        w.beginObject("driver")
        w.field("name", "dvcheck")
        w.field("version", report.toolVersion)
        w.field("semanticVersion", report.toolVersion)
        w.beginArray("rules")
        for rule in rules { SARIFRuleDescriptor.write(rule, report, &w) }
        w.endArray()
        w.endObject()
        w.endObject()
        invocation(report, &uris, &w)
        w.beginObject("originalUriBaseIds")
        w.beginObject("%SRCROOT%")
        w.beginObject("description")
        w.field("text", "The folder dvcheck ran in; relative artifact URIs are relative to it.")
        w.endObject()
        w.endObject()
        w.endObject()
        w.field("language", report.language == .vi ? "vi-VN" : "en-US")
        w.field("columnKind", "unicodeCodePoints")
        w.beginArray("results")
        // Each unit once in run.logicalLocations, under its parent: a result names its unit by index,
        // so the log grows with the number of units, not with their depth squared.
        let reported = report.evaluation.findings.lazy.filter { report.includeSatisfied || $0.status != .satisfied }
        let units = report.unitRows(for: report.listedUnitIDs)
        var unitIndex: [String: Int] = [:]
        for (i, row) in units.enumerated() { unitIndex[row.id] = i }
        if let spill = report.spill {
            let cursor = spill.cursor()
            while let f = cursor.next() {
                result(f, report, ruleIndex[f.rule], unitIndex[f.unit], labels, &uris, &w)
                if let sink, w.pendingBytes >= ReportSink.drainSize { w.drain(into: sink) }
            }
        } else {
            for f in reported {
                result(f, report, ruleIndex[f.rule], unitIndex[f.unit], labels, &uris, &w)
                if let sink, w.pendingBytes >= ReportSink.drainSize { w.drain(into: sink) }
            }
        }
        w.endArray()
        logicalLocations(units, unitIndex, &w)
        runProperties(report, &w)
        w.endObject()
        w.endArray()
        w.endObject()
        return w
    }

    /// `invocations[0]`: whether the run can be trusted, its exit code, and its diagnostics.
    private static func invocation(_ report: RunReport, _ uris: inout SARIFLocations, _ w: inout JSONWriter) {
        w.beginArray("invocations")
        w.beginObject()
        w.field("executionSuccessful", report.exitCode != 2)
        w.field("exitCode", Int(report.exitCode))
        w.beginArray("toolExecutionNotifications")
        for d in report.diagnostics {
            w.beginObject()
            w.field("level", d.level.rawValue)
            w.beginObject("message")
            w.field("text", d.message(in: report.language))
            w.endObject()
            w.beginObject("descriptor")
            w.field("id", d.code)
            w.endObject()
            if let loc = d.location, !loc.path.isEmpty {
                w.beginArray("locations")
                w.beginObject()
                w.beginObject("physicalLocation")
                uris.artifact(loc.path, &w)
                if loc.line > 0 {
                    w.beginObject("region")
                    w.field("startLine", loc.line)
                    if loc.column > 0 { w.field("startColumn", loc.column) }
                    w.endObject()
                }
                w.endObject()
                w.endObject()
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endArray()
    }

    /// The status a waived finding had before its waiver: violated when it carries a reason it was
    /// violated for, else pending.
    static func underlyingStatus(_ f: Finding) -> Finding.Status {
        guard f.status == .waived else { return f.status }
        return f.reason != nil && f.reason != "paused" ? .violated : .pending
    }

    /// SARIF `kind` and `level` of a finding (SPEC §10.8).
    static func kindAndLevel(_ f: Finding) -> (kind: String, level: String) {
        switch underlyingStatus(f) {
        case .violated: ("fail", f.severity.sarifLevel)
        case .satisfied: ("pass", "none")
        case .pending, .waived: ("open", "none")
        }
    }

    /// A result's finding properties: SARIF's order since its first version, then any field it
    /// did not place (the rule, fingerprint, message and waiver are the result's own members).
    static let propertyFields = FindingField.order(
        .sarif,
        placed: [
            .severity, .unit, .status, .reason, .period, .ref, .due, .daysLate, .expected, .actual, .items,
            .distanceDays, .events,
        ])

    private static func result(
        _ f: Finding, _ report: RunReport, _ index: Int?, _ unitIndex: Int?, _ labels: Labels,
        _ uris: inout SARIFLocations,
        _ w: inout JSONWriter
    ) {
        let rule = report.rules[f.rule]
        let (kind, level) = kindAndLevel(f)
        let evidence = f.events.compactMap { id in report.events[id].map { (id, $0) } }
        w.beginObject()
        w.field("ruleId", f.rule)
        w.field("ruleIndex", index)
        w.field("kind", kind)
        w.field("level", level)
        w.beginObject("message")
        w.field("text", f.message)
        w.endObject()
        w.beginArray("locations")
        w.beginObject()
        if let first = evidence.first {
            uris.event(first.1, &w)
        } else if let rule {
            uris.definition(rule, &w)
        }
        w.beginArray("logicalLocations")
        w.beginObject()
        w.field("name", f.unit)
        w.field("index", unitIndex)
        w.field("kind", "organization-unit")
        w.endObject()
        if let first = evidence.first, let cell = SARIFLocations.cellName(first.1) {
            w.beginObject()
            w.field("name", cell)
            w.field("fullyQualifiedName", cell)
            w.field("kind", "worksheet-cell")
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endArray()
        w.beginArray("relatedLocations")
        var id = 1
        if let rule, !evidence.isEmpty {
            w.beginObject()
            w.field("id", id)
            uris.definition(rule, &w)
            w.beginObject("message")
            w.field("text", "\(labels.rule) \(rule.id)")
            w.endObject()
            w.endObject()
            id += 1
        }
        for (eventID, event) in evidence.dropFirst() {
            w.beginObject()
            w.field("id", id)
            uris.event(event, &w)
            if let cell = SARIFLocations.cellName(event) { SARIFLocations.cellLocation(cell, &w) }
            w.beginObject("message")
            w.field("text", "\(labels.evidence) \(eventID) (\(event.date))")
            w.endObject()
            w.endObject()
            id += 1
        }
        w.endArray()
        w.beginObject("partialFingerprints")
        w.field("dvcheck/v1", f.fingerprint)
        w.endObject()
        if f.status == .waived, let number = f.waiver {
            let waiver = report.waivers[number]
            w.beginArray("suppressions")
            w.beginObject()
            w.field("kind", "external")
            w.field("justification", waiver?.reason)
            w.beginObject("properties")
            w.field("waiver", number)
            w.field("approved_by", waiver?.approvedBy)
            w.field("expires", waiver?.expires)
            w.endObject()
            w.endObject()
            w.endArray()
        }
        if let mark = report.change(f) { w.field("baselineState", mark == .new ? "new" : "unchanged") }
        w.beginObject("properties")
        for field in propertyFields {
            switch field.value(in: f) {
            case .counts(let satisfied, let violated, let pending):
                w.field("itemsSatisfied", satisfied)
                w.field("itemsViolated", violated)
                w.field("itemsPending", pending)
            case let value: w.field(field.sarifKey, value)
            }
            if field == .unit { w.field("unitName", report.unitName(f.unit)) }
            if field == .reason { w.field("binding", rule?.binding.rawValue) }
        }
        if let mark = report.change(f) {
            w.field("change", mark.rawValue)
            w.field("previousStatus", report.changes?.previousStatus[f.fingerprint])
        }
        w.endObject()
        w.endObject()
    }

    /// `run.logicalLocations`: the units of the results and their ancestors, parents first, each
    /// with its parent's index.
    private static func logicalLocations(_ units: [RunReport.UnitRow], _ index: [String: Int], _ w: inout JSONWriter) {
        guard !units.isEmpty else { return }
        w.beginArray("logicalLocations")
        for row in units {
            w.beginObject()
            w.field("name", row.id)
            w.field("kind", "organization-unit")
            w.field("parentIndex", row.parent.flatMap { index[$0] })
            w.endObject()
        }
        w.endArray()
    }

    private static func runProperties(_ report: RunReport, _ w: inout JSONWriter) {
        let s = report.evaluation.summary
        w.beginObject("properties")
        if report.asOfIsKnown { w.field("asOf", report.asOf) } else { w.nullField("asOf") }
        w.beginObject("inputs")
        w.fileDigests("rules", report.ruleFiles)
        w.fileDigests("files", report.registryFiles.all)
        w.logStats(report.logFiles)
        w.endObject()
        w.summary(s, rejected: report.rejected, missingKeys: report.missingKeys)
        if let changes = report.changes {
            w.inlineArray("resolvedFingerprints", changes.resolved.map(\.fingerprint))
        }
        w.endObject()
    }

    /// "Nguồn: <document>, mục 2; căn cứ: <basis>" in the report language.
    static func legalSource(_ s: RuleSource, _ language: Language) -> String {
        let vi = language == .vi
        var text = (vi ? "Nguồn: " : "Source: ") + s.document
        if let clause = s.clause { text += ", " + Presentation(language).clause(clause) }
        if let basis = s.basis { text += (vi ? "; căn cứ: " : "; basis: ") + basis }
        return text
    }

    /// A relative path as a URI reference: each segment percent-encoded (spaces, `#`, `?`, `%`,
    /// non-ASCII letters), `/` kept.
    static func uri(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            var out = ""
            for byte in segment.utf8 {
                let c = Character(Unicode.Scalar(byte))
                if byte < 0x80, c.isLetter || c.isNumber || "-._~!$&'()*+,;=:@".contains(c) {
                    out.append(c)
                } else {
                    let hex = String(byte, radix: 16, uppercase: true)
                    out += "%" + (hex.count == 1 ? "0" + hex : hex)
                }
            }
            return out
        }.joined(separator: "/")
    }
}
