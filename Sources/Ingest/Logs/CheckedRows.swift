import ComplianceCore

/// What `RecordChecker` made of a batch of records: a verdict per record, in input order, and for
/// each record that passed its row already resolved — id bytes, unit, day, type, and its attributes
/// as the event table's own name and value indices.
///
/// It is all `RowAppender` needs: the records' fields are walked once, by the checker; the appender
/// only claims ids and appends rows.
struct CheckedRows: Sendable {
    /// One per record, in input order.
    private(set) var verdicts: [Verdict] = []
    /// The passed records' ids (normalised), one after another.
    private(set) var idBytes: [UInt8] = []
    /// Per passed record: where its id ends in `idBytes`.
    private(set) var idEnds: [Int32] = []
    /// The passed records' present attributes, in source order: (field name index, value index).
    private(set) var attributes: [(name: Int32, value: Int32)] = []
    /// Per passed record: where its attributes end in `attributes`.
    private(set) var attributeEnds: [Int32] = []

    /// Room for `records` records, `idBytes` bytes of ids and `attributes` attributes.
    init(records: Int, idBytes: Int = 0, attributes: Int = 0) {
        verdicts.reserveCapacity(records)
        idEnds.reserveCapacity(records)
        attributeEnds.reserveCapacity(records)
        self.idBytes.reserveCapacity(idBytes)
        self.attributes.reserveCapacity(attributes)
    }

    /// The number of records.
    var count: Int { verdicts.count }

    /// Adds a record that was rejected, or one that passed whose row was just completed.
    mutating func append(_ verdict: Verdict) { verdicts.append(verdict) }

    /// Adds an attribute of the row being resolved.
    mutating func appendAttribute(name: Int32, value: Int32) { attributes.append((name, value)) }

    /// Ends the row being resolved: its id, and the attributes added since the last row ended.
    mutating func endRow(id: UnsafeBufferPointer<UInt8>) {
        idBytes.append(contentsOf: id)
        idEnds.append(Int32(truncatingIfNeeded: idBytes.count))
        attributeEnds.append(Int32(truncatingIfNeeded: attributes.count))
    }

    /// Where passed row `p`'s id lies in `idBytes`.
    @inline(__always)
    func idRange(_ p: Int) -> Range<Int> { (p == 0 ? 0 : Int(idEnds[p - 1]))..<Int(idEnds[p]) }

    /// Where passed row `p`'s attributes lie in `attributes`.
    @inline(__always)
    func attributeRange(_ p: Int) -> Range<Int> { (p == 0 ? 0 : Int(attributeEnds[p - 1]))..<Int(attributeEnds[p]) }
}

/// What the checker decided about one record.
struct Verdict: Sendable {
    enum Outcome: Sendable {
        /// Every check but the duplicate id passed: the record's row is the next one of its
        /// `CheckedRows` (`unit`: registry index, `type`: interned event type).
        case passed(unit: Int32, day: Day, type: Int32, line: Int)
        /// Rejected; the last note says why.
        case rejected
    }

    let outcome: Outcome
    /// The record's diagnostics so far, in order (warnings, then the rejection if any).
    let notes: [Diagnostic]
}
