import ComplianceCore
import YAMLSupport

/// Reads one configuration-like YAML file (rules, units, calendar, vocabulary, waivers, config) into
/// a node tree, turning every YAML problem into a diagnostic at the right place.
public enum YAMLFileLoader {
    /// The outcome of loading a file.
    public struct Loaded: Sendable {
        /// The document's root, nil when the file is empty or could not be composed.
        public let root: YAMLNode?
        /// Problems found, with `path` set.
        public let diagnostics: [Diagnostic]
        /// The raw bytes (for input hashes); empty when unreadable.
        public let bytes: [UInt8]
        /// False when the file could not be read at all.
        public let readable: Bool
    }

    /// A file that is there but cannot be read as a file: a named pipe, a device, a read error.
    public static let unreadableCode: DiagnosticCode = .configUnreadableFile
    /// Symbolic links that point at each other.
    public static let symlinkLoopCode: DiagnosticCode = .configSymlinkLoop

    /// Loads `path`, naming it `displayPath` in diagnostics.
    ///
    /// `missingCode` is the code for an absent file or a folder where a file is expected (for example
    /// `config.missing-file`). Only regular files are read, and never more than `limits.maxFileBytes`.
    public static func load(
        path: String, displayPath: String, missingCode: DiagnosticCode = .configMissingFile,
        limits: YAMLLimits = YAMLLimits()
    ) -> Loaded {
        let whole = SourceLocation(path: displayPath)
        func refused(_ code: DiagnosticCode, _ message: Message, readable: Bool = false) -> Loaded {
            Loaded(root: nil, diagnostics: [.error(code, message, at: whole)], bytes: [], readable: readable)
        }
        switch FileProbe.inspect(path) {
        case .regular(let size) where size > limits.maxFileBytes:
            return tooLarge(size, limits: limits, displayPath: displayPath)
        case .regular:
            break
        case .missing(let dangling):
            return refused(
                missingCode, Message(dangling ? .symlinkToMissingFile : .fileNotFound, ["path": displayPath]))
        case .directory:
            return refused(missingCode, Message(.expectedFileFoundFolder, ["path": displayPath]))
        case .symlinkLoop:
            return refused(symlinkLoopCode, Message(.symlinkLoopFile, ["path": displayPath]))
        case .special(let what):
            return refused(unreadableCode, Message(.notRegularFileNotRead, ["path": displayPath, "kind": what]))
        case .unreadable(let code):
            return refused(
                unreadableCode, Message(.cannotRead, ["path": displayPath], nested: ["why": .systemError(code)]))
        }
        let bytes: [UInt8]
        switch FileProbe.readRegularFile(path, maxBytes: limits.maxFileBytes) {
        case .success(let read):
            bytes = read
        case .failure(.tooLarge(let size)):
            return tooLarge(size, limits: limits, displayPath: displayPath)
        case .failure(.notAFile(let kind)):
            return refused(
                unreadableCode,
                Message(.notRegularFile, ["path": displayPath], nested: ["kind": FileProbe.describe(kind)]))
        case .failure(.cannotRead(let code)):
            return refused(
                unreadableCode, Message(.cannotRead, ["path": displayPath], nested: ["why": .systemError(code)]))
        }
        let doc = YAMLComposer.compose(bytes: bytes, limits: limits)
        let diags = doc.problems.map { p in
            Diagnostic.error(
                DiagnosticCode.named(p.code), Message(.yamlProblem, nested: ["detail": p.detail.message]),
                at: SourceLocation(path: displayPath, line: p.mark.line, column: p.mark.column),
                related: p.relatedMark.map { [SourceLocation(path: displayPath, line: $0.line, column: $0.column)] }
                    ?? [])
        }
        return Loaded(root: doc.root, diagnostics: diags, bytes: bytes, readable: true)
    }

    /// The `yaml.limit` outcome for a file over the size limit (at least `size` bytes).
    private static func tooLarge(_ size: Int, limits: YAMLLimits, displayPath: String) -> Loaded {
        Loaded(
            root: nil,
            diagnostics: [
                .error(
                    .yamlLimit,
                    Message(.fileTooLarge, ["size": String(size), "limit": String(limits.maxFileBytes)]),
                    at: SourceLocation(path: displayPath, line: 1, column: 1))
            ], bytes: [], readable: true)
    }
}
