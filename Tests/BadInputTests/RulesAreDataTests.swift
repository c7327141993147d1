import ComplianceTestSupport
import Foundation
import Testing

/// No rule, unit, calendar, vocabulary, waiver or configuration field can read a file the project
/// does not declare, run a command or reach the network: text that looks like a path, a URL or a shell
/// command is carried as text.
@Suite("Rules are data")
struct RulesAreDataTests {
    /// Path-, URL- and command-looking text in every free-text field comes out as text, nothing is run,
    /// and the secret next to the project is never read into a report.
    @Test(arguments: ["json", "html", "csv", "text", "sarif", "junit", "ics"])
    func pathsURLsAndCommandsStayText(_ format: String) throws {
        let project = baseProject()
        let secret = "SECRET-\(UUID().uuidString)"
        project.write("secret.txt", secret + "\n")
        let canary = project.root + "/ran-a-command"
        let shell = "$(touch \(canary)) `touch \(canary)` ; touch \(canary)"
        project.write(
            "units.yaml",
            """
            units:
              - { id: bk, name: \(yamlQuoted("file://" + project.root + "/secret.txt " + shell)), level: province, kind: party-committee, parent: null }

            """)
        project.write(
            "rules/reception.yaml",
            """
            rules:
              - id: R-RECEPTION
                title: \(yamlQuoted("../secret.txt " + shell))
                description: \(yamlQuoted("http://127.0.0.1:9/steal?x=" + secret.prefix(3)))
                source: { document: \(yamlQuoted(project.root + "/secret.txt")), url: "file:///etc/passwd" }
                severity: high
                effective: { from: 2024-01-01 }
                message: \(yamlQuoted("{unit.name} " + shell))
                kind: frequency
                event: { type: citizen-reception }
                per: month
                at_least: 1

            """)
        project.write(
            "calendar.yaml",
            "weekend: [saturday, sunday]\nholidays:\n  - { date: 2024-01-01, name: \(yamlQuoted(shell)) }\n")
        project.write(
            "waivers.yaml",
            """
            waivers:
              - rule: R-RECEPTION
                reason: \(yamlQuoted("secret.txt " + shell))
                approved_by: \(yamlQuoted("<?php system('id'); ?>"))
                expires: 2024-03-31

            """)
        project.write(
            "dvcheck.yaml",
            "timezone: Asia/Ho_Chi_Minh\nlanguage: en\nas_of: 2024-12-31\nrules: [rules/]\nunits: units.yaml\n"
                + "logs: [logs/]\ncalendar: calendar.yaml\nwaivers: waivers.yaml\n")
        let result = try run(project, ["check", "--format", format, "--include-satisfied", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.summary)")
        #expect(!FileManager.default.fileExists(atPath: canary), "a field ran a shell command")
        let output = String(decoding: result.stdout, as: UTF8.self)
        #expect(!output.contains(secret), "the secret file was read into the report")
        #expect(output.contains("secret.txt"), "the text itself should be reported as written")
    }

    /// Tags that ask YAML for objects, includes or binary blobs are refused in every input kind.
    @Test(arguments: [
        ("units.yaml", "units: !include other.yaml\n"),
        ("rules/reception.yaml", "rules: !!python/object/apply:subprocess.call [[touch, x]]\n"),
        ("calendar.yaml", "weekend: !!binary c2F0dXJkYXk=\n"),
        ("waivers.yaml", "waivers: !ruby/object:Gem::Installer {}\n"),
        ("vocabulary.yaml", "event_types: !<tag:yaml.org,2002:js/function> 'function(){}'\n"),
    ])
    func objectAndIncludeTagsAreRefused(_ path: String, _ text: String) throws {
        let project = baseProject()
        project.write(path, text)
        project.write(
            "dvcheck.yaml",
            "timezone: Asia/Ho_Chi_Minh\nlanguage: en\nas_of: 2024-12-31\nrules: [rules/]\nunits: units.yaml\n"
                + "logs: [logs/]\n" + (path.hasPrefix("calendar") ? "calendar: calendar.yaml\n" : "")
                + (path.hasPrefix("waivers") ? "waivers: waivers.yaml\n" : "")
                + (path.hasPrefix("vocabulary") ? "vocabulary: vocabulary.yaml\n" : ""))
        let result = try run(project, ["validate", "--format", "json"])
        #expect(result.status == 2, "\(result.summary)")
        #expect(hasDiagnostic(result, "yaml.unsupported-tag", path: path, line: 1), "\(codes(result))")
    }
}
