import ComplianceCore

extension Explanation {
    /// The unit's events of a rule's types that a `where` clause rejected, near one finding: usually
    /// the whole explanation of a violation ("TCD23-00944, 14/08/2023, role: deputy — không khớp
    /// role: head").
    public struct RejectedEvents: Sendable {
        /// One rejected event and the first condition it failed.
        public struct Entry: Sendable {
            /// Event id.
            public let id: String
            /// Its date.
            public let date: Day
            /// `path:line` it came from.
            public let origin: String
            /// The rule key whose `where` rejected it (`event`, `trigger`, `fulfil`, …).
            public let pattern: String
            /// The attribute of the failed condition.
            public let field: String
            /// The event's value of it; nil when the event has none.
            public let value: String?
            /// The failed condition in words, in the language of the explanation.
            public let expected: String
        }

        /// The shown events, by date.
        public let entries: [Entry]
        /// Rejected events in the span beyond those shown.
        public let more: Int
        /// False when no rejected event fell in the finding's days and these are the nearest ones.
        public let inSpan: Bool
        /// The language of the words.
        public let language: Language

        /// The lines `explain` prints under a finding (empty when there is no entry).
        public func text() -> String {
            guard !entries.isEmpty else { return "" }
            let vi = language == .vi
            let show = Presentation(language)
            let patterns = Set(entries.map(\.pattern)).count
            var out =
                vi
                ? "  sự kiện bị điều kiện where loại (\(inSpan ? "trong kỳ" : "gần kỳ nhất")):\n"
                : "  events the where clause rejected (\(inSpan ? "in the period" : "nearest the period")):\n"
            for e in entries {
                let value = e.value.map(Self.oneLine) ?? (vi ? "(không có)" : "(absent)")
                out += "    \(Self.oneLine(e.id)), \(show.date(e.date)), \(e.field): \(value) — "
                out += (vi ? "không khớp " : "does not match ") + e.expected
                if patterns > 1 { out += " [\(e.pattern)]" }
                out += "  \(e.origin)\n"
            }
            if more > 0 { out += vi ? "    … và \(more) sự kiện khác\n" : "    … and \(more) more\n" }
            return out
        }

        /// The JSON form (`rejected` of an explained finding).
        public func json() -> [String: Any] {
            [
                "in_period": inSpan, "more": more,
                "events": entries.map { e -> [String: Any] in
                    var d: [String: Any] = [
                        "id": e.id, "date": e.date.description, "origin": e.origin, "pattern": e.pattern,
                        "field": e.field, "expected": e.expected,
                    ]
                    if let v = e.value { d["value"] = v }
                    return d
                },
            ]
        }

        /// A log's text on one line: a newline in a cell must not start a line of its own.
        static func oneLine(_ s: String) -> String {
            s.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
        }
    }
}
