import ComplianceCore

/// The sentence each finding carries: the rule's template when it has one, else a sentence the
/// tool writes for the kind, in the project language.
enum FindingMessages {
    static func message(for f: Finding, rule: Rule, unit: Unit, language: Language) -> String {
        var values: [String: String] = ["unit.id": unit.id, "unit.name": unit.name, "rule.id": rule.id]
        if let v = f.period { values["period"] = v }
        if let v = f.due { values["due"] = v.description }
        if let v = f.actual { values["actual"] = String(v) }
        if let v = f.expected { values["expected"] = String(v) }
        if let v = f.daysLate { values["days_late"] = String(v) }
        if let v = f.ref { values["ref"] = v }
        if let template = rule.message { return template.render(language, values: values) }
        let title = rule.title.text(in: language)
        return language == .vi ? vietnamese(f, title: title, unit: unit) : english(f, title: title, unit: unit)
    }

    private static func english(_ f: Finding, title: String, unit: Unit) -> String {
        let who = "\(unit.name) (\(unit.id))"
        let period = f.period.map { " for \($0)" } ?? ""
        let due = f.due.map { " (due \($0))" } ?? ""
        let ref = f.ref.map { " [\($0)]" } ?? ""
        switch (f.status, f.reason) {
        case (_, "insufficient"?):
            return "\(title): \(who) has \(f.actual ?? 0) of the required \(f.expected ?? 0)\(period)"
        case (_, "excess"?):
            return "\(title): \(who) has \(f.actual ?? 0), more than the allowed \(f.expected ?? 0)\(period)"
        case (_, "late"?):
            return "\(title): \(who) met it \(f.daysLate ?? 0) day(s) late\(ref)\(period)\(due)"
        case (_, "overdue"?):
            return "\(title): \(who) is \(f.daysLate ?? 0) day(s) overdue\(ref)\(due)"
        case (_, "missing"?):
            return "\(title): \(who) has no record\(period)\(due)"
        case (_, "no-prior"?):
            return "\(title): \(who) has no required prior event\(ref) before \(f.period ?? "")"
        case (_, "gap"?):
            return "\(title): \(who) went \(f.daysLate ?? 0) day(s) past the allowed gap \(f.period ?? "")"
        case (.pending, _):
            return "\(title): \(who) is due\(period)\(due)"
        default:
            return "\(title): \(who) met it\(period)"
        }
    }

    private static func vietnamese(_ f: Finding, title: String, unit: Unit) -> String {
        let who = "\(unit.name) (\(unit.id))"
        let period = f.period.map { " kỳ \($0)" } ?? ""
        let due = f.due.map { " (hạn \($0))" } ?? ""
        let ref = f.ref.map { " [\($0)]" } ?? ""
        switch (f.status, f.reason) {
        case (_, "insufficient"?):
            return "\(title): \(who) thực hiện \(f.actual ?? 0)/\(f.expected ?? 0) lần\(period)"
        case (_, "excess"?):
            return "\(title): \(who) thực hiện \(f.actual ?? 0) lần, vượt mức tối đa \(f.expected ?? 0)\(period)"
        case (_, "late"?):
            return "\(title): \(who) hoàn thành chậm \(f.daysLate ?? 0) ngày\(ref)\(period)\(due)"
        case (_, "overdue"?):
            return "\(title): \(who) quá hạn \(f.daysLate ?? 0) ngày\(ref)\(due)"
        case (_, "missing"?):
            return "\(title): \(who) chưa thực hiện\(period)\(due)"
        case (_, "no-prior"?):
            return "\(title): \(who) không có bước thực hiện trước\(ref) trước ngày \(f.period ?? "")"
        case (_, "gap"?):
            return "\(title): \(who) để khoảng cách vượt mức cho phép \(f.daysLate ?? 0) ngày (\(f.period ?? ""))"
        case (.pending, _):
            return "\(title): \(who) sắp đến hạn\(period)\(due)"
        default:
            return "\(title): \(who) đã thực hiện\(period)"
        }
    }
}
