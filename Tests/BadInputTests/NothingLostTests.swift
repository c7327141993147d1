import ComplianceCore
import ComplianceTestSupport
import Foundation
import Testing

/// For random logs with random damage, nothing is lost and nothing is invented: per file read =
/// accepted + rejected, every rejected record has an error diagnostic at its line, and every good record
/// reaches the evaluator exactly once.
@Suite("Nothing lost")
struct NothingLostTests {
    /// One seed: three to six logs of mixed formats, loaded and evaluated through the real pipeline.
    @Test(arguments: Array(UInt64(1)...UInt64(24)))
    func everyRecordIsAccountedFor(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed &* 0x5DEE_CE66D)
        let project = baseProject()
        project.write(
            "rules/reception.yaml",
            """
            rules:
              - id: R-YEARLY
                title: Citizen reception every year
                source: { document: Chỉ thị 09/02/2022 }
                severity: high
                effective: { from: 2024-01-01 }
                kind: frequency
                event: { type: citizen-reception }
                per: year
                at_least: 1

            """)
        try FileManager.default.removeItem(atPath: project.root + "/logs/events.csv")
        var accepted: [String] = []
        var logs: [GeneratedLog] = []
        for index in 0..<Int.random(in: 3...6, using: &rng) {
            let format = LogFormat.allCases.randomElement(using: &rng) ?? .csv
            let name = "log\(index)"
            let log = GeneratedLog(
                name: name, format: format, count: Int.random(in: 1...40, using: &rng), rng: &rng, accepted: &accepted)
            project.writeBytes("logs/\(name).\(format.rawValue)", log.bytes)
            logs.append(log)
        }
        let fates = logs.flatMap(\.records).map(\.fate)
        #expect(fates.contains(.rejected) && fates.contains(.ignored), "seed \(seed) damages nothing")
        let outcome = project.check(asOf: day("2024-12-31"))
        #expect(outcome.project.inputsValid)

        for log in logs {
            let path = outcome.project.logFiles.first { $0.path.hasPrefix("logs/\(log.name).") }
            let stats = try #require(path, "no accounting for \(log.name)")
            let rejectedLines = log.records.filter { $0.fate == .rejected }.map(\.line)
            let ignored = log.records.filter { $0.fate == .ignored }.count
            #expect(stats.read == log.records.count, "\(log.name): read \(stats.read) of \(log.records.count)")
            #expect(stats.read == stats.accepted + stats.rejected, "\(log.name): read ≠ accepted + rejected")
            #expect(stats.rejected == rejectedLines.count, "\(log.name): rejected \(stats.rejected)")
            #expect(stats.ignored == ignored, "\(log.name): ignored \(stats.ignored) of \(ignored)")
            #expect(!stats.fileError)
            let errorLines = outcome.project.diagnostics.filter {
                $0.level == .error && $0.location?.path == stats.path
            }.compactMap { $0.location?.line }
            #expect(errorLines.sorted() == rejectedLines.sorted(), "\(log.name): diagnostics at \(errorLines.sorted())")
        }

        let expected = logs.flatMap(\.records).compactMap { record -> String? in
            if case .evaluated(let id) = record.fate { return id }
            return nil
        }
        let counted = outcome.evaluation.findings.filter { $0.rule == "R-YEARLY" }.flatMap(\.events)
        #expect(counted.sorted() == expected.sorted(), "the evaluator saw \(counted.count) of \(expected.count) events")
        let stored = outcome.project.store.events(types: ["citizen-reception"]).map(\.id)
        #expect(stored.sorted() == expected.sorted())
    }
}
