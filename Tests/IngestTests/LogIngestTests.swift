import ComplianceCore
import ComplianceTestSupport
import Ingest
import Testing

/// Every file keeps `read = accepted + rejected` and `ignored ≤ accepted` (SPEC §4).
func checkAccounting(_ project: LoadedProject, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for f in project.logFiles {
        #expect(f.read == f.accepted + f.rejected, "\(f.path)", sourceLocation: sourceLocation)
        #expect(f.ignored <= f.accepted, "\(f.path)", sourceLocation: sourceLocation)
    }
}

/// `read/accepted/rejected/ignored` of one log file.
func counts(_ project: LoadedProject, _ path: String) -> [Int] {
    guard let f = project.logFiles.first(where: { $0.path == path }) else { return [] }
    return [f.read, f.accepted, f.rejected, f.ignored]
}

/// Events of some types, date-sorted.
func events(_ project: LoadedProject, _ types: [String] = ["citizen-reception"]) -> [Event] {
    project.store.events(types: types)
}

@Suite("CSV logs (SPEC §4)")
struct CSVLogTests {
    @Test("BOM, CRLF, quoted commas, quotes and newlines, blank lines")
    func rfc4180() throws {
        let p = logProject()
        p.write(
            "logs/a.csv",
            "\u{FEFF}id,unit,type,date,note\r\n"
                + "e1,x1,citizen-reception,2022-02-09,\"a, b\"\r\n"
                + "\r\n"
                + "e2,x1,citizen-reception,9/2/2022,\"say \"\"hi\"\"\"\r\n"
                + "e3,x2,citizen-reception,2022-02-10,\"two\r\nlines\"\r\n"
                + "e4,x2,citizen-reception,2022-02-11,\r\n"
                + "e5,x9,citizen-reception,2022-02-11,\r\n")
        let project = p.load(asOf: day("2025-01-01"))
        checkAccounting(project)
        #expect(counts(project, "logs/a.csv") == [5, 4, 1, 0])
        #expect(places(project.diagnostics, "log.unknown-unit") == ["logs/a.csv:8:1"])
        #expect(messages(project.diagnostics, "log.unknown-unit").first?.contains("did you mean 'x1'") == true)
        #expect(project.diagnostics.count == 1, "\(project.diagnostics)")
        let all = events(project)
        #expect(all.map(\.id) == ["e1", "e2", "e3", "e4"])
        #expect(all.map(\.origin.line) == [2, 4, 5, 7])
        #expect(all.map(\.day.description) == ["2022-02-09", "2022-02-09", "2022-02-10", "2022-02-11"])
        #expect(all[0].value(of: "note")?.text == "a, b")
        #expect(all[1].value(of: "note")?.text == "say \"hi\"")
        #expect(all[2].value(of: "note")?.text == "two\r\nlines")
        #expect(all[3].value(of: "note") == nil)
        #expect(all[0].value(of: "id")?.text == "e1")
    }

    @Test("a row with too many or too few cells is log.malformed-row")
    func wrongCellCount() {
        let p = logProject()
        p.write(
            "logs/a.csv",
            "id,unit,type,date\ne1,x1,citizen-reception,2022-02-09,extra\ne2,x1,citizen-reception\n"
                + "e3,x1,citizen-reception,2022-02-09\n")
        let project = p.load(asOf: day("2025-01-01"))
        checkAccounting(project)
        #expect(counts(project, "logs/a.csv") == [3, 1, 2, 0])
        #expect(places(project.diagnostics, "log.malformed-row") == ["logs/a.csv:2:1", "logs/a.csv:3:1"])
        #expect(events(project).map(\.id) == ["e3"])
    }

    @Test("invalid UTF-8 rejects only its record")
    func invalidUTF8() {
        let p = logProject()
        let bytes =
            Array("id,unit,type,date,note\ne1,x1,citizen-reception,2022-02-09,ok\n".utf8)
            + Array("e2,x1,citizen-reception,2022-02-09,bad".utf8) + [0xFF, 0xC3, 0x28]
            + Array("\ne3,x1,citizen-reception,2022-02-09,Tiếp\n".utf8)
        p.writeBytes("logs/a.csv", bytes)
        let project = p.load(asOf: day("2025-01-01"))
        checkAccounting(project)
        #expect(counts(project, "logs/a.csv") == [3, 2, 1, 0])
        #expect(places(project.diagnostics, "log.invalid-utf8") == ["logs/a.csv:3:1"])
        #expect(errorCodes(project.diagnostics) == ["log.invalid-utf8"])
        #expect(events(project).map(\.id) == ["e1", "e3"])
    }

    @Test("a duplicate header name is a file error: nothing read, counted once")
    func duplicateHeader() {
        let p = logProject()
        p.write("logs/a.csv", "id,unit,type,date,id\ne1,x1,citizen-reception,2022-02-09,e2\n")
        p.write("logs/b.csv", "id,unit,type,date\nb1,x1,citizen-reception,2022-02-09\n")
        let project = p.load(asOf: day("2025-01-01"))
        checkAccounting(project)
        #expect(counts(project, "logs/a.csv") == [0, 0, 0, 0])
        #expect(project.logFiles.first?.fileError == true)
        #expect(counts(project, "logs/b.csv") == [1, 1, 0, 0])
        #expect(places(project.diagnostics, "log.malformed-row") == ["logs/a.csv:1:1"])
        #expect(project.rejectedCount == 1)
        #expect(events(project).map(\.id) == ["b1"])
    }

    @Test("a missing `date` column rejects every row")
    func missingColumn() {
        let p = logProject()
        p.write(
            "logs/a.csv",
            "id,unit,type,when\ne1,x1,citizen-reception,2022-02-09\ne2,x1,citizen-reception,2022-02-10\n")
        let project = p.load(asOf: day("2025-01-01"))
        checkAccounting(project)
        #expect(counts(project, "logs/a.csv") == [2, 0, 2, 0])
        #expect(places(project.diagnostics, "log.missing-field") == ["logs/a.csv:2:1", "logs/a.csv:3:1"])
        #expect(messages(project.diagnostics, "log.missing-field").allSatisfy { $0.contains("date") })
        #expect(project.rejectedCount == 2)
        #expect(events(project).isEmpty)
    }

    @Test("an empty cell in a required column is log.missing-field")
    func emptyRequiredCell() {
        let p = logProject()
        p.write("logs/a.csv", "id,unit,type,date\ne1,,citizen-reception,2022-02-09\n,x1,citizen-reception,2022-02-09\n")
        let project = p.load(asOf: day("2025-01-01"))
        #expect(counts(project, "logs/a.csv") == [2, 0, 2, 0])
        #expect(places(project.diagnostics, "log.missing-field") == ["logs/a.csv:2:1", "logs/a.csv:3:1"])
    }

    @Test("a header alone is simply empty; a 0-byte or blank file is log.empty-file")
    func emptyFiles() {
        let p = logProject()
        p.write("logs/a.csv", "id,unit,type,date\n")
        p.write("logs/b.csv", "")
        p.write("logs/c.csv", "\n\r\n\n")
        let project = p.load(asOf: day("2025-01-01"))
        checkAccounting(project)
        #expect(project.logFiles.map(\.read) == [0, 0, 0])
        #expect(places(project.diagnostics, "log.empty-file") == ["logs/b.csv:1:1", "logs/c.csv:1:1"])
        #expect(project.diagnostics.filter { $0.code == "log.empty-file" }.allSatisfy { $0.level == .warning })
        #expect(project.diagnostics.count == 2)
        #expect(project.rejectedCount == 0)
    }
}

@Suite("JSON Lines logs (SPEC §4)")
struct JSONLinesLogTests {
    @Test("flat objects; null is absent; nested values and invalid JSON are rejected; blank lines skipped")
    func records() throws {
        let p = logProject()
        p.write(
            "logs/a.jsonl",
            """
            {"id":"j1","unit":"x1","type":"citizen-reception","date":"2022-02-09","participants":12,"note":null}

            {"id":"j2","unit":"x1","type":"citizen-reception","date":"2022-02-09","tags":["a"]}
            {"id":"j3","unit":"x1","type":"citizen-reception","date":"2022-02-09","meta":{"a":1}}
            {"id":"j4", "unit":"x1"
               \t
            {"id":"j5","unit":"x2","type":"citizen-reception","date":"2022-02-09T18:00:00Z","ok":true,"year":2022}
            {"id":"j6","unit":"x2","type":"citizen-reception","date":null}

            """)
        let project = p.load(asOf: day("2025-01-01"))
        checkAccounting(project)
        #expect(counts(project, "logs/a.jsonl") == [6, 2, 4, 0])
        #expect(
            places(project.diagnostics, "log.malformed-row") == ["logs/a.jsonl:3:78", "logs/a.jsonl:4:78"]
                + places(project.diagnostics, "log.malformed-row").filter { $0.hasPrefix("logs/a.jsonl:5:") })
        #expect(places(project.diagnostics, "log.malformed-row").count == 3)
        #expect(places(project.diagnostics, "log.missing-field") == ["logs/a.jsonl:8:1"])
        #expect(messages(project.diagnostics, "log.missing-field").first?.contains("date") == true)
        let all = events(project)
        #expect(all.map(\.id) == ["j1", "j5"])
        #expect(all[0].value(of: "participants")?.number == 12)
        #expect(all[0].value(of: "note") == nil)
        #expect(all[1].day == day("2022-02-10"))
        #expect(all[1].value(of: "ok")?.boolean == true)
        #expect(all[1].value(of: "year")?.text == "2022")
        #expect(all.map(\.origin.line) == [1, 7])
    }

    @Test("a .ndjson file with a BOM and CRLF")
    func ndjson() {
        let p = logProject()
        p.write(
            "logs/a.ndjson",
            "\u{FEFF}{\"id\":\"n1\",\"unit\":\"x1\",\"type\":\"citizen-reception\",\"date\":\"9/2/2022\"}\r\n\r\n"
                + "{\"id\":\"n2\",\"unit\":\"x1\",\"type\":\"citizen-reception\",\"date\":\"2022-02-10\"}\r\n")
        let project = p.load(asOf: day("2025-01-01"))
        #expect(counts(project, "logs/a.ndjson") == [2, 2, 0, 0])
        #expect(project.diagnostics.isEmpty, "\(project.diagnostics)")
        #expect(events(project).map(\.origin.line) == [1, 3])
    }

    @Test("only white space is log.empty-file")
    func empty() {
        let p = logProject()
        p.write("logs/a.jsonl", "\n  \n")
        let project = p.load(asOf: day("2025-01-01"))
        #expect(places(project.diagnostics, "log.empty-file") == ["logs/a.jsonl:1:1"])
        #expect(counts(project, "logs/a.jsonl") == [0, 0, 0, 0])
    }
}

@Suite("YAML logs (SPEC §4)")
struct YAMLLogTests {
    @Test("an events list; anchors and aliases and nested values reject their record")
    func records() {
        let p = logProject()
        p.write(
            "logs/a.yaml",
            """
            events:
              - { id: y1, unit: x1, type: citizen-reception, date: 2022-02-09 }
              - id: y2
                unit: x1
                type: citizen-reception
                date: 9/2/2022
                participants: 10
              - { id: y3, unit: x1, type: citizen-reception, date: 2022-02-09, note: &n hi }
              - { id: y4, unit: x1, type: citizen-reception, date: 2022-02-09, note: *n }
              - { id: y5, unit: x1, type: citizen-reception, date: 2022-02-09, tags: [a, b] }
              - { id: y6, unit: x1, type: citizen-reception, date: 2022-02-09, note: null }

            """)
        let project = p.load(asOf: day("2025-01-01"))
        checkAccounting(project)
        #expect(counts(project, "logs/a.yaml") == [6, 3, 3, 0])
        #expect(places(project.diagnostics, "log.yaml-alias").map { $0.split(separator: ":")[1] } == ["8", "9"])
        #expect(places(project.diagnostics, "log.malformed-row").map { $0.split(separator: ":")[1] } == ["10"])
        let all = events(project)
        #expect(all.map(\.id) == ["y1", "y2", "y6"])
        #expect(all.map(\.origin.line) == [2, 3, 11])
        #expect(all[1].value(of: "participants")?.number == 10)
        #expect(all[2].value(of: "note") == nil)
    }

    @Test("a wrong top-level key is a file error with nothing accepted")
    func wrongTopLevel() {
        let p = logProject()
        p.write("logs/a.yml", "records:\n  - { id: y1, unit: x1, type: citizen-reception, date: 2022-02-09 }\n")
        let project = p.load(asOf: day("2025-01-01"))
        checkAccounting(project)
        #expect(counts(project, "logs/a.yml") == [0, 0, 0, 0])
        #expect(project.logFiles.first?.fileError == true)
        #expect(places(project.diagnostics, "log.wrong-top-level") == ["logs/a.yml:1:1"])
        #expect(project.rejectedCount == 1)
        #expect(events(project).isEmpty)
    }

    @Test("a second key after events is a file error; records before it are dropped")
    func trailingKey() {
        let p = logProject()
        p.write(
            "logs/a.yaml",
            "events:\n  - { id: y1, unit: x1, type: citizen-reception, date: 2022-02-09 }\nmore: 1\n")
        let project = p.load(asOf: day("2025-01-01"))
        #expect(counts(project, "logs/a.yaml") == [0, 0, 0, 0])
        #expect(places(project.diagnostics, "log.wrong-top-level") == ["logs/a.yaml:3:1"])
        #expect(events(project).isEmpty)
    }

    @Test("comments only is log.empty-file")
    func empty() {
        let p = logProject()
        p.write("logs/a.yaml", "# nothing yet\n")
        let project = p.load(asOf: day("2025-01-01"))
        #expect(places(project.diagnostics, "log.empty-file") == ["logs/a.yaml:1:1"])
    }
}

@Suite("Record validation across formats (SPEC §4)")
struct RecordValidationTests {
    @Test("duplicate ids across files: the first accepted wins")
    func duplicateIDs() {
        let p = logProject()
        p.write(
            "logs/a.csv",
            "id,unit,type,date\nd0,x9,citizen-reception,2022-02-09\nd0,x1,citizen-reception,2022-02-09\n"
                + "e1,x1,citizen-reception,2022-02-09\ne1,x2,citizen-reception,2022-02-10\n")
        p.write(
            "logs/b.jsonl",
            "{\"id\":\"e1\",\"unit\":\"x2\",\"type\":\"citizen-reception\",\"date\":\"2022-02-11\"}\n")
        let project = p.load(asOf: day("2025-01-01"))
        checkAccounting(project)
        #expect(counts(project, "logs/a.csv") == [4, 2, 2, 0])
        #expect(counts(project, "logs/b.jsonl") == [1, 0, 1, 0])
        #expect(places(project.diagnostics, "log.duplicate-id") == ["logs/a.csv:5:1", "logs/b.jsonl:1:1"])
        let dup = project.diagnostics.filter { $0.code == "log.duplicate-id" }
        #expect(dup.allSatisfy { $0.message.contains("logs/a.csv:4") })
        #expect(
            dup.allSatisfy { $0.related == [ComplianceCore.SourceLocation(path: "logs/a.csv", line: 4, column: 1)] })
        #expect(places(project.diagnostics, "log.unknown-unit") == ["logs/a.csv:2:1"])
        let all = events(project)
        #expect(all.map(\.id) == ["d0", "e1"])
        #expect(all.last?.unit == Int32(project.registry?.index(of: "x1") ?? -1))
    }

    @Test(
        "bad dates",
        arguments: ["13/13/2022", "2022-02-30", "2022-02-09T10:00", "12/31/2022", "2022-13-01", "09-02-2022"])
    func badDate(_ text: String) {
        let p = logProject()
        p.write(
            "logs/a.csv", "id,unit,type,date\ne0,x1,citizen-reception,2022-02-09\ne1,x1,citizen-reception,\(text)\n")
        let project = p.load(asOf: day("2025-01-01"))
        checkAccounting(project)
        #expect(counts(project, "logs/a.csv") == [2, 1, 1, 0])
        // SPEC §10.0: a bad date points at the date cell.
        #expect(places(project.diagnostics, "log.bad-date") == ["logs/a.csv:3:25"])
        #expect(messages(project.diagnostics, "log.bad-date").first?.contains(text) == true)
    }

    @Test("events after the as-of date are ignored, with one warning per file")
    func afterAsOf() {
        let p = logProject()
        p.write(
            "logs/a.csv",
            "id,unit,type,date\na1,x1,citizen-reception,2022-02-09\na2,x1,citizen-reception,2022-02-11\n"
                + "a3,x1,citizen-reception,2022-02-12\na4,x1,citizen-reception,2022-02-10\n")
        p.write(
            "logs/b.jsonl",
            "{\"id\":\"b1\",\"unit\":\"x1\",\"type\":\"citizen-reception\",\"date\":\"2022-02-10T17:00:00Z\"}\n")
        let project = p.load(asOf: day("2022-02-10"))
        checkAccounting(project)
        #expect(counts(project, "logs/a.csv") == [4, 4, 0, 2])
        #expect(counts(project, "logs/b.jsonl") == [1, 1, 0, 1])
        #expect(places(project.diagnostics, "log.after-as-of") == ["logs/a.csv:3:1", "logs/b.jsonl:1:1"])
        #expect(project.diagnostics.filter { $0.code == "log.after-as-of" }.allSatisfy { $0.level == .warning })
        #expect(events(project).map(\.id) == ["a1", "a4"])
        #expect(project.rejectedCount == 0)
    }

    @Test("events outside their unit's life are ignored, with one warning per file")
    func outsideLife() {
        let p = TestProject().standardConfig()
        p.write(
            "units.yaml",
            """
            units:
              - { id: x1, name: X1, level: commune, kind: people-committee, from: 2022-01-01, to: 2022-06-30 }
              - { id: x2, name: X2, level: commune, kind: people-committee }
            """)
        p.write(
            "rules/r.yaml",
            ruleYAML(kindBody: "kind: frequency\nevent: { type: citizen-reception }\nper: month\nat_least: 1"))
        p.write(
            "logs/a.csv",
            "id,unit,type,date\no1,x1,citizen-reception,2021-12-31\no2,x1,citizen-reception,2022-01-01\n"
                + "o3,x1,citizen-reception,2022-06-30\no4,x1,citizen-reception,2022-07-01\n"
                + "o5,x2,citizen-reception,2021-12-31\n")
        let project = p.load(asOf: day("2025-01-01"))
        checkAccounting(project)
        #expect(counts(project, "logs/a.csv") == [5, 5, 0, 2])
        #expect(places(project.diagnostics, "log.outside-unit-life") == ["logs/a.csv:2:1"])
        #expect(events(project).map(\.id) == ["o5", "o2", "o3"])
    }

    @Test("with a vocabulary: unknown types, bad attributes, missing required fields, unknown attributes")
    func vocabulary() {
        let p = logProject(extraConfig: "vocabulary: vocabulary.yaml\n")
        p.write(
            "vocabulary.yaml",
            """
            event_types:
              citizen-reception: { attributes: { role: string, participants: number, online: boolean, held: date } }
              complaint-accepted: { attributes: { complexity: string }, requires: [ref] }
            """)
        p.write(
            "logs/a.csv",
            """
            id,unit,type,date,ref,participants,online,held,colour
            v1,x1,citizen-reception,2022-02-09,,10,TRUE,9/2/2022,
            v2,x1,citizen-recepton,2022-02-09,,,,,
            v3,x1,citizen-reception,2022-02-09,,ten,,,
            v4,x1,citizen-reception,2022-02-09,,,yes,,
            v5,x1,citizen-reception,2022-02-09,,,,2/31/2022,
            v6,x1,complaint-accepted,2022-02-09,,,,,
            v7,x1,complaint-accepted,2022-02-09,KN-1,,,,
            v8,x1,citizen-reception,2022-02-09,,,,,red
            v9,x1,citizen-reception,2022-02-09,,12.5,false,2022-02-09,blue

            """)
        let project = p.load(asOf: day("2025-01-01"))
        checkAccounting(project)
        #expect(project.inputsValid, "\(project.diagnostics)")
        #expect(counts(project, "logs/a.csv") == [9, 4, 5, 0])
        #expect(places(project.diagnostics, "log.unknown-type") == ["logs/a.csv:3:1"])
        #expect(
            messages(project.diagnostics, "log.unknown-type").first?.contains("did you mean 'citizen-reception'")
                == true)
        #expect(
            places(project.diagnostics, "log.bad-attribute") == [
                "logs/a.csv:4:37", "logs/a.csv:5:38", "logs/a.csv:6:39",
            ])
        let bad = messages(project.diagnostics, "log.bad-attribute")
        #expect(
            bad.count == 3 && bad[0].contains("participants") && bad[1].contains("online") && bad[2].contains("held"))
        #expect(places(project.diagnostics, "log.missing-field") == ["logs/a.csv:7:1"])
        #expect(messages(project.diagnostics, "log.missing-field").first?.contains("ref") == true)
        let unknownAttribute = project.diagnostics.filter { $0.code == "log.unknown-attribute" }
        #expect(unknownAttribute.map(\.level) == [.warning])
        #expect(
            unknownAttribute.first?.location == ComplianceCore.SourceLocation(path: "logs/a.csv", line: 9, column: 1))
        #expect(events(project, ["citizen-reception", "complaint-accepted"]).map(\.id) == ["v1", "v7", "v8", "v9"])
    }
}
