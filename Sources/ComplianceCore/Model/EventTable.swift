/// Accepted events in columns, appended as ingestion accepts them: ten million events fit in a few
/// hundred megabytes because ids share one byte arena and types, field names and attribute values
/// are interned once (an event holds small integers, not strings).
///
/// Row `r` is the `r`-th accepted record. Rows that are accepted but not evaluable (dated after the
/// as-of date or outside their unit's life) stay in the table, so a later duplicate still names
/// them, but the `EventStore` index leaves them out.
public struct EventTable: Sendable {
    /// Event ids; key `r` is row `r`'s id, so the table doubles as the duplicate-id index.
    public private(set) var ids = ByteKeyTable(capacity: 1024)
    /// Unit index per row.
    public private(set) var units: [Int32] = []
    /// Type index (into `typeNames`) per row.
    public private(set) var types: [Int32] = []
    /// Day ordinal per row.
    public private(set) var days: [Int32] = []
    /// Origin file index per row, stored as runs: rows arrive file by file, so ten million rows of
    /// 35 files need 35 entries, not 40 MB.
    public private(set) var files = RowFiles()
    /// The worksheet of each row read from a workbook, as runs (SPEC §10.7).
    public private(set) var sheets = RowSheets()
    /// Origin line per row.
    public private(set) var lines: [Int32] = []
    /// Whether a row is evaluated.
    public private(set) var evaluable: [Bool] = []
    /// Where each row's attributes end in `attributeNames`/`attributeValues`.
    public private(set) var attributeEnds: [Int32] = []
    /// Attribute name index (into `fieldNames`) per attribute, in source order.
    public private(set) var attributeNames: [Int32] = []
    /// Attribute value index (into `values`) per attribute.
    public private(set) var attributeValues: [Int32] = []

    /// Interned event types.
    public private(set) var typeNames: [String] = []
    private var typeKeys = ByteKeyTable()
    /// Interned attribute names.
    public private(set) var fieldNames: [String] = []
    private var fieldKeys = ByteKeyTable()
    /// Interned attribute values, by their normalised text.
    public private(set) var values = ValueTable()

    /// An empty table.
    public init() {}

    /// The number of rows.
    public var count: Int { units.count }

    /// Makes room for about `rows` rows in all, so ten million rows do not sit in arrays grown by
    /// doubling (up to twice the memory they need).
    package mutating func reserve(rows: Int, idBytes: Int, attributes: Int) {
        guard rows > count else { return }
        ids.reserve(keys: rows, bytesPerKey: max(idBytes, 1))
        units.reserveCapacity(rows)
        types.reserveCapacity(rows)
        days.reserveCapacity(rows)
        lines.reserveCapacity(rows)
        evaluable.reserveCapacity(rows)
        attributeEnds.reserveCapacity(rows)
        attributeNames.reserveCapacity(attributes)
        attributeValues.reserveCapacity(attributes)
    }

    /// Bytes of ids and attributes held so far, for estimating a reservation.
    package var idByteCount: Int { ids.arena.count }

    /// The index of an event type, interning it when new.
    private mutating func internType(_ name: String) -> Int32 {
        let (index, inserted) = typeKeys.insert(name)
        if inserted { typeNames.append(name) }
        return Int32(index)
    }

    /// The index of an event type, or nil when no row has it.
    public func typeIndex(_ name: String) -> Int32? { typeKeys.index(of: name).map { Int32($0) } }

    /// The index of an attribute name, interning it when new.
    private mutating func internField(_ name: String) -> Int32 {
        let (index, inserted) = fieldKeys.insert(name)
        if inserted { fieldNames.append(name) }
        return Int32(index)
    }

    /// The index of an attribute name, or nil when no row has it.
    public func fieldIndex(_ name: String) -> Int32? { fieldKeys.index(of: name).map { Int32($0) } }

    /// The index of an already built value, interning it when new.
    private mutating func internValue(_ value: AttributeValue) -> Int32 { values.intern(value) }

    /// Takes the event types, attribute names and attribute values the rows refer to, interned while
    /// the logs were read.
    ///
    /// The log reader interns them on its own thread, in input order, where it walks each record's
    /// fields; the rows arrive here as indices. The table must not have interned any of its own.
    package mutating func adopt(
        typeNames: [String], typeKeys: ByteKeyTable, fieldNames: [String], fieldKeys: ByteKeyTable, values: ValueTable
    ) {
        precondition(
            self.typeNames.isEmpty && self.fieldNames.isEmpty && self.values.count == 0,
            "types, names or values interned twice")
        self.typeNames = typeNames
        self.typeKeys = typeKeys
        self.fieldNames = fieldNames
        self.fieldKeys = fieldKeys
        self.values = values
    }

    /// The row of the accepted event with this id, if any.
    public func row(id: UnsafeBufferPointer<UInt8>) -> Int? { ids.index(of: id) }

    /// Claims `id` for the next row, or returns the row that already has it (claiming nothing):
    /// the duplicate check and the insertion in one probe.
    package mutating func claim(id: UnsafeBufferPointer<UInt8>) -> Int? {
        claim(id: id, hash: ByteKeyTable.hash(id))
    }

    /// `claim(id:)` for an id whose `ByteKeyTable.hash` is known.
    package mutating func claim(id: UnsafeBufferPointer<UInt8>, hash: Int) -> Int? {
        precondition(ids.count == count, "a claimed id was not followed by its row")
        let (index, inserted) = ids.insert(id, hash: hash)
        return inserted ? nil : index
    }

    /// Starts fetching the id slot an id with hash `hash` will claim (`ByteKeyTable.prefetch`).
    @inline(__always)
    package func prefetch(idHash hash: Int) { ids.prefetch(hash: hash) }

    /// Appends the row whose id was just claimed; `attributes` are (name index, value index) pairs in
    /// source order.
    package mutating func append(
        unit: Int32, type: Int32, day: Day, file: Int32, line: Int32,
        attributes: ArraySlice<(name: Int32, value: Int32)>, evaluable: Bool
    ) {
        precondition(ids.count == count + 1, "a row needs its id claimed first")
        units.append(unit)
        types.append(type)
        days.append(Int32(truncatingIfNeeded: day.ordinal))
        files.append(file, row: units.count - 1)
        lines.append(line)
        self.evaluable.append(evaluable)
        for a in attributes {
            attributeNames.append(a.name)
            attributeValues.append(a.value)
        }
        attributeEnds.append(Int32(attributeNames.count))
    }

    /// Appends a whole event (the generic path for events built in memory).
    package mutating func append(_ event: Event, evaluable: Bool = true) {
        let type = internType(event.type)
        var pairs: [(name: Int32, value: Int32)] = []
        for a in event.attributes { pairs.append((internField(a.name), internValue(a.value))) }
        var id = event.id
        // Events built in memory (tests, explanations) may repeat an id; the later one is dropped, as
        // ingestion would reject it.
        guard id.withUTF8({ claim(id: $0) }) == nil else { return }
        append(
            unit: event.unit, type: type, day: event.day, file: event.origin.file, line: event.origin.line,
            attributes: pairs[...], evaluable: evaluable)
    }

    /// Records that the next rows come from worksheet `name` of workbook log `file`.
    package mutating func beginSheet(_ name: String, file: Int32) { sheets.begin(name, file: file, row: count) }

    /// Drops the rows from `count` on (a file whose reading failed contributes nothing).
    package mutating func truncate(to count: Int) {
        guard count < self.count else { return }
        let attributeCount = count == 0 ? 0 : Int(attributeEnds[count - 1])
        ids.truncate(to: count)
        units.removeSubrange(count...)
        types.removeSubrange(count...)
        days.removeSubrange(count...)
        files.truncate(to: count)
        sheets.truncate(to: count)
        lines.removeSubrange(count...)
        evaluable.removeSubrange(count...)
        attributeEnds.removeSubrange(count...)
        attributeNames.removeSubrange(attributeCount...)
        attributeValues.removeSubrange(attributeCount...)
    }

    /// Frees the id index once no more ids will be claimed (ingestion is over).
    ///
    /// It is a tenth of the table's memory at ten million rows; lookups by id still work, by scanning.
    package mutating func dropIDIndex() { ids.dropIndex() }

    /// Row `row`'s id as text.
    public func id(_ row: Int) -> String {
        let bytes = ids.key(row)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Row `row`'s day.
    @inline(__always)
    public func day(_ row: Int) -> Day { Day(ordinal: Int(days[row])) }

    /// The range of row `row`'s attributes in `attributeNames`/`attributeValues`.
    @inline(__always)
    public func attributeRange(_ row: Int) -> Range<Int> {
        (row == 0 ? 0 : Int(attributeEnds[row - 1]))..<Int(attributeEnds[row])
    }

    /// The first value of attribute `name` on row `row` (source order; names are unique per record).
    @inline(__always)
    public func attribute(_ row: Int, name: Int32) -> Int32? {
        for i in attributeRange(row) where attributeNames[i] == name { return attributeValues[i] }
        return nil
    }

    /// Row `row` as an `Event` value (for explanations and tests, not hot paths).
    public func event(_ row: Int) -> Event {
        var attributes: [(name: String, value: AttributeValue)] = []
        for i in attributeRange(row) {
            attributes.append((fieldNames[Int(attributeNames[i])], values[Int(attributeValues[i])]))
        }
        return Event(
            id: id(row), unit: units[row], type: typeNames[Int(types[row])], day: day(row), attributes: attributes,
            origin: EventOrigin(file: files[row], line: lines[row]))
    }

    /// Whether row `a`'s id precedes row `b`'s in code-point order (UTF-8 byte order is code-point
    /// order).
    public func idPrecedes(_ a: Int, _ b: Int) -> Bool {
        ids.key(a).lexicographicallyPrecedes(ids.key(b))
    }
}

/// The origin file of each row, as runs of rows from the same file.
public struct RowFiles: Sendable {
    /// The first row of each run, and its file.
    private var starts: [Int] = []
    private var fileOfRun: [Int32] = []

    /// Records that row `row` (the next row) came from `file`.
    mutating func append(_ file: Int32, row: Int) {
        if fileOfRun.last != file {
            starts.append(row)
            fileOfRun.append(file)
        }
    }

    /// Forgets rows from `count` on.
    mutating func truncate(to count: Int) {
        while let last = starts.last, last >= count {
            starts.removeLast()
            fileOfRun.removeLast()
        }
    }

    /// The file of row `row`.
    public subscript(row: Int) -> Int32 {
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= row { lo = mid } else { hi = mid - 1 }
        }
        return fileOfRun[lo]
    }
}
