import ComplianceCore

/// The sentence each finding carries: the rule's template when it has one, else a sentence the
/// tool writes for the kind, in the project language.
enum FindingMessages {
    static func message(for f: Finding, rule: Rule, unit: Unit, language: Language) -> String {
        if let template = rule.message {
            var values: [String: String] = ["unit.id": unit.id, "unit.name": unit.name, "rule.id": rule.id]
            if let v = f.period { values["period"] = v }
            if let v = f.due { values["due"] = v.description }
            if let v = f.actual { values["actual"] = String(v) }
            if let v = f.expected { values["expected"] = String(v) }
            if let v = f.daysLate { values["days_late"] = String(v) }
            if let v = f.ref { values["ref"] = v }
            return template.render(language, values: values)
        }
        let title = rule.title.text(in: language)
        return language == .vi ? vietnamese(f, title: title, unit: unit) : english(f, title: title, unit: unit)
    }

    private static func english(_ f: Finding, title: String, unit: Unit) -> String {
        let who = concat(unit.name, " (", unit.id, ")")
        let period = f.period.map { concat(" for ", $0) } ?? ""
        let due = f.due.map { concat(" (due ", $0.description, ")") } ?? ""
        let ref = f.ref.map { concat(" [", $0, "]") } ?? ""
        let actual = String(f.actual ?? 0)
        let expected = String(f.expected ?? 0)
        let late = String(f.daysLate ?? 0)
        switch (f.status, f.reason) {
        case (_, "insufficient"?):
            return concat(title, ": ", who, " has ", actual, " of the required ", expected, period)
        case (_, "excess"?):
            return concat(title, ": ", who, " has ", actual, ", more than the allowed ", expected, period)
        case (_, "late"?):
            return concat(title, ": ", who, " met it ", late, " day(s) late", ref, period, due)
        case (_, "overdue"?):
            return concat(title, ": ", who, " is ", late, " day(s) overdue", ref, due)
        case (_, "missing"?):
            return concat(title, ": ", who, " has no record", period, due)
        case (_, "no-prior"?):
            return concat(title, ": ", who, " has no required prior event", ref, " before ", f.period ?? "")
        case (_, "gap"?):
            return concat(title, ": ", who, " went ", late, " day(s) past the allowed gap ", f.period ?? "")
        case (.pending, _):
            return concat(title, ": ", who, " is due", period, due)
        default:
            return concat(title, ": ", who, " met it", period)
        }
    }

    private static func vietnamese(_ f: Finding, title: String, unit: Unit) -> String {
        let who = concat(unit.name, " (", unit.id, ")")
        let period = f.period.map { concat(" kỳ ", $0) } ?? ""
        let due = f.due.map { concat(" (hạn ", $0.description, ")") } ?? ""
        let ref = f.ref.map { concat(" [", $0, "]") } ?? ""
        let actual = String(f.actual ?? 0)
        let expected = String(f.expected ?? 0)
        let late = String(f.daysLate ?? 0)
        switch (f.status, f.reason) {
        case (_, "insufficient"?):
            return concat(title, ": ", who, " thực hiện ", actual, "/", expected, " lần", period)
        case (_, "excess"?):
            return concat(title, ": ", who, " thực hiện ", actual, " lần, vượt mức tối đa ", expected, period)
        case (_, "late"?):
            return concat(title, ": ", who, " hoàn thành chậm ", late, " ngày", ref, period, due)
        case (_, "overdue"?):
            return concat(title, ": ", who, " quá hạn ", late, " ngày", ref, due)
        case (_, "missing"?):
            return concat(title, ": ", who, " chưa thực hiện", period, due)
        case (_, "no-prior"?):
            return concat(title, ": ", who, " không có bước thực hiện trước", ref, " trước ngày ", f.period ?? "")
        case (_, "gap"?):
            return concat(
                title, ": ", who, " để khoảng cách vượt mức cho phép ", late, " ngày (", f.period ?? "", ")")
        case (.pending, _):
            return concat(title, ": ", who, " sắp đến hạn", period, due)
        default:
            return concat(title, ": ", who, " đã thực hiện", period)
        }
    }

    /// The parts joined, built once at its final size: string interpolation appended piece by
    /// piece, about 450 instructions a piece, which made messages a tenth of evaluation.
    static func concat(_ parts: String...) -> String {
        var length = 0
        for p in parts { length += p.utf8.count }
        return String(unsafeUninitializedCapacity: length) { out in
            var at = 0
            for var p in parts {
                p.withUTF8 { bytes in
                    for b in bytes {
                        out[at] = b
                        at += 1
                    }
                }
            }
            return at
        }
    }
}
