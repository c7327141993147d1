import ComplianceCore
import Foundation
import Testing

@testable import Reporting

@Suite struct ChangeSetTests {
    static func finding(_ id: String, _ status: Finding.Status) -> Finding {
        var f = Finding(
            rule: "R", unit: "u", status: status, sortDay: Day(ordinal: 0),
            waiverSpan: Day(ordinal: 0)...Day(ordinal: 0),
            identity: id)
        f.fingerprint = "fp-" + id
        return f
    }

    static func prior(_ id: String, _ status: String) -> PriorFinding {
        PriorFinding(
            fingerprint: "fp-" + id, rule: "R", unit: "u", status: status, severity: "high", reason: nil, period: id,
            due: nil, ref: nil, message: "m")
    }

    @Test func marksNewPersistingAndResolved() {
        let current = [
            Self.finding("a", .violated), Self.finding("b", .violated), Self.finding("c", .pending),
            Self.finding("d", .satisfied),
        ]
        let previous = [Self.prior("a", "violated"), Self.prior("b", "pending"), Self.prior("x", "violated")]
        let changes = ChangeSet(current: current, previous: previous)
        #expect(changes.mark(current[0]) == .persisting)
        #expect(changes.mark(current[1]) == .new)
        #expect(changes.previousStatus["fp-b"] == "pending")
        #expect(changes.isNewViolation(current[1]))
        #expect(!changes.isNewViolation(current[0]))
        #expect(changes.mark(current[2]) == .new)
        #expect(changes.mark(current[3]) == nil)
        #expect(changes.resolved.map(\.fingerprint) == ["fp-x"])
    }

    @Test func satisfiedNowResolvesAndPreviousSatisfiedIsIgnored() {
        let current = [Self.finding("a", .satisfied), Self.finding("b", .violated)]
        let previous = [Self.prior("a", "pending"), Self.prior("b", "satisfied")]
        let changes = ChangeSet(current: current, previous: previous)
        #expect(changes.resolved.map(\.fingerprint) == ["fp-a"])
        #expect(changes.mark(current[1]) == .new)
        #expect(changes.previousStatus["fp-b"] == nil)
    }

    @Test func baselineReaderReadsTheJSONResultBack() throws {
        let report = ReportFixture.report()
        let json = JSONReporter.render(report)
        let read = try BaselineReader.findings(from: Data(json.utf8)).get()
        #expect(read == report.listedFindings.map(PriorFinding.init))
        let again = ChangeSet(current: report.evaluation.findings, previous: read)
        #expect(again.resolved.isEmpty)
        #expect(report.listedFindings.allSatisfy { again.mark($0) == .persisting })
    }

    @Test func baselineReaderRefusesOtherDocuments() {
        for text in ["[]", "{\"schema\": \"dvcheck.diagnostics/v1\", \"diagnostics\": []}", "not json"] {
            if case .success = BaselineReader.findings(from: Data(text.utf8)) { Issue.record("accepted \(text)") }
        }
    }

    @Test func jsonShowsMarksOnlyWhenCompared() {
        let plain = JSONReporter.render(ReportFixture.report())
        #expect(!plain.contains("\"change\""))
        #expect(!plain.contains("\"resolved\""))
        let gone = PriorFinding(
            fingerprint: "gone", rule: "R-MONTH", unit: "p.d.y", status: "violated", severity: "high",
            reason: "insufficient", period: "2023-12", due: "2023-12-31", ref: nil, message: "old")
        let compared = JSONReporter.render(ReportFixture.report(changes: [gone]))
        #expect(compared.contains("\"change\": \"new\""))
        #expect(compared.contains("\"resolved\": [\n    {\n      \"rule\": \"R-MONTH\""))
        let text = TextReporter.render(ReportFixture.report(changes: [gone]), color: false)
        #expect(text.contains("(MỚI)"))
        #expect(text.contains("Đã khắc phục so với lần chạy trước (1)"))
    }
}
