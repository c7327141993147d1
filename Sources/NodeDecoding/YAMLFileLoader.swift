import ComplianceCore
import Foundation
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

    /// Loads `path`, naming it `displayPath` in diagnostics.
    ///
    /// `missingCode` is the code for an absent or unreadable file (for example `config.missing-file`).
    public static func load(
        path: String, displayPath: String, missingCode: String = "config.missing-file",
        limits: YAMLLimits = YAMLLimits()
    ) -> Loaded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return Loaded(
                root: nil,
                diagnostics: [
                    .error(missingCode, "file not found: \(displayPath)", at: SourceLocation(path: displayPath))
                ],
                bytes: [], readable: false)
        }
        if isDirectory.boolValue {
            return Loaded(
                root: nil,
                diagnostics: [
                    .error(
                        missingCode, "expected a file but found a folder: \(displayPath)",
                        at: SourceLocation(path: displayPath))
                ], bytes: [], readable: false)
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
            size > limits.maxFileBytes
        {
            return Loaded(
                root: nil,
                diagnostics: [
                    .error(
                        "yaml.limit", "file is \(size) bytes, over the limit of \(limits.maxFileBytes) bytes",
                        at: SourceLocation(path: displayPath, line: 1, column: 1))
                ], bytes: [], readable: true)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return Loaded(
                root: nil,
                diagnostics: [.error(missingCode, "cannot read \(displayPath)", at: SourceLocation(path: displayPath))],
                bytes: [], readable: false)
        }
        let bytes = [UInt8](data)
        let doc = YAMLComposer.compose(bytes: bytes, limits: limits)
        let diags = doc.problems.map { p in
            Diagnostic.error(
                p.code, p.message, at: SourceLocation(path: displayPath, line: p.mark.line, column: p.mark.column),
                related: p.relatedMark.map { [SourceLocation(path: displayPath, line: $0.line, column: $0.column)] }
                    ?? [])
        }
        return Loaded(root: doc.root, diagnostics: diags, bytes: bytes, readable: true)
    }
}
