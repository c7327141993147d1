/// The field names of one YAML log numbered by their bytes, so a record's keys cost no `String`.
///
/// Names equal as Swift strings (canonically equivalent, "é" precomposed or not) share one id, as
/// they share one entry of the record-by-record reader's duplicate check and of the loader's tables.
struct YAMLKeyTable {
    /// The name of each id (its first spelling).
    private(set) var names: [String] = []
    private var byBytes: [[UInt8]: Int32] = [:]
    private var byName: [String: Int32] = [:]
    /// The previous record's keys by position: records usually repeat their keys in order, and
    /// comparing a few bytes is cheaper than hashing them.
    private var recentBytes: [[UInt8]] = []
    private var recentIDs: [Int32] = []
    /// Per id, the record that last used it and where, for the duplicate check.
    private var lastRecord: [Int] = []
    private var marks: [SourceMark] = []
    private var record = 0

    /// The id of the key `bytes` at `position` of the record.
    mutating func id(of bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Int32 {
        if position < recentBytes.count,
            recentBytes[position].withUnsafeBufferPointer({ $0.elementsEqual(bytes) })
        {
            return recentIDs[position]
        }
        let key = Array(bytes)
        let id: Int32
        if let known = byBytes[key] {
            id = known
        } else {
            let name = String(decoding: bytes, as: UTF8.self)
            if let equivalent = byName[name] {
                id = equivalent
            } else {
                id = Int32(names.count)
                names.append(name)
                byName[name] = id
                lastRecord.append(0)
                marks.append(SourceMark(line: 0, column: 0))
            }
            byBytes[key] = id
        }
        if position < recentBytes.count {
            recentBytes[position] = key
            recentIDs[position] = id
        } else if position == recentBytes.count {
            recentBytes.append(key)
            recentIDs.append(id)
        }
        return id
    }

    /// The bytes of the key last read at `position` of a record, as written (for messages).
    func spelling(at position: Int) -> [UInt8] { position < recentBytes.count ? recentBytes[position] : [] }

    /// The id of a name another table numbered (a chunk's), adding it when new.
    mutating func id(ofName name: String) -> Int32 {
        if let known = byName[name] { return known }
        let id = Int32(names.count)
        names.append(name)
        byName[name] = id
        byBytes[Array(name.utf8)] = id
        lastRecord.append(0)
        marks.append(SourceMark(line: 0, column: 0))
        return id
    }

    /// Starts a record: no key seen yet.
    mutating func beginRecord() { record += 1 }

    /// Where `id` was first seen in the record, nil when new (it is then recorded at `mark`).
    mutating func claim(_ id: Int32, at mark: SourceMark) -> SourceMark? {
        let i = Int(id)
        if lastRecord[i] == record { return marks[i] }
        lastRecord[i] = record
        marks[i] = mark
        return nil
    }
}
