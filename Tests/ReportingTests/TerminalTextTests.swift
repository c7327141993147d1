import ComplianceCore
import Testing

@testable import Reporting

/// The escaping that keeps input text from steering a terminal, and the links a report may carry.
@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("\u{1B}[2J", "\\u{1B}[2J"),
        ("\u{1B}]8;;http://x\u{07}", "\\u{1B}]8;;http://x\\u{7}"),
        ("a\u{9B}b\u{85}c\u{7F}", "a\\u{9B}b\\u{85}c\\u{7F}"),
        ("\u{202E}abc\u{202C}", "\\u{202E}abc\\u{202C}"),
        ("\u{2066}x\u{2069}\u{200F}", "\\u{2066}x\\u{2069}\\u{200F}"),
        ("line\nnext\ttab\r", "line\\u{A}next\\u{9}tab\\u{D}"),
        ("Tỉnh ủy Bắc Kạn \\ 50%", "Tỉnh ủy Bắc Kạn \\ 50%"),
        ("\u{0}", "\\u{0}"),
    ])
    func escapesControlAndBidiCharacters(_ input: String, _ expected: String) {
        #expect(TerminalText.escaped(input) == expected)
    }

    @Test func keepingLinesKeepsLineFeedsAndTabsOnly() {
        #expect(TerminalText.escaped("a\nb\tc\u{1B}d\r", keepingLines: true) == "a\nb\tc\\u{1B}d\\u{D}")
    }

    /// A diagnostic's path, message and source line are escaped, and the caret moves with the escapes.
    @Test func diagnosticRendererEscapesAndKeepsTheCaretUnderTheColumn() {
        let d = Diagnostic.error(
            .logUnknownUnit, Message(.unknownUnit, ["unit": "\u{1B}[31mX"]),
            at: SourceLocation(path: "logs/\u{202E}a.csv", line: 2, column: 4))
        let text = DiagnosticRenderer.render(d, color: false, sourceLine: { _, _ in "e\u{1B}1,\u{1B}[31mX,t" })
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "logs/\\u{202E}a.csv:2:4: error: unknown unit '\\u{1B}[31mX' [log.unknown-unit]")
        #expect(lines[1] == "  e\\u{1B}1,\\u{1B}[31mX,t")
        // Column 4 is the first comma, after "e", ESC and "1": shown as 1 + 6 + 1 characters before it.
        #expect(lines[2] == "  " + String(repeating: " ", count: 8) + "^")
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    }

    @Test(arguments: [
        ("https://thuvienphapluat.vn/van-ban/a.aspx", true),
        ("HTTP://example.org/x", true),
        ("javascript:alert(1)", false),
        ("data:text/html,<script>", false),
        ("file:///etc/passwd", false),
        ("https:///path-without-host", false),
        ("https://exa mple.org", false),
        ("https://example.org/\u{1B}[2J", false),
        ("  https://example.org", false),
        ("ftp://example.org", false),
    ])
    func onlyHTTPLinksPass(_ url: String, _ passes: Bool) {
        #expect((WebLink.httpURL(url) != nil) == passes)
    }
}
