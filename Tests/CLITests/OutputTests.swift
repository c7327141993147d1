import Foundation
import Testing

private let sample = fixtures.appendingPathComponent("sample")

@Test(arguments: [[String: String](), ["NO_COLOR": "1"]])
func textOutputHasNoANSIEscapesWhenNotATerminal(environment: [String: String]) throws {
    let run = try dvcheck(["check", "--project", ".", "--include-satisfied"], in: sample, environment: environment)
    #expect(run.status == 1)
    #expect(!run.out.isEmpty)
    #expect(!run.out.contains("\u{1B}"))
    #expect(!run.err.contains("\u{1B}"))
}

@Test(arguments: ["text", "json"])
func outputFileHoldsTheSameBytesAsStandardOutput(format: String) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dvcheck-out-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("report." + format)
    let toStdout = try dvcheck(["check", "--project", ".", "--format", format], in: sample)
    let toFile = try dvcheck(["check", "--project", ".", "--format", format, "--output", file.path], in: sample)
    #expect(toFile.status == toStdout.status)
    #expect(toFile.stdout.isEmpty)
    #expect(FileManager.default.contents(atPath: file.path) == toStdout.stdout)
}

@Test func anUnwritableReportIsAnErrorWithExitTwoAndLeavesNoFileBehind() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dvcheck-out-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    // A report path inside a regular file cannot be created, whoever runs the test.
    let blocker = dir.appendingPathComponent("file")
    try Data("x".utf8).write(to: blocker)
    let run = try dvcheck(
        ["check", "--project", ".", "--format", "json", "--output", blocker.path + "/report.json"], in: sample)
    #expect(run.status == 2)
    #expect(run.err.contains("[output.write-failed]"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["file"])
}

@Test func aReportReplacesTheOldOneAndNoTemporaryFileRemains() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dvcheck-out-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("report.json")
    try Data(String(repeating: "old ", count: 100_000).utf8).write(to: file)
    let run = try dvcheck(["check", "--project", ".", "--format", "json", "--output", file.path], in: sample)
    #expect(run.status == 1)
    let written = try #require(FileManager.default.contents(atPath: file.path))
    #expect(written.starts(with: Data("{".utf8)))
    #expect(!String(decoding: written, as: UTF8.self).contains("old "))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.json"])
}

@Test func languageOptionSwitchesTheLabels() throws {
    let vi = try dvcheck(["check", "--project", ".", "--language", "vi"], in: sample)
    let en = try dvcheck(["check", "--project", ".", "--language", "en"], in: sample)
    #expect(vi.out.contains("VI PHẠM"))
    #expect(vi.out.contains("Tổng cộng:"))
    #expect(vi.out.contains("Tính đến ngày 10/07/2024"))
    #expect(!vi.out.contains("VIOLATED"))
    #expect(en.out.contains("VIOLATED"))
    #expect(en.out.contains("Summary:"))
    #expect(en.out.contains("As of 2024-07-10"))
    #expect(!en.out.contains("VI PHẠM"))
    // Rule titles follow the language too.
    #expect(vi.out.contains("Chủ tịch UBND xã tiếp công dân hằng tháng"))
    #expect(en.out.contains("Commune chairman receives citizens monthly"))
}

@Test func textReportEndsWithASummaryLine() throws {
    let run = try dvcheck(["check", "--project", ".", "--language", "en"], in: sample)
    let last = run.out.split(separator: "\n").last.map(String.init) ?? ""
    #expect(
        last.wholeMatch(
            of:
                /Summary: \d+ evaluated · \d+ satisfied · \d+ violated \(2 of guidance rules\) · \d+ pending · 1 waived \(6 rules, 4 units\)/
        )
            != nil, "\(last)")
}

@Test func rulesListFiltersByBindingAndShowsIt() throws {
    let run = try dvcheck(["rules", "list", "--project", ".", "--binding", "guidance", "--language", "en"], in: sample)
    #expect(run.status == 0, "stderr: \(run.err)")
    let lines = run.out.split(separator: "\n")
    #expect(lines.first?.hasPrefix("ID ") == true)
    #expect(lines.first?.contains("BINDING") == true)
    #expect(lines.dropFirst().first?.hasPrefix("G-SINH-HOAT  regularity  info      guidance") == true)
    #expect(lines.last == "1 rules")
    let law = try dvcheck(["rules", "list", "--project", ".", "--binding", "law"], in: sample)
    #expect(law.out.hasSuffix("5 rules\n"))
}

@Test func explainNamesTheRulesBinding() throws {
    let text = try dvcheck(
        ["explain", "--project", ".", "--rule", "G-SINH-HOAT", "--unit", "bk.pn.x1.cb1"], in: sample)
    #expect(text.status == 0, "stderr: \(text.err)")
    // The sample project is Vietnamese: explain's frame is too (SPEC §10.9); English on request.
    #expect(text.out.hasPrefix("Quy tắc G-SINH-HOAT — "))
    #expect(text.out.split(separator: "\n").first?.hasSuffix("[regularity, hướng dẫn]") == true)
    let english = try dvcheck(
        ["explain", "--project", ".", "--rule", "G-SINH-HOAT", "--unit", "bk.pn.x1.cb1", "--language", "en"],
        in: sample)
    #expect(english.out.hasPrefix("Rule G-SINH-HOAT — "))
    #expect(english.out.split(separator: "\n").first?.hasSuffix("[regularity, guidance]") == true)
    let json = try dvcheck(
        ["explain", "--project", ".", "--rule", "G-SINH-HOAT", "--unit", "bk.pn.x1.cb1", "--format", "json"], in: sample
    )
    #expect(json.json["binding"] as? String == "guidance")
}

@Test func theProjectNameReachesTheTextReportEscaped() throws {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("dvcheck-name-\(UUID().uuidString)")
    let folder = parent.appendingPathComponent("sample")
    try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: parent) }
    try FileManager.default.copyItem(at: sample, to: folder)
    // `name:` of dvcheck.yaml heads the reports (SPEC §10.5); an escape sequence in it stays visible text.
    let config = folder.appendingPathComponent("dvcheck.yaml")
    let original = try String(contentsOf: config, encoding: .utf8)
    try ("name: \"Bắc Kạn \\e[31m2025\"\n" + original).write(to: config, atomically: true, encoding: .utf8)
    let text = try dvcheck(["check", "--project", "."], in: folder)
    #expect(
        text.out.hasPrefix("dvcheck — Bắc Kạn \\u{1B}[31m2025 — Tính đến ngày 10/07/2024\n"), "\(text.out.prefix(80))")
    #expect(!text.out.contains("\u{1B}"))
    let html = try dvcheck(["check", "--project", ".", "--format", "html"], in: folder)
    #expect(html.out.contains("<dd>Bắc Kạn "))
}
