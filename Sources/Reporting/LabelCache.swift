import ComplianceCore

/// Period labels and dates as people read them (`Presentation`), each made once: a national audit
/// shows the same few hundred periods and days on millions of findings.
struct LabelCache {
    let presentation: Presentation
    private var periods: [ExactText: String] = [:]
    private var dates: [Int: String] = [:]
    /// Gap periods (`a/b`) can be as many as the findings: past this many the cache starts afresh.
    private static let limit = 8192

    init(_ language: Language) { presentation = Presentation(language) }

    /// `presentation.period(label)`.
    mutating func period(_ label: String) -> String {
        let key = ExactText(text: label)
        if let known = periods[key] { return known }
        if periods.count >= Self.limit { periods.removeAll(keepingCapacity: true) }
        let text = presentation.period(label)
        periods[key] = text
        return text
    }

    /// `presentation.date(day)`.
    mutating func date(_ day: Day) -> String {
        if let known = dates[day.ordinal] { return known }
        if dates.count >= Self.limit { dates.removeAll(keepingCapacity: true) }
        let text = presentation.date(day)
        dates[day.ordinal] = text
        return text
    }
}
