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

    /// Writes text to standard error.
    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints diagnostics compiler-style, paths relative to the current folder.
    static func printDiagnostics(_ diagnostics: [Diagnostic], baseDir: String) {
        let color = colorWanted(fd: 2)
        let cwd = PathResolution.currentDirectory
        var cache: [String: [Substring]] = [:]
        var text = ""
        for d in diagnostics {
            text += DiagnosticRenderer.render(
                d, color: color,
                displayPath: { PathResolution.relative(PathResolution.absolute($0, base: baseDir), to: cwd) },
                sourceLine: { path, line in
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
    static func write(_ text: String, to path: String?) throws {
        try write(Data(text.utf8), to: path)
    }

    static func write(_ data: Data, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.withUnsafeBytes { try AtomicFile.write($0, to: path) }
        } catch {
            Terminal.printDiagnostics(
                [
                    .error(
                        "output.write-failed", "the report could not be written (\(error)); no file was left behind",
                        at: SourceLocation(path: path))
                ],
                baseDir: PathResolution.currentDirectory)
            throw ExitCode(2)
        }
    }
}
