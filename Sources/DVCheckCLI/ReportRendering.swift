import ArgumentParser
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
}
