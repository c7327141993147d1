import ArgumentParser
import ComplianceCore
import Foundation

/// `dvcheck diagnostics-doc PAGE` (hidden): PAGE with its generated tables refilled from the
/// diagnostic catalogue, on standard output; Scripts/update_catalogue.sh writes or checks
/// docs/diagnostics.md with it.
struct DiagnosticsDocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnostics-doc", abstract: "Refill docs/diagnostics.md's tables from the code catalogue.",
        shouldDisplay: false)

    @Argument(help: "The page to refill (docs/diagnostics.md).")
    var page: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: page) else {
            throw ValidationError("cannot read '\(page)'")
        }
        let page = DiagnosticCatalogue.filling(String(decoding: data, as: UTF8.self))
        try OutputWriter.write(Data(page.utf8), to: nil)
    }
}
