import ComplianceCore
import Evaluation

/// `--format csv`: one row per listed finding for a spreadsheet — UTF-8 with a BOM (so Excel and
/// LibreOffice read Vietnamese correctly), CRLF rows, RFC 4180 quoting, a fixed column order, and
/// formula injection guarded.
///
/// With a comparison (`--history`, `--baseline`) the `change` column says `new` or `persisting`,
/// and the previous run's resolved findings follow as rows marked `resolved`.
public enum CSVReporter {
    /// The columns, in order; stable across versions (new columns are only ever appended).
    public static let columns = [
        "unit", "unit_name", "rule", "rule_title", "severity", "status", "status_label", "reason", "period",
        "due", "days_late", "expected", "actual", "distance_days", "ref", "evidence", "waiver", "waiver_reason",
        "message", "source_document", "source_clause", "source_basis", "source_url", "fingerprint", "change", "binding",
    ]

    /// A cell: text (guarded against formulas) or a number (written as is).
    enum Cell {
        case text(String?)
        case number(Int?)
        /// A number with at most one decimal (a ratio's share and threshold), "." as decimal mark.
        case decimal(Tenths?)
    }

    /// The file's bytes as a string: BOM, header, one CRLF-terminated row per finding.
    public static func render(_ report: RunReport) -> String {
        let labels = Labels(language: report.language)
        var out = "\u{FEFF}" + columns.map { encode(.text($0)) }.joined(separator: ",") + "\r\n"
        for f in report.listedFindings {
            out += row(cells(f, report, labels)) + "\r\n"
        }
        for p in report.changes?.resolved ?? [] {
            out += row(cells(p, report, labels)) + "\r\n"
        }
        return out
    }

    private static func cells(_ f: Finding, _ report: RunReport, _ labels: Labels) -> [Cell] {
        let source = report.rules[f.rule]?.source
        let change = report.change(f)
        return [
            .text(f.unit), .text(report.unitName(f.unit)), .text(f.rule), .text(report.ruleTitle(f.rule)),
            .text(f.severity.rawValue), .text(f.status.rawValue), .text(report.statusLabel(f, labels)), .text(f.reason),
            .text(f.period), .text(f.due?.description), .number(f.daysLate),
            f.share.map { .decimal($0.threshold) } ?? .number(f.expected),
            f.share.map { .decimal($0.actual) } ?? .number(f.actual), .number(f.distanceDays), .text(f.ref),
            .text(f.events.joined(separator: " ")), .number(f.waiver),
            .text(f.waiver.flatMap { report.waiverReasons[$0] }), .text(f.message), .text(source?.document),
            .text(source?.clause), .text(source?.basis), .text(source?.url), .text(f.fingerprint),
            .text(change?.rawValue), .text(report.binding(of: f.rule).rawValue),
        ]
    }

    private static func cells(_ p: PriorFinding, _ report: RunReport, _ labels: Labels) -> [Cell] {
        let source = report.rules[p.rule]?.source
        return [
            .text(p.unit), .text(report.unitName(p.unit)), .text(p.rule), .text(report.ruleTitle(p.rule)),
            .text(p.severity), .text(p.status), .text(labels.status(raw: p.status)), .text(p.reason), .text(p.period),
            .text(p.due), .number(nil), .number(nil), .number(nil), .number(nil), .text(p.ref), .text(nil),
            .number(nil), .text(nil), .text(p.message), .text(source?.document), .text(source?.clause),
            .text(source?.basis), .text(source?.url), .text(p.fingerprint), .text("resolved"),
            .text(report.rules[p.rule]?.binding.rawValue),
        ]
    }

    private static func row(_ cells: [Cell]) -> String { cells.map(encode).joined(separator: ",") }

    /// One cell: numbers as digits; text prefixed with an apostrophe when a spreadsheet would read
    /// it as a formula (a leading `=`, `+`, `-`, `@`, tab or CR) unless it is a plain number such as
    /// `-20`, then quoted when it holds a comma, a quote or a line break.
    static func encode(_ cell: Cell) -> String {
        switch cell {
        case .number(let n): return n.map(String.init) ?? ""
        case .decimal(let t): return t?.description ?? ""
        case .text(let value):
            guard var s = value else { return "" }
            if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isPlainNumber(s) {
                s = "'" + s
            }
            if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
                    + "\""
            }
            return s
        }
    }

    /// `-20`, `+3`, `-1.5`: digits with an optional sign and one decimal point.
    static func isPlainNumber(_ s: String) -> Bool {
        var scalars = Substring(s).unicodeScalars[...]
        if let first = scalars.first, first == "-" || first == "+" { scalars = scalars.dropFirst() }
        let parts = String(scalars).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
    }
}
