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
        let labels = Labels(language: report.language)
        let pending = report.evaluation.findings.filter { $0.status == .pending && $0.due != nil }
            .enumerated().sorted { a, b in
                let (da, db) = (a.element.due?.ordinal ?? 0, b.element.due?.ordinal ?? 0)
                return da != db ? da < db : a.offset < b.offset
            }.map(\.element)
        let stamp = compact(report.asOf) + "T000000Z"
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0",
            "PRODID:-//dvcheck//dvcheck \(report.toolVersion)//\(report.language == .vi ? "VI" : "EN")",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:"
                + text(
                    "dvcheck — " + labels.calendarName + " (\(labels.asOf) \(labels.asOfDate(report)))"),
        ]
        for f in pending {
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
            lines += [
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
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
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
