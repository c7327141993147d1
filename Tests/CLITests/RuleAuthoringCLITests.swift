import ComplianceTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Issue 22 through the real binary: selector lints from `validate` and `check`, `validate
/// --strict`, overlapping rules, and `dvcheck test` with field differences, `--filter` and JUnit.
struct RuleAuthoringCLITests {
    /// A project whose one rule misspells a level.
    func misspeltLevelProject() -> TestProject {
        let p = TestProject().standardConfig(extra: "as_of: 2023-03-01\n").flatUnits(["x1"])
        p.write(
            "rules/r.yaml",
            ruleYAML(
                extra: "applies_to: { level: comune }",
                kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_least: 1"))
        p.write("logs/a.csv", "id,unit,type,date\ne1,x1,citizen-reception,2023-01-05\n")
        return p
    }

    @Test func validateWarnsAboutAValueNoUnitCarriesAndExitsZero() throws {
        let p = misspeltLevelProject()
        let run = try dvcheck(["validate", "--project", p.root])
        #expect(run.status == 0, "\(run.err)")
        #expect(
            run.err.contains(
                "rules/r.yaml:7:26: warning: no unit of the registry has level 'comune', so this value matches no unit (did you mean 'commune'?) [rule.unknown-selector-value]"
            ), "\(run.err)")
        #expect(run.err.contains("rules/r.yaml:7:5: warning: applies_to selects no unit"))
        #expect(run.err.contains("[rule.selects-nothing]"))
        #expect(run.out.contains("0 errors, 2 warnings"))
    }

    @Test func validateStrictTurnsTheWarningsIntoErrorsAndExitsTwo() throws {
        let p = misspeltLevelProject()
        let run = try dvcheck(["validate", "--project", p.root, "--strict", "--format", "json"])
        #expect(run.status == 2, "\(run.err)")
        let diagnostics = run.json["diagnostics"] as? [[String: Any]] ?? []
        let codes = diagnostics.compactMap { $0["code"] as? String }.sorted()
        #expect(codes == ["rule.selects-nothing", "rule.unknown-selector-value"])
        #expect(diagnostics.allSatisfy { $0["level"] as? String == "error" })
        #expect(run.err.contains("error: no unit of the registry has level 'comune'"))
        // Without warnings, --strict passes.
        let clean = misspeltLevelProject()
        clean.write(
            "rules/r.yaml",
            ruleYAML(
                extra: "applies_to: { level: commune }",
                kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_least: 1"))
        let ok = try dvcheck(["validate", "--project", clean.root, "--strict"])
        #expect(ok.status == 0, "\(ok.err)")
    }

    @Test func checkReportsTheSameWarningsInItsJSON() throws {
        let p = misspeltLevelProject()
        let run = try dvcheck(["check", "--project", p.root, "--format", "json"])
        #expect(run.status == 0, "\(run.err)")
        let codes = (run.json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains("rule.unknown-selector-value"))
        #expect(codes.contains("rule.selects-nothing"))
        #expect((run.json["summary"] as? [String: Any])?["evaluated"] as? Int == 0)
    }

    @Test func overlappingRulesAreOneWarningAtTheLaterRuleWithANoteAtTheOther() throws {
        let p = TestProject().standardConfig(extra: "as_of: 2023-03-01\n").flatUnits(["x1"])
        let body = "kind: deadline\ntrigger: { type: complaint-received }\nfulfil: { type: complaint-accepted }"
        p.write("rules/a.yaml", ruleYAML(id: "KN", kindBody: body + "\nwithin: 10 days"))
        p.write(
            "rules/b.yaml",
            ruleYAML(id: "KN-2023", effective: "{ from: 2023-02-01 }", kindBody: body + "\nwithin: 7 days"))
        p.write("logs/a.csv", "id,unit,type,date\n")
        let run = try dvcheck(["validate", "--project", p.root])
        #expect(run.status == 0)
        #expect(
            run.err.contains("rules/b.yaml:2:9: warning: rule KN-2023 overlaps rule KN (rules/a.yaml:2)"), "\(run.err)")
        #expect(run.err.contains("same trigger and fulfil for unit x1, in force from 2023-02-01 on"))
        #expect(run.err.contains("rules/a.yaml:2:9: note: related location"))
        #expect(run.err.components(separatedBy: "[rule.overlaps]").count == 2)
    }

    // MARK: dvcheck test

    func ruleTestProject() -> TestProject {
        let p = TestProject()
        p.write(
            "rules/r.yaml",
            ruleYAML(
                id: "KN", effective: "{ from: 2023-01-01 }",
                kindBody:
                    "kind: deadline\ntrigger: { type: complaint-accepted }\nfulfil: { type: complaint-resolved }\nkey: [ref]\nwithin: 30 days"
            ))
        p.write(
            "tests/t.yaml",
            """
            rules: [../rules/]
            units:
              - { id: x1, name: X, level: commune, kind: people-committee }
            tests:
              - name: late by fifteen days
                rule: KN
                as_of: 2023-06-01
                events:
                  - { id: t1, unit: x1, type: complaint-accepted, date: 2023-01-02, ref: A }
                  - { id: f1, unit: x1, type: complaint-resolved, date: 2023-02-16, ref: A }
                expect:
                  findings:
                    - { status: violated, reason: late, ref: A, period: 2023-01-02, days_late: 14, due: 2023-02-02 }
              - name: on time
                rule: KN
                as_of: 2023-06-01
                events:
                  - { id: t1, unit: x1, type: complaint-accepted, date: 2023-01-02, ref: A }
                  - { id: f1, unit: x1, type: complaint-resolved, date: 2023-01-20, ref: A }
                expect:
                  findings: []
            """)
        return p
    }

    @Test func aFieldThatDiffersIsOneLineAtTheExpectation() throws {
        let p = ruleTestProject()
        let run = try dvcheck(["test", "tests", "--language", "en"], in: URL(fileURLWithPath: p.root))
        #expect(run.status == 1, "\(run.err)")
        #expect(run.out.contains("FAIL tests/t.yaml:5  late by fifteen days"))
        #expect(run.out.contains("    tests/t.yaml:13: days_late: expected 14, got 15\n"), "\(run.out)")
        #expect(run.out.contains("    tests/t.yaml:13: due: expected 2023-02-02, got 2023-02-01\n"))
        // Matched on identity: no "missing" or "unexpected" noise.
        #expect(!run.out.contains("missing"))
        #expect(!run.out.contains("unexpected"))
        #expect(run.out.contains("PASS tests/t.yaml:14  on time"))
        #expect(run.out.hasSuffix("1 passed, 1 failed\n"))
    }

    @Test func ruleTestsSpeakVietnameseByDefault() throws {
        let p = ruleTestProject()
        let run = try dvcheck(["test", "tests"], in: URL(fileURLWithPath: p.root))
        #expect(run.status == 1, "\(run.err)")
        #expect(run.out.contains("KHÔNG ĐẠT tests/t.yaml:5  late by fifteen days"), "\(run.out)")
        #expect(run.out.contains("    tests/t.yaml:13: days_late: cần 14, thực tế 15\n"), "\(run.out)")
        #expect(run.out.contains("ĐẠT tests/t.yaml:14  on time"))
        #expect(run.out.hasSuffix("1 đạt, 1 không đạt\n"))
        #expect(!run.out.contains("expected"))
        let junit = try dvcheck(["test", "tests", "--format", "junit"], in: URL(fileURLWithPath: p.root))
        #expect(junit.out.contains("<failure message=\"tests/t.yaml:13: due: cần 2023-02-02, thực tế 2023-02-01\">"))
    }

    @Test func filterRunsOnlyTheTestsWhoseNameContainsIt() throws {
        let p = ruleTestProject()
        let run = try dvcheck(
            ["test", "tests", "--filter", "on time", "--language", "en"], in: URL(fileURLWithPath: p.root))
        #expect(run.status == 0, "\(run.out)\(run.err)")
        #expect(run.out == "PASS tests/t.yaml:14  on time\n1 passed, 0 failed\n")
        let none = try dvcheck(
            ["test", "tests", "--filter", "On Time", "--language", "en"], in: URL(fileURLWithPath: p.root))
        #expect(none.status == 2)
        #expect(none.err.contains("error: no test name contains 'On Time'; nothing was run [test.no-match]"))
    }

    @Test func junitWritesOneTestCasePerTimelineToTheOutputFile() throws {
        let p = ruleTestProject()
        let run = try dvcheck(
            ["test", "tests", "--format", "junit", "--output", "report.xml", "--language", "en"],
            in: URL(fileURLWithPath: p.root))
        #expect(run.status == 1, "\(run.err)")
        #expect(run.out.isEmpty)
        let xml = try String(contentsOfFile: p.root + "/report.xml", encoding: .utf8)
        #expect(
            xml.hasPrefix(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dvcheck test\" tests=\"2\" failures=\"1\" errors=\"0\">"
            ))
        #expect(xml.contains("<testsuite name=\"tests/t.yaml\" tests=\"2\" failures=\"1\" errors=\"0\">"))
        #expect(
            xml.contains(
                "<testcase classname=\"tests/t.yaml\" name=\"late by fifteen days\" file=\"tests/t.yaml\" line=\"5\">"))
        #expect(xml.contains("<failure message=\"tests/t.yaml:13: due: expected 2023-02-02, got 2023-02-01\">"))
        #expect(
            xml.contains("<testcase classname=\"tests/t.yaml\" name=\"on time\" file=\"tests/t.yaml\" line=\"14\"/>"))
        // The XML parses.
        let document = try XMLDocument(data: Data(xml.utf8))
        #expect(try document.nodes(forXPath: "//testcase").count == 2)
        // Deterministic: a second run writes the same bytes.
        _ = try dvcheck(
            ["test", "tests", "--format", "junit", "--output", "again.xml", "--language", "en"],
            in: URL(fileURLWithPath: p.root))
        #expect(try String(contentsOfFile: p.root + "/again.xml", encoding: .utf8) == xml)
    }

    @Test func junitListsAnInvalidTestFileAsAnErrorCaseAndExitsTwo() throws {
        let p = ruleTestProject()
        p.write(
            "tests/u.yaml",
            "rules: [../rules/]\nunits: [{ id: x1, name: X, level: commune, kind: people-committee }]\ntests:\n  - name: typo\n    rule: KN\n    as_of: 2023-06-01\n    expct: {}\n"
        )
        let run = try dvcheck(["test", "tests/u.yaml", "--format", "junit"], in: URL(fileURLWithPath: p.root))
        #expect(run.status == 2)
        #expect(
            run.out.contains("<testsuite name=\"invalid test files\" tests=\"2\" failures=\"0\" errors=\"2\">"),
            "\(run.out)")
        #expect(run.out.contains("type=\"test.unknown-key\""))
    }

    @Test func outputNeverReplacesATestOrRuleFile() throws {
        let p = ruleTestProject()
        let before = try String(contentsOfFile: p.root + "/tests/t.yaml", encoding: .utf8)
        for target in ["tests/t.yaml", "./tests/../rules/r.yaml"] {
            let run = try dvcheck(
                ["test", "tests", "--format", "junit", "--output", target, "--language", "en"],
                in: URL(fileURLWithPath: p.root))
            #expect(run.status == 2)
            #expect(run.err.contains("is an input of this run; refusing to overwrite it"), "\(run.err)")
            #expect(run.err.contains("[config.output-is-input]"))
        }
        #expect(try String(contentsOfFile: p.root + "/tests/t.yaml", encoding: .utf8) == before)
    }
}
