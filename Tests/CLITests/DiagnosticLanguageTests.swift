import Foundation
import Testing

/// Diagnostics' messages follow the project language; codes and levels, which machines read, do not
/// (SPEC §10.9, docs/semantics.md).
@Suite("Diagnostics in the project language")
struct DiagnosticLanguageTests {
    let sample = fixtures.appendingPathComponent("sample")

    private func firstDiagnostic(_ out: String) throws -> [String: Any] {
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let list = try #require(doc["diagnostics"] as? [[String: Any]])
        return try #require(list.first { $0["code"] as? String == "config.missing-file" })
    }

    @Test func aVietnameseProjectWritesVietnameseMessagesOnStandardErrorAndInJSON() throws {
        let run = try dvcheck(["check", "--project", ".", "--units", "unit.yaml", "--format", "json"], in: sample)
        #expect(run.status == 2)
        #expect(run.err.contains(": error: 'unit.yaml' (từ 'units') không tồn tại"), "\(run.err)")
        #expect(run.err.contains("[config.missing-file]"))
        let d = try firstDiagnostic(run.out)
        #expect(d["level"] as? String == "error")
        #expect((d["message"] as? String)?.contains("không tồn tại") == true, "\(d)")
    }

    @Test func languageEnWritesEnglishWithTheSameCodes() throws {
        let run = try dvcheck(
            ["check", "--project", ".", "--units", "unit.yaml", "--format", "json", "--language", "en"], in: sample)
        #expect(run.status == 2)
        #expect(run.err.contains(": error: 'unit.yaml' (from 'units') does not exist"), "\(run.err)")
        let d = try firstDiagnostic(run.out)
        #expect((d["message"] as? String)?.contains("does not exist") == true, "\(d)")
    }

    @Test func beforeTheConfigurationIsReadMessagesAreEnglish() throws {
        let run = try dvcheck(["validate", "--config", "nowhere/dvcheck.yaml"], in: sample)
        #expect(run.status == 2)
        #expect(run.err.contains("no such project folder 'nowhere'"), "\(run.err)")
    }
}
