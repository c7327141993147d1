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
    /// How a test case ended.
    enum Outcome { case passed, failed, skipped }

    /// Test, failure and skip counts of a suite or of the document.
    struct Counts {
        var tests = 0, failures = 0, skipped = 0

        mutating func add(_ outcome: Outcome) {
            tests += 1
            if outcome == .failed { failures += 1 }
            if outcome == .skipped { skipped += 1 }
        }

        mutating func add(_ other: Counts) {
            tests += other.tests
            failures += other.failures
            skipped += other.skipped
        }
    }

    /// The XML document's bytes (UTF-8, LF, trailing newline), from the report's findings in memory.
    public static func render(_ report: RunReport) -> String {
        var text = CaseText(report)
        var byPair: [String: [Finding]] = [:]
        for f in report.evaluation.findings where f.status != .satisfied {
            byPair[f.rule + "\u{0}" + f.unit, default: []].append(f)
        }
        let pairsByRule = units(report)

        var suites = ""
        var total = Counts()
        for rule in report.evaluatedRules {
            var cases = ByteBuffer(capacity: 4096)
            var counts = Counts()
            for unit in pairsByRule[rule.id] ?? [] {
                let findings = byPair[rule.id + "\u{0}" + unit] ?? []
                counts.add(testCase(rule, unit, findings, report, &text, into: &cases))
            }
            total.add(counts)
            suites += suiteOpening(rule, counts, report) + cases.text + suiteClosing(rule, report, text.labels)
        }
        return opening(report, total) + suites + "</testsuites>\n"
    }

    /// Writes the same bytes as `render` to `sink` as they are made, a streamed run's findings read
    /// back from its spill: a suite's counts come first, so they are taken from the matrix (which
    /// counts every finding of each pair), then each suite reads its rule's stretches of the spill.
    public static func write(_ report: RunReport, to sink: ReportSink) {
        defer {
            if let failure = report.spill?.failure { sink.fail(failure) }
            sink.flush()
        }
        guard let spill = report.spill else { return sink += render(report) }
        var text = CaseText(report)
        var cases = ByteBuffer(capacity: 1 << 17)
        var countsByRule: [String: Counts] = [:]
        for row in report.evaluation.matrix {
            countsByRule[row.rule, default: Counts()].add(
                outcome(violated: row.violated, pending: row.pending, waived: row.waived))
        }
        let rules = report.evaluatedRules
        var total = Counts()
        for rule in rules { total.add(countsByRule[rule.id] ?? Counts()) }
        let pairsByRule = units(report)
        sink += opening(report, total)
        for rule in rules {
            sink += suiteOpening(rule, countsByRule[rule.id] ?? Counts(), report)
            // The rule's findings in SPEC §8 order are by unit in code-point order, as the cases are.
            let cursor = spill.cursor(ranges: spill.ranges(ofRule: rule.id), satisfied: false)
            var next = cursor.next()
            for unit in pairsByRule[rule.id] ?? [] {
                while let f = next, f.unit.codePointPrecedes(unit) { next = cursor.next() }
                var findings: [Finding] = []
                while let f = next, f.unit == unit {
                    findings.append(f)
                    next = cursor.next()
                }
                _ = testCase(rule, unit, findings, report, &text, into: &cases)
                if cases.count >= ReportSink.drainSize {
                    sink.append(cases)
                    cases.removeAll()
                }
            }
            sink.append(cases)
            cases.removeAll()
            sink += suiteClosing(rule, report, text.labels)
        }
        sink += "</testsuites>\n"
    }

    /// The units of each rule's cases: every (rule, unit) pair the run evaluated, by code point.
    private static func units(_ report: RunReport) -> [String: [String]] {
        var pairsByRule: [String: [String]] = [:]
        for row in report.evaluation.matrix { pairsByRule[row.rule, default: []].append(row.unit) }
        return pairsByRule.mapValues { $0.sorted { $0.codePointPrecedes($1) } }
    }

    /// A pair fails with a violation, is skipped when all it lists is waived, and passes otherwise.
    private static func outcome(violated: Int, pending: Int, waived: Int) -> Outcome {
        if violated > 0 { return .failed }
        return pending == 0 && waived > 0 ? .skipped : .passed
    }

    /// The declaration and the `testsuites` element's opening tag.
    private static func opening(_ report: RunReport, _ total: Counts) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        // No stand-in date when the run has none (an invalid `as_of`).
        let name = report.asOfIsKnown ? "dvcheck \(report.asOf)" : "dvcheck"
        out += "<testsuites name=\"\(Markup.escape(name))\" tests=\"\(total.tests)\""
        out += " failures=\"\(total.failures)\" errors=\"0\" skipped=\"\(total.skipped)\">\n"
        return out
    }

    /// A suite's opening tag and its properties.
    private static func suiteOpening(_ rule: ReportRule, _ counts: Counts, _ report: RunReport) -> String {
        var out = "  <testsuite name=\"\(Markup.escape(rule.id))\" tests=\"\(counts.tests)\""
        out += " failures=\"\(counts.failures)\" errors=\"0\" skipped=\"\(counts.skipped)\">\n"
        out += "    <properties>\n"
        for (name, value) in properties(rule, report.language) {
            out += "      <property name=\"\(name)\" value=\"\(Markup.escape(value))\"/>\n"
        }
        return out + "    </properties>\n"
    }

    /// The previous run's resolved findings of the rule, if any, and the suite's closing tag.
    private static func suiteClosing(_ rule: ReportRule, _ report: RunReport, _ labels: Labels) -> String {
        var out = ""
        let gone = report.changes?.resolved.filter { $0.rule == rule.id } ?? []
        if !gone.isEmpty {
            let text = gone.map { p in
                "\(labels.resolvedHeading): \(p.unit) \(p.period.map { labels.presentation.period($0) } ?? "") (\(labels.was) \(labels.status(raw: p.status)))"
            }
            out += "    <system-out>" + Markup.escapeKeepingLines(text.joined(separator: "\n")) + "</system-out>\n"
        }
        return out + "  </testsuite>\n"
    }

    /// What writing the cases needs besides the report: the labels, the periods and dates as read,
    /// and room to gather a body before it is escaped.
    struct CaseText: ~Copyable {
        let labels: Labels
        var readable: LabelCache
        var body = ByteBuffer(capacity: 4096)

        init(_ report: RunReport) {
            labels = Labels(language: report.language)
            readable = LabelCache(report.language)
        }
    }

    /// Appends the case of (`rule`, `unit`), whose listed findings that are not satisfied are
    /// `findings` (in report order), to `cases`; returns how it ended.
    private static func testCase(
        _ rule: ReportRule, _ unit: String, _ findings: [Finding], _ report: RunReport, _ text: inout CaseText,
        into cases: inout ByteBuffer
    ) -> Outcome {
        // Escaping is per character, so escaping the parts of an attribute is escaping the whole.
        cases.append("    <testcase classname=\"dvcheck.")
        cases.appendMarkup(rule.id)
        cases.append("\" name=\"")
        cases.appendMarkup(unit)
        cases.append(" (")
        cases.appendMarkup(report.unitName(unit))
        cases.append(")\"")
        let violated = findings.filter { $0.status == .violated }
        if let first = violated.first {
            cases.append(">\n      <failure message=\"")
            cases.appendMarkup(first.message)
            cases.append("\" type=\"")
            cases.appendText(rule.severity.rawValue)
            cases.append("\">")
            body(violated, report, &text, into: &cases)
            cases.append("</failure>\n")
            let others = findings.filter { $0.status != .violated }
            if !others.isEmpty {
                cases.append("      <system-out>")
                body(others, report, &text, into: &cases)
                cases.append("</system-out>\n")
            }
            cases.append("    </testcase>\n")
            return .failed
        } else if !findings.isEmpty, findings.allSatisfy({ $0.status == .waived }) {
            let reasons = findings.map { skipReason($0, report, text.labels) }.joined(separator: "; ")
            cases.append(">\n      <skipped message=\"")
            cases.appendMarkup(reasons)
            cases.append("\"/>\n    </testcase>\n")
            return .skipped
        } else if !findings.isEmpty {
            // Passed: nothing is violated yet; the pending (and waived) items are listed.
            cases.append(">\n      <system-out>")
            body(findings, report, &text, into: &cases)
            cases.append("</system-out>\n    </testcase>\n")
        } else {
            cases.append("/>\n")
        }
        return .passed
    }

    /// The findings' lines, one per finding, escaped keeping the line breaks (the whole text at once:
    /// a CR ending one line and the LF after it are one character, escaped).
    private static func body(
        _ findings: [Finding], _ report: RunReport, _ text: inout CaseText, into out: inout ByteBuffer
    ) {
        text.body.removeAll()
        for (i, f) in findings.enumerated() {
            if i > 0 { text.body.append(0x0A) }
            line(f, report, text.labels, &text.readable, into: &text.body)
        }
        text.body.withBytes { out.appendMarkup($0, keepingLines: true) }
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
    static func line(
        _ f: Finding, _ report: RunReport, _ labels: Labels, _ readable: inout LabelCache, into out: inout ByteBuffer
    ) {
        out.append("[")
        out.appendText(report.statusLabel(f, labels))
        out.append("]")
        if let mark = report.change(f) {
            out.append(" (")
            out.appendText(labels.change(mark))
            out.append(")")
        }
        if let p = f.period {
            out.append(" ")
            out.appendText(readable.period(p))
        }
        if let d = f.due {
            out.append(" ")
            out.appendText(labels.due)
            out.append(" ")
            out.appendText(readable.date(d))
        }
        out.append(" ")
        out.appendText(f.message)
        if !f.events.isEmpty {
            out.append(" — ")
            out.appendText(labels.evidence)
            out.append(": ")
            out.appendText(f.events.map(report.evidenceText).joined(separator: ", "))
        }
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
