import ComplianceCore
import Evaluation

/// `--format junit`: JUnit XML for CI test dashboards — one test suite per rule, one test case per
/// (rule, unit) pair the run evaluated, class names dotted (`dvcheck.<rule>`).
///
/// A case fails when the pair has a violated unwaived finding (the message is the first one's
/// sentence, the body lists every violation), is skipped only when all its findings that are not
/// satisfied are waived (the waivers in the message), and passes otherwise, with its pending items
/// in `system-out`.
public enum JUnitReporter {
    /// The XML document's bytes (UTF-8, LF, trailing newline).
    public static func render(_ report: RunReport) -> String {
        let labels = Labels(language: report.language)
        var byPair: [String: [Finding]] = [:]
        for f in report.evaluation.findings where f.status != .satisfied {
            byPair[f.rule + "\u{0}" + f.unit, default: []].append(f)
        }
        var pairsByRule: [String: [String]] = [:]
        for row in report.evaluation.matrix { pairsByRule[row.rule, default: []].append(row.unit) }

        var suites = ""
        var total = (tests: 0, failures: 0, skipped: 0)
        for rule in report.evaluatedRules {
            let units = (pairsByRule[rule.id] ?? []).sorted { $0.codePointPrecedes($1) }
            var cases = ""
            var counts = (tests: 0, failures: 0, skipped: 0)
            for unit in units {
                let findings = byPair[rule.id + "\u{0}" + unit] ?? []
                counts.tests += 1
                let name = "\(unit) (\(report.unitName(unit)))"
                cases += "    <testcase classname=\"dvcheck.\(Markup.escape(rule.id))\""
                cases += " name=\"\(Markup.escape(name))\""
                let violated = findings.filter { $0.status == .violated }
                if let first = violated.first {
                    counts.failures += 1
                    let message = first.message
                    let body = violated.map { line($0, report, labels) }.joined(separator: "\n")
                    cases +=
                        ">\n      <failure message=\"\(Markup.escape(message))\" type=\"\(rule.severity.rawValue)\">"
                    cases += Markup.escapeKeepingLines(body) + "</failure>\n"
                    let others = findings.filter { $0.status != .violated }
                    if !others.isEmpty {
                        let text = others.map { line($0, report, labels) }.joined(separator: "\n")
                        cases += "      <system-out>" + Markup.escapeKeepingLines(text) + "</system-out>\n"
                    }
                    cases += "    </testcase>\n"
                } else if !findings.isEmpty, findings.allSatisfy({ $0.status == .waived }) {
                    counts.skipped += 1
                    let reasons = findings.map { skipReason($0, report, labels) }.joined(separator: "; ")
                    cases += ">\n      <skipped message=\"\(Markup.escape(reasons))\"/>\n    </testcase>\n"
                } else if !findings.isEmpty {
                    // Passed: nothing is violated yet; the pending (and waived) items are listed.
                    let text = findings.map { line($0, report, labels) }.joined(separator: "\n")
                    cases +=
                        ">\n      <system-out>" + Markup.escapeKeepingLines(text) + "</system-out>\n    </testcase>\n"
                } else {
                    cases += "/>\n"
                }
            }
            total.tests += counts.tests
            total.failures += counts.failures
            total.skipped += counts.skipped
            suites += "  <testsuite name=\"\(Markup.escape(rule.id))\" tests=\"\(counts.tests)\""
            suites += " failures=\"\(counts.failures)\" errors=\"0\" skipped=\"\(counts.skipped)\">\n"
            suites += "    <properties>\n"
            for (name, value) in properties(rule, report.language) {
                suites += "      <property name=\"\(name)\" value=\"\(Markup.escape(value))\"/>\n"
            }
            suites += "    </properties>\n" + cases
            let gone = report.changes?.resolved.filter { $0.rule == rule.id } ?? []
            if !gone.isEmpty {
                let text = gone.map { p in
                    "\(labels.resolvedHeading): \(p.unit) \(p.period.map { labels.presentation.period($0) } ?? "") (\(labels.was) \(labels.status(raw: p.status)))"
                }
                suites +=
                    "    <system-out>" + Markup.escapeKeepingLines(text.joined(separator: "\n")) + "</system-out>\n"
            }
            suites += "  </testsuite>\n"
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        // No stand-in date when the run has none (an invalid `as_of`).
        let name = report.asOfIsKnown ? "dvcheck \(report.asOf)" : "dvcheck"
        out += "<testsuites name=\"\(Markup.escape(name))\" tests=\"\(total.tests)\""
        out += " failures=\"\(total.failures)\" errors=\"0\" skipped=\"\(total.skipped)\">\n"
        out += suites + "</testsuites>\n"
        return out
    }

    private static func properties(_ rule: ReportRule, _ language: Language) -> [(String, String)] {
        var list = [
            ("title", rule.title.text(in: language)), ("severity", rule.severity.rawValue),
            ("binding", rule.binding.rawValue),
            ("kind", rule.kind),
            ("source", SARIFReporter.legalSource(rule.source, language)),
        ]
        if let url = rule.source.url { list.append(("url", url)) }
        return list
    }

    /// One finding on one line: status, period, due, reason, the message, the evidence, the mark.
    static func line(_ f: Finding, _ report: RunReport, _ labels: Labels) -> String {
        var parts = ["[\(report.statusLabel(f, labels))]"]
        if let mark = report.change(f) { parts.append("(\(labels.change(mark)))") }
        if let p = f.period { parts.append(labels.presentation.period(p)) }
        if let d = f.due { parts.append("\(labels.due) \(labels.presentation.date(d))") }
        parts.append(f.message)
        if !f.events.isEmpty {
            parts.append("— \(labels.evidence): " + f.events.map(report.evidenceText).joined(separator: ", "))
        }
        return parts.joined(separator: " ")
    }

    /// Why a case is skipped: the waiver (number and reason) or the pending due date.
    static func skipReason(_ f: Finding, _ report: RunReport, _ labels: Labels) -> String {
        var text = labels.status(f.status)
        if f.status == .waived, let w = f.waiver {
            text += " #\(w)"
            if let reason = report.waiverReasons[w] { text += ": " + reason }
        }
        if let p = f.period { text += " " + labels.presentation.period(p) }
        if f.status == .pending, let d = f.due { text += " (\(labels.due) \(labels.presentation.date(d)))" }
        return text
    }
}
