import ComplianceCore

/// Stores the rows `RecordChecker` resolved, interning their attribute values and rejecting
/// duplicate ids (the first accepted wins).
///
/// It also flags the rows that are not evaluated and keeps each file's accounting and diagnostics.
/// It never reads a record's fields: the checker walked them, interned the names and normalised the
/// values.
///
/// It runs on the ingesting thread while the checker works on the reading thread: the id index and
/// the value table are used in input order by this one thread, so duplicate verdicts and value
/// indices — and the reports — never depend on timing.
struct RowAppender {
    private let registry: UnitRegistry
    private let asOf: Day
    /// Per registry unit, its first and last day as ordinals (no `Unit` copy per record).
    private let unitFrom: [Int]
    private let unitTo: [Int]
    /// The attribute values interned so far, in input order (handed to the event table at the end).
    private(set) var values = ValueTable()
    /// Scratch for a batch: each attribute's value index, and the rows' present (name, value) pairs.
    private var valueIndices: [Int32] = []
    private var pairs: [(name: Int32, value: Int32)] = []
    /// How many ids (or values) ahead of its insert a slot is prefetched: enough for the misses to
    /// overlap, few enough that the lines are still in the cache when the insert comes.
    private static let prefetchDistance = 16

    init(registry: UnitRegistry, asOf: Day) {
        self.registry = registry
        self.asOf = asOf
        unitFrom = registry.units.map { $0.from?.ordinal ?? Int.min }
        unitTo = registry.units.map { $0.to?.ordinal ?? Int.max }
    }

    /// Counts every record of a checked batch and stores the rows of those that passed.
    mutating func append(
        _ rows: CheckedRows, fileIndex: Int32, table: inout EventTable, stage: inout LogIngestor.FileStage
    ) {
        internValues(of: rows)
        var passed = 0
        let hashes = rows.idHashes
        for p in 0..<min(Self.prefetchDistance, hashes.count) { table.prefetch(idHash: hashes[p]) }
        rows.idBytes.withUnsafeBufferPointer { ids in
            for verdict in rows.verdicts {
                stage.stats.read += 1
                if !verdict.notes.isEmpty { stage.diagnostics += verdict.notes }
                guard case .passed(let unit, let day, let type, let line) = verdict.outcome else {
                    stage.stats.rejected += 1
                    continue
                }
                if passed + Self.prefetchDistance < hashes.count {
                    table.prefetch(idHash: hashes[passed + Self.prefetchDistance])
                }
                let row = Row(
                    id: UnsafeBufferPointer(rebasing: ids[rows.idRange(passed)]), idHash: hashes[passed], unit: unit,
                    day: day, type: type, line: line)
                pairs.removeAll(keepingCapacity: true)
                for a in rows.attributeRange(passed) where !Self.isAbsent(a, in: rows) {
                    pairs.append((rows.attributeNames[a], valueIndices[a]))
                }
                accept(row, attributes: pairs[...], fileIndex: fileIndex, table: &table, stage: &stage)
                passed += 1
            }
        }
    }

    /// Interns the values of a batch's attributes, in order, into `valueIndices`: every passed
    /// record's, duplicates and absent ones included, so a value's index never depends on which
    /// records turn out duplicates.
    private mutating func internValues(of rows: CheckedRows) {
        valueIndices.removeAll(keepingCapacity: true)
        rows.valueBytes.withUnsafeBufferPointer { bytes in
            rows.valueEnds.withUnsafeBufferPointer { ends in
                let hashes = rows.valueHashes
                for a in 0..<min(Self.prefetchDistance, hashes.count) { values.prefetch(hash: hashes[a]) }
                var start = 0
                for a in ends.indices {
                    if a + Self.prefetchDistance < hashes.count {
                        values.prefetch(hash: hashes[a + Self.prefetchDistance])
                    }
                    let end = Int(ends[a])
                    let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    valueIndices.append(
                        rows.plainValues[a]
                            ? values.intern(plainASCII: text, hash: hashes[a])
                            : values.intern(normalizedUTF8: text, hash: hashes[a]))
                    start = end
                }
            }
        }
    }

    /// Whether attribute `a` of `rows` normalised to "" (it is no attribute of its row).
    @inline(__always)
    private static func isAbsent(_ a: Int, in rows: CheckedRows) -> Bool {
        rows.valueEnds[a] == (a == 0 ? 0 : rows.valueEnds[a - 1])
    }

    /// A row resolved by the checker.
    private struct Row {
        let id: UnsafeBufferPointer<UInt8>
        let idHash: Int
        let unit: Int32
        let day: Day
        let type: Int32
        let line: Int

        var idText: String { String(decoding: id, as: UTF8.self) }
    }

    // `accept` and `isEvaluable` change nothing of the appender but are `mutating`: called on the
    // `self` a batch's closures capture, a non-mutating call copied the whole appender per row.

    /// Claims the row's id and appends it, or rejects it as a duplicate (naming where the first record
    /// with its id came from).
    private mutating func accept(
        _ row: Row, attributes: ArraySlice<(name: Int32, value: Int32)>, fileIndex: Int32, table: inout EventTable,
        stage: inout LogIngestor.FileStage
    ) {
        let at = SourceLocation(path: stage.stats.path, line: row.line, column: 1, sheet: stage.sheet)
        if let first = table.claim(id: row.id, hash: row.idHash) {
            stage.stats.rejected += 1
            let path = stage.displays[Int(table.files[first])]
            let firstLine = Int(table.lines[first])
            stage.diagnostics.append(
                .error(
                    .logDuplicateId, Message(.duplicateEventID, ["id": row.idText, "place": "\(path):\(firstLine)"]),
                    at: at, related: [SourceLocation(path: path, line: firstLine, column: 1)]))
            return
        }
        stage.stats.accepted += 1
        let evaluable = isEvaluable(row, at: at, stage: &stage)
        if !evaluable { stage.stats.ignored += 1 }
        table.append(
            unit: row.unit, type: row.type, day: row.day, file: fileIndex, line: Int32(truncatingIfNeeded: row.line),
            attributes: attributes, evaluable: evaluable)
    }

    /// Whether an accepted row is evaluated: not after the as-of date, not outside its unit's life
    /// (each warned about once per file).
    private mutating func isEvaluable(_ row: Row, at: SourceLocation, stage: inout LogIngestor.FileStage) -> Bool {
        let (unit, day) = (Int(row.unit), row.day)
        if day > asOf {
            if !stage.warnedAfterAsOf {
                stage.warnedAfterAsOf = true
                stage.diagnostics.append(
                    .warning(
                        .logAfterAsOf,
                        Message(.eventAfterAsOf, ["id": row.idText, "day": "\(day)", "asOf": "\(asOf)"]),
                        at: at))
            }
            return false
        }
        if day.ordinal < unitFrom[unit] || day.ordinal > unitTo[unit] {
            if !stage.warnedOutsideLife {
                stage.warnedOutsideLife = true
                stage.diagnostics.append(
                    .warning(
                        .logOutsideUnitLife,
                        Message(
                            .eventOutsideUnitLife,
                            ["id": row.idText, "day": "\(day)", "unit": registry.units[unit].id]),
                        at: at))
            }
            return false
        }
        return true
    }
}
