import ComplianceCore
import ComplianceTestSupport
import Evaluation
import Foundation
import Testing

@testable import Reporting

/// `--sort` (SPEC §10.9), the roll-up group (SPEC §10.3), the items due soon and the report's
/// Vietnamese dates and periods.
@Suite struct ReportOrderTests {
    static let report = ReportFixture.report()

    @Test func severityOrderIsSeverityThenStatusThenSection8() {
        let sorted = RunReport.ordered(Self.report.listedFindings, by: .severity)
        #expect(Set(sorted.map(\.fingerprint)) == Set(Self.report.listedFindings.map(\.fingerprint)))
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            #expect(a.severity >= b.severity)
            if a.severity == b.severity {
                #expect(RunReport.statusRank(a.status) <= RunReport.statusRank(b.status))
            }
        }
        // The critical deadline rule's pending case comes before the high rule's violations.
        #expect(sorted.first?.rule == "R-CASE")
        #expect(sorted.first?.status == .pending)
    }

    @Test func unitOrderIsSection8() {
        let findings = Self.report.listedFindings
        #expect(RunReport.ordered(findings, by: .unit).map(\.fingerprint) == findings.map(\.fingerprint))
    }

    @Test func tiesKeepSection8Order() {
        let findings = Self.report.listedFindings
        let sorted = RunReport.ordered(findings, by: .severity)
        let position = Dictionary(uniqueKeysWithValues: findings.enumerated().map { ($1.fingerprint, $0) })
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.severity == b.severity && a.status == b.status {
            #expect((position[a.fingerprint] ?? 0) < (position[b.fingerprint] ?? 0))
        }
    }

    @Test func rollUpGroupIsTheNearestDistrictElseTheRoot() {
        let registry = Self.report.registry
        #expect(RollUpGroup.group(of: "p.d.x", in: registry) == "p.d")
        #expect(RollUpGroup.group(of: "p.d", in: registry) == "p.d")
        #expect(RollUpGroup.group(of: "p", in: registry) == "p")
        #expect(RollUpGroup.group(of: "unknown", in: registry) == "unknown")
    }

    @Test func theLookupAgreesWithTheWalkForEveryUnit() throws {
        let registry = try #require(Self.report.registry)
        let lookup = RollUpGroup.Lookup(registry)
        for unit in registry.units {
            #expect(lookup.group(of: unit.id) == RollUpGroup.group(of: unit.id, in: registry))
        }
        #expect(lookup.group(of: "unknown") == "unknown")
    }

    @Test func rollUpCountsAddUpToTheSummary() {
        let counts = RollUpGroup.counts(Self.report)
        let s = Self.report.evaluation.summary
        #expect(counts.map(\.group) == ["p.d"])
        #expect(counts.reduce(0) { $0 + $1.violated } == s.violated)
        #expect(counts.reduce(0) { $0 + $1.pending } == s.pending)
        #expect(counts.reduce(0) { $0 + $1.satisfied } == s.satisfied)
    }

    @Test func dueSoonIsPendingWithin14DaysOfAsOf() {
        var report = Self.report
        let pending = report.evaluation.findings.filter { $0.status == .pending }
        #expect(!pending.isEmpty)
        for f in report.dueSoonFindings {
            let days = report.asOf.days(to: f.due ?? report.asOf)
            #expect(f.status == .pending && days >= 0 && days <= 14)
        }
        let nearest = pending.compactMap(\.due).min() ?? report.asOf
        report.asOf = nearest.adding(days: -15)
        #expect(report.dueSoonFindings.isEmpty)
        report.asOf = nearest.adding(days: -14)
        #expect(!report.dueSoonFindings.isEmpty)
    }

    @Test func vietnameseTextShowsDatesPeriodsAndSeveritiesInVietnamese() {
        let text = TextReporter.render(Self.report, color: false)
        #expect(text.hasPrefix("dvcheck — Tính đến ngày 20/03/2024\n"))
        #expect(text.contains("[nghiêm trọng]"))
        #expect(text.contains("tháng 01/2024"))
        #expect(text.contains("CHƯA ĐẾN HẠN"))
        #expect(!text.contains("2024-0"), "no ISO date or period label in the Vietnamese text")
        #expect(!text.contains("[high]") && !text.contains("[critical]"))
        // The summary comes before the findings.
        let summary = text.range(of: "Tổng hợp")?.lowerBound ?? text.endIndex
        let findings = text.range(of: "Danh sách phát hiện")?.lowerBound ?? text.startIndex
        #expect(summary < findings)
    }

    @Test func htmlIsVietnameseAndPrintsA4Landscape() {
        let html = HTMLReporter.render(Self.report)
        #expect(html.contains("@page{size:A4 landscape"))
        #expect(html.contains("counter(page)"))
        #expect(html.contains("id=\"rollup\""))
        #expect(html.contains("<svg id=\"chart-districts\""))
        #expect(html.contains("id=\"legal-appendix\""))
        #expect(html.contains("href=\"#basis-1\""))
        #expect(html.contains(">20/03/2024<"))
        #expect(!html.contains("ref -20") && html.contains("số hiệu -20"))
    }

    @Test func projectNamesCannotLeaveTheirCSSString() {
        let css = HTMLPrint.cssString("a\"b\\c</style>\nd Ủy")
        #expect(css == "\"a\\22 b\\5c c\\3c \\2f style\\3e \\a d Ủy\"")
    }
}
