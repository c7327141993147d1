import ComplianceCore
import Evaluation
import Foundation

/// `--format sarif`: SARIF 2.1.0 for code-scanning dashboards — one rule descriptor per rule, one
/// result per violated finding located at the rule's lines in its file.
///
/// Paths are the report's project-relative paths under the `PROJECTROOT` base id; the as-of date
/// and the input digests are in `run.properties`, so the bytes depend only on the inputs.
public enum SARIFReporter {
    /// The SARIF log's text (UTF-8, LF, trailing newline).
    public static func render(_ report: RunReport) -> String { writer(report).document() }

    /// The SARIF log's bytes, the same as `render`'s text: for writing a large log without making a
    /// `String` of it.
    public static func renderData(_ report: RunReport) -> Data { writer(report).documentData() }

    /// A writer holding the whole log.
    static func writer(_ report: RunReport) -> JSONWriter {
        let labels = Labels(language: report.language)
        let rules = report.evaluatedRules
        var ruleIndex: [String: Int] = [:]
        for (i, r) in rules.enumerated() { ruleIndex[r.id] = i }
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
        for rule in rules { descriptor(rule, labels, report.language, &w) }
        w.endArray()
        w.endObject()
        w.endObject()
        w.beginObject("originalUriBaseIds")
        w.beginObject("PROJECTROOT")
        w.beginObject("description")
        w.field("text", "The folder of dvcheck.yaml; artifact paths are relative to it.")
        w.endObject()
        w.endObject()
        w.endObject()
        w.field("language", report.language == .vi ? "vi-VN" : "en-US")
        w.field("columnKind", "unicodeCodePoints")
        w.beginArray("results")
        // Each rule file's URI once: percent-encoding it for every result was half of rendering.
        let ruleURIs = report.rules.mapValues { uri($0.location.path) }
        // Each unit once in run.logicalLocations, under its parent: a result names its unit by index,
        // so the log grows with the number of units, not with their depth squared.
        let units = report.unitRows(
            for: Set(report.evaluation.findings.lazy.filter { $0.status == .violated }.map(\.unit)))
        var unitIndex: [String: Int] = [:]
        for (i, row) in units.enumerated() { unitIndex[row.id] = i }
        for f in report.evaluation.findings where f.status == .violated {
            result(f, report, ruleIndex[f.rule], ruleURIs[f.rule], unitIndex[f.unit], labels, &w)
        }
        w.endArray()
        logicalLocations(units, unitIndex, &w)
        runProperties(report, &w)
        w.endObject()
        w.endArray()
        w.endObject()
        return w
    }

    private static func descriptor(_ rule: Rule, _ labels: Labels, _ language: Language, _ w: inout JSONWriter) {
        w.beginObject()
        w.field("id", rule.id)
        w.beginObject("shortDescription")
        w.field("text", rule.title.text(in: language))
        w.endObject()
        w.beginObject("fullDescription")
        w.field("text", fullDescription(rule, language))
        w.endObject()
        w.field("helpUri", WebLink.httpURL(rule.source.url))
        w.beginObject("help")
        w.field("text", legalSource(rule.source, language))
        w.endObject()
        w.beginObject("defaultConfiguration")
        w.field("level", rule.severity.sarifLevel)
        w.endObject()
        w.beginObject("properties")
        w.beginObject("title")
        w.field("vi", rule.title.vi)
        w.field("en", rule.title.en)
        w.endObject()
        w.field("severity", rule.severity.rawValue)
        w.field("binding", rule.binding.rawValue)
        w.field("kind", rule.kind)
        w.beginObject("source")
        w.field("document", rule.source.document)
        w.field("clause", rule.source.clause)
        w.field("basis", rule.source.basis)
        w.field("url", rule.source.url)
        w.endObject()
        w.inlineArray("tags", ["dan-van", rule.kind, rule.severity.rawValue, rule.binding.rawValue])
        w.endObject()
        w.endObject()
    }

    /// The rule's description (when it has one), then its legal source.
    static func fullDescription(_ rule: Rule, _ language: Language) -> String {
        let source = legalSource(rule.source, language)
        guard let description = rule.description?.text(in: language), !description.isEmpty else { return source }
        return description + "\n\n" + source
    }

    /// "Nguồn: <document>, mục 2; căn cứ: <basis>" in the report language.
    static func legalSource(_ s: RuleSource, _ language: Language) -> String {
        let vi = language == .vi
        var text = (vi ? "Nguồn: " : "Source: ") + s.document
        if let clause = s.clause { text += ", " + Presentation(language).clause(clause) }
        if let basis = s.basis { text += (vi ? "; căn cứ: " : "; basis: ") + basis }
        return text
    }

    private static func result(
        _ f: Finding, _ report: RunReport, _ index: Int?, _ ruleURI: String?, _ unitIndex: Int?, _ labels: Labels,
        _ w: inout JSONWriter
    ) {
        let rule = report.rules[f.rule]
        w.beginObject()
        w.field("ruleId", f.rule)
        w.field("ruleIndex", index)
        w.field("kind", "fail")
        w.field("level", f.severity.sarifLevel)
        w.beginObject("message")
        w.field("text", f.message)
        w.endObject()
        w.beginArray("locations")
        w.beginObject()
        if let rule {
            w.beginObject("physicalLocation")
            w.beginObject("artifactLocation")
            w.field("uri", ruleURI)
            w.field("uriBaseId", "PROJECTROOT")
            w.endObject()
            w.beginObject("region")
            w.field("startLine", max(rule.location.line, 1))
            w.field("endLine", max(rule.endLine, rule.location.line, 1))
            w.endObject()
            w.endObject()
        }
        w.beginArray("logicalLocations")
        w.beginObject()
        w.field("name", f.unit)
        w.field("index", unitIndex)
        w.field("kind", "organization-unit")
        w.endObject()
        w.endArray()
        w.endObject()
        w.endArray()
        w.beginObject("partialFingerprints")
        w.field("dvcheckFingerprint/v1", f.fingerprint)
        w.endObject()
        if let mark = report.change(f) { w.field("baselineState", mark == .new ? "new" : "unchanged") }
        w.beginObject("properties")
        w.field("unit", f.unit)
        w.field("unitName", report.unitName(f.unit))
        w.field("status", f.status.rawValue)
        w.field("reason", f.reason)
        w.field("severity", f.severity.rawValue)
        w.field("binding", rule?.binding.rawValue)
        w.field("period", f.period)
        w.field("ref", f.ref)
        w.field("due", f.due)
        w.field("daysLate", f.daysLate)
        if let share = f.share {
            w.field("expected", share.threshold)
            w.field("actual", share.actual)
            w.field("itemsSatisfied", share.satisfied)
            w.field("itemsViolated", share.violated)
            w.field("itemsPending", share.pending)
        } else {
            w.field("expected", f.expected)
            w.field("actual", f.actual)
        }
        w.field("distanceDays", f.distanceDays)
        w.inlineArray("evidence", f.events)
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
        w.field("asOf", report.asOf)
        w.beginObject("inputs")
        w.fileDigests("rules", report.ruleFiles)
        w.fileDigests("files", report.otherInputs)
        w.logStats(report.logFiles)
        w.endObject()
        w.summary(s)
        if let changes = report.changes {
            w.inlineArray("resolvedFingerprints", changes.resolved.map(\.fingerprint))
        }
        w.endObject()
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
