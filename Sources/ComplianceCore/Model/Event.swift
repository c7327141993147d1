/// Where an event was read: which log file (an index into the run's file list) and which line.
public struct EventOrigin: Hashable, Sendable {
    /// Index into `EventStore.files`.
    public let file: Int32
    /// 1-based line of the record.
    public let line: Int32

    /// An origin.
    public init(file: Int32, line: Int32) {
        self.file = file
        self.line = line
    }
}

/// One accepted log record: something a unit did on a day.
public struct Event: Sendable {
    /// Unique across the run's logs.
    public let id: String
    /// Index of the unit in the `UnitRegistry`.
    public let unit: Int32
    /// Event type, for example `citizen-reception`.
    public let type: String
    /// Civil date in the project time zone.
    public let day: Day
    /// Every other field (`ref` included), NFC and trimmed, sorted by name.
    public let attributes: [(name: String, value: AttributeValue)]
    /// File and line it came from.
    public let origin: EventOrigin

    /// An event; `attributes` are sorted here so lookups and output are deterministic.
    public init(
        id: String, unit: Int32, type: String, day: Day, attributes: [(name: String, value: AttributeValue)],
        origin: EventOrigin
    ) {
        self.id = id
        self.unit = unit
        self.type = type
        self.day = day
        self.attributes = attributes.sorted { $0.name < $1.name }
        self.origin = origin
    }

    /// The value of a field by name: an attribute, or `id`/`type`/`date` as text.
    public func value(of field: String) -> AttributeValue? {
        for entry in attributes where entry.name == field { return entry.value }
        switch field {
        case "id": return AttributeValue(id)
        case "type": return AttributeValue(type)
        case "date": return AttributeValue(day.description)
        default: return nil
        }
    }

    /// The `ref` field, if present.
    public var ref: String? { value(of: "ref")?.text }

    /// Orders events by date, then id in code-point order — the order every rule kind walks them in.
    public static func chronological(_ a: Event, _ b: Event) -> Bool {
        a.day != b.day ? a.day < b.day : a.id.unicodeScalars.lexicographicallyPrecedes(b.id.unicodeScalars)
    }
}

extension String {
    /// Code-point order, the order SPEC §8 sorts ids in (Swift's `<` on String is not code-point order
    /// for every input).
    ///
    /// UTF-8 bytes sort in code-point order, and comparing bytes skips decoding scalars.
    public func codePointPrecedes(_ other: String) -> Bool {
        utf8.lexicographicallyPrecedes(other.utf8)
    }
}
