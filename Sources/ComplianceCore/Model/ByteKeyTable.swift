/// A hash table from byte strings to dense indices (0, 1, 2, … in insertion order), so ingestion can
/// intern unit ids, event types, field names, attribute values and event ids straight from the bytes
/// of a record without building a `String` for every field.
///
/// Keys live in one contiguous arena; the table holds only 32-bit slots. Lookups hash with FNV-1a,
/// which is fast for the short keys of logs.
public struct ByteKeyTable: Sendable {
    /// The keys' bytes, one after another.
    private(set) var arena: [UInt8] = []
    /// Where each key ends in `arena` (it starts where the previous one ends); 32 bits, so the arena
    /// holds at most 4 GiB of keys.
    private(set) var ends: [UInt32] = []
    /// Open-addressing slots holding key index + 1 (0 = empty).
    private var slots: [UInt32]
    private var mask: Int

    /// An empty table sized for about `capacity` keys.
    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt32](repeating: 0, count: size)
        mask = size - 1
    }

    /// The number of keys.
    public var count: Int { ends.count }

    /// The index of `key`, or nil when it was never inserted.
    public func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Self.hash(key) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if equals(entry - 1, key) { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// The index of `key`, inserting it when new; `inserted` tells which happened.
    public mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int, inserted: Bool) {
        var slot = Self.hash(key) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            if equals(entry - 1, key) { return (entry - 1, false) }
            slot = (slot + 1) & mask
        }
        let index = ends.count
        arena.append(contentsOf: key)
        precondition(arena.count <= Int(UInt32.max), "more than 4 GiB of distinct keys")
        ends.append(UInt32(arena.count))
        slots[slot] = UInt32(truncatingIfNeeded: index + 1)
        if ends.count * 10 > slots.count * 7 { grow() }
        return (index, true)
    }

    /// Inserts `key` given as a `String`.
    public mutating func insert(_ key: String) -> (index: Int, inserted: Bool) {
        var copy = key
        return copy.withUTF8 { insert($0) }
    }

    /// The index of `key` given as a `String`.
    public func index(of key: String) -> Int? {
        var copy = key
        return copy.withUTF8 { index(of: $0) }
    }

    /// The bytes of key `index`.
    public func key(_ index: Int) -> ArraySlice<UInt8> {
        arena[start(index)..<Int(ends[index])]
    }

    /// Where key `index` starts in `arena`.
    @inline(__always)
    private func start(_ index: Int) -> Int { index == 0 ? 0 : Int(ends[index - 1]) }

    /// Makes room for `keys` keys of about `bytesPerKey` bytes without regrowing.
    public mutating func reserve(keys: Int, bytesPerKey: Int) {
        arena.reserveCapacity(keys * bytesPerKey)
        ends.reserveCapacity(keys)
        var size = slots.count
        while keys * 10 > size * 7 { size <<= 1 }
        if size > slots.count { rehash(size: size) }
    }

    /// Forgets every key from `count` on (a log file that turned out unreadable contributes nothing).
    public mutating func truncate(to count: Int) {
        guard count < ends.count else { return }
        arena.removeSubrange(start(count)...)
        ends.removeSubrange(count...)
        rehash(size: slots.count)
    }

    private func equals(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = start(index)
        guard Int(ends[index]) - start == key.count else { return false }
        guard let k = key.baseAddress else { return true }
        return arena.withUnsafeBufferPointer { a in
            guard let base = a.baseAddress else { return false }
            let stored = UnsafeRawPointer(base + start)
            let wanted = UnsafeRawPointer(k)
            var i = 0
            while i + 8 <= key.count {
                if stored.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    != wanted.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                {
                    return false
                }
                i += 8
            }
            while i < key.count {
                if base[start + i] != k[i] { return false }
                i += 1
            }
            return true
        }
    }

    private mutating func grow() { rehash(size: slots.count * 2) }

    private mutating func rehash(size: Int) {
        slots = [UInt32](repeating: 0, count: size)
        mask = size - 1
        arena.withUnsafeBufferPointer { a in
            var start = 0
            for (index, end) in ends.enumerated() {
                let end = Int(end)
                var slot = Self.hash(UnsafeBufferPointer(rebasing: a[start..<end])) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = UInt32(truncatingIfNeeded: index + 1)
                start = end
            }
        }
    }

    /// A word-at-a-time multiply-xorshift hash: eight bytes per step, every byte reaching the low
    /// bits that pick the slot.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        guard let base = key.baseAddress else { return Int(truncatingIfNeeded: h) }
        let n = key.count
        var i = 0
        while i + 8 <= n {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(base[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return Int(truncatingIfNeeded: h)
    }
}
