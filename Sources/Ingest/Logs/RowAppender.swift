import CSVSupport
import ComplianceCore

/// Takes the records `RecordChecker` passed, rejects duplicate ids, and stores the rest as rows of
/// the event table — small integers: attribute names interned here, types and values already
/// interned by the checker —; it also keeps each file's accounting and diagnostics.
///
/// It runs on the ingesting thread while the checker works on the reading thread: the id index
/// and the interning tables must be used in input order by one thread, so that indices — and the
/// reports — never depend on timing.
struct RowAppender {
    /// What a field means for storage.
    private enum Slot {
        case id
        case attribute(Int32)
        case other
    }

    private let registry: UnitRegistry
    private let asOf: Day
    /// Per registry unit, its first and last day as ordinals (no `Unit` copy per record).
    private let unitFrom: [Int]
    private let unitTo: [Int]

    /// The keys of the last record read by name, by position, and their slots (records usually
    /// repeat their keys in order: comparing is cheaper than hashing).
    private var recentKeys = RecentKeys<Slot>()
    /// Raw field names met so far, and their slots.
    private var rawNames: [String: Slot] = [:]
    /// The CSV header's slots.
    private var columns: [Slot] = []
    /// The slot of each key id of the current file's keyed batches, and that file.
    private var keySlots: [Slot] = []
    private var keyedFile: Int32 = -1
    /// The row being built.
    private var id = FieldText()
    private var attributes: [(name: Int32, value: Int32)] = []
    /// The checker's interned values of the batch being appended, and the next one to take.
    private var cellValues: [Int32] = []
    private var nextCell = 0

    init(registry: UnitRegistry, asOf: Day) {
        self.registry = registry
        self.asOf = asOf
        unitFrom = registry.units.map { $0.from?.ordinal ?? Int.min }
        unitTo = registry.units.map { $0.to?.ordinal ?? Int.max }
    }

    private mutating func slot(_ name: String, table: inout EventTable) -> Slot {
        if let known = rawNames[name] { return known }
        let slot: Slot
        switch FieldName(name) {
        case .id: slot = .id
        case .attribute(let key): slot = .attribute(table.internField(key))
        default: slot = .other
        }
        rawNames[name] = slot
        return slot
    }

    /// Takes a CSV header.
    mutating func header(_ names: [String], table: inout EventTable) {
        var slots: [Slot] = []
        for name in names { slots.append(slot(name, table: &table)) }
        columns = slots
    }

    /// Adds the records of a CSV batch that passed the checks (`checked`: the checker's verdicts and
    /// interned values).
    mutating func append(
        _ batch: CSVBatch, checked: CheckedBatch, fileIndex: Int32, table: inout EventTable,
        stage: inout LogIngestor.FileStage
    ) {
        begin(checked)
        batch.bytes.withUnsafeBufferPointer { bytes in
            for r in 0..<batch.count {
                guard let row = startRow(checked.verdicts[r], stage: &stage) else { continue }
                var column = 0
                for c in batch.cellRange(r) {
                    let start = batch.cellStart(c)
                    let end = Int(batch.cellEnds[c])
                    if end > start { add(columns[column], UnsafeBufferPointer(rebasing: bytes[start..<end]), &table) }
                    column += 1
                }
                accept(row, line: batch.lines[r], fileIndex: fileIndex, table: &table, stage: &stage)
            }
        }
        end()
    }

    /// Adds the records of a JSON Lines batch that passed the checks (`checked`: the checker's
    /// verdicts and interned values).
    mutating func append(
        _ batch: KeyedBatch, checked: CheckedBatch, fileIndex: Int32, table: inout EventTable,
        stage: inout LogIngestor.FileStage
    ) {
        if keyedFile != fileIndex {
            keyedFile = fileIndex
            keySlots = []
        }
        while keySlots.count < batch.keyNames.count {
            keySlots.append(slot(batch.keyNames[keySlots.count], table: &table))
        }
        begin(checked)
        batch.bytes.withUnsafeBufferPointer { bytes in
            for r in 0..<batch.count {
                guard let row = startRow(checked.verdicts[r], stage: &stage) else { continue }
                for f in batch.fieldRange(r) {
                    let start = batch.valueStart(f)
                    let end = Int(batch.valueEnds[f])
                    if end > start {
                        add(keySlots[Int(batch.keys[f])], UnsafeBufferPointer(rebasing: bytes[start..<end]), &table)
                    }
                }
                accept(row, line: batch.lines[r], fileIndex: fileIndex, table: &table, stage: &stage)
            }
        }
        end()
    }

    /// Adds the records read by name (YAML, inline) that passed the checks.
    mutating func append(
        _ records: [RawRecord], checked: CheckedBatch, fileIndex: Int32, table: inout EventTable,
        stage: inout LogIngestor.FileStage
    ) {
        begin(checked)
        for (record, verdict) in zip(records, checked.verdicts) {
            append(record, verdict: verdict, fileIndex: fileIndex, table: &table, stage: &stage)
        }
        end()
    }

    private mutating func append(
        _ record: RawRecord, verdict: Verdict, fileIndex: Int32, table: inout EventTable,
        stage: inout LogIngestor.FileStage
    ) {
        guard let row = startRow(verdict, stage: &stage) else { return }
        for (position, (name, value)) in record.fields.enumerated() {
            let slot: Slot
            if let known = recentKeys.meaning(of: name, at: position) {
                slot = known
            } else {
                slot = self.slot(name, table: &table)
                recentKeys.remember(name, means: slot, at: position)
            }
            var copy = value
            copy.withUTF8 { add(slot, $0, &table) }
        }
        accept(row, line: record.line, fileIndex: fileIndex, table: &table, stage: &stage)
    }

    private mutating func begin(_ checked: CheckedBatch) {
        cellValues = checked.cellValues
        nextCell = 0
    }

    private mutating func end() {
        precondition(nextCell == cellValues.count, "the checker and the appender saw different attribute cells")
    }

    /// A record that passed the checks, with what its row needs from the verdict.
    private struct PassedRecord {
        let verdict: Verdict
        let unit: Int32
        let day: Day
        let type: Int32
    }

    /// Starts the row of a record that passed the checks; a record that did not is counted as
    /// rejected, with its diagnostics, and gets no row (nil).
    private mutating func startRow(_ verdict: Verdict, stage: inout LogIngestor.FileStage) -> PassedRecord? {
        guard case .passed(let unit, let day, let type) = verdict.outcome else {
            reject(verdict, stage: &stage)
            return nil
        }
        attributes.removeAll(keepingCapacity: true)
        return PassedRecord(verdict: verdict, unit: unit, day: day, type: type)
    }

    private func reject(_ verdict: Verdict, stage: inout LogIngestor.FileStage) {
        stage.stats.read += 1
        stage.stats.rejected += 1
        stage.diagnostics += verdict.notes
    }

    /// Claims the gathered record's id and appends its row, or rejects it as a duplicate (naming where
    /// the first record with its id came from).
    private mutating func accept(
        _ row: PassedRecord, line: Int, fileIndex: Int32, table: inout EventTable, stage: inout LogIngestor.FileStage
    ) {
        let (verdict, unit, day, type) = (row.verdict, row.unit, row.day, row.type)
        stage.stats.read += 1
        if !verdict.notes.isEmpty { stage.diagnostics += verdict.notes }
        let at = SourceLocation(path: stage.stats.path, line: line, column: 1, sheet: stage.sheet)
        if let first = id.withBytes({ table.claim(id: $0) }) {
            stage.stats.rejected += 1
            let path = stage.displays[Int(table.files[first])]
            let firstLine = Int(table.lines[first])
            stage.diagnostics.append(
                .error(
                    .logDuplicateId, Message(.duplicateEventID, ["id": id.text, "place": "\(path):\(firstLine)"]),
                    at: at, related: [SourceLocation(path: path, line: firstLine, column: 1)]))
            return
        }
        stage.stats.accepted += 1
        let evaluable = isEvaluable(unit: Int(unit), day: day, at: at, stage: &stage)
        if !evaluable { stage.stats.ignored += 1 }
        table.append(
            unit: unit, type: type, day: day, file: fileIndex, line: Int32(truncatingIfNeeded: line),
            attributes: attributes, evaluable: evaluable)
    }

    /// Whether an accepted record is evaluated: not after the as-of date, not outside its unit's life
    /// (each warned about once per file).
    private func isEvaluable(unit: Int, day: Day, at: SourceLocation, stage: inout LogIngestor.FileStage) -> Bool {
        if day > asOf {
            if !stage.warnedAfterAsOf {
                stage.warnedAfterAsOf = true
                stage.diagnostics.append(
                    .warning(
                        .logAfterAsOf,
                        Message(.eventAfterAsOf, ["id": id.text, "day": "\(day)", "asOf": "\(asOf)"]),
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
                            .eventOutsideUnitLife, ["id": id.text, "day": "\(day)", "unit": registry.units[unit].id]),
                        at: at))
            }
            return false
        }
        return true
    }

    private mutating func add(_ slot: Slot, _ value: UnsafeBufferPointer<UInt8>, _ table: inout EventTable) {
        switch slot {
        case .other: break
        case .id: id.store(normalizing: value)
        case .attribute(let name):
            let v = cellValues[nextCell]
            nextCell += 1
            if v >= 0 { attributes.append((name, v)) }
        }
    }
}
