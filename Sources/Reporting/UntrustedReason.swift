import ComplianceCore

/// Why a run cannot be trusted (exit 2), said in the report so that a reader of the text output
/// never has to guess from the exit code alone.
public enum UntrustedReason: Sendable, Equatable {
    /// Configuration, rules, units, calendar, vocabulary or waivers had errors: nothing was evaluated.
    case invalidInputs
    /// `--unit` or `--rule` named nothing: nothing was evaluated.
    case unknownFilter
    /// More rejected records (and missing-key triggers or targets) than `--max-rejected` allows.
    case tooManyRejected(rejected: Int, missingKeys: Int, limit: Int)
    /// The `--history` or `--baseline` could not be read.
    case comparisonFailed

    /// One sentence in the project language: "3 record(s) rejected, more than --max-rejected 0".
    public func sentence(_ language: Language) -> String {
        let vi = language == .vi
        switch self {
        case .invalidInputs:
            return vi
                ? "dữ liệu đầu vào có lỗi (xem các lỗi ở trên), không quy tắc nào được đánh giá"
                : "the inputs have errors (see above), so no rule was evaluated"
        case .unknownFilter:
            return vi
                ? "--unit hoặc --rule nêu tên không tồn tại (xem lỗi ở trên), không quy tắc nào được đánh giá"
                : "--unit or --rule names nothing (see the error above), so no rule was evaluated"
        case .tooManyRejected(let rejected, let missingKeys, let limit):
            let counted: String
            switch (vi, missingKeys) {
            case (true, 0): counted = "\(rejected) bản ghi bị loại"
            case (true, _):
                counted =
                    "\(rejected) bản ghi bị loại và \(missingKeys) sự kiện khởi phát/đích thiếu trường khóa, "
                    + "tổng cộng \(rejected + missingKeys)"
            case (false, 0): counted = "\(rejected) record(s) rejected"
            case (false, _):
                counted =
                    "\(rejected) record(s) rejected and \(missingKeys) trigger(s)/target(s) missing a key field, "
                    + "\(rejected + missingKeys) in all"
            }
            return counted + (vi ? ", nhiều hơn --max-rejected \(limit)" : ", more than --max-rejected \(limit)")
        case .comparisonFailed:
            return vi
                ? "không đọc được --history hoặc --baseline (xem lỗi ở trên)"
                : "the --history or --baseline could not be read (see the error above)"
        }
    }

    /// The closing line of a text report: "Exit 2: …".
    public static func line(_ reasons: [UntrustedReason], _ language: Language) -> String {
        let head =
            language == .vi ? "Kết quả không đáng tin cậy (mã thoát 2): " : "The run cannot be trusted (exit 2): "
        return head + reasons.map { $0.sentence(language) }.joined(separator: "; ") + "."
    }
}
