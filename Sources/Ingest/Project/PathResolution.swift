import Foundation

/// Lexical path handling: the project names files relative to its `dvcheck.yaml`, and reports name
/// them the same way, so output does not depend on where the tool was started.
public enum PathResolution {
    /// `path` made absolute against `base` and normalised (`.` and `..` resolved lexically).
    public static func absolute(_ path: String, base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        return normalize(joined)
    }

    /// Resolves `.` and `..` components without touching the file system.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if component == "..", !path.hasPrefix("/") || !parts.isEmpty {
                parts.append(component)
                continue
            }
            if component != ".." { parts.append(component) }
        }
        let body = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + body : (body.isEmpty ? "." : body)
    }

    /// `path` relative to the folder `base` (both absolute), with `..` where needed.
    public static func relative(_ path: String, to base: String) -> String {
        let p = normalize(path).split(separator: "/")
        let b = normalize(base).split(separator: "/")
        var i = 0
        while i < p.count, i < b.count, p[i] == b[i] { i += 1 }
        let ups = Array(repeating: "..", count: b.count - i)
        let rest = p[i...].map(String.init)
        let joined = (ups + rest).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    /// The current directory, absolute.
    public static var currentDirectory: String { FileManager.default.currentDirectoryPath }
}

/// Expands the files and folders a project lists into files, in code-point order of their relative
/// paths within each folder (SPEC §2), without following a symbolic-link loop forever.
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

    /// Expands `absolute` (a file or a folder) keeping files whose extension is in `extensions`.
    ///
    /// A file named directly is kept whatever its extension (the caller checks it).
    public static func expand(_ absolute: String, extensions: Set<String>) -> Outcome {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDir) else { return .missing }
        if !isDir.boolValue { return .files([Found(path: absolute)]) }
        var results: [(String, String)] = []
        var visited: Set<String> = []
        var stack: [(String, String)] = [(absolute, "")]
        while let (dir, rel) = stack.popLast() {
            let real =
                (try? FileManager.default.destinationOfSymbolicLink(atPath: dir)).map {
                    PathResolution.absolute($0, base: (dir as NSString).deletingLastPathComponent)
                } ?? dir
            let key = URL(fileURLWithPath: real).resolvingSymlinksInPath().path
            guard visited.insert(key).inserted else { continue }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for name in names where !name.hasPrefix(".") {
                let full = dir + "/" + name
                let relPath = rel.isEmpty ? name : rel + "/" + name
                var sub: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &sub) else { continue }
                if sub.boolValue {
                    stack.append((full, relPath))
                } else if extensions.contains((name as NSString).pathExtension.lowercased()) {
                    results.append((relPath, full))
                }
            }
        }
        results.sort { $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars) }
        return .files(results.map { Found(path: $0.1) })
    }
}
