import ComplianceCore

/// Why a finding is what it is: the window and its reasons, the periods, the events considered (with
/// file:line), every due-date step, and the verdict — what `dvcheck explain` prints.
public struct Explanation: Sendable {
    /// An event as evidence.
    public struct EventLine: Sendable {
        /// Event id.
        public let id: String
        /// Its type.
        public let type: String
        /// Its date.
        public let date: Day
        /// Its unit.
        public let unit: String
        /// `path:line` it came from.
        public let origin: String
        /// What it did in the finding: trigger, fulfilment, extension, counted, candidate….
        public let role: String
    }

    /// One explained finding.
    public struct Item: Sendable {
        /// The finding.
        public let finding: Finding
        /// The computation, step by step.
        public let steps: [String]
        /// The events behind it.
        public let events: [EventLine]
        /// One sentence: why this status.
        public let verdict: String
        /// The unit's events a `where` clause rejected near this finding; nil when there is none.
        public var rejected: RejectedEvents? = nil
    }

    /// Rule id.
    public let rule: String
    /// Rule title in the project language.
    public let title: String
    /// Kind and parameters in words.
    public let kind: String
    /// The parameters in words.
    public let parameters: String
    /// Law or guidance (SPEC §10.9).
    public let binding: Binding
    /// Unit id and name.
    public let unit: String
    /// Unit name.
    public let unitName: String
    /// Whether the rule applies, and why.
    public let applies: Bool
    /// The selector in words.
    public let appliesText: String
    /// Window start.
    public let windowFrom: Day
    /// Why it starts there.
    public let windowFromReason: String
    /// Window end, nil = open.
    public let windowTo: Day?
    /// Why it ends there.
    public let windowToReason: String
    /// Evaluation date.
    public let asOf: Day
    /// Explained findings.
    public let items: [Item]
}
