import ComplianceCore

/// What `RecordChecker` made of a batch of records: a verdict per record, in input order, and for
/// each record that passed its row already resolved — id bytes, unit, day, type, its attributes'
/// names as the event table's own indices and their values' normalised bytes.
///
/// It is all `RowAppender` needs: the records' fields are walked once, by the checker; the appender
/// only interns the values, claims ids and appends rows. The values are interned there, not here:
/// at ten million events their table is far larger than the caches, and its probes were a fifth of
/// the checker's thread, the one every record passes (see `Benchmarks/RESULTS.md`).
struct CheckedRows: Sendable {
    /// One per record, in input order.
    private(set) var verdicts: [Verdict] = []
    /// The passed records' ids (normalised), one after another.
    private(set) var idBytes: [UInt8] = []
    /// Per passed record: where its id ends in `idBytes`.
    private(set) var idEnds: [Int32] = []
    /// Per passed record: its id's `ByteKeyTable.hash`, computed here so the ingesting thread only
    /// probes.
    private(set) var idHashes: [Int] = []
    /// The passed records' attributes in source order, each with its field name index; those whose
    /// value normalised to "" are included (their value is interned like any other, so value indices
    /// are the same whatever a cell held) but are no attribute of the row.
    private(set) var attributeNames: [Int32] = []
    /// Per attribute: where its normalised value ends in `valueBytes`.
    private(set) var valueEnds: [Int32] = []
    /// Per attribute: whether its value is plain ASCII, so its readings are taken from the bytes.
    private(set) var plainValues: [Bool] = []
    /// Per attribute: its value's `ByteKeyTable.hash`.
    private(set) var valueHashes: [Int] = []
    /// The attributes' normalised values, one after another.
    private(set) var valueBytes: [UInt8] = []
    /// Per passed record: where its attributes end in `attributeNames`.
    private(set) var attributeEnds: [Int32] = []

    /// Room for `records` records, `idBytes` bytes of ids, `attributes` attributes and `valueBytes`
    /// bytes of their values.
    init(records: Int, idBytes: Int = 0, attributes: Int = 0, valueBytes: Int = 0) {
        verdicts.reserveCapacity(records)
        idEnds.reserveCapacity(records)
        idHashes.reserveCapacity(records)
        attributeEnds.reserveCapacity(records)
        self.idBytes.reserveCapacity(idBytes)
        attributeNames.reserveCapacity(attributes)
        valueEnds.reserveCapacity(attributes)
        plainValues.reserveCapacity(attributes)
        valueHashes.reserveCapacity(attributes)
        self.valueBytes.reserveCapacity(valueBytes)
    }

    /// The number of records.
    var count: Int { verdicts.count }

    /// Adds a record that was rejected, or one that passed whose row was just completed.
    mutating func append(_ verdict: Verdict) { verdicts.append(verdict) }

    /// Adds an attribute of the row being resolved: its value's normalised bytes ("" for one that is
    /// absent), `plain` when they are plain ASCII.
    mutating func appendAttribute(name: Int32, value: UnsafeBufferPointer<UInt8>, plain: Bool) {
        attributeNames.append(name)
        valueBytes.append(contentsOf: value)
        valueEnds.append(Int32(truncatingIfNeeded: valueBytes.count))
        plainValues.append(plain)
        valueHashes.append(ByteKeyTable.hash(value))
    }

    /// Ends the row being resolved: its id, and the attributes added since the last row ended.
    mutating func endRow(id: UnsafeBufferPointer<UInt8>) {
        idBytes.append(contentsOf: id)
        idEnds.append(Int32(truncatingIfNeeded: idBytes.count))
        idHashes.append(ByteKeyTable.hash(id))
        attributeEnds.append(Int32(truncatingIfNeeded: attributeNames.count))
    }

    /// Where passed row `p`'s id lies in `idBytes`.
    @inline(__always)
    func idRange(_ p: Int) -> Range<Int> { (p == 0 ? 0 : Int(idEnds[p - 1]))..<Int(idEnds[p]) }

    /// Where passed row `p`'s attributes lie in `attributeNames` (and `valueEnds`).
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
