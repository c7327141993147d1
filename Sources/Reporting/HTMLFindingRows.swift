import ComplianceCore
import Evaluation

/// The rows of the HTML findings table, written as bytes: what rows share (a rule's cells, a
/// unit's, the period and due labels, a reason with its delay) is rendered once and copied.
///
/// A national audit's table has millions of rows, and building each as strings, a piece at a
/// time, was most of the time of writing the page.
struct HTMLFindingRows: ~Copyable {
    /// A rule's parts of a row, the same on each of its findings.
    private final class RuleCells {
        let id: String
        let escapedID: [UInt8]
        let binding: Binding
        /// `<td data-sort=…>` with the rule's id and title.
        let titleCell: [UInt8]
        /// The status badges (by `Finding.Status.allCases` index), worded with the rule's binding.
        let badges: [[UInt8]]
        /// The legal basis reference and the binding note.
        let sourceCell: [UInt8]

        init(_ id: String, _ report: RunReport, _ labels: Labels, bases: [String: Int]) {
            self.id = id
            binding = report.binding(of: id)
            escapedID = Array(Markup.escape(id).utf8)
            titleCell = Array(
                "<td data-sort=\"\(Markup.escape(id))\">\(Markup.escape(id))<br><small>\(Markup.escape(report.ruleTitle(id)))</small></td>"
                    .utf8)
            let binding = binding
            badges = Finding.Status.allCases.map { Array(HTMLReporter.badge($0, binding: binding, labels).utf8) }
            sourceCell = Array(
                "<td>\(HTMLPrint.basisReference(id, bases, report, labels))<br><small>\(Markup.escape(labels.bindingNote(binding)))</small></td>"
                    .utf8)
        }
    }

    /// A finding's reason and delay, the key of its rendered text.
    private struct ReasonKey: Hashable {
        let reason: ExactText?
        let daysLate: Int?
    }

    private let report: RunReport
    private let labels: Labels
    private let bases: [String: Int]
    private let anchors: [String: String]
    /// The (rule, unit) pairs whose first row has been written (it carries the matrix's anchor).
    private var anchored = Set<String>()
    private var lastPair: (rule: String, unit: String)?
    private var rules: [ExactText: RuleCells] = [:]
    private var lastRule: RuleCells?
    /// The last unit's id, escaped, and its cell.
    private var unit: (id: String, escaped: [UInt8], cell: [UInt8])?
    private var reasons: [ReasonKey: [UInt8]] = [:]
    private var readable: LabelCache
    private var out = ByteBuffer(capacity: 1 << 17)

    init(_ report: RunReport, _ labels: Labels) {
        self.report = report
        self.labels = labels
        bases = HTMLPrint.legalBases(report).number
        anchors = HTMLMatrix.anchors(report)
        readable = LabelCache(report.language)
    }

    /// Writes the row of `f`, the next finding in table order, handing full batches to `sink`.
    mutating func write(_ f: Finding, to sink: ReportSink) {
        row(f)
        if out.count >= ReportSink.drainSize { flush(to: sink) }
    }

    /// Hands the rows written to `sink`.
    mutating func flush(to sink: ReportSink) {
        sink.append(out)
        out.removeAll()
    }

    private mutating func row(_ f: Finding) {
        let rule = cells(of: f.rule)
        let mark = report.change(f)
        out.append("<tr")
        if let anchor = anchor(f) {
            out.append(" id=\"")
            out.appendText(anchor)
            out.append("\"")
        }
        let unit = unitCells(f.unit)
        out.append(" data-unit=\"")
        unit.escaped.withUnsafeBufferPointer { out.append($0) }
        out.append("\" data-rule=\"")
        rule.escapedID.withUnsafeBufferPointer { out.append($0) }
        out.append("\" data-status=\"")
        out.appendText(f.status.rawValue)
        out.append("\" data-severity=\"")
        out.appendText(f.severity.rawValue)
        out.append("\" data-binding=\"")
        out.appendText(rule.binding.rawValue)
        out.append("\"")
        if let mark {
            out.append(" data-change=\"")
            out.appendText(mark.rawValue)
            out.append("\"")
        }
        out.append(">")
        unit.cell.withUnsafeBufferPointer { out.append($0) }
        rule.titleCell.withUnsafeBufferPointer { out.append($0) }
        out.append("<td data-sort=\"")
        out.appendDecimal(HTMLReporter.statusRank(f.status))
        out.append("\">")
        rule.badges[FindingCodec.statusIndex(f.status)].withUnsafeBufferPointer { out.append($0) }
        if f.reason != nil || f.daysLate != nil { reasonAndDelay(f) }
        if let w = f.waiver {
            out.append("<br><small>")
            out.appendMarkup(labels.waiver)
            out.append(" #")
            out.appendDecimal(w)
            if let reason = report.waivers[w]?.reason {
                out.append(": ")
                out.appendMarkup(reason)
            }
            out.append("</small>")
        }
        out.append("</td><td data-sort=\"")
        out.appendDecimal(9 - f.severity.rank)
        out.append("\">")
        out.appendMarkup(labels.severity(f.severity))
        out.append("</td><td data-sort=\"")
        out.appendText(f.sortDay.description)
        out.append("\">")
        if let period = f.period { out.appendMarkup(readable.period(period)) }
        if let r = f.ref {
            out.append("<br><small>")
            out.appendMarkup(labels.ref)
            out.append(" ")
            out.appendMarkup(r)
            out.append("</small>")
        }
        out.append("</td><td data-sort=\"")
        if let due = f.due {
            let iso = due.description
            out.appendText(iso)
            out.append("\"><time datetime=\"")
            out.appendText(iso)
            out.append("\">")
            out.appendText(readable.date(due))
            out.append("</time></td>")
        } else {
            out.append("\"></td>")
        }
        out.append("<td>")
        out.appendMarkup(f.message)
        out.append("</td><td class=\"ev\">")
        if !f.events.isEmpty { out.appendText(HTMLReporter.evidenceLinks(f, report)) }
        out.append("</td>")
        rule.sourceCell.withUnsafeBufferPointer { out.append($0) }
        if let changes = report.changes {
            var text = mark.map { labels.change($0) } ?? ""
            if let was = changes.previousStatus[f.fingerprint] {
                text += " (\(labels.was) \(labels.status(raw: was)))"
            }
            out.append("<td>")
            out.appendMarkup(text)
            out.append("</td>")
        }
        out.append("</tr>\n")
    }

    /// The matrix's anchor for the first row of a (rule, unit) pair; nil for the others.
    private mutating func anchor(_ f: Finding) -> String? {
        // A row of the same pair as the last one cannot be its first.
        if let last = lastPair, ExactText.sameBytes(last.rule, f.rule), ExactText.sameBytes(last.unit, f.unit) {
            return nil
        }
        lastPair = (f.rule, f.unit)
        let pair = f.rule + "\u{0}" + f.unit
        return anchored.insert(pair).inserted ? anchors[pair] : nil
    }

    private mutating func cells(of id: String) -> RuleCells {
        if let last = lastRule, ExactText.sameBytes(last.id, id) { return last }
        let key = ExactText(text: id)
        let cells = rules[key] ?? RuleCells(id, report, labels, bases: bases)
        rules[key] = cells
        lastRule = cells
        return cells
    }

    /// The unit's escaped id and its cell (name and id); the rows come unit by unit, so the last
    /// unit's are kept.
    private mutating func unitCells(_ id: String) -> (id: String, escaped: [UInt8], cell: [UInt8]) {
        if let unit, ExactText.sameBytes(unit.id, id) { return unit }
        let escaped = Markup.escape(id)
        let made = (
            id, Array(escaped.utf8),
            Array("<td>\(Markup.escape(report.unitName(id))) <small>\(escaped)</small></td>".utf8)
        )
        unit = made
        return made
    }

    /// `<br><small>` with the reason and how late, when the finding has either.
    private mutating func reasonAndDelay(_ f: Finding) {
        let key = ReasonKey(reason: f.reason.map(ExactText.init), daysLate: f.daysLate)
        if reasons[key] == nil {
            if reasons.count >= 8192 { reasons.removeAll(keepingCapacity: true) }
            var text = ByteBuffer(capacity: 64)
            if let reason = labels.reasonAndDelay(f) {
                text.append("<br><small>")
                text.appendMarkup(reason)
                text.append("</small>")
            }
            reasons[key] = text.withBytes { Array($0) }
        }
        reasons[key]?.withUnsafeBufferPointer { out.append($0) }
    }
}
