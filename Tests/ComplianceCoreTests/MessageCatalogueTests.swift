import ComplianceCore
import Foundation
import Testing

@Suite("Message catalogues: every sentence in both languages, codes documented from one table")
struct MessageCatalogueTests {
    @Test func everyKeyHasBothLanguagesWithTheSameArguments() throws {
        for key in MessageKey.allCases {
            let en = try #require(MessageCatalogue.template(key, in: .en), "no English for \(key)")
            let vi = try #require(MessageCatalogue.template(key, in: .vi), "no Vietnamese for \(key)")
            #expect(
                MessageCatalogue.argumentNames(en) == MessageCatalogue.argumentNames(vi),
                "\(key): the languages name different arguments")
            #expect(vi == vi.precomposedStringWithCanonicalMapping, "\(key): Vietnamese text is not NFC")
        }
    }

    @Test func vietnameseSentencesAreTranslated() throws {
        // A template left in English would pass the test above: sentences of words must differ.
        for key in MessageKey.allCases {
            let en = try #require(MessageCatalogue.template(key, in: .en))
            let words = en.replacingOccurrences(of: #"\{[a-zA-Z]+\}"#, with: "", options: .regularExpression)
            guard words.contains(where: \.isLetter) else { continue }
            #expect(MessageCatalogue.template(key, in: .vi) != en, "\(key) reads the same in both languages")
        }
    }

    @Test func argumentsAndSuggestionsAreWrittenInTheLanguageAsked() {
        let message =
            Message(.unknownKey, ["key": "at_leats", "what": "rule"])
            + Suggestions.didYouMean(
                "at_leats", in: ["at_least", "at_most"])
        #expect(message.text(in: .en) == "unknown key 'at_leats' in rule (did you mean 'at_least'?)")
        #expect(message.text(in: .vi) == "khóa 'at_leats' không có trong quy tắc (có phải là 'at_least'?)")
    }

    @Test func nestedSentencesFollowTheWholeSentencesLanguage() {
        let range = Message(.rangeFromTo, ["from": "2024-01-01", "to": "2024-12-31"])
        let message = Message(.selectsNoLivingUnit, ["count": "2", "rule": "r1"], nested: ["range": range])
        #expect(message.text(in: .en).contains("(from 2024-01-01 to 2024-12-31)"))
        #expect(message.text(in: .vi).contains("(từ 01/01/2024 đến 31/12/2024)"))
    }

    @Test func diagnosticsKeepTheirCodeAndLevelAndReadInBothLanguages() {
        let d = Diagnostic.error(.configUnknownKey, Message(.unknownKey, ["key": "x", "what": "dvcheck.yaml"]))
        #expect(d.code == "config.unknown-key")
        #expect(d.level == .error)
        #expect(d.message == "unknown key 'x' in dvcheck.yaml")
        #expect(d.message(in: .vi) == "khóa 'x' không có trong dvcheck.yaml")
        #expect(
            Diagnostic(omitted: 3, level: .error, code: "log.bad-date", path: "a.csv").message(in: .vi)
                == "còn 3 chẩn đoán tương tự")
    }

    @Test func everyCodeIsCataloguedOnceWithItsLevel() {
        let names = DiagnosticCatalogue.all.map(\.rawValue)
        #expect(Set(names).count == names.count)
        for code in DiagnosticCatalogue.all {
            #expect(code.rawValue.range(of: #"^[a-z]+\.[a-z0-9-]+$"#, options: .regularExpression) != nil)
            #expect(!code.meaning.isEmpty)
            #expect(DiagnosticCode.named(code.rawValue).level == code.level)
        }
    }

    @Test func docsDiagnosticsPageIsTheOneGeneratedFromTheCatalogue() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let page = try String(contentsOf: root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        #expect(
            DiagnosticCatalogue.filling(page) == page,
            "docs/diagnostics.md differs from the code catalogue: run Scripts/update_catalogue.sh")
        for section in DiagnosticCatalogue.sections {
            #expect(page.contains("<!-- BEGIN GENERATED: \(section) -->"), "no table for section \(section)")
        }
        for code in DiagnosticCatalogue.all { #expect(page.contains("`\(code.rawValue)`")) }
    }

    @Test func aChangedMeaningMakesThePageStale() {
        let page = "intro\n<!-- BEGIN GENERATED: init -->\n| old |\n<!-- END GENERATED: init -->\nafter\n"
        let filled = DiagnosticCatalogue.filling(page)
        #expect(filled != page)
        #expect(filled.hasPrefix("intro\n<!-- BEGIN GENERATED: init -->\n| code | level | meaning |"))
        #expect(filled.contains("`init.not-empty`"))
        #expect(filled.hasSuffix("<!-- END GENERATED: init -->\nafter\n"))
    }

    @Test func theReadersFixedDetailsReadInVietnamese() {
        let message = Message(.jsonMalformed, ["detail": "missing value"])
        #expect(message.text(in: .en).contains("missing value"))
        #expect(message.text(in: .vi).contains("thiếu giá trị"))
        #expect(!message.text(in: .vi).contains("missing value"))
    }
}
