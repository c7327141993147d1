import ComplianceCore

/// Shared phrasing for rule parameters in words, in Vietnamese or English (catalogues, explain).
public enum RuleWording {
    public static func types(_ types: [String], _ language: Language) -> String {
        types.joined(separator: language == .vi ? " hoặc " : " or ")
    }

    public static func per(_ kind: PeriodKind, _ language: Language) -> String {
        switch (kind, language) {
        case (.day, .vi): "mỗi ngày"
        case (.week, .vi): "mỗi tuần (ISO)"
        case (.month, .vi): "mỗi tháng"
        case (.quarter, .vi): "mỗi quý"
        case (.halfYear, .vi): "mỗi 6 tháng"
        case (.year, .vi): "mỗi năm"
        case (.day, .en): "per day"
        case (.week, .en): "per ISO week"
        case (.month, .en): "per month"
        case (.quarter, .en): "per quarter"
        case (.halfYear, .en): "per half-year"
        case (.year, .en): "per year"
        }
    }

    public static func duration(_ d: DurationSpec, _ language: Language) -> String {
        guard language == .vi else { return d.description }
        return d.unit == .days ? "\(d.count) ngày" : "\(d.count) ngày làm việc"
    }

    public static func selector(_ s: UnitSelector, _ language: Language) -> String {
        let vi = language == .vi
        var parts: [String] = []
        if let ids = s.ids { parts.append((vi ? "đơn vị " : "unit ") + ids.joined(separator: "/")) }
        if let levels = s.levels { parts.append((vi ? "cấp " : "level ") + levels.joined(separator: "/")) }
        if let kinds = s.kinds { parts.append((vi ? "loại " : "kind ") + kinds.joined(separator: "/")) }
        if let tags = s.tags {
            if !tags.any.isEmpty {
                parts.append((vi ? "nhãn " : "tagged ") + tags.any.joined(separator: vi ? " hoặc " : " or "))
            }
            if !tags.all.isEmpty {
                parts.append((vi ? "nhãn " : "tagged ") + tags.all.joined(separator: vi ? " và " : " and "))
            }
        }
        if let under = s.under { parts.append((vi ? "trực thuộc " : "under ") + under.joined(separator: "/")) }
        if let not = s.not { parts.append((vi ? "trừ " : "not ") + "(" + selector(not.selector, language) + ")") }
        return parts.isEmpty ? (vi ? "mọi đơn vị" : "every unit") : parts.joined(separator: ", ")
    }

    public static func conditions(_ conditions: [FieldCondition], _ language: Language) -> String {
        conditions.map { fc in
            fc.field + " " + fc.conditions.map { condition($0) }.joined(separator: " & ")
        }.joined(separator: ", ")
    }

    private static func condition(_ c: Condition) -> String {
        switch c {
        case .eq(let v): "= \(v.text)"
        case .isIn(let vs): "∈ {\(vs.map(\.text).joined(separator: ", "))}"
        case .notIn(let vs): "∉ {\(vs.map(\.text).joined(separator: ", "))}"
        case .gt(let v): "> \(v.text)"
        case .gte(let v): "≥ \(v.text)"
        case .lt(let v): "< \(v.text)"
        case .lte(let v): "≤ \(v.text)"
        case .exists(let b): b ? "present" : "absent"
        case .contains(let s): "contains \(s)"
        case .startsWith(let s): "starts with \(s)"
        }
    }
}
