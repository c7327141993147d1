import ComplianceCore
import Evaluation

/// The CSV report's finding rows, written as bytes: the cells a row shares with others (its
/// rule's, its unit's) are encoded once and copied.
///
/// A national audit writes millions of rows of some thirty cells; made as strings and joined,
/// they were most of the time of writing the file.
struct CSVRows: ~Copyable {
    /// A rule's encoded cells (by column; empty for the columns that are not the rule's alone)
    /// and its status labels (by `Finding.Status.allCases` index).
    private final class RuleCells {
        let id: String
        let cells: [[UInt8]]
        let statusLabels: [[UInt8]]

        init(_ id: String, _ report: RunReport, _ labels: Labels) {
            self.id = id
            let source = report.rules[id]?.source
            cells = CSVReporter.layout.map { column in
                let cell: CSVReporter.Cell
                switch column {
                case .field(.rule): cell = .text(id)
                case .ruleTitle: cell = .text(report.ruleTitle(id))
                case .sourceDocument: cell = .text(source?.document)
                case .sourceClause: cell = .text(source?.clause)
                case .sourceBasis: cell = .text(source?.basis)
                case .sourceURL: cell = .text(source?.url)
                case .binding: cell = .text(report.binding(of: id).rawValue)
                default: return []
                }
                return Array(CSVReporter.encode(cell).utf8)
            }
            let binding = report.binding(of: id)
            statusLabels = Finding.Status.allCases.map {
                Array(CSVReporter.encode(.text(labels.status($0, binding: binding))).utf8)
            }
        }
    }

    private let report: RunReport
    private let labels: Labels
    private let layout = CSVReporter.layout
    private var rules: [ExactText: RuleCells] = [:]
    private var lastRule: RuleCells?
    /// The last unit's id and its two cells (id, name): the rows come unit by unit.
    private var unit: (id: String, idCell: [UInt8], nameCell: [UInt8])?
    private var out = ByteBuffer(capacity: 1 << 17)

    init(_ report: RunReport, _ labels: Labels) {
        self.report = report
        self.labels = labels
    }

    /// Writes the row of `f`, handing full batches to `sink`.
    mutating func write(_ f: Finding, to sink: ReportSink) {
        let rule = cells(of: f.rule)
        let unit = unitCells(f.unit)
        for (i, column) in layout.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            switch column {
            case .field(.unit): unit.idCell.withUnsafeBufferPointer { out.append($0) }
            case .unitName: unit.nameCell.withUnsafeBufferPointer { out.append($0) }
            case .field(.rule), .ruleTitle, .sourceDocument, .sourceClause, .sourceBasis, .sourceURL, .binding:
                rule.cells[i].withUnsafeBufferPointer { out.append($0) }
            case .statusLabel:
                rule.statusLabels[FindingCodec.statusIndex(f.status)].withUnsafeBufferPointer { out.append($0) }
            case .field(let field): out.appendCSV(CSVReporter.cell(field.value(in: f)))
            case .waiverReason: out.appendCSV(.text(f.waiver.flatMap { report.waivers[$0]?.reason }))
            case .change: out.appendCSV(.text(report.change(f)?.rawValue))
            }
        }
        out.append("\r\n")
        if out.count >= ReportSink.drainSize { flush(to: sink) }
    }

    /// Hands the rows written to `sink`.
    mutating func flush(to sink: ReportSink) {
        sink.append(out)
        out.removeAll()
    }

    private mutating func cells(of id: String) -> RuleCells {
        if let last = lastRule, ExactText.sameBytes(last.id, id) { return last }
        let key = ExactText(text: id)
        let cells = rules[key] ?? RuleCells(id, report, labels)
        rules[key] = cells
        lastRule = cells
        return cells
    }

    private mutating func unitCells(_ id: String) -> (id: String, idCell: [UInt8], nameCell: [UInt8]) {
        if let unit, ExactText.sameBytes(unit.id, id) { return unit }
        let made = (
            id, Array(CSVReporter.encode(.text(id)).utf8), Array(CSVReporter.encode(.text(report.unitName(id))).utf8)
        )
        unit = made
        return made
    }
}

extension ByteBuffer {
    /// One CSV cell (`CSVReporter.encode`): numbers as digits; text guarded against formulas with an
    /// apostrophe, then quoted when it holds a comma, a quote or a line break.
    mutating func appendCSV(_ cell: CSVReporter.Cell) {
        switch cell {
        case .number(let n): if let n { appendDecimal(n) }
        case .decimal(let t): if let t { appendText(t.description) }
        case .text(let value):
            guard var s = value else { return }
            let formula = s.utf8.first.map { "=+-@\t\r".utf8.contains($0) } == true && !CSVReporter.isPlainNumber(s)
            s.withUTF8 { bytes in
                // Bytes, not Characters: a comma or quote under a combining mark must still be quoted.
                let quoted = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                if quoted { append(UInt8(ascii: "\"")) }
                if formula { append(UInt8(ascii: "'")) }
                guard quoted else { return append(bytes) }
                var plain = 0
                for (i, byte) in bytes.enumerated() where byte == 0x22 {
                    append(UnsafeBufferPointer(rebasing: bytes[plain...i]))
                    append(0x22)
                    plain = i + 1
                }
                append(UnsafeBufferPointer(rebasing: bytes[plain...]))
                append(UInt8(ascii: "\""))
            }
        }
    }
}
