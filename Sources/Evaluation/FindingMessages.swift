import ComplianceCore

/// The sentence each finding carries: the rule's template when it has one, else a sentence the
/// tool writes for the kind, in the project language.
public enum FindingMessages {
    static func message(for f: Finding, rule: Rule, unit: Unit, language: Language) -> String {
        message(for: f, ruleID: rule.id, title: rule.title, template: rule.message, unit: unit, language: language)
    }

    /// The sentence from a rule's parts, for a saved result rendered in another language.
    public static func message(
        for f: Finding, ruleID: String, title ruleTitle: LocalizedText, template: MessageTemplate?, unit: Unit,
        language: Language
    ) -> String {
        if let template {
            // Dates and periods as people of the language read them (SPEC §10.9).
            let show = Presentation(language)
            var values: [String: String] = ["unit.id": unit.id, "unit.name": unit.name, "rule.id": ruleID]
            if let v = f.period { values["period"] = show.period(v) }
            if let v = f.due { values["due"] = show.date(v) }
            if let v = f.actual { values["actual"] = String(v) }
            if let v = f.expected { values["expected"] = String(v) }
            if let share = f.share {
                let separator = language == .vi ? "," : "."
                values["actual"] = share.actual.text(separator: separator)
                values["expected"] = share.threshold.text(separator: separator)
            }
            if let v = f.daysLate { values["days_late"] = String(v) }
            if let v = f.ref { values["ref"] = v }
            return template.render(language, values: values)
        }
        let title = ruleTitle.text(in: language)
        if let share = f.share { return ratio(f, share, title: title, unit: unit, language: language) }
        return language == .vi ? vietnamese(f, title: title, unit: unit) : english(f, title: title, unit: unit)
    }

    private static func english(_ f: Finding, title: String, unit: Unit) -> String {
        var m = MessageBuilder(title: title, unit: unit)
        let late = String(f.daysLate ?? 0)
        switch (f.status, f.reason) {
        case (_, "insufficient"?):
            m.add(" has ", String(f.actual ?? 0), " of the required ", String(f.expected ?? 0))
            m.add(" for ", ifPresent: f.period)
        case (_, "excess"?):
            m.add(" has ", String(f.actual ?? 0), ", more than the allowed ", String(f.expected ?? 0))
            m.add(" for ", ifPresent: f.period)
        case (_, "late"?):
            m.add(" met it ", late, " day(s) late")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" for ", ifPresent: f.period)
            m.add(" (due ", ifPresent: f.due?.description, ")")
        case (_, "closed"?):
            m.add(" closed the case")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" without a decision, in time")
            m.add(" (due ", ifPresent: f.due?.description, ")")
        case (_, "paused"?):
            m.add(" has the case")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" of ", ifPresent: f.period)
            m.add(" suspended: the clock is stopped")
        case (_, "overdue"?):
            m.add(" is ", late, " day(s) overdue")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" (due ", ifPresent: f.due?.description, ")")
        case (_, "missing"?):
            m.add(" has no record")
            m.add(" for ", ifPresent: f.period)
            m.add(" (due ", ifPresent: f.due?.description, ")")
        case (_, "no-prior"?):
            m.add(" has no required prior event")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" before ", f.period ?? "")
        case (_, "gap"?):
            m.add(" went ", late, " day(s) past the allowed gap ", f.period ?? "")
        case (.pending, _):
            m.add(" is due")
            m.add(" for ", ifPresent: f.period)
            m.add(" (due ", ifPresent: f.due?.description, ")")
        default:
            m.add(" met it")
            m.add(" for ", ifPresent: f.period)
        }
        return m.text
    }

    private static func vietnamese(_ f: Finding, title: String, unit: Unit) -> String {
        var m = MessageBuilder(title: title, unit: unit)
        let late = String(f.daysLate ?? 0)
        let show = Presentation(.vi)
        let period = f.period.map { show.period($0) }
        let due = f.due.map { show.date($0) }
        switch (f.status, f.reason) {
        case (_, "insufficient"?):
            m.add(" thực hiện ", String(f.actual ?? 0), "/", String(f.expected ?? 0), " lần")
            m.add(" kỳ ", ifPresent: period)
        case (_, "excess"?):
            m.add(" thực hiện ", String(f.actual ?? 0), " lần, vượt mức tối đa ", String(f.expected ?? 0))
            m.add(" kỳ ", ifPresent: period)
        case (_, "late"?):
            m.add(" hoàn thành chậm ", late, " ngày")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" kỳ ", ifPresent: period)
            m.add(" (hạn ", ifPresent: due, ")")
        case (_, "closed"?):
            m.add(" đã kết thúc vụ việc")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" không cần quyết định, trong hạn")
            m.add(" (hạn ", ifPresent: due, ")")
        case (_, "paused"?):
            m.add(" đang tạm đình chỉ vụ việc")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" ngày ", ifPresent: period)
            m.add(": thời hạn tạm dừng")
        case (_, "overdue"?):
            m.add(" quá hạn ", late, " ngày")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" (hạn ", ifPresent: due, ")")
        case (_, "missing"?):
            m.add(" chưa thực hiện")
            m.add(" kỳ ", ifPresent: period)
            m.add(" (hạn ", ifPresent: due, ")")
        case (_, "no-prior"?):
            m.add(" không có bước thực hiện trước")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" trước ngày ", period ?? "")
        case (_, "gap"?):
            m.add(" để khoảng cách vượt mức cho phép ", late, " ngày (", period ?? "", ")")
        case (.pending, _):
            m.add(" chưa đến hạn")
            m.add(" kỳ ", ifPresent: period)
            m.add(" (hạn ", ifPresent: due, ")")
        default:
            m.add(" đã thực hiện")
            m.add(" kỳ ", ifPresent: period)
        }
        return m.text
    }
}

extension FindingMessages {
    /// "has 75% (3 of 4 decided items), below the required 80%, for 2023".
    fileprivate static func ratio(_ f: Finding, _ share: Share, title: String, unit: Unit, language: Language)
        -> String
    {
        var m = MessageBuilder(title: title, unit: unit)
        let vi = language == .vi
        let actual = share.actual.text(separator: vi ? "," : ".") + "%"
        let expected = share.threshold.text(separator: vi ? "," : ".") + "%"
        let counts = "\(share.satisfied)/\(share.decided)"
        let pending =
            share.pending > 0 ? (vi ? ", \(share.pending) mục chưa có kết quả" : ", \(share.pending) pending") : ""
        switch (f.status, f.reason, vi) {
        case (_, "below-ratio"?, true):
            m.add(" đạt tỷ lệ ", actual, " (", counts, " mục), thấp hơn mức tối thiểu ", expected)
        case (_, "below-ratio"?, false):
            m.add(" reached ", actual, " (", counts, " decided items), below the required ", expected)
        case (.pending, _, true):
            m.add(" tạm đạt tỷ lệ ", actual, " (", counts, " mục", pending, "), yêu cầu ", expected)
        case (.pending, _, false):
            m.add(" has ", actual, " so far (", counts, " decided items", pending, "), required ", expected)
        case (_, _, true): m.add(" đạt tỷ lệ ", actual, " (", counts, " mục), yêu cầu tối thiểu ", expected)
        case (_, _, false):
            m.add(" reached ", actual, " (", counts, " decided items), at least ", expected, " required")
        }
        m.add(vi ? " kỳ " : " for ", ifPresent: f.period)
        return m.text
    }
}

/// A tool-written message, "title: name (id)" and then the kind's words, assembled in one buffer
/// and made a `String` once: interpolating each piece cost about 450 instructions a piece, which
/// made messages a tenth of evaluation at ten million events.
struct MessageBuilder {
    private var bytes: [UInt8] = []

    /// "title: name (id)".
    init(title: String, unit: Unit) {
        bytes.reserveCapacity(192)
        add(title, ": ", unit.name, " (", unit.id, ")")
    }

    /// Appends the parts.
    mutating func add(_ parts: String...) {
        for var p in parts { p.withUTF8 { bytes.append(contentsOf: $0) } }
    }

    /// Appends `lead`, `text` and `tail` when `text` is present (an optional field's words).
    mutating func add(_ lead: String, ifPresent text: String?, _ tail: String = "") {
        guard let text else { return }
        add(lead)
        add(text)
        add(tail)
    }

    /// The message.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
