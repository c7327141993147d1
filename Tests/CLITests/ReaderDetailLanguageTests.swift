import Foundation
import Testing

/// What the input readers say about a broken file (libyaml, the workbook, the CSV reader, the system)
/// is written in the project language too; `--language en` writes it as before (SPEC §10.9).
@Suite("Reader details in the project language")
struct ReaderDetailLanguageTests {
    /// One broken input, with the code it raises and its diagnostic in each language.
    struct Case: Sendable, CustomStringConvertible {
        let file: String
        let contents: [UInt8]
        /// Passed as `--logs` (a log) or `--units` (a YAML file the loaders read whole).
        let option: String
        let code: String
        let english: String
        let vietnamese: String
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(
            file: "broken.yaml", contents: Array("events:\n  - {id: a, unit: x\n  - id: b\n".utf8), option: "--logs",
            code: "yaml.syntax",
            english: "did not find expected ',' or '}' (while parsing a flow mapping at line 2, column 5); "
                + "the file is skipped",
            vietnamese: "nhật ký YAML không hợp lệ: không tìm thấy dấu ',' hoặc '}' cần có "
                + "(khi đọc một ánh xạ trong ngoặc nhọn {…} bắt đầu ở dòng 2, cột 5); bỏ qua tệp này"),
        Case(
            file: "units-broken.yaml", contents: Array("units:\n  - id: a\n    name: x: y\n".utf8), option: "--units",
            code: "yaml.syntax", english: "mapping values are not allowed in this context",
            vietnamese: "lỗi YAML: không được đặt giá trị ánh xạ (sau dấu ':') ở vị trí này"),
        Case(
            file: "bad-utf8.yaml", contents: Array("events:\n  - id: a".utf8) + [0xFF] + Array("\n".utf8),
            option: "--logs", code: "yaml.invalid-utf8",
            english: "invalid leading UTF-8 octet 0xFF at byte offset 17; the file is skipped",
            vietnamese: "nhật ký YAML không hợp lệ: byte đầu của một ký tự UTF-8 không hợp lệ (giá trị 0xFF) "
                + "tại vị trí byte 17; bỏ qua tệp này"),
        Case(
            file: "broken.xlsx", contents: Array("not a zip at all".utf8), option: "--logs", code: "log.bad-workbook",
            english: "not a valid .xlsx workbook (ZIP): the file is too short; the file is skipped",
            vietnamese: "sổ tính không hợp lệ: không phải sổ tính .xlsx (ZIP) hợp lệ: tệp quá ngắn; bỏ qua tệp này"),
        Case(
            file: "wide.csv",
            contents: Array(("id,unit,type,date\n" + String(repeating: "x,", count: 1_499) + "x\n").utf8),
            option: "--logs", code: "log.malformed-row", english: "the record has more than 1000 cells",
            vietnamese: "bản ghi CSV sai định dạng: bản ghi có quá 1000 ô"),
        Case(
            file: "missing.csv", contents: [], option: "--logs", code: "config.missing-file",
            english: "'missing.csv' (from 'logs') does not exist",
            vietnamese: "'missing.csv' (từ 'logs') không tồn tại"),
    ]

    /// A copy of the sample project with `c`'s file written (except the missing one).
    private func project(for c: Case) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dvcheck-reader-" + UUID().uuidString)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("sample"), to: dir)
        if c.file != "missing.csv" {
            try Data(c.contents).write(to: dir.appendingPathComponent(c.file))
        }
        return dir
    }

    /// The message of the first diagnostic with `c`'s code, in the JSON report of a run in `language`.
    private func message(_ c: Case, language: String?) throws -> String {
        let dir = try project(for: c)
        defer { try? FileManager.default.removeItem(at: dir) }
        var arguments = ["check", "--project", ".", c.option, c.file, "--format", "json"]
        if let language { arguments += ["--language", language] }
        let run = try dvcheck(arguments, in: dir)
        #expect(run.status == 2, "\(c.file): \(run.err)")
        let doc = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let list = try #require(doc["diagnostics"] as? [[String: Any]])
        let d = try #require(list.first { $0["code"] as? String == c.code }, "\(c.file): no \(c.code) in \(list)")
        #expect(run.err.contains(try #require(d["message"] as? String)), "\(c.file): standard error differs")
        return try #require(d["message"] as? String)
    }

    /// The words (letters only, three or more) of `text`.
    private func words(_ text: String) -> Set<String> {
        Set(text.split { !$0.isLetter }.map(String.init).filter { $0.count >= 3 })
    }

    @Test(arguments: cases)
    func vietnameseRunsQuoteNoEnglishDetail(_ c: Case) throws {
        let vi = try message(c, language: nil)
        #expect(vi.hasPrefix(c.vietnamese) || vi == c.vietnamese, "\(c.file): \(vi)")
        // File names, format names, hexadecimal values and "byte" (a Vietnamese word too) are the same in
        // both languages; no other English word is left.
        let shared: Set<String> = [
            "bad", "broken", "units", "yaml", "xlsx", "wide", "csv", "missing", "logs", "ZIP", "YAML", "CSV", "UTF",
            "xFF", "byte",
        ]
        let leaked = words(vi).intersection(words(c.english)).subtracting(shared)
        #expect(leaked.isEmpty, "\(c.file): English words \(leaked.sorted()) in “\(vi)”")
    }

    @Test(arguments: cases)
    func englishRunsAreUnchanged(_ c: Case) throws {
        let en = try message(c, language: "en")
        #expect(en.hasPrefix(c.english), "\(c.file): \(en)")
    }

    @Test func aReportThatCannotBeWrittenSaysTheSystemsReasonInTheProjectLanguage() throws {
        let target = "/nonexistent-dvcheck-\(UUID().uuidString)/report.txt"
        let sample = fixtures.appendingPathComponent("sample")
        let vi = try dvcheck(["check", "--project", ".", "--output", target], in: sample)
        #expect(vi.status == 2)
        #expect(
            vi.err.contains("không ghi được báo cáo (ghi không thành công: không có tệp hoặc thư mục này)"), "\(vi.err)"
        )
        let en = try dvcheck(["check", "--project", ".", "--output", target, "--language", "en"], in: sample)
        #expect(en.status == 2)
        #expect(
            en.err.contains("the report could not be written (writing failed: No such file or directory)"), "\(en.err)")
    }
}
