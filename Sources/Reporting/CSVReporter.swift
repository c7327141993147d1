import ComplianceCore
import Evaluation

/// `--format csv`: one row per listed finding for a spreadsheet — UTF-8 with a BOM (so Excel and
/// LibreOffice read Vietnamese correctly), CRLF rows, RFC 4180 quoting, a fixed column order, and
/// formula injection guarded.
///
/// With a comparison (`--history`, `--baseline`) the `change` column says `new` or `persisting`,
/// and the previous run's resolved findings follow as rows marked `resolved`.
public enum CSVReporter {
    /// A column: a finding's field, or what the report adds to it.
    enum Column: Equatable {
        case field(FindingField)
        case unitName, ruleTitle, statusLabel, waiverReason, sourceDocument, sourceClause, sourceBasis, sourceURL
        case change, binding

        var name: String {
            switch self {
            case .field(let field): field.csvColumn
            case .unitName: "unit_name"
            case .ruleTitle: "rule_title"
            case .statusLabel: "status_label"
            case .waiverReason: "waiver_reason"
            case .sourceDocument: "source_document"
            case .sourceClause: "source_clause"
            case .sourceBasis: "source_basis"
            case .sourceURL: "source_url"
            case .change: "change"
            case .binding: "binding"
            }
        }
    }

    /// The columns every version has written, in their order.
    private static let placed: [Column] = [
        .field(.unit), .unitName, .field(.rule), .ruleTitle, .field(.severity), .field(.status), .statusLabel,
        .field(.reason), .field(.period), .field(.due), .field(.daysLate), .field(.expected), .field(.actual),
        .field(.distanceDays), .field(.ref), .field(.events), .field(.waiver), .waiverReason, .field(.message),
        .sourceDocument, .sourceClause, .sourceBasis, .sourceURL, .field(.fingerprint), .change, .binding,
    ]

    /// The layout: the columns above, then each field the table shows in CSV that they do not
    /// place (new columns are only ever appended).
    static let layout: [Column] =
        placed + FindingField.order(.csv, placed: []).map(Column.field).filter { !placed.contains($0) }

    /// The columns' names, in order; stable across versions.
    public static let columns = layout.map(\.name)

    /// A cell: text (guarded against formulas) or a number (written as is).
    enum Cell {
        case text(String?)
        case number(Int?)
        /// A number with at most one decimal (a ratio's share and threshold), "." as decimal mark.
        case decimal(Tenths?)
    }

    /// The file's bytes as a string: BOM, header, one CRLF-terminated row per finding.
    public static func render(_ report: RunReport) -> String {
        var bytes: [UInt8] = []
        let sink = ReportSink { bytes.append(contentsOf: $0) }
        write(report, to: sink)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the same bytes as `render` to `sink` as they are made, the findings read back from a
    /// streamed run's spill.
    public static func write(_ report: RunReport, to sink: ReportSink) {
        let labels = Labels(language: report.language)
        sink += header
        var rows = CSVRows(report, labels)
        report.forEachListed { f in rows.write(f, to: sink) }
        rows.flush(to: sink)
        for p in report.changes?.resolved ?? [] {
            sink += row(cells(p, report, labels)) + "\r\n"
        }
        if let failure = report.spill?.failure { sink.fail(failure) }
        sink.flush()
    }

    /// The BOM and the header row.
    private static var header: String { "\u{FEFF}" + columns.map { encode(.text($0)) }.joined(separator: ",") + "\r\n" }

    /// A resolved finding of the previous run: the fields the history keeps, marked `resolved`.
    private static func cells(_ p: PriorFinding, _ report: RunReport, _ labels: Labels) -> [Cell] {
        let source = report.rules[p.rule]?.source
        return layout.map { column in
            switch column {
            case .field(.unit): .text(p.unit)
            case .field(.rule): .text(p.rule)
            case .field(.severity): .text(p.severity)
            case .field(.status): .text(p.status)
            case .field(.reason): .text(p.reason)
            case .field(.period): .text(p.period)
            case .field(.due): .text(p.due)
            case .field(.ref): .text(p.ref)
            case .field(.message): .text(p.message)
            case .field(.fingerprint): .text(p.fingerprint)
            case .field: .text(nil)
            case .unitName: .text(report.unitName(p.unit))
            case .ruleTitle: .text(report.ruleTitle(p.rule))
            case .statusLabel: .text(labels.status(raw: p.status))
            case .waiverReason: .text(nil)
            case .sourceDocument: .text(source?.document)
            case .sourceClause: .text(source?.clause)
            case .sourceBasis: .text(source?.basis)
            case .sourceURL: .text(source?.url)
            case .change: .text("resolved")
            case .binding: .text(report.rules[p.rule]?.binding.rawValue)
            }
        }
    }

    /// A field's cell: numbers as numbers, evidence ids separated by spaces.
    static func cell(_ value: FindingValue?) -> Cell {
        switch value {
        case nil: .text(nil)
        case .text(let s): .text(s)
        case .integer(let n): .number(n)
        case .decimal(let t): .decimal(t)
        case .date(let d): .text(d.description)
        case .list(let ids): .text(ids.joined(separator: " "))
        case .counts?: .text(value?.text)
        }
    }

    private static func row(_ cells: [Cell]) -> String { cells.map(encode).joined(separator: ",") }

    /// One cell: numbers as digits; text prefixed with an apostrophe when a spreadsheet would read
    /// it as a formula (a leading `=`, `+`, `-`, `@`, tab or CR) unless it is a plain number such as
    /// `-20`, then quoted when it holds a comma, a quote or a line break.
    static func encode(_ cell: Cell) -> String {
        var out = ByteBuffer(capacity: 64)
        out.appendCSV(cell)
        return out.text
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
