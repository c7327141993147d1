import ComplianceCore

/// Report labels in the project language (SPEC §2 `language`).
struct Labels {
    let language: Language
    /// The reasons the kinds declare, for their labels and delays (`RunReport.reasons`).
    var reasons = FindingReasons()

    /// Dates, periods, delays and clauses in the same language.
    var presentation: Presentation { Presentation(language) }

    /// How many days ahead of the as-of date a pending item counts as due soon (SPEC §10.9).
    static let dueSoonDays = 14

    /// The heading of the pending items due within `dueSoonDays` (SPEC §10.9).
    var dueSoon: String { language == .vi ? "SẮP ĐẾN HẠN" : "DUE SOON" }
    var dueSoonHeading: String {
        language == .vi
            ? "Sắp đến hạn (trong \(Self.dueSoonDays) ngày)" : "Due soon (within \(Self.dueSoonDays) days)"
    }

    func status(_ s: Finding.Status) -> String {
        switch (language, s) {
        case (.vi, .satisfied): "ĐẠT"
        case (.vi, .violated): "VI PHẠM"
        case (.vi, .pending): "CHƯA ĐẾN HẠN"
        case (.vi, .waived): "MIỄN TRỪ"
        case (.en, .satisfied): "SATISFIED"
        case (.en, .violated): "VIOLATED"
        case (.en, .pending): "PENDING"
        case (.en, .waived): "WAIVED"
        }
    }

    /// A finding's status as readers see it (SPEC §10.9): a violation of a `guidance` rule reads
    /// CHƯA ĐẠT in Vietnamese, of a `law` rule VI PHẠM; English says VIOLATED with the binding beside it.
    func status(_ s: Finding.Status, binding: Binding) -> String {
        guard s == .violated else { return status(s) }
        switch (language, binding) {
        case (.vi, .law): return "VI PHẠM"
        case (.vi, .guidance): return "CHƯA ĐẠT"
        case (.en, _): return "VIOLATED (\(binding.rawValue))"
        }
    }

    /// A rule's binding as readers see it.
    func binding(_ b: Binding) -> String {
        guard language == .vi else { return b.rawValue }
        switch b {
        case .law: return "luật"
        case .guidance: return "hướng dẫn"
        }
    }

    /// "binding: guidance" / "tính chất: hướng dẫn", for a finding's details.
    func bindingNote(_ b: Binding) -> String { (language == .vi ? "tính chất: " : "binding: ") + binding(b) }

    /// A reason code as readers see it: the label its kind declares, or the code when no kind does.
    func reason(_ code: String) -> String { reasons[code]?.label(in: language) ?? code }

    /// A finding's reason with how late it is: "chậm 5 ngày", "quá hạn 83 ngày", "chưa thực hiện, quá
    /// hạn 101 ngày", "gián đoạn quá lâu, vượt 25 ngày"; nil when the finding has neither.
    func reasonAndDelay(_ f: Finding) -> String? {
        guard let days = f.daysLate else { return f.reason.map(reason) }
        let declared = f.reason.flatMap { reasons[$0] }
        let delay = (declared?.delay ?? .overdue).text(days: days, in: language)
        guard let code = f.reason, declared?.delaySaysReason != true else { return delay }
        return reason(code) + ", " + delay
    }

    /// A change mark as readers see it.
    func change(_ mark: ChangeSet.Mark) -> String {
        switch (language, mark) {
        case (.vi, .new): "MỚI"
        case (.vi, .persisting): "CÒN TỒN TẠI"
        case (.en, .new): "NEW"
        case (.en, .persisting): "PERSISTING"
        }
    }

    /// A severity as readers see it.
    func severity(_ s: Severity) -> String { presentation.severity(s) }

    /// A status given as its raw value (from a history or baseline), as readers see it.
    func status(raw: String) -> String { Finding.Status(rawValue: raw).map(status) ?? raw }

    /// "3 vi phạm" / "3 violation(s)"; of a guidance rule "3 chưa đạt" / "3 violation(s) (guidance)".
    func violations(_ n: Int, binding: Binding = .law) -> String {
        switch (language, binding) {
        case (.vi, .law): return "\(n) vi phạm"
        case (.vi, .guidance): return "\(n) chưa đạt"
        case (.en, .law): return "\(n) violation(s)"
        case (.en, .guidance): return "\(n) violation(s) (guidance)"
        }
    }

    /// The findings' heading, naming their order.
    func findingsHeading(_ sort: ReportSort) -> String {
        switch (language, sort) {
        case (.vi, .severity): "Danh sách phát hiện (theo mức độ)"
        case (.vi, .unit): "Danh sách phát hiện (theo đơn vị)"
        case (.en, .severity): "Findings (by severity)"
        case (.en, .unit): "Findings (by unit)"
        }
    }

    /// "Mức độ: cao" / "Severity: high".
    func severityHeading(_ s: Severity) -> String { (language == .vi ? "Mức độ: " : "Severity: ") + severity(s) }

    var summaryHeading: String { language == .vi ? "Tổng hợp" : "Summary" }
    var byStatus: String { language == .vi ? "Theo trạng thái" : "By status" }
    var violationsBySeverity: String { language == .vi ? "Vi phạm / chưa đạt theo mức độ" : "Violations by severity" }
    var byDistrict: String { language == .vi ? "Theo huyện (đơn vị cấp huyện)" : "By district" }
    var worstItems: String { language == .vi ? "Nghiêm trọng nhất" : "Most severe" }
    var project: String { language == .vi ? "Dự án" : "Project" }
    var ref: String { language == .vi ? "số hiệu" : "ref" }

    /// "Dữ liệu: 40 bản ghi đã đọc · 38 hợp lệ · 2 bị loại".
    func records(read: Int, accepted: Int, rejected: Int) -> String {
        language == .vi
            ? "Dữ liệu: \(read) bản ghi đã đọc · \(accepted) hợp lệ · \(rejected) bị loại"
            : "Records: \(read) read · \(accepted) accepted · \(rejected) rejected"
    }

    /// A group's counts: "5 vi phạm · 2 chưa đạt · 3 chưa đến hạn · 1 miễn trừ · 12 đạt".
    func counts(_ c: RollUpGroup.Counts) -> String {
        let law = c.violated - c.guidance
        if language == .vi {
            var parts = ["\(law) vi phạm"]
            if c.guidance > 0 { parts.append("\(c.guidance) chưa đạt") }
            parts += ["\(c.pending) chưa đến hạn", "\(c.waived) miễn trừ", "\(c.satisfied) đạt"]
            return parts.joined(separator: " · ")
        }
        let violated = "\(c.violated) violated" + (c.guidance > 0 ? " (\(c.guidance) of guidance rules)" : "")
        return [violated, "\(c.pending) pending", "\(c.waived) waived", "\(c.satisfied) satisfied"]
            .joined(separator: " · ")
    }

    var calendarName: String { language == .vi ? "Nghĩa vụ sắp đến hạn" : "Upcoming obligations" }
    var unit: String { language == .vi ? "Đơn vị" : "Unit" }
    var rule: String { language == .vi ? "Quy tắc" : "Rule" }
    var period: String { language == .vi ? "Kỳ" : "Period" }

    var resolvedHeading: String {
        language == .vi ? "Đã khắc phục so với lần chạy trước" : "Resolved since the previous run"
    }
    var was: String { language == .vi ? "trước đây" : "was" }
    var due: String { language == .vi ? "hạn" : "due" }
    var evidence: String { language == .vi ? "chứng cứ" : "evidence" }
    var asOf: String { language == .vi ? "Tính đến ngày" : "As of" }
    /// The as-of date as shown; "(không xác định)" / "(unknown)" when the run has none (an invalid
    /// `as_of` stopped it, `asOfIsKnown` false): no report names a stand-in date.
    func asOfDate(_ report: RunReport) -> String {
        report.asOfIsKnown ? presentation.date(report.asOf) : (language == .vi ? "(không xác định)" : "(unknown)")
    }
    var waiver: String { language == .vi ? "miễn trừ" : "waiver" }
    var noFindings: String { language == .vi ? "Không có phát hiện nào." : "No findings." }
    var invalidInputs: String {
        language == .vi
            ? "Dữ liệu đầu vào không hợp lệ: không đánh giá quy tắc nào (xem các lỗi ở trên)."
            : "Invalid inputs: no rule was evaluated (see the errors above)."
    }

    /// "không có dữ liệu" / "no data": a silent unit (SPEC §10.3).
    var noData: String { language == .vi ? "không có dữ liệu" : "no data" }
    /// The silent units' heading.
    var silentHeading: String {
        language == .vi
            ? "Đơn vị không có dữ liệu (không ghi nhận hoạt động nào trong kỳ đánh giá)"
            : "Units with no data (no event logged in the evaluated window)"
    }
    /// The KPI tables' heading.
    var kpiHeading: String { language == .vi ? "Chỉ tiêu tỷ lệ theo huyện" : "KPIs by district" }
    var share: String { language == .vi ? "Tỷ lệ" : "Share" }
    var threshold: String { language == .vi ? "Yêu cầu" : "Threshold" }
    var items: String { language == .vi ? "Số mục (đạt/đã có kết quả)" : "Items (satisfied/decided)" }

    /// "75%" / "57,5%" in the report language.
    func percent(_ t: Tenths) -> String { t.text(separator: language == .vi ? "," : ".") + "%" }

    /// "3/4" with ", 1 chưa có kết quả" / ", 1 pending" when items are still open.
    func items(_ s: Share) -> String {
        "\(s.satisfied)/\(s.decided)"
            + (s.pending > 0 ? (language == .vi ? ", \(s.pending) chưa có kết quả" : ", \(s.pending) pending") : "")
    }

    /// The closing summary; `guidance` of the violated findings belong to guidance rules (SPEC §10.9:
    /// in Vietnamese those are not called violations).
    func summary(_ s: RunSummaryLike, guidance: Int = 0) -> String {
        if language == .vi {
            let violated =
                guidance > 0 ? "\(s.violated - guidance) vi phạm · \(guidance) chưa đạt" : "\(s.violated) vi phạm"
            return
                "Tổng cộng: \(s.evaluated) mục đánh giá · \(s.satisfied) đạt · \(violated) · \(s.pending) chưa đến hạn · \(s.waived) miễn trừ (\(s.rules) quy tắc, \(s.units) đơn vị)"
        }
        let violated = "\(s.violated) violated" + (guidance > 0 ? " (\(guidance) of guidance rules)" : "")
        return
            "Summary: \(s.evaluated) evaluated · \(s.satisfied) satisfied · \(violated) · \(s.pending) pending · \(s.waived) waived (\(s.rules) rules, \(s.units) units)"
    }
}

/// The summary fields the label needs.
protocol RunSummaryLike {
    var rules: Int { get }
    var units: Int { get }
    var evaluated: Int { get }
    var satisfied: Int { get }
    var violated: Int { get }
    var pending: Int { get }
    var waived: Int { get }
}
