import Foundation
import Testing

/// What the system, SQLite and Foundation say when a file cannot be used (a history that is not a
/// database, a result that is not JSON, a --diagnostics file that cannot be written, a starter
/// project that cannot be created) is written in the run's language; `--language en` keeps English
/// (SPEC §10.9).
@Suite("System, SQLite and Foundation errors in the run's language")
struct SystemTextLanguageTests {
    /// A copy of the sample project (language: vi) with `files` written into it.
    private func project(_ files: [String: String] = [:]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dvcheck-systext-" + UUID().uuidString)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("sample"), to: dir)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    /// The words (letters only, three or more) of `text`.
    private func words(_ text: String) -> Set<String> {
        Set(text.split { !$0.isLetter }.map(String.init).filter { $0.count >= 3 })
    }

    /// Expects `vi` to hold `expected` and none of the English words of `english` (but `shared`).
    private func expectVietnamese(
        _ vi: String, _ expected: String, noneOf english: String, shared: Set<String> = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(vi.contains(expected), "\(vi)", sourceLocation: sourceLocation)
        var line = vi.split(separator: "\n").first { $0.contains("error:") }.map(String.init) ?? vi
        line = line.replacingOccurrences(of: #" \[[a-z.-]+\]$"#, with: "", options: .regularExpression)
        let leaked = words(line).intersection(words(english)).subtracting(shared.union(["error"]))
        #expect(leaked.isEmpty, "English words \(leaked.sorted()) in “\(line)”", sourceLocation: sourceLocation)
    }

    @Test func aHistoryThatIsNotAnSQLiteDatabase() throws {
        let dir = try project(["notes.sqlite": String(repeating: "not a database, only text. ", count: 20)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let vi = try dvcheck(["check", "--project", ".", "--history", "notes.sqlite"], in: dir)
        #expect(vi.status == 2)
        expectVietnamese(
            vi.err, "không mở được tệp lịch sử 'notes.sqlite': tệp không phải cơ sở dữ liệu SQLite",
            noneOf: "cannot open the history file: file is not a database", shared: ["notes", "sqlite", "SQLite"])
        let shown = try dvcheck(["history", "--history", "notes.sqlite"], in: dir)
        #expect(shown.status == 2)
        #expect(shown.err.contains("tệp không phải cơ sở dữ liệu SQLite"), "\(shown.err)")
        let en = try dvcheck(["check", "--project", ".", "--history", "notes.sqlite", "--language", "en"], in: dir)
        #expect(en.status == 2)
        #expect(
            en.err.contains("cannot open the history file 'notes.sqlite': the file is not an SQLite database"),
            "\(en.err)")
    }

    @Test func reportOnAFileThatIsNotAResult() throws {
        let dir = try project(["notes.txt": "minutes of the meeting\n", "other.json": #"{"schema": "other/v2"}"#])
        defer { try? FileManager.default.removeItem(at: dir) }
        let vi = try dvcheck(["report", "notes.txt"], in: dir)
        #expect(vi.status == 2)
        // Foundation's own sentence ("The data couldn’t be read…") is not quoted either.
        expectVietnamese(
            vi.err, "'notes.txt' không phải kết quả của dvcheck: không phải JSON",
            noneOf:
                "is not a dvcheck result: not JSON. The data couldn't be read because it isn't in the correct format",
            shared: ["notes", "txt", "dvcheck", "JSON"])
        let schema = try dvcheck(["report", "other.json"], in: dir)
        #expect(schema.status == 2)
        #expect(
            schema.err.contains("không phải tài liệu dvcheck.result/v1 (schema là other/v2)"), "\(schema.err)")
        let en = try dvcheck(["report", "notes.txt", "--language", "en"], in: dir)
        #expect(en.status == 2)
        #expect(en.err.contains("'notes.txt' is not a dvcheck result: not JSON"), "\(en.err)")
        let baseline = try dvcheck(["check", "--project", ".", "--baseline", "notes.txt"], in: dir)
        #expect(baseline.status == 2)
        #expect(
            baseline.err.contains("--baseline 'notes.txt' không hợp lệ: không phải một đối tượng JSON"),
            "\(baseline.err)")
    }

    @Test func diagnosticsIntoAMissingFolder() throws {
        let target = "/nonexistent-dvcheck-\(UUID().uuidString)/d.jsonl"
        let sample = fixtures.appendingPathComponent("sample")
        let vi = try dvcheck(["check", "--project", ".", "--diagnostics", target], in: sample)
        #expect(vi.status == 2)
        expectVietnamese(
            vi.err, "không ghi được --diagnostics '\(target)' (không có tệp hoặc thư mục này)",
            noneOf: "cannot be written (No such file or directory)", shared: ["nonexistent", "dvcheck", "jsonl"])
        let report = try dvcheck(["report", "nowhere.json", "--diagnostics", target], in: sample)
        #expect(report.status == 2)
        #expect(report.err.contains("(không có tệp hoặc thư mục này)"), "\(report.err)")
        let en = try dvcheck(["check", "--project", ".", "--diagnostics", target, "--language", "en"], in: sample)
        #expect(en.status == 2)
        #expect(en.err.contains("--diagnostics '\(target)' cannot be written (No such file or directory)"), "\(en.err)")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func diagnosticsOntoAFullDevice() throws {
        let sample = fixtures.appendingPathComponent("sample")
        // A missing unit registry makes one diagnostic to write; /dev/full refuses every write.
        let arguments = ["check", "--project", ".", "--units", "unit.yaml", "--diagnostics", "/dev/full"]
        let vi = try dvcheck(arguments, in: sample)
        #expect(vi.status == 2)
        expectVietnamese(
            vi.err, "ghi --diagnostics '/dev/full' không thành công (thiết bị lưu trữ đã hết chỗ trống)",
            noneOf: "could not be written (No space left on device)", shared: ["dev", "full"])
        let en = try dvcheck(arguments + ["--language", "en"], in: sample)
        #expect(en.status == 2)
        #expect(
            en.err.contains("--diagnostics '/dev/full' could not be written (No space left on device)"), "\(en.err)")
    }

    @Test func initWhereAFileStandsInThePath() throws {
        let dir = try project(["plain": "a file, not a folder\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let vi = try dvcheck(["init", "plain/starter"], in: dir)
        #expect(vi.status == 2)
        expectVietnamese(
            vi.err, "không ghi được dự án khởi tạo vào 'plain/starter' (một phần của đường dẫn không phải là thư mục)",
            noneOf: "could not write the starter project: The operation could not be completed. Not a directory",
            shared: ["plain", "starter"])
        let en = try dvcheck(["init", "plain/starter", "--language", "en"], in: dir)
        #expect(en.status == 2)
        #expect(
            en.err.contains("could not write the starter project into 'plain/starter' (Not a directory)"), "\(en.err)")
        #expect(!en.err.contains("Error Domain"), "\(en.err)")
    }

    @Test func validatesSummaryLine() throws {
        let sample = fixtures.appendingPathComponent("sample")
        let vi = try dvcheck(["validate", "--project", "."], in: sample)
        let pattern = #"^\d+ quy tắc, \d+ đơn vị, \d+ sự kiện: \d+ lỗi, \d+ cảnh báo\n"#
        #expect(vi.out.range(of: pattern, options: .regularExpression) != nil, "\(vi.out)")
        // validate has no --language: an English project.
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("dvcheck.yaml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "language: vi", with: "language: en").utf8).write(to: config)
        let en = try dvcheck(["validate", "--project", "."], in: dir)
        #expect(en.status == vi.status)
        #expect(
            en.out.range(
                of: #"^\d+ rules, \d+ units, \d+ events: \d+ errors, \d+ warnings\n"#, options: .regularExpression)
                != nil, "\(en.out)")
    }

    @Test func resultsThatAreNotShardsOfOneAudit() throws {
        let dir = try project()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, day) in [("a.json", "2024-07-10"), ("b.json", "2024-07-11")] {
            let run = try dvcheck(
                ["check", "--project", ".", "--as-of", day, "--format", "json", "--output", name], in: dir)
            #expect(run.status == 0 || run.status == 1, "\(run.err)")
        }
        let vi = try dvcheck(["report", "a.json", "b.json"], in: dir)
        #expect(vi.status == 2)
        expectVietnamese(
            vi.err, "b.json và a.json không phải các phần của cùng một cuộc kiểm tra: ngày tính đến khác nhau",
            noneOf: "are not shards of one audit: as-of dates differ", shared: ["json"])
        let en = try dvcheck(["report", "a.json", "b.json", "--language", "en"], in: dir)
        #expect(en.err.contains("b.json and a.json are not shards of one audit: as-of dates differ"), "\(en.err)")
    }
}
