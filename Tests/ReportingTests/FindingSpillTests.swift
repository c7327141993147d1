import ComplianceCore
import Foundation
import Testing

@testable import Reporting

/// The spill gives back each rule's findings from its stretches (what JUnit's suites read), in
/// order and across the file's flushes, leaving out the satisfied ones when asked.
@Suite struct FindingSpillTests {
    static let rules = ["A", "B", "C"]
    static let statuses: [Finding.Status] = [.violated, .satisfied, .pending, .waived]

    /// Findings in SPEC §8 order: by unit, then rule; rule B has none at every third unit.
    static func findings(units: Int) -> [Finding] {
        var all: [Finding] = []
        for u in 0..<units {
            for rule in rules where !(rule == "B" && u % 3 == 0) {
                for k in 0..<(1 + (u + rule.count) % 4) {
                    var f = Finding(
                        rule: rule, unit: String(format: "u%05d", u), status: statuses[(u + k) % statuses.count],
                        severity: .high, sortDay: Day(ordinal: k), waiverSpan: Day(ordinal: 0)...Day(ordinal: 0),
                        identity: "\(rule)-\(u)-\(k)")
                    // Long enough that the whole spill passes the 1 MiB flush more than once.
                    f.message = String(repeating: "m", count: 200)
                    all.append(f)
                }
            }
        }
        return all
    }

    @Test(arguments: [false, true])
    func eachRulesStretchesGiveItsFindingsInOrder(satisfied: Bool) {
        let all = Self.findings(units: 4_000)
        let spill = FindingSpill(includesSatisfied: true)
        // In blocks, as the engine hands them over.
        for start in stride(from: 0, to: all.count, by: 1_000) {
            spill.append(Array(all[start..<min(start + 1_000, all.count)]))
        }
        #expect(spill.failure == nil)
        for rule in Self.rules {
            let expected = all.filter { $0.rule == rule && (satisfied || $0.status != .satisfied) }
            let cursor = spill.cursor(ranges: spill.ranges(ofRule: rule), satisfied: satisfied)
            var read: [String] = []
            while let f = cursor.next() { read.append(f.identity) }
            #expect(read == expected.map(\.identity), "rule \(rule)")
        }
        #expect(spill.ranges(ofRule: "Z").isEmpty)
        let none = spill.cursor(ranges: [], satisfied: true)
        #expect(none.next() == nil)
        #expect(spill.failure == nil)
    }
}
