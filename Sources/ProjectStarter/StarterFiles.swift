import ComplianceCore
import Foundation
import RuleAuthoring

/// The text of every file of a starter project: configuration, three units, the vocabulary the
/// pack's rules need, one sample CSV log, the pack, the Vietnamese calendar and the JSON Schemas.
struct StarterFiles {
    let language: Language
    let asOf: Day
    let rules: [Rule]
    let pack: [ProjectStarter.PackFile]

    /// The fields every log record has; `ref` links the events of one case.
    static let coreFields: Set<String> = ["id", "unit", "type", "date", "ref"]

    private var vi: Bool { language == .vi }

    /// The units' `from`: the first day of the as-of year, so the first report covers one year.
    private var unitsFrom: Day { Day(year: asOf.year, month: 1, day: 1) ?? asOf }

    /// Every file, by its path inside the project folder.
    func all() -> [(path: String, bytes: Data)] {
        var files: [(String, Data)] = [
            ("dvcheck.yaml", Data(configuration.utf8)),
            ("units.yaml", Data(units.utf8)),
            ("vocabulary.yaml", Data(vocabulary.utf8)),
            ("calendars/vn.yaml", Data(Self.pointingAtSchema(EmbeddedPack.vietnameseCalendar, depth: 1).utf8)),
            ("logs/" + (vi ? "nhat-ky.csv" : "events.csv"), Data(sampleLog.utf8)),
        ]
        for file in pack {
            let path = "rules/" + file.relativePath
            let depth = path.split(separator: "/").count - 1
            let bytes = String(data: file.bytes, encoding: .utf8).map {
                Data(Self.pointingAtSchema($0, depth: depth).utf8)
            }
            files.append((path, bytes ?? file.bytes))
        }
        for schema in SchemaWriter.all() { files.append(("schema/" + schema.name, Data(schema.json.utf8))) }
        return files
    }

    /// A first line `# yaml-language-server: $schema=…/NAME.schema.json` made to point at the
    /// project's own `schema/` folder, so editors find it wherever the pack came from.
    static func pointingAtSchema(_ text: String, depth: Int) -> String {
        let prefix = "# yaml-language-server: $schema="
        guard text.hasPrefix(prefix), let end = text.firstIndex(of: "\n") else { return text }
        let named = String(text[text.index(text.startIndex, offsetBy: prefix.count)..<end])
        let name = (named as NSString).lastPathComponent
        guard SchemaWriter.all().contains(where: { $0.name == name }) else { return text }
        let up = String(repeating: "../", count: depth)
        return prefix + up + "schema/" + name + String(text[end...])
    }

    var configuration: String {
        let rows: [(String, String)] = [
            ("timezone: Asia/Ho_Chi_Minh", vi ? "múi giờ của ngày giờ trong sổ" : "the zone datetimes are read in"),
            ("language: \(language.rawValue)", vi ? "vi | en: ngôn ngữ báo cáo" : "vi | en: the reports' language"),
            (
                "as_of: \(asOf)",
                vi
                    ? "ngày tính đến (ghim để kết quả không đổi); xóa để dùng hôm nay"
                    : "evaluation date, pinned; delete for today"
            ),
            ("rules: [rules/]", vi ? "tệp hoặc thư mục quy tắc" : "rule files or folders"),
            ("units: units.yaml", vi ? "danh sách đơn vị" : "the unit registry"),
            ("vocabulary: vocabulary.yaml", vi ? "loại sự kiện và thuộc tính" : "event types and attributes"),
            ("calendar: calendars/vn.yaml", vi ? "ngày làm việc, ngày nghỉ lễ" : "working days and holidays"),
            (
                "logs: [logs/]",
                vi
                    ? "sổ hoạt động: .csv .jsonl .ndjson .yaml, hoặc sổ Excel .xlsx"
                    : "activity logs: .csv .jsonl .ndjson .yaml, or Excel workbooks .xlsx"
            ),
            ("# waivers: waivers.yaml", vi ? "miễn trừ đã được phê duyệt (tùy chọn)" : "approved waivers (optional)"),
        ]
        var out = "# yaml-language-server: $schema=schema/config.schema.json\n"
        out +=
            vi
            ? "# Dự án dvcheck do `dvcheck init` tạo. Đường dẫn tính từ thư mục chứa tệp này.\n"
            : "# A dvcheck project made by `dvcheck init`. Paths are relative to this file's folder.\n"
        for (line, comment) in rows {
            out += line.padding(toLength: max(36, line.count + 1), withPad: " ", startingAt: 0) + "# " + comment + "\n"
        }
        return out
    }

    var units: String {
        let from = unitsFrom
        let entries: [(id: String, name: String, level: String, kind: String, parent: String)] = [
            (
                "tinh", vi ? "Tỉnh ủy (ví dụ)" : "Provincial Party Committee (example)", "province", "party-committee",
                "null"
            ),
            (
                "xa-a", vi ? "Đảng ủy xã A (ví dụ)" : "Commune A Party Committee (example)", "commune",
                "party-committee", "tinh"
            ),
            (
                "xa-a.ubnd", vi ? "Ủy ban nhân dân xã A (ví dụ)" : "Commune A People's Committee (example)", "commune",
                "people-committee", "xa-a"
            ),
        ]
        var out = "# yaml-language-server: $schema=schema/units.schema.json\n"
        out +=
            vi
            ? "# Ba đơn vị mẫu: thay bằng các đơn vị của mình. `from`: ngày bắt đầu theo dõi (trước đó không đánh giá);\n"
                + "# `to` và `successor`: ngày đơn vị kết thúc và đơn vị tiếp nhận công việc (sáp nhập).\n"
            : "# Three sample units: replace them with yours. `from`: the first day evaluated for the unit;\n"
                + "# `to` and `successor`: the day a unit ends and the unit that takes over its work (mergers).\n"
        out += "units:\n"
        for e in entries {
            out += "  - id: \(e.id)\n    name: \(e.name)\n    level: \(e.level)\n    kind: \(e.kind)\n"
            out += "    parent: \(e.parent)\n    tags: []\n    from: \(from)\n"
        }
        return out
    }

    /// The event types the rules read, each with the attributes its rules read (as `string`: any
    /// value is accepted, and comparisons still read numbers, dates and booleans by value).
    var vocabulary: String {
        var attributes: [String: Set<String>] = [:]
        for rule in rules {
            let read = Set(rule.obligation.attributeNames).subtracting(Self.coreFields)
            for type in rule.obligation.eventTypes { attributes[type, default: []].formUnion(read) }
        }
        var out = "# yaml-language-server: $schema=schema/vocabulary.schema.json\n"
        out +=
            vi
            ? "# Mọi loại sự kiện mà các quy tắc đọc. Thuộc tính khai báo `string` nhận mọi giá trị; đổi sang\n"
                + "# number, boolean hoặc date để kiểm tra kiểu; `requires: [ref]` bắt buộc số hồ sơ.\n"
            : "# Every event type the rules read. Attributes declared `string` accept any value; change one to\n"
                + "# number, boolean or date to have its values checked; `requires: [ref]` makes `ref` mandatory.\n"
        out += "event_types:\n"
        for type in attributes.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            out += "  \(Self.yamlKey(type)):\n    title: \(Self.yamlKey(type))\n"
            let names = (attributes[type] ?? []).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            if !names.isEmpty {
                out +=
                    "    attributes: { " + names.map { "\(Self.yamlKey($0)): string" }.joined(separator: ", ") + " }\n"
            }
        }
        return out
    }

    /// A CSV with the core fields and three sample rows of event types the rules read.
    var sampleLog: String {
        let types = Set(rules.flatMap(\.obligation.eventTypes)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var out = "id,unit,type,date,ref\n"
        for (i, type) in types.prefix(3).enumerated() {
            let date = min(unitsFrom.adding(days: 7 * (i + 1)), asOf)
            out += "mau-\(i + 1),xa-a.ubnd,\(Self.csvCell(type)),\(date),MAU-\(i + 1)\n"
        }
        return out
    }

    /// A mapping key or scalar, quoted unless it is plainly safe.
    static func yamlKey(_ s: String) -> String {
        let plain = s.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "-_.".unicodeScalars.contains($0)
        }
        guard !plain || s.isEmpty else { return s }
        return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A CSV cell, quoted when it must be.
    static func csvCell(_ s: String) -> String {
        guard s.contains(where: { ",\"\r\n".contains($0) }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
