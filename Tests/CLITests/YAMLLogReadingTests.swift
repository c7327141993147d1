import ComplianceTestSupport
import Foundation
import Testing

/// YAML logs read into byte batches (and a large one in chunks on both cores) give the reports of the
/// reading of before, record by record as `String`s (`DVCHECK_YAML_BY_TEXT=1`), byte for byte: the
/// same accepted and rejected records, ids, evidence lines, diagnostics and their positions.
struct YAMLLogReadingTests {
    /// A project with a vocabulary (typed attributes), two rules and the given YAML logs.
    static func project(logs: [String: [UInt8]]) -> TestProject {
        let p = TestProject().standardConfig(extra: "vocabulary: vocabulary.yaml\nas_of: 2025-12-31\n")
            .flatUnits(["x1", "x2", "x\u{E9}"])
        p.write(
            "vocabulary.yaml",
            "event_types:\n  citizen-reception: { title: T, attributes: { role: string, n: number, ok: boolean } }\n"
                + "  decision: { title: D, requires: [ref] }\n")
        p.write(
            "rules/r.yaml",
            ruleYAML(
                kindBody:
                    "kind: frequency\nevent: { type: citizen-reception, where: { role: head } }\nper: month\nat_least: 1"
            ))
        for (name, bytes) in logs { p.writeBytes("logs/\(name)", bytes) }
        return p
    }

    /// A log exercising what the batches read differently from strings: empty and null values, a
    /// field given twice under names that normalise alike, canonically equivalent keys, non-ASCII
    /// text, typed attributes, multi-line records, refusals of every kind, and checks that fail.
    static let tricky = """
        # a YAML log
        events:
          - {id: a1, unit: x1, type: citizen-reception, date: 2025-01-06, role: head}
          - id: a2
            unit: x2
            type: citizen-reception
            date: "2025-02-03"
            role: |
              head
            n: 3
          - {id: a3, unit: x1, type: citizen-reception, date: 2025-02-31, role: head}
          - {id: a4, unit: nowhere, type: citizen-reception, date: 2025-03-03}
          - {id: a5, unit: x1, type: citizen-reception, date: 2025-03-03, n: many}
          - {id: a6, unit: x1, type: citizen-reception, date: 2025-03-03, ok: "yes?"}
          - {id: a7, unit: x1, type: decision, date: 2025-03-03, ref: ""}
          - {id: a8, unit: x1, type: decision, date: 2025-03-03, ref: ~, ref2: 1}
          - {id: a9, unit: x1, type: citizen-reception, date: 2025-03-03, Id: ""}
          - {id: a10, unit: x1, type: citizen-reception, date: 2025-03-03, " ID ": a10b}
          - {id: a11, unit: x1, type: citizen-reception, date: 2025-03-03, note: "", role: "  head  "}
          - {id: a1, unit: x2, type: citizen-reception, date: 2025-03-03}
          - {id: a12, unit: x\u{E9}, type: citizen-reception, date: 2025-03-03, role: "Ti\u{1EBF}p"}
          - {id: a13, unit: xe\u{301}, type: citizen-reception, date: 2025-03-03, r\u{F4}le: x, ro\u{302}le: y}
          - {id: a14, unit: x1, type: citizen-reception, date: 2025-03-03, id: again}
          - {id: a15, unit: x1, type: citizen-reception, date: [2025-03-03]}
          - &anchor {id: a16, unit: x1, type: citizen-reception, date: 2025-03-03}
          - {id: a17, unit: x1, type: citizen-reception, date: !!str 2025-03-03, n: !!str 4}
          - {id: a18, unit: x1, type: unknown-type, date: 2025-03-03}
          - {id: a19, unit: x1, type: citizen-reception, date: 2030-01-01}
          - {id: a20, unit: x1, type: citizen-reception}
          - plain
          - {id: a21, unit: x1, type: citizen-reception, date: "2025-04-07T10:00:00+07:00", extra: ""}
          - {id: a22, unit: x1, type: citizen-reception, date: 2025-04-07, undeclared: v}

        """

    /// The report and the terminal output of one run.
    static func check(_ project: TestProject, byText: Bool, format: String) throws -> (Data, Data, Int32) {
        let run = try dvcheck(
            [
                "check", "--project", project.root, "--format", format, "--fail-on", "never",
                "--max-rejected", "100000",
            ],
            environment: byText ? ["DVCHECK_YAML_BY_TEXT": "1", "NO_COLOR": "1"] : ["NO_COLOR": "1"])
        // 2: a file error (or too many rejected records) makes the run untrusted; never a crash.
        #expect([0, 1, 2].contains(run.status), "\(run.err.prefix(500))")
        return (run.stdout, run.stderr, run.status)
    }

    @Test("tricky YAML logs give the reports of the reading by text", arguments: ["json", "text", "sarif"])
    func trickyLog(format: String) throws {
        let p = Self.project(logs: [
            "a.yaml": Array(Self.tricky.utf8),
            "b.yml": [0xEF, 0xBB, 0xBF] + Array(Self.tricky.replacingOccurrences(of: "\n", with: "\r\n").utf8),
            "c.yaml": Array(
                "events:\n  - {id: c1, unit: x1, type: citizen-reception, date: 2025-05-05}\n---\nevents: []\n".utf8),
            "d.yaml": Array(
                "events:\n  - {id: d1, unit: x1, type: citizen-reception, date: 2025-05-05}\n  - {id: d2, note: ".utf8)
                + [0xFF] + Array("}\n".utf8),
        ])
        let batches = try Self.check(p, byText: false, format: format)
        let text = try Self.check(p, byText: true, format: format)
        #expect(!batches.0.isEmpty)
        #expect(batches.0 == text.0, "the \(format) reports differ")
        #expect(batches.1 == text.1, "the terminal outputs differ")
        #expect(batches.2 == text.2, "the exit statuses differ")
        if format == "json" {
            let report = String(decoding: batches.0, as: UTF8.self)
            #expect(report.contains("log.bad-date") && report.contains("log.malformed-row"))
        }
    }

    @Test("a YAML log's refusals are written in the run's language (SPEC §10.9)")
    func refusalsInTheRunsLanguage() throws {
        let p = Self.project(logs: [
            "a.yaml": Array(Self.tricky.utf8),
            "c.yaml": Array(
                "events:\n  - {id: c1, unit: x1, type: citizen-reception, date: 2025-05-05}\n---\nevents: []\n".utf8),
            "e.yaml": Array("records: []\n".utf8),
        ])
        let arguments = ["check", "--project", p.root, "--format", "text", "--fail-on", "never"]
        let vi = String(
            decoding: try dvcheck(arguments + ["--language", "vi"], environment: ["NO_COLOR": "1"]).stderr,
            as: UTF8.self)
        for sentence in [
            "trường 'id' bị lặp (khai báo lần đầu ở dòng",
            "mỗi bản ghi phải là một ánh xạ (các cặp tên: giá trị); gặp một giá trị đơn",
            "giá trị của trường 'date' phải là một giá trị đơn; gặp một danh sách",
            "neo '&anchor' trong một bản ghi nhật ký",
            "mỗi nhật ký chỉ chứa một tài liệu", "khóa 'records' ở cấp cao nhất không hợp lệ",
        ] {
            #expect(vi.contains(sentence), "missing: \(sentence)\n\(vi)")
        }
        let english = [
            "duplicate field", "must be a mapping", "must be a scalar", "in a log record", "holds one document",
            "top-level key",
        ]
        for phrase in english { #expect(!vi.contains(phrase), "English in a Vietnamese run: \(phrase)") }
        let en = String(
            decoding: try dvcheck(arguments + ["--language", "en"], environment: ["NO_COLOR": "1"]).stderr,
            as: UTF8.self)
        for phrase in english { #expect(en.contains(phrase), "missing in English: \(phrase)") }
    }

    @Test("a YAML log large enough for chunks gives the report of the reading by text")
    func largeLog() throws {
        var text = "events:\n"
        var i = 0
        while text.utf8.count < 4_400_000 {
            i += 1
            switch i % 50 {
            case 7: text += "  - {id: e\(i), unit: x1, type: citizen-reception, date: 2025-02-30}\n"
            case 13: text += "  - {id: e\(i), unit: x2, type: citizen-reception, date: 2025-03-03, id: twice}\n"
            case 21:
                text +=
                    "  - id: e\(i)\n    unit: x2\n    type: citizen-reception\n    date: 2025-03-0\(i % 9 + 1)\n    role: head\n"
            default:
                text +=
                    "  - {id: e\(i), unit: x\(i % 2 + 1), type: citizen-reception, date: 2025-0\(i % 9 + 1)-1\(i % 9), role: head}\n"
            }
        }
        let p = Self.project(logs: ["big.yaml": Array(text.utf8)])
        let batches = try Self.check(p, byText: false, format: "json")
        let byText = try Self.check(p, byText: true, format: "json")
        #expect(batches.0 == byText.0, "the JSON reports differ")
        #expect(batches.1 == byText.1, "the terminal outputs differ")
        #expect(batches.2 == byText.2, "the exit statuses differ")
    }
}
