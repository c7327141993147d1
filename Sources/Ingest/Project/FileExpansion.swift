import ComplianceCore
import Foundation
import NodeDecoding

/// Expands the files and folders a project lists into files, in code-point order of their relative
/// paths within each folder (SPEC §2), refusing what must not be read: symbolic-link loops, named
/// pipes, devices.
public enum FileExpansion {
    /// One file found.
    public struct Found: Sendable {
        /// Absolute path.
        public let path: String
    }

    /// Outcome of expanding one entry.
    public enum Outcome: Sendable {
        case files([Found])
        case missing
    }

    /// Something found while expanding that is not a readable file.
    public struct Problem: Sendable, Equatable {
        /// What is wrong.
        public enum Kind: Sendable, Equatable {
            /// A symbolic link that leads back to a folder it is in, or links that point at each other.
            case symlinkLoop
            /// A named pipe, socket or device (reading could block for ever).
            case notAFile(String)
            /// A path `stat` refuses, with the system's reason (`errno`).
            case unreadable(errno: Int32)
            /// A folder `opendir` refuses, with the system's reason (`errno`).
            case unlistable(errno: Int32)
            /// A symbolic link to nothing, with a name the expansion would have kept.
            case danglingLink
            /// A name that is not UTF-8 (shown with U+FFFD): it could be neither named nor ordered.
            case invalidName
        }

        /// The absolute path of the offending entry.
        public let path: String
        /// What is wrong with it.
        public let kind: Kind

        /// What the entry is, for a message: "named in an encoding other than UTF-8 (rename it)"
        /// (phrases the catalogue translates), or what the system refused and why.
        public var reason: Message {
            switch kind {
            case .symlinkLoop: Self.phrase("a symbolic link back into its own folder, or a loop of links")
            case .notAFile(let what): Self.phrase("\(what), not a regular file")
            case .danglingLink: Self.phrase("a symbolic link to a file that does not exist")
            case .invalidName: Self.phrase("named in an encoding other than UTF-8 (rename it)")
            case .unreadable(let code): Message(.entryCannotBeExamined, nested: ["why": .systemError(code)])
            case .unlistable(let code): Message(.folderCannotBeListed, nested: ["why": .systemError(code)])
            }
        }

        private static func phrase(_ text: String) -> Message { Message(.verbatimDetail, ["detail": text]) }
    }

    /// Files found and problems met, in one pass.
    public struct Checked: Sendable {
        /// The regular files to read, in order; nil when the entry itself does not exist.
        public var files: [Found]?
        /// Entries refused, in the order met.
        public var problems: [Problem] = []
    }

    /// Expands `absolute` (a file or a folder) keeping files whose extension is in `extensions`.
    ///
    /// A file named directly is kept whatever its extension (the caller checks it). Problems are
    /// dropped; `expandChecked` reports them.
    public static func expand(_ absolute: String, extensions: Set<String>) -> Outcome {
        let checked = expandChecked(absolute, extensions: extensions)
        guard let files = checked.files else { return .missing }
        return .files(files)
    }

    /// Expands `absolute` like `expand`, and says what it refused and why.
    public static func expandChecked(_ absolute: String, extensions: Set<String>) -> Checked {
        let kind = FileProbe.inspect(absolute)
        switch kind {
        case .missing:
            return Checked(files: nil)
        case .regular:
            return Checked(files: [Found(path: absolute)])
        case .symlinkLoop:
            return Checked(files: [], problems: [Problem(path: absolute, kind: .symlinkLoop)])
        case .special(let what):
            return Checked(files: [], problems: [Problem(path: absolute, kind: .notAFile(what))])
        case .unreadable(let code):
            return Checked(files: [], problems: [Problem(path: absolute, kind: .unreadable(errno: code))])
        case .directory:
            return walk(absolute, extensions: extensions)
        }
    }

    /// Walks a folder tree without recursion, following links to folders unless they lead back up.
    private static func walk(_ root: String, extensions: Set<String>) -> Checked {
        var checked = Checked(files: [])
        var results: [(relative: String, path: String)] = []
        var visited: Set<String> = []
        var stack: [(dir: String, relative: String, real: String)] = [(root, "", realPath(root))]
        while let (dir, rel, real) = stack.popLast() {
            guard visited.insert(real).inserted else { continue }
            let names: [String]
            let invalid: [String]
            switch FileProbe.list(dir) {
            case .success(let listed): (names, invalid) = listed
            case .failure(let failure):
                let code: Int32 = if case .cannotRead(let code) = failure { code } else { EIO }
                checked.problems.append(Problem(path: dir, kind: .unlistable(errno: code)))
                continue
            }
            checked.problems += invalid.filter { !$0.hasPrefix(".") }.map {
                Problem(path: dir + "/" + $0, kind: .invalidName)
            }
            for name in names where !name.hasPrefix(".") {
                let full = dir + "/" + name
                let relative = rel.isEmpty ? name : rel + "/" + name
                let wanted = extensions.contains((name as NSString).pathExtension.lowercased())
                switch FileProbe.inspect(full) {
                case .directory:
                    let target = realPath(full)
                    if FileProbe.isSymbolicLink(full), isSameOrInside(real, target) {
                        checked.problems.append(Problem(path: full, kind: .symlinkLoop))
                    } else {
                        stack.append((full, relative, target))
                    }
                case .regular:
                    if wanted { results.append((relative, full)) }
                case .symlinkLoop:
                    checked.problems.append(Problem(path: full, kind: .symlinkLoop))
                case .missing(let dangling):
                    if dangling && wanted { checked.problems.append(Problem(path: full, kind: .danglingLink)) }
                case .special(let what):
                    if wanted { checked.problems.append(Problem(path: full, kind: .notAFile(what))) }
                case .unreadable(let code):
                    if wanted { checked.problems.append(Problem(path: full, kind: .unreadable(errno: code))) }
                }
            }
        }
        results.sort { $0.relative.unicodeScalars.lexicographicallyPrecedes($1.relative.unicodeScalars) }
        checked.files = results.map { Found(path: $0.path) }
        checked.problems.sort { $0.path.unicodeScalars.lexicographicallyPrecedes($1.path.unicodeScalars) }
        return checked
    }

    /// Whether folder `inner` is `outer` or lies inside it (both real paths).
    private static func isSameOrInside(_ inner: String, _ outer: String) -> Bool {
        inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
    }

    /// The path with every symbolic link resolved.
    private static func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}
