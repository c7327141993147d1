import ArgumentParser
import ComplianceCore
import Foundation
import Ingest
import Reporting

/// Terminal facts and stderr output: the only place that asks whether colour is wanted.
enum Terminal {
    /// Colour only on a terminal and never with NO_COLOR.
    static func colorWanted(fd: Int32) -> Bool {
        isatty(fd) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Writes text to standard error (a closed standard error is ignored).
    static func writeError(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { try? AtomicFile.writeAll(2, $0) }
    }

    /// One line on standard error saying where `--output` put the report, only for a person at a
    /// terminal (scripts and CI logs keep a quiet standard error).
    static func announceReport(at path: String, bytes: Int, language: Language) {
        guard isatty(2) == 1 else { return }
        let absolute = PathResolution.absolute(path, base: PathResolution.currentDirectory)
        writeError(
            language == .vi
                ? "Đã ghi báo cáo vào \(absolute) (\(bytes) byte)\n"
                : "Report written to \(absolute) (\(bytes) bytes)\n")
    }

    /// Prints diagnostics compiler-style, paths relative to the current folder; `excerpts: false`
    /// leaves out the offending source lines (`report` reads no input file).
    static func printDiagnostics(
        _ diagnostics: [Diagnostic], baseDir: String, excerpts: Bool = true, language: Language = .en
    ) {
        let color = colorWanted(fd: 2)
        let cwd = PathResolution.currentDirectory
        var cache: [String: [Substring]] = [:]
        var text = ""
        // At most 20 per code and file, then one line saying how many more (SPEC §10.6).
        for d in BoundedDiagnostics.limited(diagnostics, to: BoundedDiagnostics.shownPerGroup) {
            text += DiagnosticRenderer.render(
                d, color: color, language: language,
                displayPath: { PathResolution.relative(PathResolution.absolute($0, base: baseDir), to: cwd) },
                sourceLine: { path, line in
                    guard excerpts else { return nil }
                    let abs = PathResolution.absolute(path, base: baseDir)
                    // A workbook is binary: it has rows, not lines to quote.
                    if abs.lowercased().hasSuffix(".xlsx") { return nil }
                    if cache[abs] == nil {
                        let size = (try? FileManager.default.attributesOfItem(atPath: abs))?[.size] as? Int ?? 0
                        guard size < 8 << 20, let data = FileManager.default.contents(atPath: abs) else { return nil }
                        cache[abs] = String(decoding: data, as: UTF8.self).split(
                            separator: "\n", omittingEmptySubsequences: false)
                    }
                    guard let lines = cache[abs], line - 1 < lines.count else { return nil }
                    return String(lines[line - 1]).trimmingCharacters(in: .init(charactersIn: "\r"))
                })
        }
        writeError(text)
    }
}

/// Writes a report to a file atomically (temporary file, then rename) or to standard output.
///
/// A report that cannot be written is an `output.write-failed` error and exit 2, whatever the
/// command: exit 1 would read as "violations found" to a scheduled audit.
enum OutputWriter {
    static func write(_ text: String, to path: String?, language: Language = .en) throws {
        try write(Data(text.utf8), to: path, language: language)
    }

    /// Writes a plain-text listing the tool lays out itself (explain, test, history, rules): lines
    /// and tabs stay, every other control or bidirectional character from the inputs is escaped.
    static func writeText(_ text: String, to path: String?, language: Language = .en) throws {
        try write(Data(TerminalText.escaped(text, keepingLines: true).utf8), to: path, language: language)
    }

    /// Writes what `render` hands its sink as it comes; returns how many bytes were written.
    ///
    /// The bytes go into a temporary file renamed over `path` once whole (or to standard output): a
    /// failure to write, or one the rendering records in the sink, leaves `path` as it was.
    static func stream(to path: String?, language: Language = .en, _ render: (ReportSink) -> Void) throws -> Int {
        var written = 0
        do {
            func produce(_ emit: (UnsafeRawBufferPointer) throws -> Void) throws {
                try withoutActuallyEscaping(emit) { emit in
                    let sink = ReportSink(drain: emit)
                    render(sink)
                    sink.flush()
                    if let failure = sink.failure { throw failure }
                    written = sink.written
                }
            }
            if let path {
                try AtomicFile.write(to: path, producing: produce)
            } else {
                try produce { try AtomicFile.writeAll(1, $0) }
            }
        } catch {
            try failed(error, path: path, language: language)
        }
        return written
    }

    /// Says why the report could not be written, then ends the command with exit code 2.
    private static func failed(_ error: Error, path: String?, language: Language) throws -> Never {
        Terminal.printDiagnostics(
            [
                .error(
                    .outputWriteFailed,
                    Message(.reportWriteFailed, nested: ["why": Self.reason(error)]),
                    at: path.map { SourceLocation(path: $0) })
            ],
            baseDir: PathResolution.currentDirectory, language: language)
        throw ExitCode(2)
    }

    /// `language`: the one the failure is told in (the run's).
    static func write(_ data: Data, to path: String?, language: Language = .en) throws {
        do {
            if let path {
                try data.withUnsafeBytes { try AtomicFile.write($0, to: path) }
            } else {
                // A reader that went away (`| head`) is a report not delivered: exit 2, not SIGPIPE.
                try data.withUnsafeBytes { try AtomicFile.writeAll(1, $0) }
            }
        } catch {
            try failed(error, path: path, language: language)
        }
    }

    /// Why writing failed, in the catalogue's words (the writer's or the spilled findings' reason, the
    /// system's); only an error of neither kind is quoted.
    static func reason(_ error: any Error) -> Message { .reason(of: error) }
}
