import ComplianceCore
import ComplianceTestSupport
import Ingest
import Testing

/// The display path ProjectLoader gives `dvcheck.yaml` (relative to the project folder, like every input).
func configDisplay(_ p: TestProject) -> String {
    // Like every project file, the configuration is named relative to the project folder.
    "dvcheck.yaml"
}

@Suite("Project configuration (SPEC §2)")
struct ConfigTests {
    static func project(_ config: String) -> TestProject {
        let p = TestProject().flatUnits(["x1"])
        p.write("dvcheck.yaml", config)
        p.write(
            "rules/r.yaml",
            ruleYAML(kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_least: 1"))
        p.write("logs/a.csv", "id,unit,type,date\n")
        return p
    }

    @Test("a full configuration with as_of, calendar, vocabulary and waivers")
    func good() throws {
        let p = Self.project(
            """
            timezone: Asia/Ho_Chi_Minh
            language: en
            as_of: 2025-01-01
            rules: [rules/]
            units: units.yaml
            vocabulary: vocabulary.yaml
            calendar: calendars/vn.yaml
            logs: [logs/]
            waivers: waivers.yaml
            """)
        p.write("vocabulary.yaml", "event_types:\n  citizen-reception: null\n")
        p.write("calendars/vn.yaml", "holidays:\n  - { date: 2023-01-02, name: Nghỉ bù }\n")
        p.write(
            "waivers.yaml",
            "waivers:\n  - { rule: R, units: [x1], reason: r, approved_by: a, expires: 2025-12-31 }\n")
        let project = p.load()
        #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
        #expect(project.inputsValid)
        #expect(project.asOf == day("2025-01-01"))
        #expect(project.config.language == .en)
        #expect(project.config.timezone == "Asia/Ho_Chi_Minh")
        #expect(project.hasCalendarFile)
        #expect(project.calendar.holidays[day("2023-01-02")] == "Nghỉ bù")
        #expect(project.calendar.covers == day("2023-01-01")...day("2023-12-31"))
        #expect(project.vocabulary?.eventTypes.keys.sorted() == ["citizen-reception"])
        #expect(project.waivers.map(\.rules) == [["R"]])
        #expect(project.rules.map(\.id) == ["R"])
        #expect(project.ruleFiles.map(\.path) == ["rules/r.yaml"])
        #expect(project.registry?.ids == ["x1"])
        #expect(project.logFiles.map(\.path) == ["logs/a.csv"])
        // --as-of wins over as_of.
        #expect(p.load(asOf: day("2023-06-30")).asOf == day("2023-06-30"))
    }

    @Test("defaults: Vietnamese, no calendar file, weekends only")
    func defaults() {
        let p = Self.project("rules: [rules/]\nunits: units.yaml\nlogs: [logs/]\n")
        let project = p.load(asOf: day("2024-01-01"))
        #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
        #expect(project.config.language == .vi)
        #expect(project.config.timezone == "Asia/Ho_Chi_Minh")
        #expect(!project.hasCalendarFile)
        #expect(project.calendar.weekend == [6, 7])
        #expect(project.calendar.holidays.isEmpty)
    }

    @Test("an unknown key, with did you mean")
    func unknownKey() {
        let p = Self.project("rules: [rules/]\nunits: units.yaml\nlanugage: en\nlogs: [logs/]\n")
        let project = p.load(asOf: day("2024-01-01"))
        #expect(places(project.diagnostics, "config.unknown-key") == ["\(configDisplay(p)):3:1"])
        #expect(messages(project.diagnostics, "config.unknown-key").first?.contains("did you mean 'language'") == true)
        #expect(!project.inputsValid)
    }

    @Test("a missing rules folder points at the `rules` value")
    func missingRules() {
        let p = Self.project("units: units.yaml\nrules: [rules/, nowhere/]\nlogs: [logs/]\n")
        let project = p.load(asOf: day("2024-01-01"))
        #expect(places(project.diagnostics, "config.missing-file") == ["\(configDisplay(p)):2:8"])
        #expect(messages(project.diagnostics, "config.missing-file").first?.contains("nowhere") == true)
        #expect(!project.inputsValid)
    }

    @Test("a missing units file, logs folder and vocabulary are config.missing-file errors")
    func missingFiles() {
        let p = Self.project("units: nowhere.yaml\nrules: [rules/]\nlogs: [nologs/]\nvocabulary: vocab.yaml\n")
        let project = p.load(asOf: day("2024-01-01"))
        let missing = messages(project.diagnostics, "config.missing-file")
        #expect(missing.count == 3, "\(missing)")
        #expect(missing.contains { $0.contains("nowhere.yaml") })
        #expect(missing.contains { $0.contains("nologs") })
        #expect(missing.contains { $0.contains("vocab.yaml") })
        #expect(project.registry == nil)
        #expect(!project.inputsValid)
    }

    @Test(
        "bad values",
        arguments: [
            ("timezone: Mars/Olympus\n", "config.invalid-value", 1, 11),
            ("as_of: 2025-02-30\n", "config.invalid-value", 1, 8),
            ("as_of: 1/1/2025\n", "config.invalid-value", 1, 8),
            ("language: fr\n", "config.invalid-value", 1, 11),
            ("rules: [rules/]\nrules: [more/]\n", "yaml.duplicate-key", 2, 1),
        ])
    func badValues(_ line: String, _ code: String, _ lineNumber: Int, _ column: Int) {
        let base = "units: units.yaml\nlogs: [logs/]\n"
        let body = line + base + (line.hasPrefix("rules") ? "" : "rules: [rules/]\n")
        let p = Self.project(body)
        let project = p.load(asOf: day("2024-01-01"))
        #expect(
            places(project.diagnostics, code).contains("\(configDisplay(p)):\(lineNumber):\(column)"),
            "\(project.diagnostics.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" })")
        #expect(!project.inputsValid)
    }
}

@Suite("Rule files through ProjectLoader (SPEC §6)")
struct RuleFileTests {
    static func load(_ files: [String: String], vocabulary: String? = nil) -> LoadedProject {
        let p = TestProject().standardConfig(extra: vocabulary == nil ? "" : "vocabulary: vocabulary.yaml\n")
            .flatUnits(["x1", "x2"])
        if let vocabulary { p.write("vocabulary.yaml", vocabulary) }
        for (path, text) in files { p.write(path, text) }
        p.write("logs/a.csv", "id,unit,type,date\n")
        return p.load(asOf: day("2024-01-01"))
    }

    static let head = """
        rules:
          - id: R
            title: Tiếp dân
            source: { document: Chỉ thị 09/02/2022 }
            severity: high
            effective: { from: 2023-01-01 }

        """
    static let frequency = """
            kind: frequency
            event: { type: citizen-reception }
            per: week
            at_least: 1

        """

    @Test("a valid rule loads")
    func good() throws {
        let project = Self.load(["rules/r.yaml": Self.head + Self.frequency])
        #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
        let rule = try #require(project.rules.first)
        #expect(rule.id == "R")
        #expect(rule.severity == .high)
        #expect(rule.effective == Effective(from: day("2023-01-01"), to: nil))
        #expect(rule.location == ComplianceCore.SourceLocation(path: "rules/r.yaml", line: 2, column: 9))
        #expect(project.ruleFiles.first?.sha256 == SHA256.hex(Self.head + Self.frequency))
    }

    static let bad: [BadInput] = [
        BadInput(
            "misspelt key",
            head.replacingOccurrences(of: "severity: high", with: "severty: high") + frequency,
            "rule.unknown-key", 5, 5, "did you mean 'severity'"),
        BadInput(
            "unknown kind",
            head + frequency.replacingOccurrences(of: "kind: frequency", with: "kind: frequncy"),
            "rule.unknown-kind", 7, 11, "did you mean 'frequency'"),
        BadInput(
            "missing effective.from, at the `effective` key",
            head.replacingOccurrences(of: "effective: { from: 2023-01-01 }", with: "effective: { to: 2024-01-01 }")
                + frequency,
            "rule.missing-field", 6, 5, "from"),
        BadInput(
            "effective.to before from",
            head.replacingOccurrences(of: "{ from: 2023-01-01 }", with: "{ from: 2023-01-01, to: 2022-12-31 }")
                + frequency,
            "rule.invalid-value", 6, 36),
        BadInput(
            "missing title",
            head.replacingOccurrences(of: "    title: Tiếp dân\n", with: "") + frequency,
            "rule.missing-field", 2, 5, "title"),
        BadInput(
            "unknown placeholder",
            head + "    message: \"Thiếu {unit.titel}\"\n" + frequency,
            "rule.unknown-placeholder", 7, 14, "unit.titel"),
        BadInput(
            "unbalanced brace in a message",
            head + "    message: \"Thiếu {actual\"\n" + frequency,
            "rule.invalid-value", 7, 14),
        BadInput(
            "match_period: date with after: end",
            head + """
                    kind: periodic
                    event: { type: report-submitted }
                    per: half-year
                    due: { after: end, offset: 15 days }
                    match_period: date

                """,
            "rule.invalid-value", 11, 5, "after: start"),
        BadInput(
            "unknown where operator",
            head + """
                    kind: frequency
                    event: { type: decision, where: { participants: { gtee: 10 } } }
                    per: week
                    at_least: 1

                """,
            "rule.unknown-key", 8, 55, "did you mean 'gte'"),
        BadInput(
            "ordering operator on text",
            head + """
                    kind: frequency
                    event: { type: decision, where: { role: { gt: head } } }
                    per: week
                    at_least: 1

                """,
            "rule.invalid-value", 8, 51),
        BadInput(
            "bad duration",
            head + """
                    kind: deadline
                    trigger: { type: complaint-accepted }
                    fulfil: { type: complaint-resolved }
                    key: [ref]
                    within: 30 weeks

                """,
            "rule.invalid-value", 11, 13, "30 days"),
        BadInput(
            "bad severity",
            head.replacingOccurrences(of: "severity: high", with: "severity: hihg") + frequency,
            "rule.invalid-value", 5, 15, "did you mean 'high'"),
        BadInput(
            "unknown unit in applies_to",
            head + "    applies_to: { under: x3 }\n" + frequency, "rule.unknown-unit", 7, 26),
        BadInput(
            "YAML duplicate key",
            head.replacingOccurrences(of: "severity: high\n", with: "severity: high\n    severity: low\n")
                + frequency,
            "yaml.duplicate-key", 6, 5, "line 5"),
        BadInput(
            "a second document",
            head + frequency + "---\nrules: []\n", "yaml.multiple-documents", 11, 1),
        BadInput("a top-level list", "- id: R\n", "rule.invalid-value", 1, 1),
        BadInput("YAML syntax error", "rules:\n  - id: [R\n", "yaml.syntax", 3, 1),
    ]

    @Test("bad rule files", arguments: bad)
    func badInput(_ input: BadInput) {
        let project = Self.load(["rules/r.yaml": input.yaml])
        #expect(!project.inputsValid)
        let r = input.check(project.diagnostics, path: "rules/r.yaml")
        #expect(
            r.found.contains(r.expected),
            "found \(r.found); all: \(project.diagnostics.map { "\($0.code) \($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" })"
        )
        #expect(r.messageOK, "\(messages(project.diagnostics, input.code))")
    }

    @Test("a rule id defined in two files names both places")
    func duplicateAcrossFiles() {
        let project = Self.load([
            "rules/a.yaml": Self.head + Self.frequency,
            "rules/b.yaml": Self.head.replacingOccurrences(of: "severity: high", with: "severity: low")
                + Self.frequency,
        ])
        let duplicates = project.diagnostics.filter { $0.code == "rule.duplicate-id" }
        #expect(places(project.diagnostics, "rule.duplicate-id") == ["rules/b.yaml:2:9"])
        #expect(duplicates.first?.message.contains("rules/a.yaml:2") == true)
        #expect(duplicates.first?.related == [ComplianceCore.SourceLocation(path: "rules/a.yaml", line: 2, column: 9)])
        #expect(project.rules.map(\.severity) == [.high])
        #expect(!project.inputsValid)
    }

    @Test("with a vocabulary, a rule naming an unknown type is rule.unknown-type")
    func unknownType() {
        let project = Self.load(
            [
                "rules/r.yaml": Self.head
                    + Self.frequency.replacingOccurrences(of: "citizen-reception", with: "citizen-recepton")
            ],
            vocabulary: "event_types:\n  citizen-reception: null\n")
        #expect(places(project.diagnostics, "rule.unknown-type") == ["rules/r.yaml:8:20"])
        #expect(
            messages(project.diagnostics, "rule.unknown-type").first?.contains("did you mean 'citizen-reception'")
                == true)
    }

    /// An alias bomb: ten aliases per level, over the 100,000-node budget at the eighth alias of level 5.
    @Test("an alias bomb is yaml.limit")
    func aliasBomb() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in [("b", "a"), ("c", "b"), ("d", "c"), ("e", "d"), ("f", "e"), ("g", "f")] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let project = Self.load(["rules/r.yaml": text])
        #expect(places(project.diagnostics, "yaml.limit") == ["rules/r.yaml:5:36"])
        #expect(errorCodes(project.diagnostics) == ["yaml.limit"])
    }

    @Test(
        "nesting: depth 100 is allowed, 101 and 150 are yaml.limit",
        arguments: [(100, false), (101, true), (150, true)])
    func nesting(_ depth: Int, _ refused: Bool) {
        // The top-level mapping is depth 1; each `[` adds one.
        let lists = depth - 1
        let text = "rules: " + String(repeating: "[", count: lists) + String(repeating: "]", count: lists) + "\n"
        let project = Self.load(["rules/r.yaml": text])
        #expect(places(project.diagnostics, "yaml.limit") == (refused ? ["rules/r.yaml:1:107"] : []))
        #expect(!project.inputsValid)
    }
}
