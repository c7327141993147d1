import ComplianceCore
import Foundation

/// The hint a "does not exist" diagnostic carries: where the path resolved to, and the nearest name
/// in the deepest folder that does exist ("did you mean 'rules' in /home/u/project?").
public enum MissingPathHint {
    /// "; resolved to /abs/path (did you mean 'x' in /abs?)" for an absolute path that does not exist.
    public static func describe(_ absolute: String) -> Message {
        Message(.resolvedTo, ["path": absolute]) + suggestion(absolute)
    }

    /// Walks up to the deepest folder that exists and suggests, among its entries, the nearest name
    /// to the first missing component (a typo is usually in one component).
    static func suggestion(_ absolute: String) -> Message {
        var components = absolute.split(separator: "/").map(String.init)
        while let missing = components.last {
            let folder = "/" + components.dropLast().joined(separator: "/")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                guard let near = Suggestions.closest(to: missing, in: names.sorted()) else { return .empty }
                return Message(.didYouMeanIn, ["suggestion": near, "folder": folder])
            }
            components.removeLast()
        }
        return .empty
    }
}
