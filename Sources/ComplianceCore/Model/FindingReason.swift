/// Why a finding has its status, declared by the kind that makes it: the code results record
/// (`Finding.reason`), the label reports show, how its delay reads, and the tool's sentence.
///
/// Reports of a saved result know a finding only by its code, so a code means one reason whichever
/// kind makes it (`late` is a deadline's, a periodic's and a once rule's); `FindingReasons` finds it.
public struct FindingReason: Sendable {
    /// Writes the words after "title: unit (id)" for a finding with this reason.
    public typealias Sentence = @Sendable (Finding, Language, inout FindingSentence) -> Void

    /// The code in results, reports and rule tests (`late`).
    public let code: String
    /// The label Vietnamese reports show; English reports show the code.
    public let vietnameseLabel: String
    /// How the finding's `days_late` reads.
    public let delay: DelayWording
    /// Whether the delay alone says the reason ("chậm 5 ngày"), so reports show it without the label.
    public let delaySaysReason: Bool
    /// What `explain` adds to the status in its verdict ("closed by the due date"), when the status
    /// alone would mislead; nil for a violation, whose verdict names the code.
    public let verdict: String?
    /// The tool's sentence when the rule has no message template.
    public let sentence: Sentence

    /// A reason.
    public init(
        _ code: String, vietnameseLabel: String, delay: DelayWording = .overdue, delaySaysReason: Bool = false,
        verdict: String? = nil, sentence: @escaping Sentence
    ) {
        self.code = code
        self.vietnameseLabel = vietnameseLabel
        self.delay = delay
        self.delaySaysReason = delaySaysReason
        self.verdict = verdict
        self.sentence = sentence
    }

    /// The label reports show.
    public func label(in language: Language) -> String { language == .vi ? vietnameseLabel : code }
}

/// How many days past the limit a finding is: "chậm 7 ngày" / "7 days late".
public struct DelayWording: Sendable {
    /// The Vietnamese word before the count ("chậm").
    public let vietnamese: String
    /// The English words after "N day(s)" ("late").
    public let english: String

    /// A wording.
    public init(vietnamese: String, english: String) {
        self.vietnamese = vietnamese
        self.english = english
    }

    /// Past the due date: "quá hạn 83 ngày" / "83 days overdue" (the wording of a reason that names none).
    public static let overdue = DelayWording(vietnamese: "quá hạn", english: "overdue")

    /// The delay in words.
    public func text(days: Int, in language: Language) -> String {
        if language == .vi { return "\(vietnamese) \(days) ngày" }
        return days == 1 ? "1 day \(english)" : "\(days) days \(english)"
    }
}

/// Every reason the kinds declare, by code.
public struct FindingReasons: Sendable {
    private let byCode: [String: FindingReason]

    /// The reasons; the first of several with one code wins (kinds share a reason by sharing its value).
    public init(_ reasons: [FindingReason] = []) {
        var byCode: [String: FindingReason] = [:]
        for r in reasons where byCode[r.code] == nil { byCode[r.code] = r }
        self.byCode = byCode
    }

    /// The reason with `code`, if a kind declares it.
    public subscript(code: String) -> FindingReason? { byCode[code] }

    /// Every code, sorted.
    public var codes: [String] { byCode.keys.sorted() }
}
