import CPrefetch

#if canImport(Glibc)
    import Glibc
#endif

/// A hash table from byte strings to dense indices (0, 1, 2, … in insertion order), so ingestion can
/// intern unit ids, event types, field names, attribute values and event ids straight from the bytes
/// of a record without building a `String` for every field.
///
/// Keys live in one contiguous arena. Each slot holds the key's index and 32 bits of its hash, so a
/// probe that meets another key is told apart without reading the arena: at ten million event ids
/// the table is far larger than the caches, and comparing keys on every probe (a cache miss into
/// `ends` and one into `arena`) made interning ids a tenth of a whole run.
public struct ByteKeyTable: Sendable {
    /// The keys' bytes, one after another.
    private(set) var arena: [UInt8] = []
    /// Where each key ends in `arena` (it starts where the previous one ends); 32 bits, so the arena
    /// holds at most 4 GiB of keys.
    private(set) var ends: [UInt32] = []
    /// Open-addressing slots: the high 32 bits of the key's hash, then key index + 1 (0 = empty).
    private var slots: [UInt64]
    private var mask: Int

    /// An empty table sized for about `capacity` keys.
    public init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Self.makeSlots(size)
        mask = size - 1
    }

    /// Zeroed slots.
    ///
    /// A table of many megabytes asks for transparent huge pages before its memory is
    /// first touched: its probes land on random pages, and with 4 KiB pages nearly every probe of a
    /// ten-million-id table also missed the TLB (measured: a third less CPU per insert with them).
    static func makeSlots(_ size: Int) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: size) { buffer, count in
            let bytes = size * MemoryLayout<UInt64>.stride
            #if canImport(Glibc)
                let huge = 2 << 20
                if bytes >= 2 * huge, let base = buffer.baseAddress {
                    let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
                    let end = (Int(bitPattern: base) + bytes) & ~(huge - 1)
                    if end > start {
                        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE)
                    }
                }
            #endif
            buffer.initialize(repeating: 0)
            count = size
        }
    }

    /// The slot value for key `index` with hash `hash`.
    @inline(__always)
    private static func entry(_ index: Int, _ hash: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: hash) & 0xFFFF_FFFF_0000_0000 | UInt64(index + 1)
    }

    /// Whether slot value `entry` may hold a key with hash `hash` (the hash bits agree).
    @inline(__always)
    private static func sameHash(_ entry: UInt64, _ hash: Int) -> Bool {
        (entry ^ UInt64(truncatingIfNeeded: hash)) & 0xFFFF_FFFF_0000_0000 == 0
    }

    /// The number of keys.
    public var count: Int { ends.count }

    /// The index of `key`, or nil when it was never inserted.
    public func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        if slots.isEmpty { return (0..<ends.count).first { equals($0, key) } }
        let hash = Self.hash(key)
        var slot = hash & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let index = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
            if Self.sameHash(entry, hash) && equals(index, key) { return index }
            slot = (slot + 1) & mask
        }
    }

    /// Frees the hash slots (most of the table's memory besides the keys) when no more keys will be
    /// inserted; `index(of:)` then scans, and the next `insert` rebuilds them.
    package mutating func dropIndex() {
        slots = []
        mask = 0
    }

    /// The index of `key`, inserting it when new; `inserted` tells which happened.
    package mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int, inserted: Bool) {
        insert(key, hash: Self.hash(key))
    }

    /// `insert(key)` for a key whose `hash(_:)` is known (computed on another thread, or earlier to
    /// `prefetch` its slot).
    package mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: Int) -> (index: Int, inserted: Bool) {
        if slots.isEmpty {
            var size = 16
            while (ends.count + 1) * 10 > size * 7 { size <<= 1 }
            rehash(size: size)
        }
        var slot = hash & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let index = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
            if Self.sameHash(entry, hash) && equals(index, key) { return (index, false) }
            slot = (slot + 1) & mask
        }
        let index = ends.count
        arena.append(contentsOf: key)
        precondition(arena.count <= Int(UInt32.max), "more than 4 GiB of distinct keys")
        ends.append(UInt32(arena.count))
        slots[slot] = Self.entry(index, hash)
        if ends.count * 10 > slots.count * 7 { grow() }
        return (index, true)
    }

    /// Asks the CPU to fetch the slot a key with hash `hash` is probed at first, without waiting:
    /// issued a few keys ahead of their inserts, the cache misses of a table far larger than the
    /// caches overlap each other and the work in between.
    @inline(__always)
    package func prefetch(hash: Int) {
        slots.withUnsafeBufferPointer { slots in
            guard let base = slots.baseAddress else { return }
            dvcheck_prefetch(base + (hash & mask))
        }
    }

    /// Inserts `key` given as a `String`.
    package mutating func insert(_ key: String) -> (index: Int, inserted: Bool) {
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

    /// Calls `body` with the index and the bytes of each key in `range`, in order, read in place (a
    /// scan of millions of keys then costs no reference counting per key).
    public func forEachKey(in range: Range<Int>, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        guard !range.isEmpty else { return }
        arena.withUnsafeBufferPointer { keys in
            ends.withUnsafeBufferPointer { ends in
                var start = start(range.lowerBound)
                for index in range {
                    let end = Int(ends[index])
                    body(index, UnsafeBufferPointer(rebasing: keys[start..<end]))
                    start = end
                }
            }
        }
    }

    /// Calls `body` with the keys read in place, for a loop over millions of them that must not
    /// retain the table's storage at each step (a closure capturing the table copies it).
    package func withKeys<R>(_ body: (Keys) -> R) -> R {
        arena.withUnsafeBufferPointer { arena in ends.withUnsafeBufferPointer { ends in body(Keys(arena, ends)) } }
    }

    /// The keys of a table, valid inside `withKeys` only.
    package struct Keys {
        private let arena: UnsafeBufferPointer<UInt8>
        private let ends: UnsafeBufferPointer<UInt32>

        fileprivate init(_ arena: UnsafeBufferPointer<UInt8>, _ ends: UnsafeBufferPointer<UInt32>) {
            (self.arena, self.ends) = (arena, ends)
        }

        /// Key `index`'s bytes.
        @inline(__always)
        package subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: arena[(index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])])
        }

        /// Whether key `a` sorts before key `b`, byte by byte.
        @inline(__always)
        package func precedes(_ a: Int, _ b: Int) -> Bool { self[a].lexicographicallyPrecedes(self[b]) }
    }

    /// Where key `index` starts in `arena`.
    @inline(__always)
    private func start(_ index: Int) -> Int { index == 0 ? 0 : Int(ends[index - 1]) }

    /// Makes room for `keys` keys of about `bytesPerKey` bytes without regrowing.
    package mutating func reserve(keys: Int, bytesPerKey: Int) {
        arena.reserveCapacity(keys * bytesPerKey)
        ends.reserveCapacity(keys)
        var size = max(slots.count, 16)
        while keys * 10 > size * 7 { size <<= 1 }
        if size > slots.count { rehash(size: size) }
    }

    /// Forgets every key from `count` on (a log file that turned out unreadable contributes nothing).
    package mutating func truncate(to count: Int) {
        guard count < ends.count else { return }
        arena.removeSubrange(start(count)...)
        ends.removeSubrange(count...)
        if !slots.isEmpty { rehash(size: slots.count) }
    }

    /// Whether key `index` is `key` (a caller that can guess a key's index checks its guess without
    /// hashing).
    @inline(__always)
    public func key(_ index: Int, is key: UnsafeBufferPointer<UInt8>) -> Bool { equals(index, key) }

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
        slots = Self.makeSlots(size)
        mask = size - 1
        arena.withUnsafeBufferPointer { a in
            var start = 0
            for (index, end) in ends.enumerated() {
                let end = Int(end)
                let hash = Self.hash(UnsafeBufferPointer(rebasing: a[start..<end]))
                var slot = hash & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Self.entry(index, hash)
                start = end
            }
        }
    }

    /// A word-at-a-time multiply-xorshift hash: eight bytes per step, every byte reaching the low
    /// bits that pick the slot.
    @inline(__always)
    package static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
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
