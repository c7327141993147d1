/// Interned attribute values: each distinct normalised text once, with its typed readings in
/// columns.
///
/// A national log holds millions of distinct values (reference numbers, mostly). As an
/// `[AttributeValue]` each cost a 48-byte struct, a heap `String` when longer than 15 bytes, and
/// the slack of an array grown by doubling: some 200 MB at ten million events, a fifth of the run's
/// peak. Here a value is its text in the key arena (needed anyway to intern it) plus 13 bytes of
/// readings, and an `AttributeValue` is built only when a rule asks for one.
public struct ValueTable: Sendable {
    /// The values' texts; key `i` is value `i`.
    private var keys = ByteKeyTable(capacity: 1024)
    /// The number each value reads as, NaN when none (a strict decimal never reads as NaN).
    private var numbers: [Double] = []
    /// The day each value reads as (its ordinal), `Int32.min` when none.
    private var days: [Int32] = []
    /// The boolean each value reads as: 1, 0, or -1 when none.
    private var booleans: [Int8] = []

    /// An empty table.
    public init() {}

    /// The number of values.
    public var count: Int { numbers.count }

    /// The index of the value whose text is `text`: plain ASCII without white space at either end
    /// (so already NFC and trimmed), interning it when new.
    package mutating func intern(plainASCII text: UnsafeBufferPointer<UInt8>, hash: Int? = nil) -> Int32 {
        let (index, inserted) = keys.insert(text, hash: hash ?? ByteKeyTable.hash(text))
        if inserted { appendReadings(of: AttributeValue(plainASCII: text)) }
        return Int32(index)
    }

    /// The index of the value whose text is `text`, already NFC and trimmed, interning it when new:
    /// the value (its readings) is only built when the text is new.
    package mutating func intern(normalized text: String) -> Int32 {
        var text = text
        let (index, inserted) = text.withUTF8 { keys.insert($0) }
        if inserted { appendReadings(of: AttributeValue(text)) }
        return Int32(index)
    }

    /// The index of the value whose UTF-8 text is `text`, already NFC and trimmed, interning it when
    /// new (`intern(normalized:)` for text read as bytes).
    package mutating func intern(normalizedUTF8 text: UnsafeBufferPointer<UInt8>, hash: Int? = nil) -> Int32 {
        let (index, inserted) = keys.insert(text, hash: hash ?? ByteKeyTable.hash(text))
        if inserted { appendReadings(of: AttributeValue(String(decoding: text, as: UTF8.self))) }
        return Int32(index)
    }

    /// Starts fetching the slot a value with hash `hash` is interned at (`ByteKeyTable.prefetch`).
    @inline(__always)
    package func prefetch(hash: Int) { keys.prefetch(hash: hash) }

    /// The index of an already built value, interning it when new.
    package mutating func intern(_ value: AttributeValue) -> Int32 {
        let (index, inserted) = keys.insert(value.text)
        if inserted { appendReadings(of: value) }
        return Int32(index)
    }

    private mutating func appendReadings(of value: AttributeValue) {
        numbers.append(value.number ?? .nan)
        days.append(value.date.map { Int32(truncatingIfNeeded: $0.ordinal) } ?? .min)
        booleans.append(value.boolean.map { $0 ? 1 : 0 } ?? -1)
    }

    /// Value `index`.
    public subscript(index: Int) -> AttributeValue {
        let number = numbers[index]
        let day = days[index]
        let boolean = booleans[index]
        return AttributeValue(
            text: String(decoding: keys.key(index), as: UTF8.self), number: number.isNaN ? nil : number,
            boolean: boolean < 0 ? nil : boolean == 1, date: day == .min ? nil : Day(ordinal: Int(day)))
    }

    /// Whether value `index` has empty text (an attribute holding it is absent).
    public func isEmpty(_ index: Int) -> Bool { keys.key(index).isEmpty }
}
