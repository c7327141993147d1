import ComplianceTestSupport
import Foundation
import Testing

/// The workbook fixtures of the reader's own tests (`Scripts/make_xlsx_fixtures.py`).
private let workbookFixtures = fixtures.deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("XLSXSupportTests/Fixtures")

/// `.xlsx` logs through the real binary (SPEC §10.7): positions, sheets, counts, skipped files.
@Suite("Excel workbook logs")
struct XLSXLogTests {
    /// A project whose logs are the given fixtures (renamed) plus any extra files.
    func project(_ workbooks: [String: String], extra: [String: String] = [:]) throws -> TestProject {
        let project = TestProject().standardConfig().flatUnits(["x1"])
        project.write(
            "rules/r.yaml",
            """
            rules:
              - id: F-M
                source: { document: "d", clause: "1" }
                title: Monthly reception
                severity: high
                applies_to: { level: commune }
                effective: { from: 2023-01-01 }
                kind: frequency
                event: { type: citizen-reception }
                per: month
                at_least: 1

            """)
        for (name, fixture) in workbooks {
            project.writeBytes(
                "logs/" + name, [UInt8](try Data(contentsOf: workbookFixtures.appendingPathComponent(fixture))))
        }
        for (name, text) in extra { project.write(name, text) }
        return project
    }

    func diagnostics(_ result: RunResult) -> [[String: Any]] { result.json["diagnostics"] as? [[String: Any]] ?? [] }

    func logs(_ result: RunResult) -> [[String: Any]] {
        (result.json["inputs"] as? [String: Any])?["logs"] as? [[String: Any]] ?? []
    }

    @Test("rows, columns and sheets in JSON and on standard error; read = accepted + rejected")
    func positions() throws {
        let p = try project(
            ["book.xlsx": "handmade-features.xlsx"],
            extra: [
                "logs/~$book.xlsx": "owner", "logs/z.csv": "id,unit,type,date\np1,x1,citizen-reception,2023-03-21\n",
            ])
        let result = try dvcheck(["check", "--project", p.root, "--as-of", "2023-05-15", "--format", "json"])
        let found = diagnostics(result).map {
            "\($0["code"] ?? "") \($0["path"] ?? "") \($0["line"] ?? "-"):\($0["column"] ?? "-") \($0["sheet"] ?? "-")"
        }
        #expect(
            found == [
                "log.bad-date logs/book.xlsx 3:4 Features",
                "log.bad-cell logs/book.xlsx 4:5 Features",
                "log.bad-cell logs/book.xlsx 5:6 Features",
                "log.bad-date logs/book.xlsx 6:4 Features",  // a text date: the date cell itself (SPEC §10.0)
                "log.unheaded-cells logs/book.xlsx 1048576:16384 Features",
                "log.duplicate-id logs/z.csv 2:1 -",
                "log.file-skipped logs/~$book.xlsx -:- -",
            ], "\(found)")
        let book = logs(result).first { $0["path"] as? String == "logs/book.xlsx" }
        #expect(book?["read"] as? Int == 6)
        #expect(book?["accepted"] as? Int == 2)
        #expect(book?["rejected"] as? Int == 4)
        #expect(!logs(result).contains { ($0["path"] as? String)?.contains("~$") == true })
        #expect(result.err.contains("logs/book.xlsx:4:5: error: sheet 'Features': cell E4 holds the error value #N/A"))
        // A workbook has no text lines to quote under a diagnostic.
        #expect(!result.err.contains("PK"))
    }

    @Test("1904 dates, a title row, a hidden sheet skipped with a warning, a formula without its value")
    func openpyxl1904() throws {
        let p = try project(["so.xlsx": "openpyxl-1904.xlsx"])
        let result = try dvcheck([
            "check", "--project", p.root, "--as-of", "2023-05-15", "--format", "json", "--max-rejected", "5",
        ])
        let found = diagnostics(result).map {
            "\($0["code"] ?? "") \($0["line"] ?? "-"):\($0["column"] ?? "-") \($0["sheet"] ?? "-")"
        }
        #expect(found == ["log.bad-cell 6:5 Sổ 1904", "log.sheet-skipped 1:1 Ẩn"], "\(found)")
        let so = logs(result).first
        #expect(so?["read"] as? Int == 3)
        #expect(so?["accepted"] as? Int == 2)
        // e1 (2023-03-15, a 1904 serial) and e2 (2023-04-02) make March and April; e3 is rejected.
        let findings = result.json["findings"] as? [[String: Any]] ?? []
        let violated = findings.filter { $0["status"] as? String == "violated" }.compactMap { $0["period"] as? String }
        #expect(violated.sorted() == ["2023-01", "2023-02"], "\(violated)")
    }

    @Test("a hostile workbook is one file error, counted once, and the other logs are read")
    func hostile() throws {
        let p = try project([
            "bomb.xlsx": "zip-bomb.xlsx", "entities.xlsx": "entity-expansion.xlsx", "plain.xlsx": "not-a-zip.xlsx",
            "order.xlsx": "cells-out-of-order.xlsx", "ok.xlsx": "libreoffice-shared-formulas.xlsx",
        ])
        let result = try dvcheck(["check", "--project", p.root, "--as-of", "2023-05-15", "--format", "json"])
        let codes = Dictionary(
            diagnostics(result).compactMap { d in (d["path"] as? String).map { ($0, d["code"] as? String ?? "") } },
            uniquingKeysWith: { a, _ in a })
        #expect(codes["logs/bomb.xlsx"] == "log.limit")
        #expect(codes["logs/entities.xlsx"] == "log.bad-workbook")
        #expect(codes["logs/plain.xlsx"] == "log.bad-workbook")
        #expect(codes["logs/order.xlsx"] == "log.bad-workbook")
        for entry in logs(result) where entry["path"] as? String != "logs/ok.xlsx" {
            #expect(entry["read"] as? Int == 0)
        }
        let ok = logs(result).first { $0["path"] as? String == "logs/ok.xlsx" }
        #expect(ok?["read"] as? Int == 4)
        #expect(ok?["accepted"] as? Int == 2)
        #expect(result.status == 2 || result.status == 1)
    }
}
