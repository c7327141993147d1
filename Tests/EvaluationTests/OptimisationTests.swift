import ComplianceCore
import ComplianceTestSupport
import Evaluation
import Testing

/// The optimised store and engine against the straightforward reference evaluator
/// (`ReferenceEvaluator.swift` beside this file) on generated projects: every finding, every
/// field, every diagnostic in the same order.
@Suite struct OptimisationTests {
    @Test(arguments: [1, 2, 3])
    func findingsMatchTheReferenceEvaluator(seed: UInt64) {
        let p = GeneratedProject(seed: seed).write()
        defer { p.cleanUp() }
        let outcome = p.check(asOf: day("2024-06-30"))
        #expect(outcome.project.inputsValid, "\(outcome.diagnostics.map(\.message))")
        guard let registry = outcome.project.registry else { return }
        let store = outcome.project.store
        let table = store.table
        let events = (0..<table.count).filter { table.evaluable[$0] }.map { table.event($0) }
        let index = ReferenceIndex(events: events, unitCount: registry.units.count, files: store.files)
        let reference = ReferenceEvaluator.evaluate(
            rules: outcome.project.rules, registry: registry, index: index, store: store,
            calendar: outcome.project.calendar, asOf: day("2024-06-30"))
        let expected = reference.findings.sorted(by: Finding.reportOrder).map(Self.line)
        let actual = outcome.evaluation.findings.map(Self.line)
        #expect(actual.count == expected.count)
        for (a, e) in zip(actual, expected) where a != e {
            Issue.record("optimised: \(a)\nreference: \(e)")
            break
        }
        let referenceDiagnostics = reference.diagnostics.all.map(Self.line)
        let engineDiagnostics = outcome.evaluation.diagnostics.filter { $0.code != "calendar.outside-range" }
        #expect(engineDiagnostics.map(Self.line) == referenceDiagnostics)
        #expect(outcome.evaluation.missingKeys == reference.missingKeys)
        #expect(outcome.evaluation.summary.evaluated > 1000)
        // The generated cases reach closing and pausing (SPEC §10.1), not only the older paths.
        let reasons = Set(outcome.evaluation.findings.compactMap(\.reason))
        #expect(reasons.isSuperset(of: ["closed", "paused", "late", "overdue"]), "\(reasons)")
        let evidence = store.events(ids: Set(outcome.evaluation.findings.flatMap(\.events)))
        let paused = outcome.evaluation.findings.filter { f in
            f.rule == "D-DEADLINE" && f.reason != "paused" && f.events.contains { evidence[$0]?.type == "suspended" }
        }
        #expect(!paused.isEmpty, "no finding whose due date a pause moved")
    }

    @Test(arguments: [1, 4])
    func unlistedSatisfiedFindingsChangeNothingElse(seed: UInt64) {
        let p = GeneratedProject(seed: seed).write()
        defer { p.cleanUp() }
        let project = p.load(asOf: day("2024-06-30"))
        guard let registry = project.registry else {
            Issue.record("no registry")
            return
        }
        var options = RunOptions(asOf: day("2024-06-30"))
        options.calendarFileGiven = true
        func run(_ listSatisfied: Bool) -> EvaluationResult {
            Engine.evaluate(
                rules: project.rules, registry: registry, store: project.store, calendar: project.calendar,
                waivers: project.waivers, options: options, listSatisfied: listSatisfied)
        }
        let all = run(true)
        let listed = run(false)
        #expect(listed.summary == all.summary)
        #expect(listed.matrix == all.matrix)
        let unsatisfied = all.findings.filter { $0.status != .satisfied }
        #expect(listed.findings.map(Self.line) == unsatisfied.map(Self.line))
        #expect(listed.findings.map(\.message) == unsatisfied.map(\.message))
        #expect(listed.findings.map(\.fingerprint) == unsatisfied.map(\.fingerprint))
        #expect(listed.diagnostics.map(Self.line) == all.diagnostics.map(Self.line))
    }

    @Test func eventsReadBackAsTheyWereLogged() {
        let p = TestProject()
        defer { p.cleanUp() }
        p.standardConfig().flatUnits(["x1", "x2"])
        p.write("rules/r.yaml", ruleYAML(kindBody: "kind: frequency\nevent: { type: a }\nper: month\nat_least: 1"))
        p.write(
            "logs/a.csv",
            "id,unit,type,date,ref,n\ne2,x1,a,2023-01-05, K ,10\ne1,x1,a,2023-01-05,K,\ne3,x2,b,2023-01-04,,x\n")
        let store = p.load(asOf: day("2023-02-01")).store
        let rows = store.rows(unit: 0, types: ["a"])
        #expect(rows.map { store.id($0) } == ["e1", "e2"])
        #expect(store.event(rows[1]).value(of: "ref")?.text == "K")
        #expect(store.value(rows[1], named: "n")?.number == 10)
        let ref = [store.field(named: "ref")]
        #expect(store.key(rows[0], fields: ref) == store.key(rows[1], fields: ref))
        #expect(store.events(unit: 1, types: ["a", "b"]).map(\.id) == ["e3"])
        #expect(store.origin(of: rows[1]).line == 2)
    }

    private static func line(_ f: Finding) -> String {
        "\(f.unit) \(f.rule) \(f.sortDay) \(f.waiverSpan) \(f.identity) " + brief(f)
    }

    private static func line(_ d: Diagnostic) -> String {
        "\(d.code) \(d.message) \(d.location.map { "\($0.path):\($0.line):\($0.column)" } ?? "")"
    }
}

/// A deterministic project with every rule kind and the cases that stress the index: several
/// types per pattern, keys with repeats and gaps, extensions, closing events and pauses (an
/// `extended` event also ends a pause, a `plan` both closes and fulfils), overrides, successors, any-unit scope,
/// `distinct`, partial periods, working days, and records in shuffled date order.
struct GeneratedProject {
    let seed: UInt64

    /// A small linear congruential generator: the same seed, the same project.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    func write() -> TestProject {
        let p = TestProject()
        p.standardConfig(extra: "calendar: calendar.yaml\n")
        var units =
            "units:\n  - { id: p1, name: P1, level: province, kind: people-committee, parent: null, tags: [] }\n"
        let communes = (1...6).map { "p1.c\($0)" }
        for (i, c) in communes.enumerated() {
            let tags = i % 3 == 0 ? "[remote]" : "[]"
            let life = i == 4 ? ", to: 2023-06-30, successor: p1.c6" : ""
            units +=
                "  - { id: \(c), name: C\(i), level: commune, kind: people-committee, parent: p1, tags: \(tags)\(life) }\n"
            units += "  - { id: \(c).cb, name: Cell\(i), level: cell, kind: party-cell, parent: \(c), tags: [] }\n"
        }
        p.write("units.yaml", units)
        p.write("calendar.yaml", tetCalendar2023)
        p.write("rules/r.yaml", Self.rules)
        var random = Random(state: seed)
        let types = [
            "reception", "dialogue", "accepted", "resolved", "extended", "decision", "consultation", "report",
            "meeting", "plan", "withdrawn", "suspended", "resumed",
        ]
        let unitIDs = ["p1"] + communes + communes.map { $0 + ".cb" }
        var csv = ["id,unit,type,date,ref,role,topic,period", "id,unit,type,date,ref,role,topic,period"]
        var jsonl = ""
        for n in 0..<1500 {
            let unit = unitIDs[random.next(unitIDs.count)]
            let type = types[random.next(types.count)]
            let date = day("2022-10-01").adding(days: random.next(700))
            let ref = random.next(6) == 0 ? "" : "K\(random.next(8))"
            let role = ["head", "deputy", " head", ""][random.next(4)]
            let topic = ["land", "planning", "culture", ""][random.next(4)]
            let half = "\(2022 + random.next(3))-H\(1 + random.next(2))"
            let id = random.next(200) == 0 ? "e\(n - 1)" : "e\(n)"
            if random.next(5) == 0 {
                jsonl +=
                    "{\"id\": \"\(id)\", \"unit\": \"\(unit)\", \"type\": \"\(type)\", \"date\": \"\(date)\", \"ref\": \"\(ref)\", \"role\": \"\(role)\", \"topic\": \"\(topic)\", \"period\": \"\(half)\"}\n"
            } else {
                csv[n % 2] += "\n\(id),\(unit),\(type),\(date),\(ref),\(role),\(topic),\(half)"
            }
        }
        // Whole complaint cases, so closing, pausing and their mixes with extensions are common.
        for n in 0..<120 {
            let unit = communes[random.next(communes.count)]
            let ref = "C\(n % 40)"
            let role = random.next(2) == 0 ? "head" : ""
            var date = day("2022-12-01").adding(days: random.next(560))
            var steps = ["accepted"]
            for (type, chance) in [("suspended", 3), ("extended", 4), ("resumed", 3), ("suspended", 5), ("resumed", 3)]
            where random.next(chance) == 0 {
                steps.append(type)
            }
            steps.append(["resolved", "withdrawn", "plan", ""][random.next(4)])
            for (i, type) in steps.enumerated() where !type.isEmpty {
                csv[0] += "\nc\(n)-\(i),\(unit),\(type),\(date),\(ref),\(role),,"
                date = date.adding(days: random.next(25))
            }
        }
        p.write("logs/a.csv", csv[0] + "\n")
        p.write("logs/b.csv", csv[1] + "\n")
        p.write("logs/c.jsonl", jsonl)
        return p
    }

    static let rules = """
        rules:
          - { id: F-WEEK, title: t, source: { document: d }, severity: high, applies_to: { level: commune },
              effective: { from: 2023-01-02 }, kind: frequency, event: { type: reception, where: { role: head } },
              per: week, at_least: 1 }
          - { id: F-MONTH, title: t, source: { document: d }, severity: medium, effective: { from: 2022-11-15 },
              partial_periods: evaluate, kind: frequency, event: { type: [dialogue, meeting] }, per: month,
              at_least: 1, at_most: 2 }
          - { id: F-DISTINCT, title: t, source: { document: d }, severity: low, effective: { from: 2023-01-01 },
              kind: frequency, event: { type: accepted }, per: quarter, at_most: 2, distinct: ref }
          - id: D-DEADLINE
            title: t
            source: { document: d }
            severity: critical
            effective: { from: 2023-01-01, to: 2024-03-31 }
            kind: deadline
            trigger: { type: accepted }
            fulfil: { type: [resolved, plan] }
            key: [ref]
            within: 20 days
            overrides:
              - { when: { unit: { tags: remote }, trigger: { role: head } }, within: 10 working days }
              - { when: { unit: { tags: remote } }, within: 45 days }
            extensions: { event: { type: extended }, by: 15 days, max: 2 }
            closed_by: { type: [withdrawn, plan] }
            pause: { start: { type: suspended }, end: { type: [resumed, extended] } }
          - { id: D-KEYLESS, title: t, source: { document: d }, severity: low, effective: { from: 2023-01-01 },
              kind: deadline, trigger: { type: decision }, fulfil: { type: consultation }, within: 30 days }
          - { id: P-SAME, title: t, source: { document: d }, severity: high, applies_to: { level: commune },
              effective: { from: 2023-01-01 }, kind: precedence,
              target: { type: decision, where: { topic: { in: [land, planning] } } },
              requires: { type: consultation }, key: [ref], lead: { min: 2 days, max: 60 days } }
          - { id: P-ANY, title: t, source: { document: d }, severity: low, effective: { from: 2023-01-01 },
              kind: precedence, target: { type: decision }, requires: { type: [consultation, meeting] },
              key: [ref, topic], lead: { max: 10 working days }, scope: any-unit }
          - { id: R-HALF, title: t, source: { document: d }, severity: medium, effective: { from: 2022-01-01 },
              kind: periodic, event: { type: report }, per: half-year, due: { after: end, offset: 15 days } }
          - { id: R-PLAN, title: t, source: { document: d }, severity: medium, effective: { from: 2023-01-01 },
              kind: periodic, event: { type: plan }, per: quarter, due: { after: start, offset: 5 working days },
              match_period: date }
          - { id: O-ONCE, title: t, source: { document: d }, severity: info, effective: { from: 2022-10-01 },
              kind: once, event: { type: plan }, from: 2023-02-01, by: 2023-05-31 }
          - { id: G-GAP, title: t, source: { document: d }, severity: low, applies_to: { kind: party-cell },
              effective: { from: 2023-01-01 }, kind: regularity, event: { type: meeting }, max_gap: 30 days }
        """
}
