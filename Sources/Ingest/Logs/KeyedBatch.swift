import YAMLSupport

/// Records read by name (JSON Lines, YAML) held in one byte arena, so a reader hands on a thousand records
/// with a few allocations instead of two `String`s per field.
///
/// The JSON Lines twin of `CSVBatch`: a field is a key id and a value's bytes. Key ids are the
/// reader's numbering of the distinct raw keys of one file (`keyNames`), so the checker and the
/// appender find a field's meaning by indexing an array, not by hashing or comparing its name.
struct KeyedBatch {
    /// The fields' values (unescaped), one after another.
    private(set) var bytes: [UInt8] = []
    /// Where each field's value ends in `bytes` (it starts where the previous field's ends).
    private(set) var valueEnds: [Int32] = []
    /// Each field's key id.
    private(set) var keys: [Int32] = []
    /// Each field's value's 1-based byte column in its line, for diagnostics about one field.
    private(set) var valueColumns: [Int32] = []
    /// Each field's value's 1-based line, when a record spans lines (YAML); empty when every field
    /// is on its record's line (JSON Lines).
    private(set) var valueLines: [Int32] = []
    /// Per record: where its fields end in `valueEnds`.
    private(set) var recordEnds: [Int32] = []
    /// Per record: its 1-based line.
    private(set) var lines: [Int] = []
    /// The raw key of every id the file's reader has given so far (at least every id in the batch).
    var keyNames: [String] = []

    /// The number of records.
    var count: Int { lines.count }

    /// Whether the batch should be handed on: enough records, or enough bytes that offsets stay far
    /// from `Int32.max` even when the next line is as long as the reader allows.
    var isFull: Bool { lines.count >= 1024 || bytes.count >= 1 << 22 }

    /// An empty batch, filled field by field (JSON Lines).
    init() {}

    /// A YAML log's batch, its arrays taken as they are (YAML columns count characters, as libyaml
    /// does).
    init(_ yaml: YAMLRecordBatch) {
        bytes = yaml.bytes
        valueEnds = yaml.valueEnds
        keys = yaml.keys
        valueColumns = yaml.valueColumns
        valueLines = yaml.valueLines
        recordEnds = yaml.recordEnds
        lines = yaml.lines
        keyNames = yaml.keyNames
    }

    /// Where field `f` (of record `r`) starts, for diagnostics about one field.
    @inline(__always)
    func position(ofField f: Int, record r: Int) -> (line: Int, column: Int) {
        (valueLines.isEmpty ? lines[r] : Int(valueLines[f]), Int(valueColumns[f]))
    }

    /// The range of record `r`'s fields.
    @inline(__always)
    func fieldRange(_ r: Int) -> Range<Int> {
        (r == 0 ? 0 : Int(recordEnds[r - 1]))..<Int(recordEnds[r])
    }

    /// Where field `f`'s value starts in `bytes`.
    @inline(__always)
    func valueStart(_ f: Int) -> Int { f == 0 ? 0 : Int(valueEnds[f - 1]) }

    /// Record `r`'s fields as text (tests compare batches with the reference parser).
    func fields(of r: Int) -> [(name: String, value: String)] {
        fieldRange(r).map { f in
            (keyNames[Int(keys[f])], String(decoding: bytes[valueStart(f)..<Int(valueEnds[f])], as: UTF8.self))
        }
    }

    /// Appends a field of the record being built.
    @inline(__always)
    mutating func appendField(key: Int32, value: UnsafeBufferPointer<UInt8>, column: Int) {
        bytes.append(contentsOf: value)
        valueEnds.append(Int32(truncatingIfNeeded: bytes.count))
        keys.append(key)
        valueColumns.append(Int32(truncatingIfNeeded: column))
    }

    /// Ends the record being built (its fields are those appended since the last record ended).
    mutating func endRecord(line: Int) {
        recordEnds.append(Int32(truncatingIfNeeded: valueEnds.count))
        lines.append(line)
    }

    /// Renumbers the keys by `ids` (a block read on its own numbered them from 0; nil: the numbers
    /// stay) and adds `shift` to every line.
    mutating func renumber(keys ids: [Int32]?, names: [String], shiftingLines shift: Int) {
        if let ids { for f in keys.indices { keys[f] = ids[Int(keys[f])] } }
        for r in lines.indices { lines[r] += shift }
        for f in valueLines.indices { valueLines[f] += Int32(truncatingIfNeeded: shift) }
        keyNames = names
    }

    /// Drops the fields of the record being built (the fast path gave up on it).
    mutating func dropOpenRecord() {
        let fields = recordEnds.last.map { Int($0) } ?? 0
        valueEnds.removeSubrange(fields...)
        keys.removeSubrange(fields...)
        valueColumns.removeSubrange(fields...)
        if !valueLines.isEmpty { valueLines.removeSubrange(fields...) }
        bytes.removeSubrange((fields == 0 ? 0 : Int(valueEnds[fields - 1]))...)
    }
}
