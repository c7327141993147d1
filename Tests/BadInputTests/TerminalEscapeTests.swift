import ComplianceTestSupport
import Foundation
import Reporting
import Testing

/// Nothing the inputs contain reaches a terminal raw: escape sequences (ESC, OSC with BEL), other
/// control characters and bidirectional overrides in names, titles and ids are shown as `\u{…}`
/// escapes in the text report and in diagnostics on standard error.
@Suite("Terminal escapes")
struct TerminalEscapeTests {
    /// ESC (a colour, a title-setting OSC ended by BEL), C1 CSI, DEL, a right-to-left override, an isolate.
    static let hostile = "\u{1B}[31mRED\u{1B}]0;pwned\u{07}\u{9B}2J\u{7F}\u{202E}txt.exe\u{2066}x\u{2069}"

    /// The characters that must never appear raw.
    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { s in
            (s.value < 0x20 && s != "\n") || (0x7F...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value)
                || (0x2066...0x2069).contains(s.value)
        }.map { String(format: "U+%04X", $0.value) }
    }

    @Test func textReportEscapesInputText() throws {
        let project = baseProject()
        project.write(
            "units.yaml",
            """
            units:
              - { id: bk, name: \(yamlEscaped("Tỉnh " + Self.hostile)), level: province, kind: party-committee, parent: null }
              - { id: pn, name: Huyện Pác Nặm, level: district, kind: people-committee, parent: bk }

            """)
        project.write(
            "rules/reception.yaml",
            monthlyRule(id: "R-RECEPTION", title: "Title " + Self.hostile, atLeast: 2).replacingOccurrences(
                of: yamlQuoted("Title " + Self.hostile), with: yamlEscaped("Title " + Self.hostile)))
        let result = try run(project, ["check", "--format", "text", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.summary)")
        let text = String(decoding: result.stdout, as: UTF8.self)
        #expect(Self.rawControls(text).isEmpty, "\(Self.rawControls(text))")
        #expect(text.contains("Title \\u{1B}[31mRED\\u{1B}]0;pwned\\u{7}\\u{9B}2J\\u{7F}\\u{202E}txt.exe"))
        #expect(text.contains("Tỉnh \\u{1B}"))
    }

    @Test func diagnosticsOnStandardErrorEscapeInputText() throws {
        let project = baseProject()
        project.write(
            "logs/events.csv",
            "id,unit,type,date\ne1,\(Self.hostile),citizen-reception,2024-01-15\ne2,bk,citizen-reception,2024-13-45\u{202E}\n"
        )
        let result = try run(project, ["check", "--format", "json", "--max-rejected", "5", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.summary)")
        #expect(result.stderr.contains("[log.unknown-unit]"), "\(result.summary)")
        #expect(Self.rawControls(result.stderr).isEmpty, "\(Self.rawControls(result.stderr))")
        #expect(result.stderr.contains("\\u{1B}[31mRED"), "\(result.summary)")
        #expect(result.stderr.contains("\\u{202E}"), "\(result.summary)")
    }

    /// A usage error repeats the bad value: escaped too.
    @Test func usageErrorsEscapeTheValue() throws {
        let project = baseProject()
        let result = try run(project, ["check", "--format", "\u{1B}]0;pwned\u{07}\u{202E}"])
        #expect(result.status == 2, "\(result.summary)")
        #expect(Self.rawControls(result.stderr).isEmpty, "\(Self.rawControls(result.stderr))")
        #expect(result.stderr.contains("\\u{1B}]0;pwned\\u{7}\\u{202E}"), "\(result.summary)")
    }

    /// A file name with an escape sequence, shown in a diagnostic's path.
    @Test func pathsInDiagnosticsAreEscaped() throws {
        let project = baseProject()
        project.write("rules/bad\u{1B}[2J.yaml", "rules: [\n")
        let result = try run(project, ["validate"])
        #expect(result.status == 2, "\(result.summary)")
        #expect(Self.rawControls(result.stderr).isEmpty, "\(Self.rawControls(result.stderr))")
        #expect(result.stderr.contains("bad\\u{1B}[2J.yaml"), "\(result.summary)")
    }

    /// `rules list` and `explain` lay out text themselves: input text in them is escaped too.
    @Test(arguments: [["rules", "list", "--rules", "rules"], ["explain", "--rule", "R-RECEPTION", "--unit", "bk"]])
    func listingsEscapeInputText(_ arguments: [String]) throws {
        let project = baseProject()
        project.write(
            "rules/reception.yaml",
            monthlyRule(id: "R-RECEPTION", title: "Title " + Self.hostile).replacingOccurrences(
                of: yamlQuoted("Title " + Self.hostile), with: yamlEscaped("Title " + Self.hostile)))
        let result =
            arguments[0] == "rules"
            ? try runBounded(arguments, in: folder(project)) : try run(project, arguments + ["--language", "en"])
        #expect(result.status == 0, "\(result.summary)")
        let text = String(decoding: result.stdout, as: UTF8.self)
        #expect(Self.rawControls(text).isEmpty, "\(Self.rawControls(text))")
        #expect(text.contains("\\u{1B}[31mRED"), "\(text.prefix(800))")
    }
}

/// `text` as a double-quoted YAML scalar with every character YAML does not allow raw (controls,
/// C1, DEL, and for clarity the bidirectional controls) written as a `\u` escape.
func yamlEscaped(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        default:
            if TerminalText.needsEscape(scalar) {
                out += String(format: "\\u%04X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
