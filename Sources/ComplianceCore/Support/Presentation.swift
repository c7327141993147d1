/// How dates, periods, durations and clauses read for people, in each language (SPEC §10.9).
///
/// Only what people read goes through here; JSON, CSV, SARIF and ICS properties keep ISO dates and
/// the period labels of SPEC §5. English keeps ISO dates and labels, which read unambiguously.
public struct Presentation: Sendable {
    /// The language people read.
    public let language: Language

    /// The presentation for `language`.
    public init(_ language: Language) { self.language = language }

    private var vi: Bool { language == .vi }

    /// `DD/MM/YYYY` in Vietnamese, ISO `YYYY-MM-DD` in English.
    public func date(_ d: Day) -> String {
        guard vi else { return d.description }
        let c = d.components
        return Day.pad(c.day, 2) + "/" + Day.pad(c.month, 2) + "/" + Day.pad(c.year, 4)
    }

    /// A finding's period as people read it: a SPEC §5 label (`2025-W05`, `2022-10`, `2022-Q3`,
    /// `2023-H1`, `2024`), a date, or a gap `a/b`; anything else is returned as it is.
    ///
    /// Vietnamese: "tuần 05/2025 (27/01–02/02/2025)", "tháng 10/2022", "quý 3/2022",
    /// "6 tháng đầu năm 2023", "6 tháng cuối năm 2023", "năm 2024", "10/01/2024",
    /// "15/02/2024–10/05/2024".
    public func period(_ label: String) -> String {
        guard vi else { return label }
        return Self.periodTexts.text(for: label, Self.vietnamesePeriod)
    }

    /// Vietnamese period texts already written: the findings of a rule share their periods (every
    /// unit has the same weeks), and writing one afresh per finding was a tenth of an evaluation.
    private static let periodTexts = TextMemo(limit: 100_000)

    private static func vietnamesePeriod(_ label: String) -> String {
        let show = Presentation(.vi)
        if let slash = label.firstIndex(of: "/") {
            let (a, b) = (label[..<slash], label[label.index(after: slash)...])
            guard let from = DateText.parseISODate(a), let to = DateText.parseISODate(b) else { return label }
            return show.date(from) + "–" + show.date(to)
        }
        if let day = DateText.parseISODate(label) { return show.date(day) }
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard let yearText = parts.first, yearText.count == 4, let year = Int(yearText) else { return label }
        if parts.count == 1 { return "năm \(year)" }
        guard parts.count == 2 else { return label }
        let rest = parts[1]
        guard let mark = rest.first else { return label }
        let number = Int(mark.isNumber ? rest : rest.dropFirst())
        guard let n = number else { return label }
        switch mark {
        case "W":
            guard let monday = Self.isoWeekStart(year: year, week: n) else { return label }
            let sunday = monday.adding(days: 6)
            let start = Day.pad(monday.components.day, 2) + "/" + Day.pad(monday.components.month, 2)
            let from = monday.year == sunday.year ? start : show.date(monday)
            return "tuần \(Day.pad(n, 2))/\(Day.pad(year, 4)) (\(from)–\(show.date(sunday)))"
        case "Q" where (1...4).contains(n): return "quý \(n)/\(year)"
        case "H" where n == 1: return "6 tháng đầu năm \(year)"
        case "H" where n == 2: return "6 tháng cuối năm \(year)"
        default:
            guard mark.isNumber, rest.count == 2, (1...12).contains(n) else { return label }
            return "tháng \(Day.pad(n, 2))/\(year)"
        }
    }

    /// A severity: "nghiêm trọng", "cao", "trung bình", "thấp", "thông tin"; English keeps the keyword.
    public func severity(_ s: Severity) -> String {
        guard vi else { return s.rawValue }
        switch s {
        case .critical: return "nghiêm trọng"
        case .high: return "cao"
        case .medium: return "trung bình"
        case .low: return "thấp"
        case .info: return "thông tin"
        }
    }

    /// An ISO date read from a record (a history, a baseline) as people read it; other text unchanged.
    public func date(iso text: String) -> String { DateText.parseISODate(text).map { date($0) } ?? text }

    /// A rule's `source.clause`: "mục 2" / "item 2".
    public func clause(_ c: String) -> String { (vi ? "mục " : "item ") + c }

    /// The Monday of ISO week `week` of `year`, nil when the year has no such week.
    static func isoWeekStart(year: Int, week: Int) -> Day? {
        guard week >= 1, let jan4 = Day(year: year, month: 1, day: 4) else { return nil }
        let monday = jan4.adding(days: 1 - jan4.isoWeekday + 7 * (week - 1))
        // The week belongs to `year` when its Thursday does.
        return monday.adding(days: 3).year == year ? monday : nil
    }
}
