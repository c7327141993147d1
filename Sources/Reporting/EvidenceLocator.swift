import ComplianceCore

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
        guard wanted.count > 0 else { return [:] }
        let table = store.table
        var found: [String: EvidenceEvent] = [:]
        found.reserveCapacity(wanted.count)
        for row in 0..<table.count where table.evaluable[row] {
            let key = table.ids.key(row)
            guard key.withUnsafeBufferPointer({ wanted.index(of: $0) }) != nil else { continue }
            let origin = store.origin(of: Int32(row))
            // The store keeps a record's first line; a text log's record starts in column 1.
            found[String(decoding: key, as: UTF8.self)] = EvidenceEvent(
                date: table.day(row), path: store.path(of: origin), line: Int(origin.line), column: 1)
            if found.count == wanted.count { break }
        }
        return found
    }
}
