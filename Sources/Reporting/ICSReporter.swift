import ComplianceCore
import Evaluation

/// `--format ics`: the pending obligations as an iCalendar file (RFC 5545) to import into a
/// calendar — one all-day event per pending finding on its due date.
///
/// Deterministic: the UID comes from the finding's fingerprint and DTSTAMP from the as-of date, so
/// the same inputs give the same bytes and a re-import updates events instead of duplicating them.
public enum ICSReporter {
    /// The calendar's bytes (CRLF lines, folded at 75 octets).
    public static func render(_ report: RunReport) -> String {
        var bytes: [UInt8] = []
        let sink = ReportSink { bytes.append(contentsOf: $0) }
        write(report, to: sink)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the calendar to `sink` an event at a time; a streamed run's pending findings are the
    /// ones its spill gathered while it was written (far fewer than its violations).
    public static func write(_ report: RunReport, to sink: ReportSink) {
        defer {
            if let failure = report.spill?.failure { sink.fail(failure) }
            sink.flush()
        }
        let labels = Labels(language: report.language)
        let pending =
            report.spill?.pendingWithDue ?? report.evaluation.findings.filter { $0.status == .pending && $0.due != nil }
        // By due date, in report order within a date (positions sorted, not copies of the findings).
        let byDue = pending.indices.sorted { a, b in
            let (da, db) = (pending[a].due?.ordinal ?? 0, pending[b].due?.ordinal ?? 0)
            return da != db ? da < db : a < b
        }
        let stamp = compact(report.asOf) + "T000000Z"
        write(
            [
                "BEGIN:VCALENDAR", "VERSION:2.0",
                "PRODID:-//dvcheck//dvcheck \(report.toolVersion)//\(report.language == .vi ? "VI" : "EN")",
                "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                "X-WR-CALNAME:"
                    + text(
                        "dvcheck — " + labels.calendarName + " (\(labels.asOf) \(labels.asOfDate(report)))"),
            ], to: sink)
        for i in byDue {
            let f = pending[i]
            guard let due = f.due else { continue }
            let title = report.ruleTitle(f.rule)
            let unit = report.unitName(f.unit)
            var description = [
                f.message, "\(labels.unit): \(unit) (\(f.unit))", "\(labels.rule): \(f.rule) — \(title)",
            ]
            if let p = f.period { description.append("\(labels.period): \(labels.presentation.period(p))") }
            if let r = f.ref { description.append("\(labels.ref): \(r)") }
            if let source = report.rules[f.rule]?.source {
                description.append(SARIFReporter.legalSource(source, report.language))
            }
            if let mark = report.change(f) { description.append(labels.change(mark)) }
            var lines = [
                "BEGIN:VEVENT",
                "UID:\(f.fingerprint)@dvcheck",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(compact(due))",
                "DTEND;VALUE=DATE:\(compact(due.adding(days: 1)))",
                "SUMMARY:" + text("\(title) — \(unit)"),
                "DESCRIPTION:" + text(description.joined(separator: "\n")),
                "LOCATION:" + text(unit),
                "CATEGORIES:" + text(f.rule) + "," + text(f.severity.rawValue),
                "TRANSP:TRANSPARENT",
            ]
            if let url = WebLink.httpURL(report.rules[f.rule]?.source.url) { lines.append("URL:" + url) }
            lines.append("END:VEVENT")
            write(lines, to: sink)
        }
        write(["END:VCALENDAR"], to: sink)
    }

    /// Content lines, folded, each ended by CRLF.
    private static func write(_ lines: [String], to sink: ReportSink) {
        for line in lines { sink += fold(line) + "\r\n" }
    }

    /// `YYYYMMDD`.
    static func compact(_ d: Day) -> String { d.description.filter { $0 != "-" } }

    /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`,
    /// other control characters dropped.
    static func text(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Folds a content line so no physical line exceeds 75 octets, never splitting a UTF-8 sequence
    /// (RFC 5545 §3.1): each continuation starts with one space.
    static func fold(_ line: String) -> String {
        var out = ""
        var width = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if width + size > 75 {
                out += "\r\n "
                width = 1
            }
            out.unicodeScalars.append(scalar)
            width += size
        }
        return out
    }
}
