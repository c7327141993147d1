/// The known event types and their attributes (SPEC §4).
///
/// With a vocabulary, a typo in a log or a rule is caught instead of silently matching nothing.
public struct Vocabulary: Sendable {
    /// Attribute value types.
    public enum AttributeType: String, Sendable, CaseIterable {
        case string, number, boolean, date

        /// Whether a value read from a log fits this type.
        public func accepts(_ value: AttributeValue) -> Bool {
            switch self {
            case .string: return true
            case .number: return value.number != nil
            case .boolean: return value.boolean != nil
            case .date: return DateText.parseCalendarDate(Substring(value.text)) != nil
            }
        }
    }

    /// One event type.
    public struct EventType: Sendable {
        /// Its title.
        public let title: LocalizedText?
        /// Attribute types by name.
        public let attributes: [String: AttributeType]
        /// Fields a record of this type must carry.
        public let requires: [String]
        /// An event type.
        public init(title: LocalizedText?, attributes: [String: AttributeType], requires: [String]) {
            self.title = title
            self.attributes = attributes
            self.requires = requires
        }
    }

    /// Types by name.
    public let eventTypes: [String: EventType]

    /// A vocabulary.
    public init(eventTypes: [String: EventType]) { self.eventTypes = eventTypes }

    /// Every attribute name any type declares, plus the core fields.
    public var allAttributeNames: Set<String> {
        var names: Set<String> = ["id", "unit", "type", "date", "ref"]
        for t in eventTypes.values { names.formUnion(t.attributes.keys) }
        return names
    }
}
