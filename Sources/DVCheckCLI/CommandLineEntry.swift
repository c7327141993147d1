import ArgumentParser
import Foundation
import Reporting

extension DVCheckCommand {
    /// Runs the command line and exits with 0, 1 or 2 only (SPEC §10.0).
    ///
    /// ArgumentParser's own `main()` exits 64 on a usage error and 1 on an unexpected error, which
    /// a scheduled audit would read as "violations found"; here both are 2. Arguments that are not
    /// UTF-8 are refused before parsing, since Swift would turn them into look-alike names.
    public static func runMain() -> Never {
        Interruption.install()
        if let problem = CommandLineText.nonUTF8Argument() ?? CommandLineText.nonUTF8CurrentFolder() {
            Terminal.writeError("Error: \(problem)\n")
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot(nil)
            try command.run()
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if code.isSuccess {
                let bytes = Data((text + "\n").utf8)
                if !text.isEmpty { _ = bytes.withUnsafeBytes { try? AtomicFile.writeAll(1, $0) } }
                Foundation.exit(0)
            }
            if !text.isEmpty { Terminal.writeError(TerminalText.escaped(text, keepingLines: true) + "\n") }
            if let exit = error as? ExitCode, exit.rawValue == 1 { Foundation.exit(1) }
            Foundation.exit(2)
        }
    }
}

/// Checks on the raw command line.
enum CommandLineText {
    /// A sentence saying the current folder's path is not UTF-8 (relative paths would resolve to a
    /// look-alike), or nil.
    static func nonUTF8CurrentFolder() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        guard String(validating: bytes, as: UTF8.self) == nil else { return nil }
        let shown = String(decoding: bytes, as: UTF8.self)
        return "the current folder ('\(TerminalText.escaped(shown))') is not named in UTF-8; dvcheck only reads and "
            + "writes paths whose names are UTF-8 — run it from another folder or rename this one"
    }

    /// A sentence naming the first argument that is not UTF-8 (and the option it is the value of),
    /// or nil when every argument is.
    static func nonUTF8Argument() -> String? {
        let argv = CommandLine.unsafeArgv
        var previous: String?
        for i in 1..<Int(CommandLine.argc) {
            guard let raw = argv[i] else { continue }
            guard let text = String(validatingCString: raw) else {
                let shown = String(
                    decoding: Array(UnsafeBufferPointer(start: raw, count: strlen(raw))).map {
                        UInt8(bitPattern: $0)
                    }, as: UTF8.self)
                let option: String
                if shown.hasPrefix("--"), let name = shown.split(separator: "=", maxSplits: 1).first {
                    option = "the value of \(String(name))"
                } else if let previous, previous.hasPrefix("-") {
                    option = "the value of \(previous)"
                } else {
                    option = "argument \(i)"
                }
                return
                    "\(option) ('\(TerminalText.escaped(shown))') is not UTF-8; dvcheck only reads and writes "
                    + "paths whose names are UTF-8 (the look-alike name with U+FFFD would be another file) — "
                    + "rename the file or folder"
            }
            previous = text
        }
        return nil
    }
}
