/// Records of a YAML log held in one byte arena, so the reader hands on a thousand records with a
/// few allocations instead of two `String`s per field (the layout of the log loader's `KeyedBatch`).
///
/// A field is a key id and its value's bytes as libyaml unescaped them; key ids number the distinct
/// field names of one file (`keyNames`). Null fields are left out, as the loader leaves them out.
public struct YAMLRecordBatch: Sendable {
    /// The fields' values, one after another.
    public internal(set) var bytes: [UInt8] = []
    /// Where each field's value ends in `bytes` (it starts where the previous field's ends).
    public internal(set) var valueEnds: [Int32] = []
    /// Each field's key id.
    public internal(set) var keys: [Int32] = []
    /// Each field's value's 1-based line and column (characters, as libyaml counts them).
    public internal(set) var valueLines: [Int32] = []
    public internal(set) var valueColumns: [Int32] = []
    /// Per record: where its fields end in `valueEnds`.
    public internal(set) var recordEnds: [Int32] = []
    /// Per record: the 1-based line of its mapping.
    public internal(set) var lines: [Int] = []
    /// The name of every key id the file's reader has given so far (at least every id in the batch).
    public internal(set) var keyNames: [String] = []

    /// An empty batch.
    public init() {}

    /// The number of records.
    public var count: Int { lines.count }

    /// Whether the batch should be handed on: enough records, or enough bytes that offsets stay far
    /// from `Int32.max` (a value longer than `maxValueBytes` is never put in a batch).
    var isFull: Bool { lines.count >= 1024 || bytes.count >= 1 << 22 }

    /// The longest value kept in a batch; a record with a longer one is handed on as text.
    static let maxValueBytes = 1 << 26

    /// Where the record being built starts in `valueEnds`.
    var openRecordStart: Int { recordEnds.last.map { Int($0) } ?? 0 }

    /// Appends a field of the record being built.
    @inline(__always)
    mutating func appendField(key: Int32, value: UnsafeBufferPointer<UInt8>, line: Int, column: Int) {
        bytes.append(contentsOf: value)
        valueEnds.append(Int32(truncatingIfNeeded: bytes.count))
        keys.append(key)
        valueLines.append(Int32(truncatingIfNeeded: line))
        valueColumns.append(Int32(truncatingIfNeeded: column))
    }

    /// Ends the record being built (its fields are those appended since the last record ended).
    mutating func endRecord(line: Int) {
        recordEnds.append(Int32(truncatingIfNeeded: valueEnds.count))
        lines.append(line)
    }

    /// The fields of the record being built, as text, then drops them.
    mutating func takeOpenRecord(styles: [ScalarStyle], names: [String]) -> [YAMLRecordField] {
        let first = openRecordStart
        var fields: [YAMLRecordField] = []
        for f in first..<valueEnds.count {
            let start = f == 0 ? 0 : Int(valueEnds[f - 1])
            fields.append(
                YAMLRecordField(
                    key: names[Int(keys[f])],
                    value: String(decoding: bytes[start..<Int(valueEnds[f])], as: UTF8.self),
                    style: styles[f - first],
                    mark: SourceMark(line: Int(valueLines[f]), column: Int(valueColumns[f]))))
        }
        dropOpenRecord()
        return fields
    }

    /// Drops the fields of the record being built (it was refused).
    mutating func dropOpenRecord() {
        let first = openRecordStart
        bytes.removeSubrange((first == 0 ? 0 : Int(valueEnds[first - 1]))...)
        valueEnds.removeSubrange(first...)
        keys.removeSubrange(first...)
        valueLines.removeSubrange(first...)
        valueColumns.removeSubrange(first...)
    }

    /// Renumbers the keys by `ids` (another reader numbered them from 0) under the file's `names`.
    mutating func renumber(_ ids: [Int32], names: [String]) {
        for f in keys.indices { keys[f] = ids[Int(keys[f])] }
        keyNames = names
    }

    /// Record `r`'s fields as text (tests compare the batches with the record-by-record reading).
    public func fields(of r: Int) -> [YAMLRecordField] {
        let first = r == 0 ? 0 : Int(recordEnds[r - 1])
        return (first..<Int(recordEnds[r])).map { f in
            let start = f == 0 ? 0 : Int(valueEnds[f - 1])
            return YAMLRecordField(
                key: keyNames[Int(keys[f])], value: String(decoding: bytes[start..<Int(valueEnds[f])], as: UTF8.self),
                style: .plain, mark: SourceMark(line: Int(valueLines[f]), column: Int(valueColumns[f])))
        }
    }
}
