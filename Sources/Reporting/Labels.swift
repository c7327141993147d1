import ComplianceCore

/// Report labels in the project language (SPEC §2 `language`).
struct Labels {
    let language: Language

    func status(_ s: Finding.Status) -> String {
        switch (language, s) {
        case (.vi, .satisfied): "ĐẠT"
        case (.vi, .violated): "VI PHẠM"
        case (.vi, .pending): "SẮP ĐẾN HẠN"
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

    func reason(_ r: String) -> String {
        guard language == .vi else { return r }
        switch r {
        case "insufficient": return "không đủ số lần"
        case "excess": return "vượt số lần"
        case "late": return "chậm"
        case "overdue": return "quá hạn"
        case "missing": return "chưa thực hiện"
        case "no-prior": return "thiếu bước trước"
        case "gap": return "gián đoạn quá lâu"
        case "closed": return "đã kết thúc (rút, đình chỉ)"
        case "paused": return "tạm dừng tính thời hạn"
        case "below-ratio": return "tỷ lệ dưới mức yêu cầu"
        default: return r
        }
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
    func severity(_ s: Severity) -> String {
        guard language == .vi else { return s.rawValue }
        switch s {
        case .critical: return "nghiêm trọng"
        case .high: return "cao"
        case .medium: return "trung bình"
        case .low: return "thấp"
        case .info: return "thông tin"
        }
    }

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
                "Tổng cộng: \(s.evaluated) mục đánh giá · \(s.satisfied) đạt · \(violated) · \(s.pending) sắp đến hạn · \(s.waived) miễn trừ (\(s.rules) quy tắc, \(s.units) đơn vị)"
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
