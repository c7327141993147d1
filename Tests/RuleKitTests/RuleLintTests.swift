import ComplianceCore
import ComplianceTestSupport
import Foundation
import Ingest
import RuleKit
import Testing

/// The lints a registry makes possible: selector values no unit carries, rules that select nothing,
/// and rules that overlap (issue 22: a typo never silently disables a rule).
struct RuleLintTests {
    static let units = """
        units:
          - { id: bk, name: Tỉnh, level: province, kind: party-committee, tags: [] }
          - { id: pn, name: Huyện, level: district, kind: people-committee, parent: bk, to: 2025-06-30 }
          - { id: x1, name: Xã 1, level: commune, kind: people-committee, parent: pn, tags: [remote] }
          - { id: x2, name: Xã 2, level: commune, kind: people-committee, parent: bk, tags: [ethnic-minority] }

        """

    static let weekly = "kind: frequency\nevent: { type: citizen-reception }\nper: week\nat_least: 1"

    /// Loads rule files (name → text) against the four units above, as `check` and `validate` do.
    func load(_ files: [String: String]) -> LoadedProject {
        let p = TestProject().standardConfig()
        p.write("units.yaml", Self.units)
        for (name, text) in files { p.write("rules/" + name, text) }
        p.write("logs/a.csv", "id,unit,type,date\n")
        return p.load(asOf: day("2026-01-01"))
    }

    func found(_ project: LoadedProject, _ code: String) -> [Diagnostic] {
        project.diagnostics.filter { $0.code == code }
    }

    func place(_ d: Diagnostic?) -> String {
        d?.location.map { "\($0.path):\($0.line):\($0.column)" } ?? "-"
    }

    @Test func aMisspeltLevelIsAWarningAtTheValueWithDidYouMean() throws {
        let project = load([
            "r.yaml": ruleYAML(extra: "applies_to: { level: comune, kind: people-committee }", kindBody: Self.weekly)
        ])
        let d = try #require(found(project, "rule.unknown-selector-value").first)
        #expect(d.level == .warning)
        #expect(place(d) == "rules/r.yaml:7:26")
        #expect(d.message.contains("level 'comune'"))
        #expect(d.message.contains("did you mean 'commune'?"))
        // A warning: the rule still loads, the run stays valid, and the consequence is said too.
        #expect(project.inputsValid)
        #expect(project.rules.count == 1)
        #expect(place(found(project, "rule.selects-nothing").first) == "rules/r.yaml:7:5")
    }

    @Test func kindsAndTagsInListsNotAndTagMapsAreEachChecked() {
        let selector = """
            applies_to:
              kind: [people-committee, peoples-committee]
              tags: { all: [remote], any: [remot] }
              not: { level: distrct, tags: ethnic-minority }
            """
        let project = load(["r.yaml": ruleYAML(extra: selector, kindBody: Self.weekly)])
        let warnings = found(project, "rule.unknown-selector-value")
        #expect(warnings.map(place) == ["rules/r.yaml:8:32", "rules/r.yaml:9:36", "rules/r.yaml:10:21"])
        #expect(warnings.map(\.message).joined().contains("did you mean 'people-committee'?"))
        #expect(warnings.map(\.message).joined().contains("tag 'remot'"))
        #expect(warnings.map(\.message).joined().contains("did you mean 'district'?"))
        #expect(warnings.last?.message.contains("level 'distrct', so this value excludes no unit") == true)
        #expect(warnings.first?.message.contains("so this value matches no unit") == true)
    }

    @Test func aSelectorInADeadlineOverrideIsCheckedToo() {
        let deadline = """
            kind: deadline
            trigger: { type: complaint-accepted }
            fulfil: { type: complaint-resolved }
            within: 30 days
            overrides:
              - { when: { unit: { tags: remte } }, within: 45 days }
              - { when: { unit: { id: x9 } }, within: 45 days }
            """
        let project = load(["r.yaml": ruleYAML(kindBody: deadline)])
        #expect(found(project, "rule.unknown-selector-value").map(place) == ["rules/r.yaml:12:33"])
        #expect(found(project, "rule.unknown-selector-value").first?.message.contains("did you mean 'remote'?") == true)
        // An unknown unit id stays an error, wherever the selector is.
        #expect(found(project, "rule.unknown-unit").map(place) == ["rules/r.yaml:13:31"])
        #expect(!project.inputsValid)
    }

    @Test func knownValuesThatSelectNothingTogetherAreSelectsNothing() throws {
        // Each value exists, but no commune is a party committee.
        let project = load([
            "r.yaml": ruleYAML(extra: "applies_to: { level: commune, kind: party-committee }", kindBody: Self.weekly)
        ])
        #expect(found(project, "rule.unknown-selector-value").isEmpty)
        let d = try #require(found(project, "rule.selects-nothing").first)
        #expect(d.level == .warning)
        #expect(d.message.contains("selects no unit"))
        #expect(project.inputsValid)
    }

    @Test func aRuleWhoseUnitsAllEndedBeforeItStartsSelectsNothing() throws {
        // pn ends 2025-06-30; the rule starts the day after.
        let project = load([
            "r.yaml": ruleYAML(
                effective: "{ from: 2025-07-01 }", extra: "applies_to: { level: district }", kindBody: Self.weekly)
        ])
        let d = try #require(found(project, "rule.selects-nothing").first)
        #expect(d.message.contains("none of them exists while rule R is in force (from 2025-07-01)"))
        // The same rule ending the day pn ends is fine.
        let fine = load([
            "r.yaml": ruleYAML(
                effective: "{ from: 2022-01-01, to: 2025-06-30 }", extra: "applies_to: { level: district }",
                kindBody: Self.weekly)
        ])
        #expect(found(fine, "rule.selects-nothing").isEmpty)
    }

    @Test func aRuleThatSelectsSomethingGetsNoLintWarning() {
        let project = load([
            "r.yaml": ruleYAML(
                extra: "applies_to: { level: [commune, district], tags: remote, not: { id: x2 } }",
                kindBody: Self.weekly)
        ])
        #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
    }

    @Test func twoRulesOnTheSameEventsUnitsAndDatesOverlap() throws {
        let a = ruleYAML(id: "A", extra: "applies_to: { level: commune }", kindBody: Self.weekly)
        // The same pattern written differently: a one-item list and key order do not matter.
        let b = ruleYAML(
            id: "B", effective: "{ from: 2024-01-01 }", extra: "applies_to: { id: x1 }",
            kindBody: "kind: frequency\nevent: { type: [citizen-reception] }\nper: month\nat_least: 2")
        let project = load(["a.yaml": a, "b.yaml": b])
        let d = try #require(found(project, "rule.overlaps").first)
        #expect(found(project, "rule.overlaps").count == 1)
        #expect(d.level == .warning)
        #expect(place(d) == "rules/b.yaml:2:9")
        #expect(d.related == [ComplianceCore.SourceLocation(path: "rules/a.yaml", line: 2, column: 9)])
        #expect(d.message.contains("rule B overlaps rule A"))
        #expect(d.message.contains("unit x1"))
        #expect(d.message.contains("from 2024-01-01 on"))
        #expect(project.inputsValid)
    }

    @Test func successorSplitsDisjointUnitsOtherPatternsAndOtherKindsDoNotOverlap() {
        let deadline = "kind: deadline\ntrigger: { type: complaint-received }\nfulfil: { type: complaint-accepted }"
        let rules = [
            // A successor split: the first ends the day before the second starts.
            ruleYAML(
                id: "OLD", effective: "{ from: 2022-01-01, to: 2025-12-31 }", kindBody: deadline + "\nwithin: 10 days"),
            ruleYAML(id: "NEW", effective: "{ from: 2026-01-01 }", kindBody: deadline + "\nwithin: 7 days"),
            // Disjoint units.
            ruleYAML(id: "XA", extra: "applies_to: { level: commune }", kindBody: Self.weekly),
            ruleYAML(id: "TINH", extra: "applies_to: { level: province }", kindBody: Self.weekly),
            // Another where condition is another pattern.
            ruleYAML(
                id: "HEAD", extra: "applies_to: { level: commune }",
                kindBody: Self.weekly.replacingOccurrences(
                    of: "{ type: citizen-reception }", with: "{ type: citizen-reception, where: { role: head } }")),
            // Units in common only while one of them no longer exists: pn ended 2025-06-30.
            ruleYAML(
                id: "HUYEN-2026", effective: "{ from: 2026-01-01 }", extra: "applies_to: { level: district }",
                kindBody: "kind: once\nevent: { type: plan-issued }\nby: 2026-03-01"),
            ruleYAML(
                id: "HUYEN-OLD", effective: "{ from: 2022-01-01, to: 2026-12-31 }",
                extra: "applies_to: { level: [district, commune] }",
                kindBody: "kind: once\nevent: { type: plan-issued }\nby: 2022-03-01"),
        ]
        var files: [String: String] = [:]
        for (i, r) in rules.enumerated() { files["r\(i).yaml"] = r }
        let project = load(files)
        #expect(found(project, "rule.overlaps").isEmpty, "\(found(project, "rule.overlaps").map(\.message))")
    }

    @Test func theShippedPackHasNoLintWarningsAgainstTheExampleRegistry() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let project = ProjectLoader.load(
            configPath: root + "/examples/bac-kan/dvcheck.yaml", overrides: InputOverrides(),
            today: { _ in Day(ordinal: 0) })
        let lint = project.diagnostics.filter {
            ["rule.unknown-selector-value", "rule.selects-nothing", "rule.overlaps"].contains($0.code)
        }
        #expect(project.rules.count > 40)
        #expect(lint.isEmpty, "\(lint.map(\.message))")
    }

    @Test func withoutARegistryNothingIsLinted() {
        // `dvcheck rules` and rule tests load rules without a registry: no value can be judged.
        let p = TestProject()
        p.write(
            "r.yaml",
            ruleYAML(extra: "applies_to: { level: comune }", kindBody: Self.weekly)
                + ruleYAML(id: "S", kindBody: Self.weekly).replacingOccurrences(of: "rules:\n", with: ""))
        let result = RuleLoader(registry: nil, vocabulary: nil).load(files: [(p.root + "/r.yaml", "r.yaml")])
        #expect(result.rules.count == 2)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }
}
