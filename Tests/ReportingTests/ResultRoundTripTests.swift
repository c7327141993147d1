import ComplianceCore
import Foundation
import Testing

@testable import Reporting

/// A saved result read back by `ResultReader` renders what the live report rendered, including the
/// fields other issues added to the result: binding, bounded diagnostics and an unknown as-of date.
@Suite struct ResultRoundTripTests {
    /// The report re-read from its own JSON.
    static func reread(_ report: RunReport) throws -> RunReport {
        try ResultReader.read(Data(JSONReporter.render(report).utf8), reasons: report.reasons)
    }

    @Test func bindingAndItsWordingSurviveTheRoundTrip() throws {
        let live = BindingTests.report(.vi)
        let saved = try Self.reread(live)
        #expect(saved.rules["R-GUIDE"]?.binding == .guidance)
        #expect(saved.rules["R-LAW"]?.binding == .law)
        #expect(JSONReporter.render(saved) == JSONReporter.render(live))
        #expect(TextReporter.render(saved, color: false) == TextReporter.render(live, color: false))
        #expect(JUnitReporter.render(saved) == JUnitReporter.render(live))
    }

    @Test func theRulesListCarriesTheBinding() throws {
        let data = Data(JSONReporter.render(BindingTests.report(.en)).utf8)
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rules = doc["rules"] as? [[String: Any]] ?? []
        let bindings = Dictionary(
            uniqueKeysWithValues: rules.map { ($0["id"] as? String ?? "", $0["binding"] as? String) })
        #expect(bindings == ["R-GUIDE": "guidance", "R-LAW": "law"])
    }

    @Test func omittedDiagnosticsEntriesAndAnUnknownAsOfAreReadBack() throws {
        var live = BindingTests.report(.vi)
        let listed = (1...3).map { line in
            Diagnostic(.warning, .logBadDate, .verbatim("bad date"), at: SourceLocation(path: "logs/a.csv", line: line))
        }
        live.diagnostics =
            listed + [Diagnostic(omitted: 1_234, level: .warning, code: "log.bad-date", path: "logs/a.csv")]
        live.asOfIsKnown = false
        let json = JSONReporter.render(live)
        #expect(json.contains("\"as_of\": null"))
        #expect(json.contains("\"omitted\": 1234"))
        let saved = try Self.reread(live)
        #expect(!saved.asOfIsKnown)
        #expect(saved.diagnostics.last?.omitted == 1_234)
        #expect(saved.diagnostics.count == 4)
        // The as-of date itself is not recorded, so only the JSON is compared (it writes null).
        #expect(JSONReporter.render(saved) == json)
    }
}
