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
