import ComplianceCore

/// Event types and attribute names interned while the logs are read, by `RecordChecker` on the
/// reading thread: the indices its resolved rows carry are theirs. (Attribute values are interned by
/// `RowAppender`, also in input order.)
///
/// One checker interns for all the files of a run, in input order, so no index depends on timing.
struct InternedNames: Sendable {
    /// Hands the names, and the values `RowAppender` interned, to the event table that the rows
    /// referring to them went into.
    func move(into table: inout EventTable, values: ValueTable) {
        table.adopt(
            typeNames: typeNames, typeKeys: typeKeys, fieldNames: fieldNames, fieldKeys: fieldKeys, values: values)
    }

    private(set) var typeKeys = ByteKeyTable()
    private(set) var typeNames: [String] = []
    private(set) var fieldKeys = ByteKeyTable()
    private(set) var fieldNames: [String] = []

    /// The index of a normalised event type, interning it when new.
    mutating func intern(type bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (index, inserted) = typeKeys.insert(bytes)
        if inserted { typeNames.append(String(decoding: bytes, as: UTF8.self)) }
        return Int32(index)
    }

    /// The index of a normalised attribute name, interning it when new.
    mutating func intern(field name: String) -> Int32 {
        let (index, inserted) = fieldKeys.insert(name)
        if inserted { fieldNames.append(name) }
        return Int32(index)
    }
}
