import Foundation
import Reporting

/// `check --format`: every report format, the reporter that writes each, and what each needs
/// from the run.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, junit, csv, html, ics

    /// The report's text; `color` applies to `text` only.
    public func render(_ report: RunReport, color: Bool) -> String {
        switch self {
        case .text: TextReporter.render(report, color: color)
        case .json: JSONReporter.render(report)
        case .sarif: SARIFReporter.render(report)
        case .junit: JUnitReporter.render(report)
        case .csv: CSVReporter.render(report)
        case .html: HTMLReporter.render(report)
        case .ics: ICSReporter.render(report)
        }
    }

    /// The report's bytes: `render`'s text as UTF-8.
    ///
    /// JSON and SARIF come as bytes straight from their writer: at 10M events the document is
    /// 200 MB, and making a `String` of it (a copy and a UTF-8 check) and then `Data` again (another
    /// copy) cost about as much as writing it.
    public func renderData(_ report: RunReport, color: Bool) -> Data {
        switch self {
        case .json: JSONReporter.renderData(report)
        case .sarif: SARIFReporter.renderData(report)
        default: Data(render(report, color: color).utf8)
        }
    }

    /// `DVCHECK_IN_MEMORY_REPORT=1` keeps the findings in memory and renders the report whole: the
    /// path the streamed one must equal byte for byte (the CLI tests compare the two).
    public static var inMemoryRequested: Bool { ProcessInfo.processInfo.environment["DVCHECK_IN_MEMORY_REPORT"] == "1" }

    /// Writes the report to `sink` as it is rendered, the findings of a streamed run read back
    /// from its spill (SPEC §8 order throughout): the same bytes as `renderData`.
    public func write(_ report: RunReport, to sink: ReportSink, color: Bool) {
        switch self {
        case .json: JSONReporter.write(report, to: sink)
        case .sarif: SARIFReporter.write(report, to: sink)
        case .csv: CSVReporter.write(report, to: sink)
        case .text: TextReporter.write(report, to: sink, color: color)
        case .html: HTMLReporter.write(report, to: sink)
        case .junit: JUnitReporter.write(report, to: sink)
        case .ics: ICSReporter.write(report, to: sink)
        }
    }

    /// Whether the report shows where evidence events were read (CSV and ICS do not, so the run
    /// skips the scan of the rows).
    var showsEvidencePositions: Bool { self != .csv && self != .ics }
}
