import Foundation

/// `Tests/BadInputTests/Corpus`: one folder per hostile input, overlaid on `_base/`.
let corpusRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

/// One bad-input case: the files that differ from the base project, and the diagnostic it must get.
///
/// The expectation file `expect` holds three lines: `code: …`, `path: …` (relative to the project)
/// and `line: …` (`-` for a problem about a whole file).
struct CorpusCase: CustomStringConvertible, Sendable {
    /// The folder name.
    let name: String
    /// The expected diagnostic code.
    let code: String
    /// The expected path, relative to the project folder, as the JSON report names it.
    let path: String
    /// The expected 1-based line, nil for a whole-file problem.
    let line: Int?

    var description: String { name }

    /// Every case in the corpus, in name order; a malformed `expect` file is a case that fails.
    static func all() -> [CorpusCase] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpusRoot.path)) ?? []
        return names.filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }.sorted().map(load)
    }

    /// Reads one case's `expect` file.
    static func load(_ name: String) -> CorpusCase {
        let url = corpusRoot.appendingPathComponent(name).appendingPathComponent("expect")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            fields[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return CorpusCase(
            name: name, code: fields["code"] ?? "<missing code>", path: fields["path"] ?? "<missing path>",
            line: fields["line"].flatMap { Int($0) })
    }

    /// A fresh copy of the base project with this case's files laid over it.
    func materialize() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("dvcheck-case-" + UUID().uuidString)
        try copyTree(corpusRoot.appendingPathComponent("_base"), to: target)
        try copyTree(corpusRoot.appendingPathComponent(name), to: target, skipping: ["expect"])
        return target
    }
}

/// Copies the files under `source` into `target`, replacing files of the same relative path.
func copyTree(_ source: URL, to target: URL, skipping: Set<String> = []) throws {
    let fm = FileManager.default
    try fm.createDirectory(at: target, withIntermediateDirectories: true)
    guard let walker = fm.enumerator(atPath: source.path) else { return }
    while let relative = walker.nextObject() as? String {
        if skipping.contains(relative) { continue }
        let from = source.appendingPathComponent(relative)
        let to = target.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        _ = fm.fileExists(atPath: from.path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            try fm.createDirectory(at: to, withIntermediateDirectories: true)
        } else {
            if fm.fileExists(atPath: to.path) { try fm.removeItem(at: to) }
            try fm.copyItem(at: from, to: to)
        }
    }
}
