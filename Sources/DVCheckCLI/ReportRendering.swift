import ArgumentParser
import Foundation
import Reporting

/// `check --format`: every report format, and the reporter that writes each.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, junit, csv, html, ics

    /// The report's text; `color` applies to `text` only.
    func render(_ report: RunReport, color: Bool) -> String {
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
    func renderData(_ report: RunReport, color: Bool) -> Data {
        switch self {
        case .json: JSONReporter.renderData(report)
        case .sarif: SARIFReporter.renderData(report)
        default: Data(render(report, color: color).utf8)
        }
    }
}

extension ReportSort: ExpressibleByArgument {}
