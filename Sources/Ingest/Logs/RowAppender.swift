import ComplianceCore

/// Stores the rows `RecordChecker` resolved, rejecting duplicate ids (the first accepted wins).
///
/// It also flags the rows that are not evaluated and keeps each file's accounting and diagnostics.
/// It never reads a record's fields: the checker walked them and interned everything a row refers to.
///
/// It runs on the ingesting thread while the checker works on the reading thread: the id index is
/// used in input order by this one thread, so duplicate verdicts — and the reports — never depend on
/// timing.
struct RowAppender {
    private let registry: UnitRegistry
    private let asOf: Day
    /// Per registry unit, its first and last day as ordinals (no `Unit` copy per record).
    private let unitFrom: [Int]
    private let unitTo: [Int]

    init(registry: UnitRegistry, asOf: Day) {
        self.registry = registry
        self.asOf = asOf
        unitFrom = registry.units.map { $0.from?.ordinal ?? Int.min }
        unitTo = registry.units.map { $0.to?.ordinal ?? Int.max }
    }

    /// Counts every record of a checked batch and stores the rows of those that passed.
    func append(
        _ rows: CheckedRows, fileIndex: Int32, table: inout EventTable, stage: inout LogIngestor.FileStage
    ) {
        var passed = 0
        rows.idBytes.withUnsafeBufferPointer { ids in
            rows.idEnds.withUnsafeBufferPointer { table.warm(ids: ids, ends: $0) }
            for verdict in rows.verdicts {
                stage.stats.read += 1
                if !verdict.notes.isEmpty { stage.diagnostics += verdict.notes }
                guard case .passed(let unit, let day, let type, let line) = verdict.outcome else {
                    stage.stats.rejected += 1
                    continue
                }
                let row = Row(
                    id: UnsafeBufferPointer(rebasing: ids[rows.idRange(passed)]), unit: unit, day: day, type: type,
                    line: line)
                accept(
                    row, attributes: rows.attributes[rows.attributeRange(passed)], fileIndex: fileIndex, table: &table,
                    stage: &stage)
                passed += 1
            }
        }
    }

    /// A row resolved by the checker.
    private struct Row {
        let id: UnsafeBufferPointer<UInt8>
        let unit: Int32
        let day: Day
        let type: Int32
        let line: Int

        var idText: String { String(decoding: id, as: UTF8.self) }
    }

    /// Claims the row's id and appends it, or rejects it as a duplicate (naming where the first record
    /// with its id came from).
    private func accept(
        _ row: Row, attributes: ArraySlice<(name: Int32, value: Int32)>, fileIndex: Int32, table: inout EventTable,
        stage: inout LogIngestor.FileStage
    ) {
        let at = SourceLocation(path: stage.stats.path, line: row.line, column: 1, sheet: stage.sheet)
        if let first = table.claim(id: row.id) {
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
    private func isEvaluable(_ row: Row, at: SourceLocation, stage: inout LogIngestor.FileStage) -> Bool {
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
