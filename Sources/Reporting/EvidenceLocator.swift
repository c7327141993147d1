import ComplianceCore
import Foundation

/// Finds where the evidence events of the reported findings were read (SPEC §10.5 `events`).
///
/// The store's id index is dropped after ingestion (128 MB at ten million events), so the wanted
/// ids go into a small table of their own and the rows are scanned once, comparing bytes.
public enum EvidenceLocator {
    /// The position of every event named by a finding a report lists (satisfied ones only when
    /// `listSatisfied`).
    public static func locate(_ findings: [Finding], listSatisfied: Bool, in store: EventStore)
        -> [String: EvidenceEvent]
    {
        var wanted = ByteKeyTable(capacity: 1024)
        for f in findings where listSatisfied || f.status != .satisfied {
            for id in f.events { _ = wanted.insert(id) }
        }
        return locate(wanted, in: store)
    }

    /// The position of every event in `eventIDs` (the evidence a streamed run's spill names).
    public static func locate(eventIDs: [String], in store: EventStore) -> [String: EvidenceEvent] {
        var wanted = ByteKeyTable(capacity: 1024)
        for id in eventIDs { _ = wanted.insert(id) }
        return locate(wanted, in: store)
    }

    private static func locate(_ wanted: ByteKeyTable, in store: EventStore) -> [String: EvidenceEvent] {
        guard wanted.count > 0 else { return [:] }
        let table = store.table
        // The rows are scanned in parts on all cores (read-only lookups), the hits joined in order.
        let partSize = 1 << 20
        let parts = (table.count + partSize - 1) / partSize
        let hits = HitSlots(count: parts)
        let lookup = wanted
        let filter = HashBits(wanted)
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            var rows: [Int] = []
            table.evaluable.withUnsafeBufferPointer { evaluable in
                table.ids.forEachKey(in: (p * partSize)..<min((p + 1) * partSize, table.count)) { row, id in
                    if evaluable[row], filter.mayHold(id), lookup.index(of: id) != nil { rows.append(row) }
                }
            }
            hits.set(p, rows)
        }
        var found: [String: EvidenceEvent] = [:]
        found.reserveCapacity(wanted.count)
        for row in hits.all {
            let origin = store.origin(of: Int32(row))
            // The store keeps a record's first line; a text log's record starts in column 1, and a
            // worksheet row is named by its first cell (`Sheet!A5`).
            found[String(decoding: table.ids.key(row), as: UTF8.self)] = EvidenceEvent(
                date: table.day(row), path: store.path(of: origin), line: Int(origin.line), column: 1,
                sheet: store.sheet(of: Int32(row)))
        }
        return found
    }
}

/// A bit per hash of the wanted ids, sixteen bits per id: most rows are not evidence, and a test in
/// this small table (which stays in the cache) rules nearly all of them out before a probe into the
/// wanted ids' own table, which does not.
private struct HashBits: Sendable {
    private let words: [UInt64]
    private let mask: Int

    init(_ keys: ByteKeyTable) {
        var bits = 64
        while bits < keys.count * 16 { bits <<= 1 }
        var words = [UInt64](repeating: 0, count: bits / 64)
        let mask = bits - 1
        keys.forEachKey(in: 0..<keys.count) { _, key in
            let h = ByteKeyTable.hash(key) & mask
            words[h >> 6] |= 1 << UInt64(h & 63)
        }
        self.words = words
        self.mask = mask
    }

    /// False when no wanted id has `key`'s hash bit (so `key` is not wanted).
    @inline(__always)
    func mayHold(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let h = ByteKeyTable.hash(key) & mask
        return words[h >> 6] & (1 << UInt64(h & 63)) != 0
    }
}

/// One slot of found rows per part, each written by one iteration.
private final class HitSlots: @unchecked Sendable {
    private var slots: [[Int]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ part: Int, _ rows: [Int]) {
        lock.lock()
        slots[part] = rows
        lock.unlock()
    }
    var all: [Int] { slots.flatMap { $0 } }
}
