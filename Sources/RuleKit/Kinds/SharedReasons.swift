import ComplianceCore

/// Reasons more than one kind gives: one value each, so a code reads the same whichever kind made it.
extension FindingReason {
    /// Done after the due date (deadline, periodic, once).
    static let late = FindingReason(
        "late", vietnameseLabel: "chậm", delay: DelayWording(vietnamese: "chậm", english: "late"),
        delaySaysReason: true
    ) { f, language, m in
        let days = String(f.daysLate ?? 0)
        if language == .vi {
            let show = Presentation(.vi)
            m.add(" hoàn thành chậm ", days, " ngày")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" kỳ ", ifPresent: f.period.map { show.period($0) })
            m.add(" (hạn ", ifPresent: f.due.map { show.date($0) }, ")")
        } else {
            m.add(" met it ", days, " day(s) late")
            m.add(" [", ifPresent: f.ref, "]")
            m.add(" for ", ifPresent: f.period)
            m.add(" (due ", ifPresent: f.due?.description, ")")
        }
    }

    /// Nothing done by a due date that has passed (periodic, once).
    static let missing = FindingReason("missing", vietnameseLabel: "chưa thực hiện") { f, language, m in
        if language == .vi {
            let show = Presentation(.vi)
            m.add(" chưa thực hiện")
            m.add(" kỳ ", ifPresent: f.period.map { show.period($0) })
            m.add(" (hạn ", ifPresent: f.due.map { show.date($0) }, ")")
        } else {
            m.add(" has no record")
            m.add(" for ", ifPresent: f.period)
            m.add(" (due ", ifPresent: f.due?.description, ")")
        }
    }
}
