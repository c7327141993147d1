import ComplianceTestSupport
import Foundation
import Ingest
import Testing

/// Data from many offices ends up in HTML pages and spreadsheets: it must stay data there, reports must
/// never be left half written, and a report must never replace an input.
@Suite("Output safety")
struct OutputSafetyTests {
    /// Markup in unit names, rule titles and event ids, with quotes and ampersands.
    static let hostile = "<script>alert(1)</script> \"q\" 'a' & <img src=x onerror=alert(2)>"

    /// A project whose names, titles and evidence ids carry markup and formula starters.
    static func hostileProject() -> TestProject {
        let project = baseProject()
        project.write(
            "units.yaml",
            """
            units:
              - { id: bk, name: \(yamlQuoted(hostile)), level: province, kind: party-committee, parent: null }
              - { id: pn, name: "=HYPERLINK(\\"http://x.invalid\\",\\"y\\")", level: district, kind: mttq, parent: bk }

            """)
        project.write(
            "rules/reception.yaml", monthlyRule(id: "R-RECEPTION", title: "+cmd|' /C calc'!A0 " + hostile, atLeast: 2))
        project.write(
            "logs/events.csv",
            "id,unit,type,date\n\"e1<b>&\"\"x\"\"\",bk,citizen-reception,2024-01-15\n@SUM(1+1),pn,citizen-reception,2024-01-16\n"
        )
        return project
    }

    /// Every data field in the HTML report is escaped: no tag from the data survives as markup.
    @Test func htmlEscapesEveryDataField() throws {
        let project = Self.hostileProject()
        let result = try run(project, ["check", "--format", "html", "--output", "report.html", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.summary)")
        let html = try String(contentsOfFile: project.root + "/report.html", encoding: .utf8)
        #expect(!html.contains("<script>alert(1)"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("e1<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&amp;"))
        #expect(html.contains("e1&lt;b&gt;&amp;"))
        // Quotes inside attribute values (titles, data attributes) must not end the attribute.
        #expect(!html.contains("\"q\" 'a'"))
    }

    /// Cells that a spreadsheet would run as formulas get a leading apostrophe; plain numbers stay numbers.
    @Test func csvDefusesFormulaCells() throws {
        let project = Self.hostileProject()
        let result = try run(project, ["check", "--format", "csv", "--output", "report.csv", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.summary)")
        let csv = try String(contentsOfFile: project.root + "/report.csv", encoding: .utf8)
        #expect(!csv.isEmpty)
        for starter in ["=HYPERLINK", "+cmd", "@SUM"] {
            #expect(csv.contains("'" + starter), "\(starter) is not defused")
            let bare = csv.components(separatedBy: CharacterSet(charactersIn: ",\r\n")).contains {
                $0.hasPrefix(starter) || $0.hasPrefix("\"" + starter)
            }
            #expect(!bare, "a cell starts with \(starter)")
        }
    }

    /// The report file is replaced in one step (a new file renamed over the old), with no temporary
    /// file left behind.
    @Test(arguments: ["json", "html", "csv", "sarif", "junit", "text", "ics"])
    func outputIsWrittenAtomically(_ format: String) throws {
        let project = baseProject()
        let path = project.root + "/out/report." + format
        project.write("out/report." + format, "old contents\n")
        let before = try #require(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int)
        let result = try run(
            project, ["check", "--format", format, "--output", "out/report." + format, "--fail-on", "never"])
        #expect(result.status == 0, "\(result.summary)")
        let after = try #require(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int)
        #expect(before != after, "the report was rewritten in place, not renamed over the old file")
        #expect(try String(contentsOfFile: path, encoding: .utf8) != "old contents\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.root + "/out") == ["report." + format])
    }

    /// The history database is changed in one transaction: two runs record two runs, nothing else left.
    @Test func historyIsRecordedWholeOrNotAtAll() throws {
        let project = baseProject()
        for _ in 0..<2 {
            let result = try run(project, ["check", "--format", "json", "--history", "h.sqlite", "--fail-on", "never"])
            #expect(result.status == 0, "\(result.summary)")
        }
        let history = try runBounded(["history", "--history", "h.sqlite"], in: folder(project))
        #expect(history.status == 0, "\(history.summary)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root).filter {
            $0.hasPrefix("h.sqlite") && $0 != "h.sqlite"
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// The loader knows every input by file identity, for the CLI to refuse an `--output` that names one:
    /// a relative detour, a symbolic link or a hard link to an input is the input.
    @Test func loaderKnowsEveryInput() throws {
        let project = baseProject()
        let loaded = project.load()
        for path in ["units.yaml", "logs/events.csv", "rules/reception.yaml", "dvcheck.yaml", "rules/../units.yaml"] {
            #expect(loaded.isInput(project.root + "/" + path), "\(path)")
        }
        try FileManager.default.createSymbolicLink(
            atPath: project.root + "/link.json", withDestinationPath: "units.yaml")
        try FileManager.default.linkItem(atPath: project.root + "/units.yaml", toPath: project.root + "/hard.json")
        #expect(loaded.isInput(project.root + "/link.json"))
        #expect(loaded.isInput(project.root + "/hard.json"))
        #expect(!loaded.isInput(project.root + "/report.json"))
        #expect(!loaded.isInput(project.root + "/rules"))
    }

    /// `--output` naming an input (the registry, a log, a rule, the configuration) is refused with exit 2
    /// and the input is left as it was.
    @Test(arguments: ["units.yaml", "logs/events.csv", "rules/reception.yaml", "dvcheck.yaml", "./rules/../units.yaml"])
    func outputNeverOverwritesAnInput(_ target: String) throws {
        let project = baseProject()
        let path = project.root + "/" + target
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try run(project, ["check", "--format", "json", "--output", target, "--fail-on", "never"])
        let unchanged = (try? Data(contentsOf: URL(fileURLWithPath: path))) == original
        #expect(result.status == 2, "\(result.summary)")
        #expect(unchanged, "\(target) was overwritten by the report")
        #expect(result.stderr.contains("[config.output-is-input]"), "\(result.summary)")
    }
}
