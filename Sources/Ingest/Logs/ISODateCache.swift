import ComplianceCore

/// The days of the `YYYY-MM-DD` dates a checker has read, by their ten bytes: ten million records
/// fall on a few thousand distinct days, so most dates are a lookup rather than a parse.
///
/// Direct-mapped: a slot holds one date, replaced by the next that hashes there. Only dates that
/// parsed are kept, so the answer is always `FieldText.isoDate`'s.
struct ISODateCache {
    private static let slotBits = 12
    private var heads = [UInt64](repeating: 0, count: 1 << slotBits)
    private var tails = [UInt16](repeating: 0, count: 1 << slotBits)
    /// The day's ordinal, `Int32.min` for an empty slot.
    private var days = [Int32](repeating: .min, count: 1 << slotBits)

    /// `FieldText.isoDate(bytes)`, looked up first.
    mutating func day(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        guard bytes.count == 10, let base = bytes.baseAddress else { return FieldText.isoDate(bytes) }
        let raw = UnsafeRawPointer(base)
        let head = raw.loadUnaligned(as: UInt64.self)
        let tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        let slot = Int(truncatingIfNeeded: ((head ^ UInt64(tail)) &* 0x9E37_79B9_7F4A_7C15) >> (64 - Self.slotBits))
        if days[slot] != .min && heads[slot] == head && tails[slot] == tail { return Day(ordinal: Int(days[slot])) }
        guard let day = FieldText.isoDate(bytes) else { return nil }
        (heads[slot], tails[slot], days[slot]) = (head, tail, Int32(truncatingIfNeeded: day.ordinal))
        return day
    }
}
