/// "Did you mean" hints for unknown names that inputs may repeat by the thousand (unit ids in logs,
/// parents in a registry): each distinct name is searched once, and only the first `limit` distinct
/// names are searched at all.
///
/// A search compares with every candidate — tens of thousands of unit ids. A log naming thousands
/// of different unknown units was written against another registry (the 2025 mergers renamed whole
/// provinces); there a suggestion per record is noise, and the searches cost minutes. Measured: 2,000
/// distinct unknown ids among 45,070 units took 269 s before the byte-wise search and this limit.
public struct HintCache: Sendable {
    /// The most distinct names searched for a hint.
    public let limit: Int
    private var hints: [String: Message] = [:]

    /// A cache that searches for at most `limit` distinct names.
    public init(limit: Int = 100) { self.limit = limit }

    /// `Suggestions.didYouMean(_:in:)` for `word`: remembered, or nothing once `limit` names were searched.
    public mutating func hint<S: Sequence>(for word: String, in candidates: () -> S) -> Message
    where S.Element == String {
        if let known = hints[word] { return known }
        guard hints.count < limit else { return .empty }
        let hint = Suggestions.didYouMean(word, in: candidates())
        hints[word] = hint
        return hint
    }
}
