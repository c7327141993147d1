/// The package-level facts of a workbook: which part is the workbook, and where its relationships
/// point (Office Open XML part names and relationship targets).
enum PackageParts {
    /// One relationship of a `.rels` part.
    struct Relationship {
        let id: String
        let type: String
        /// The part it points at, resolved to a ZIP entry name; nil for an external target.
        let target: String?
    }

    /// The relationships in the `.rels` part of `source` (`""` for the package), empty when there is none.
    static func relationships(of source: String, in workbook: WorkbookFiles) throws -> [Relationship] {
        let directory = source.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let base = source.split(separator: "/").last.map(String.init) ?? ""
        let relsName = (directory.isEmpty ? "" : directory + "/") + "_rels/" + base + ".rels"
        guard workbook.hasPart(relsName) else { return [] }
        var scanner = try workbook.scanner(for: relsName)
        defer { scanner.release() }
        var found: [Relationship] = []
        while true {
            switch try scanner.next() {
            case .eof: return found
            case .start where scanner.nameIs("Relationship"):
                let id = try text(scanner.attribute("Id"), part: relsName)
                let type = try text(scanner.attribute("Type"), part: relsName)
                let target = try text(scanner.attribute("Target"), part: relsName)
                let external = scanner.attribute("TargetMode").map { Array($0) == Array("External".utf8) } ?? false
                found.append(
                    Relationship(id: id, type: type, target: external ? nil : resolve(target, from: directory)))
            default: continue
            }
        }
    }

    /// An attribute as text (valid UTF-8), "" when absent.
    static func text(_ bytes: ArraySlice<UInt8>?, part: String) throws -> String {
        guard let bytes else { return "" }
        guard UTF8Validation.isValid(bytes) else {
            throw WorkbookError.malformed(.partNotUTF8(part: ZipArchive.printable(part)))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A relationship target as a ZIP entry name: absolute (`/xl/…`) or relative to `directory`,
    /// with `.` and `..` segments and percent-escapes of plain ASCII resolved.
    static func resolve(_ target: String, from directory: String) -> String {
        var segments: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/").removingPercentEscapesOfASCII()
    }
}

extension String {
    /// `%20` and the like decoded when they stand for printable ASCII (part names are URIs).
    fileprivate func removingPercentEscapesOfASCII() -> String {
        guard contains("%") else { return self }
        var out: [UInt8] = []
        let bytes = Array(utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
                let v = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16), v >= 0x20, v < 0x7F
            {
                out.append(v)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
