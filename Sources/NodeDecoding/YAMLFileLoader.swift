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
    public static let unreadableCode = "config.unreadable-file"
    /// Symbolic links that point at each other.
    public static let symlinkLoopCode = "config.symlink-loop"

    /// Loads `path`, naming it `displayPath` in diagnostics.
    ///
    /// `missingCode` is the code for an absent file or a folder where a file is expected (for example
    /// `config.missing-file`). Only regular files are read, and never more than `limits.maxFileBytes`.
    public static func load(
        path: String, displayPath: String, missingCode: String = "config.missing-file",
        limits: YAMLLimits = YAMLLimits()
    ) -> Loaded {
        let whole = SourceLocation(path: displayPath)
        func refused(_ code: String, _ message: String, readable: Bool = false) -> Loaded {
            Loaded(root: nil, diagnostics: [.error(code, message, at: whole)], bytes: [], readable: readable)
        }
        switch FileProbe.inspect(path) {
        case .regular(let size) where size > limits.maxFileBytes:
            return tooLarge(size, limits: limits, displayPath: displayPath)
        case .regular:
            break
        case .missing(let dangling):
            let what = dangling ? "a symbolic link to a missing file" : "file not found"
            return refused(missingCode, "\(what): \(displayPath)")
        case .directory:
            return refused(missingCode, "expected a file but found a folder: \(displayPath)")
        case .symlinkLoop:
            return refused(symlinkLoopCode, "\(displayPath) is a loop of symbolic links that never reaches a file")
        case .special(let what):
            return refused(unreadableCode, "\(displayPath) is \(what), not a regular file; it is not read")
        case .unreadable(let why):
            return refused(unreadableCode, "cannot read \(displayPath): \(why)")
        }
        let bytes: [UInt8]
        switch FileProbe.readRegularFile(path, maxBytes: limits.maxFileBytes) {
        case .success(let read):
            bytes = read
        case .failure(.tooLarge(let size)):
            return tooLarge(size, limits: limits, displayPath: displayPath)
        case .failure(.notAFile(let kind)):
            return refused(unreadableCode, "\(displayPath) is \(FileProbe.describe(kind)), not a regular file")
        case .failure(.cannotRead(let why)):
            return refused(unreadableCode, "cannot read \(displayPath): \(why)")
        }
        let doc = YAMLComposer.compose(bytes: bytes, limits: limits)
        let diags = doc.problems.map { p in
            Diagnostic.error(
                p.code, p.message, at: SourceLocation(path: displayPath, line: p.mark.line, column: p.mark.column),
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
                    YAMLProblem.limit,
                    "file is \(size) bytes or more, over the limit of \(limits.maxFileBytes) bytes",
                    at: SourceLocation(path: displayPath, line: 1, column: 1))
            ], bytes: [], readable: true)
    }
}
