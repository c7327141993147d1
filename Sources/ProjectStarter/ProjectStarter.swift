import ComplianceCore
import Foundation
import Ingest
import NodeDecoding
import RuleAuthoring
import RuleKit

/// `dvcheck init`: a starter project that validates and checks (SPEC §10.10), written only into a
/// new or empty folder and never over an existing file.
public enum ProjectStarter {
    /// What to create.
    public struct Request: Sendable {
        /// The project folder (created when missing; must be empty when present).
        public var directory: String
        /// A rule file or folder to copy instead of the embedded pack.
        public var pack: String?
        /// The project language (`language:` in dvcheck.yaml and the comments' language).
        public var language: Language
        /// The pinned `as_of`, normally today in the project's zone.
        public var asOf: Day

        /// A request.
        public init(directory: String, pack: String?, language: Language, asOf: Day) {
            self.directory = directory
            self.pack = pack
            self.language = language
            self.asOf = asOf
        }
    }

    /// The files written (relative to the folder), or why nothing was written.
    public enum Outcome: Sendable {
        case written([String])
        case refused([Diagnostic])
    }

    /// Creates the project, or refuses with diagnostics and writes nothing.
    public static func create(_ request: Request) -> Outcome {
        let cwd = PathResolution.currentDirectory
        let directory = PathResolution.absolute(request.directory, base: cwd)
        if let refusal = folderRefusal(directory, shown: request.directory) { return .refused([refusal]) }
        let pack: [PackFile]
        switch packFiles(request.pack, cwd: cwd) {
        case .success(let files): pack = files
        case .failure(let refusal): return .refused(refusal.diagnostics)
        }
        let loaded: RuleLoader.Result
        switch loadRules(pack, fromDisk: request.pack != nil) {
        case .success(let result): loaded = result
        case .failure(let refusal): return .refused(refusal.diagnostics)
        }
        let files = StarterFiles(
            language: request.language, asOf: request.asOf, rules: loaded.rules, pack: pack
        ).all()
        return write(files, into: directory, shown: request.directory)
    }

    /// A refusal carrying its diagnostics through `Result`.
    struct Refusal: Error {
        let diagnostics: [Diagnostic]
    }

    /// One rule file of the pack: its path inside `rules/`, its bytes, and where it came from.
    struct PackFile {
        let relativePath: String
        let bytes: Data
        /// The original file (`--pack`), nil for the embedded pack.
        let origin: String?
    }

    /// A folder that exists and holds anything, or a file in its place, is refused.
    static func folderRefusal(_ directory: String, shown: String) -> Diagnostic? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) else { return nil }
        guard isFolder.boolValue else {
            return .error(
                .initNotEmpty,
                Message(.initTargetIsFile, ["path": shown]))
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? ["?"]
        guard entries.isEmpty else {
            return .error(
                .initNotEmpty,
                Message(.initTargetNotEmpty, ["path": shown, "count": String(entries.count)]))
        }
        return nil
    }

    /// The embedded pack, or every `*.yaml`/`*.yml` file of `--pack PATH`.
    static func packFiles(_ pack: String?, cwd: String) -> Result<[PackFile], Refusal> {
        guard let pack else {
            return .success(
                EmbeddedPack.ruleFiles.map { PackFile(relativePath: $0.path, bytes: Data($0.text.utf8), origin: nil) })
        }
        let absolute = PathResolution.absolute(pack, base: cwd)
        let checked = FileExpansion.expandChecked(absolute, extensions: ["yaml", "yml"])
        guard let found = checked.files else {
            return .failure(
                Refusal(diagnostics: [
                    .error(
                        .configMissingFile,
                        Message(.packDoesNotExist, ["path": pack]) + MissingPathHint.describe(absolute))
                ]))
        }
        var isFolder: ObjCBool = false
        let packIsFolder =
            FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder) && isFolder.boolValue
        var files: [PackFile] = []
        for file in found {
            let relative =
                packIsFolder
                ? PathResolution.relative(file.path, to: absolute) : (file.path as NSString).lastPathComponent
            guard let bytes = FileManager.default.contents(atPath: file.path) else {
                return .failure(
                    Refusal(diagnostics: [
                        .error(
                            YAMLFileLoader.unreadableCode, Message(.packFileUnreadable, ["path": file.path]))
                    ]))
            }
            files.append(PackFile(relativePath: relative, bytes: bytes, origin: file.path))
        }
        if !checked.problems.isEmpty {
            return .failure(
                Refusal(
                    diagnostics: checked.problems.map {
                        .error(
                            YAMLFileLoader.unreadableCode,
                            Message(.packFileNotCopied, ["path": $0.path]))
                    }))
        }
        if files.isEmpty {
            return .failure(
                Refusal(diagnostics: [
                    .error(
                        .initEmptyPack, Message(.packHoldsNoRuleFile, ["path": pack]))
                ]))
        }
        return .success(files)
    }

    /// Loads the pack's rules (no units, no vocabulary yet) to learn the event types they read.
    ///
    /// A pack with errors is refused. The embedded pack is loaded from a temporary copy.
    static func loadRules(_ pack: [PackFile], fromDisk: Bool) -> Result<RuleLoader.Result, Refusal> {
        var staging: String?
        defer { if let staging { try? FileManager.default.removeItem(atPath: staging) } }
        var inputs: [(path: String, display: String)] = []
        if fromDisk {
            let cwd = PathResolution.currentDirectory
            inputs = pack.compactMap { f in f.origin.map { ($0, PathResolution.relative($0, to: cwd)) } }
        } else {
            let folder = NSTemporaryDirectory() + "dvcheck-init-\(UUID().uuidString)"
            staging = folder
            for file in pack {
                let path = folder + "/" + file.relativePath
                try? FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: path, contents: file.bytes) else {
                    return .failure(
                        Refusal(diagnostics: [
                            .error(.outputWriteFailed, Message(.cannotStagePack, ["folder": folder]))
                        ]))
                }
                inputs.append((path, "rules/" + file.relativePath))
            }
        }
        let result = RuleLoader(unitIDs: nil, vocabulary: nil).load(files: inputs)
        if result.diagnostics.contains(where: { $0.level == .error }) {
            return .failure(Refusal(diagnostics: result.diagnostics))
        }
        if result.rules.isEmpty {
            return .failure(
                Refusal(diagnostics: [.error(.initEmptyPack, Message(.packDefinesNoRule))]))
        }
        return .success(result)
    }

    /// Writes every file, each created new (never replacing one), folders first.
    static func write(_ files: [(path: String, bytes: Data)], into directory: String, shown: String) -> Outcome {
        var written: [String] = []
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            // Checked again: the folder may have been filled since the first look.
            if let refusal = folderRefusal(directory, shown: shown) { return .refused([refusal]) }
            for file in files {
                let path = directory + "/" + file.path
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try file.bytes.write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
                written.append(file.path)
            }
        } catch {
            return .refused([
                .error(
                    .outputWriteFailed,
                    Message(
                        .starterWriteFailed,
                        ["path": shown, "written": String(written.count), "total": String(files.count)],
                        nested: ["why": .reason(of: error)]))
            ])
        }
        return .written(written)
    }
}
