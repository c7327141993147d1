import CSVSupport
import ComplianceCore

/// Checks every raw record against everything SPEC §4 asks but the duplicate id — required fields,
/// unit, date, vocabulary — from the record alone, and resolves the row of each record that passes.
///
/// This is the one walk over a record's fields: it runs on the thread that reads the log, next to
/// the parser, and hands on `CheckedRows` — verdicts, and rows whose type and attribute names are
/// already interned — that `RowAppender` interns the values of, claims ids for and stores, on the
/// ingesting thread. Interning must see records in input order, and so does this thread: one
/// checker serves all the files of a run, one file at a time, held in a `RecordChecker.Box` that
/// the reading threads take in turn. A struct inside the box rather than a class: the methods then
/// run on `self` without a dynamic exclusivity check on every property access.
struct RecordChecker {
    /// What a field name means.
    enum Role: Equatable {
        case id, unit, type, date
        /// An attribute, by its normalised name's index in `attributeNames`.
        case attribute(Int32)
        /// A name that normalises to nothing: the field is dropped.
        case skip
    }

    private let registry: UnitRegistry
    private let vocabulary: Vocabulary?
    private let zone: ZoneConverter
    /// Unit ids; key `i` is registry unit `i`.
    private var unitKeys = ByteKeyTable(capacity: 1024)

    /// "Did you mean" for the unknown units met (each search compares with every unit id).
    private var unknownUnitHints = HintCache()
    /// Attribute names met so far (normalised), by index.
    private var attributeNames: [String] = []
    private var attributeIndex: [String: Int32] = [:]
    /// The event table's index of each attribute name (by index in `attributeNames`), -1 until the
    /// name is interned there.
    private var fieldIndices: [Int32] = []
    /// The keys of the last record read by name, by position, and their roles.
    private var recentKeys = RecentKeys<Role>()
    /// Raw field names met so far, and their roles.
    private var rawNames: [String: Role] = [:]
    /// The role of each key id of the file's keyed batches (JSON Lines).
    private var keyRoles: [Role] = []
    /// The vocabulary's entry per type name (nil: not in the vocabulary), looked up once per type.
    private var typeKeys = ByteKeyTable()
    private var typeChecks: [TypeCheck?] = []
    /// Per type met (by its index in `typeKeys`), its attributes' verdicts by name index, filled as
    /// they are met; kept here, not in `TypeCheck`, so the hot path reads them without a dynamic
    /// exclusivity check.
    private var attributeChecks: [[AttributeCheck?]] = []
    /// Per type met, its index among the interned types once a record of it passed, else -1.
    private var internedTypes: [Int32] = []
    /// The index in `typeKeys` of the record's type, set by `typeCheck()`.
    private var typeKey = -1
    /// The unit and the type of the last record that had them (-1: none yet): logs are mostly
    /// written a unit at a time, and comparing with the last one's bytes costs less than a lookup.
    private var lastUnitKey = -1
    private var lastTypeKey = -1
    /// The `YYYY-MM-DD` dates read so far.
    private var dates = ISODateCache()

    // The file being read, and the sheet for a workbook.
    private var display = ""
    private var sheet: String?
    private var columns: [Role] = []
    /// (type, attribute) pairs already warned about in this file.
    private var warnedAttributes: Set<Int64> = []

    // The record being checked.
    private var id = FieldText()
    private var unit = FieldText()
    private var type = FieldText()
    private var date = FieldText()
    /// The record's attribute cells in order: the first `cellCount` of `cells`, which are kept from
    /// record to record (emptying arrays per record cost a sixth of this thread).
    ///
    /// A value that normalises to "" is kept as "": it is no attribute (the checks skip it), but it
    /// is interned like any other, so value indices are the same whatever the cell held.
    private var cells: [AttributeCell] = []
    private var cellCount = 0
    /// The source field (cell or field index in the record) of the date.
    private var dateSource = 0
    /// The source field a field-level diagnostic of the record is about (SPEC §10.0), if any.
    private var badField: Int?
    private var notes: [Diagnostic] = []

    /// Whether every diagnostic is needed whole (`--diagnostics FILE` writes each one); otherwise a
    /// rejection past its code's listing cap in the file (SPEC §10.6) is only counted.
    private let streamsEveryDiagnostic: Bool
    /// Per code, the file's rejections so far and the entry that stands for one left out of the list.
    private var rejections: [String: (count: Int, omitted: Diagnostic)] = [:]

    /// The event types and attribute names the rows refer to, interned here, on the reading thread,
    /// in input order (the files are read one at a time, so indices never depend on timing);
    /// `LogIngestor` hands them to the `EventTable` once the logs are read.
    private(set) var interned = InternedNames()
    /// The verdicts and rows of the batch being checked.
    private var rows = CheckedRows(records: 0)
    /// The id bytes, attributes and value bytes of the last batch's rows, to size the next one's.
    private var lastRowSizes = (idBytes: 0, attributes: 0, valueBytes: 0)

    /// The checker shared by the files of a run, used by one reading thread at a time.
    final class Box: @unchecked Sendable {
        var checker: RecordChecker
        init(_ checker: RecordChecker) { self.checker = checker }
    }

    init(registry: UnitRegistry, vocabulary: Vocabulary?, zone: ZoneConverter, streamsEveryDiagnostic: Bool = true) {
        self.streamsEveryDiagnostic = streamsEveryDiagnostic
        self.registry = registry
        self.vocabulary = vocabulary
        self.zone = zone
        for id in registry.ids { _ = unitKeys.insert(id) }
    }

    /// Starts a file.
    mutating func beginFile(display: String) {
        self.display = display
        sheet = nil
        columns = []
        keyRoles = []
        warnedAttributes = []
        rejections = [:]
    }

    /// Starts a sheet of a workbook: its records' locations name it.
    mutating func beginSheet(_ name: String) {
        sheet = name
        columns = []
    }

    /// Takes a CSV header.
    mutating func header(_ names: [String]) {
        var roles: [Role] = []
        for name in names { roles.append(role(of: name)) }
        columns = roles
        internFields(of: roles)
    }

    /// Interns the attribute names among `roles` (a header's columns, a JSON Lines file's new keys)
    /// in the event table's numbering when they are met, as the table has always numbered them.
    private mutating func internFields(of roles: some Sequence<Role>) {
        for role in roles {
            if case .attribute(let name) = role { _ = tableField(name) }
        }
    }

    /// The event table's index of attribute name `name`, interning it there when new.
    private mutating func tableField(_ name: Int32) -> Int32 {
        let known = fieldIndices[Int(name)]
        if known >= 0 { return known }
        let index = interned.intern(field: attributeNames[Int(name)])
        fieldIndices[Int(name)] = index
        return index
    }

    /// What a raw field name means.
    mutating func role(of name: String) -> Role {
        if let known = rawNames[name] { return known }
        let role: Role
        switch FieldName(name) {
        case .id: role = .id
        case .unit: role = .unit
        case .type: role = .type
        case .date: role = .date
        case .skip: role = .skip
        case .attribute(let key): role = .attribute(attributeName(key))
        }
        rawNames[name] = role
        return role
    }

    private mutating func attributeName(_ key: String) -> Int32 {
        if let known = attributeIndex[key] { return known }
        let index = Int32(attributeNames.count)
        attributeNames.append(key)
        attributeIndex[key] = index
        fieldIndices.append(-1)
        return index
    }

    /// The verdicts and rows of a batch of CSV records (cells under the last header).
    mutating func check(_ batch: CSVBatch) -> CheckedRows {
        startRows(batch.count)
        batch.bytes.withUnsafeBufferPointer { bytes in
            for r in 0..<batch.count {
                beginRecord()
                var column = 0
                for c in batch.cellRange(r) {
                    let start = batch.cellStart(c)
                    let end = Int(batch.cellEnds[c])
                    if end > start {
                        add(
                            columns[column], UnsafeBufferPointer(rebasing: bytes[start..<end]), source: column,
                            lasting: true)
                    }
                    column += 1
                }
                let checked = verdict(line: batch.lines[r])
                rows.append(
                    relocated(checked) { k in
                        let p = batch.position(record: r, cell: k)
                        return (p.line, p.column)
                    })
            }
        }
        return takeRows()
    }

    /// The verdicts and rows of a batch of JSON Lines or YAML records.
    mutating func check(_ batch: KeyedBatch) -> CheckedRows {
        let known = keyRoles.count
        while keyRoles.count < batch.keyNames.count { keyRoles.append(role(of: batch.keyNames[keyRoles.count])) }
        internFields(of: keyRoles[known...])
        startRows(batch.count)
        batch.bytes.withUnsafeBufferPointer { bytes in
            for r in 0..<batch.count {
                beginRecord()
                let first = batch.fieldRange(r).lowerBound
                for f in batch.fieldRange(r) {
                    let start = batch.valueStart(f)
                    let end = Int(batch.valueEnds[f])
                    if end > start {
                        add(
                            keyRoles[Int(batch.keys[f])], UnsafeBufferPointer(rebasing: bytes[start..<end]),
                            source: f - first, lasting: true)
                    }
                }
                let checked = verdict(line: batch.lines[r])
                rows.append(relocated(checked) { k in batch.position(ofField: first + k, record: r) })
            }
        }
        return takeRows()
    }

    /// The verdicts and rows of records read by name (YAML, inline).
    mutating func check(_ records: [RawRecord]) -> CheckedRows {
        startRows(records.count)
        for record in records { rows.append(check(record)) }
        return takeRows()
    }

    /// Starts the rows of a batch of `records` records, sized like the last batch's.
    private mutating func startRows(_ records: Int) {
        rows = CheckedRows(
            records: records, idBytes: lastRowSizes.idBytes, attributes: lastRowSizes.attributes,
            valueBytes: lastRowSizes.valueBytes)
    }

    /// The batch checked, handed on (the checker keeps no reference to it).
    private mutating func takeRows() -> CheckedRows {
        let checked = rows
        lastRowSizes = (checked.idBytes.count, checked.attributeNames.count, checked.valueBytes.count)
        rows = CheckedRows(records: 0)
        return checked
    }

    private mutating func check(_ record: RawRecord) -> Verdict {
        beginRecord()
        for (position, (name, value)) in record.fields.enumerated() {
            let role = role(of: name, at: position)
            if case .attribute(let n) = role {
                addAttribute(n, text: value, source: position)
            } else {
                var copy = value
                copy.withUTF8 { add(role, $0, source: position) }
            }
        }
        return relocated(verdict(line: record.line)) { k in
            k < record.positions.count ? (Int(record.positions[k].line), Int(record.positions[k].column)) : nil
        }
    }

    /// The role of the field at `position` of a record read by name.
    private mutating func role(of name: String, at position: Int) -> Role {
        if let known = recentKeys.meaning(of: name, at: position) { return known }
        let role = role(of: name)
        recentKeys.remember(name, means: role, at: position)
        return role
    }

    private mutating func beginRecord() {
        id.clear()
        unit.clear()
        type.clear()
        date.clear()
        typeKey = -1
        cellCount = 0
        badField = nil
        notes = []
    }

    /// Adds one present field, as raw bytes; `lasting`: they stay valid until the record's verdict
    /// (a batch's bytes), so the required fields can use them in place.
    private mutating func add(_ role: Role, _ value: UnsafeBufferPointer<UInt8>, source: Int, lasting: Bool = false) {
        switch role {
        case .id: lasting ? id.lend(normalizing: value) : id.store(normalizing: value)
        case .unit: lasting ? unit.lend(normalizing: value) : unit.store(normalizing: value)
        case .type: lasting ? type.lend(normalizing: value) : type.store(normalizing: value)
        case .date:
            lasting ? date.lend(normalizing: value) : date.store(normalizing: value)
            dateSource = source
        case .skip: break
        case .attribute(let name):
            if FieldText.isPlain(value) {
                appendCell(
                    AttributeCell(name: name, source: Int32(truncatingIfNeeded: source), plain: value, text: nil))
            } else {
                addAttribute(name, text: String(decoding: value, as: UTF8.self), source: source)
            }
        }
    }

    /// The verdict with its field-level diagnostic (a bad date or attribute, the last note) moved
    /// to the field's own line and column (SPEC §10.0); record-level ones keep the record's line.
    private mutating func relocated(_ verdict: Verdict, locate: (Int) -> (line: Int, column: Int)?) -> Verdict {
        guard let field = badField else { return verdict }
        badField = nil
        guard let (line, column) = locate(field), let last = verdict.notes.last, last.omitted == 0,
            let at = last.location
        else {
            return verdict
        }
        var notes = verdict.notes
        notes[notes.count - 1] = Diagnostic(
            last.level, DiagnosticCode.named(last.code), last.text,
            at: SourceLocation(path: at.path, line: line, column: column, sheet: at.sheet),
            related: last.related)
        return Verdict(outcome: verdict.outcome, notes: notes)
    }

    /// Adds an attribute given as text; values that normalise to nothing are absent (kept as "",
    /// see `cells`).
    private mutating func addAttribute(_ name: Int32, text: String, source: Int) {
        appendCell(
            AttributeCell(
                name: name, source: Int32(truncatingIfNeeded: source), plain: nil,
                text: TextNormalization.normalize(text)))
    }

    private mutating func appendCell(_ cell: AttributeCell) {
        if cellCount < cells.count { cells[cellCount] = cell } else { cells.append(cell) }
        cellCount += 1
    }

    /// Whether the record has a present attribute named `name` (by index).
    private func hasPresentAttribute(_ name: Int32) -> Bool {
        for i in 0..<cellCount where cells[i].name == name && cells[i].isPresent { return true }
        return false
    }

    /// The verdict on the gathered record; when it passes, its row is resolved into `rows`.
    ///
    /// The checks run in the order SPEC §4's diagnostics are documented: missing fields, unit, date,
    /// vocabulary (the duplicate id comes last, in `RowAppender`).
    private mutating func verdict(line: Int) -> Verdict {
        // Built only for a diagnostic: most records pass, and each build retains the path and sheet.
        var at: SourceLocation { SourceLocation(path: display, line: line, column: 1, sheet: sheet) }
        guard id.isGiven, unit.isGiven, type.isGiven, date.isGiven else {
            let name = !id.isGiven ? "id" : !unit.isGiven ? "unit" : !type.isGiven ? "type" : "date"
            if let counted = rejectionPastCap(.logMissingField) { return counted }
            return rejected(.error(.logMissingField, Message(.recordLacksField, ["field": name]), at: at))
        }
        let known = unit.withBytes { [lastUnitKey] bytes in
            lastUnitKey >= 0 && unitKeys.key(lastUnitKey, is: bytes) ? lastUnitKey : unitKeys.index(of: bytes)
        }
        if let known { lastUnitKey = known }
        guard let unitIndex = known ?? (registry.acceptsAnyUnit ? 0 : nil) else {
            if let counted = rejectionPastCap(.logUnknownUnit) { return counted }
            let unit = unit.text
            let hint = unknownUnitHints.hint(for: unit) { registry.ids }
            return rejected(.error(.logUnknownUnit, Message(.unknownUnit, ["unit": unit]) + hint, at: at))
        }
        let day: Day
        switch date.withBytes({ dates.day($0) }).map({ Result<Day, DateText.Failure>.success($0) })
            ?? DateText.parseEventDate(Substring(date.text), zone: zone)
        {
        case .success(let d): day = d
        case .failure(let why):
            badField = dateSource
            if let counted = rejectionPastCap(.logBadDate) { return counted }
            return rejected(badDate(why, at: at))
        }
        if vocabulary != nil {
            guard let check = typeCheck() else {
                if let counted = rejectionPastCap(.logUnknownType) { return counted }
                let type = type.text
                let known = vocabulary?.eventTypes.keys.map { $0 } ?? []
                return rejected(
                    .error(
                        .logUnknownType,
                        Message(.unknownEventType, ["type": type]) + Suggestions.didYouMean(type, in: known),
                        at: at))
            }
            for required in check.requires
            where !hasPresentAttribute(required.index) {
                if let counted = rejectionPastCap(.logMissingField) { return counted }
                return rejected(
                    .error(
                        .logMissingField, Message(.recordNeedsField, ["type": check.name, "field": required.name]),
                        at: at))
            }
            if let refusal = checkAttributes(check, line: line) { return rejected(refusal) }
        }
        let typeIndex = internedType()
        for i in 0..<cellCount {
            // A record read by name has its attribute names interned as it passes, even the absent ones.
            let name = tableField(cells[i].name)
            if let plain = cells[i].plain {
                rows.appendAttribute(name: name, value: plain, plain: true)
            } else {
                var text = cells[i].text ?? ""
                text.withUTF8 { rows.appendAttribute(name: name, value: $0, plain: false) }
            }
        }
        id.withBytes { rows.endRow(id: $0) }
        return Verdict(outcome: .passed(unit: Int32(unitIndex), day: day, type: typeIndex, line: line), notes: notes)
    }

    /// The passing record's type interned, looked up by the key `typeCheck()` found when it ran.
    private mutating func internedType() -> Int32 {
        guard typeKey >= 0 else { return type.withBytes { interned.intern(type: $0) } }
        if internedTypes[typeKey] < 0 { internedTypes[typeKey] = type.withBytes { interned.intern(type: $0) } }
        return internedTypes[typeKey]
    }

    private mutating func rejected(_ diagnostic: Diagnostic) -> Verdict {
        notes.append(diagnostic)
        return Verdict(outcome: .rejected, notes: notes)
    }

    /// Counts a rejection of `code` in the file: nil while the file's list of that code has room (the
    /// caller builds the diagnostic), else — when no diagnostic is streamed — the record rejected with
    /// an entry standing for one left out, so millions of refused records cost no message each.
    private mutating func rejectionPastCap(_ code: DiagnosticCode) -> Verdict? {
        guard !streamsEveryDiagnostic else { return nil }
        var entry =
            rejections[code.rawValue] ?? (
                0, Diagnostic(omitted: 1, level: code.level, code: code.rawValue, path: display)
            )
        entry.count += 1
        rejections[code.rawValue] = entry
        return entry.count > BoundedDiagnostics.listedPerGroup ? rejected(entry.omitted) : nil
    }

    private func badDate(_ why: DateText.Failure, at: SourceLocation) -> Diagnostic {
        let key: MessageKey
        switch why {
        case .impossible: key = .badDateImpossible
        case .missingOffset: key = .badDateMissingOffset
        case .malformed: key = .badDateMalformed
        case .outOfRange: key = .badDateOutOfRange
        }
        return .error(.logBadDate, Message(key, ["value": date.text]), at: at)
    }

    /// The vocabulary's entry for the record's type, looked up once per type.
    private mutating func typeCheck() -> TypeCheck? {
        let (index, inserted) = type.withBytes { [lastTypeKey] bytes in
            lastTypeKey >= 0 && typeKeys.key(lastTypeKey, is: bytes) ? (lastTypeKey, false) : typeKeys.insert(bytes)
        }
        typeKey = index
        lastTypeKey = index
        if inserted {
            attributeChecks.append([])
            internedTypes.append(-1)
            let name = type.text
            typeChecks.append(
                vocabulary?.eventTypes[name].map { definition in
                    TypeCheck(
                        index: index, name: name, definition: definition,
                        requires: definition.requires.filter { !["id", "unit", "type", "date"].contains($0) }.map {
                            ($0, attributeName($0))
                        })
                })
        }
        return typeChecks[index]
    }

    /// Attribute types against the vocabulary: a wrong type rejects the record (the diagnostic is
    /// returned), an undeclared name is a warning once per file.
    private mutating func checkAttributes(_ check: TypeCheck, line: Int) -> Diagnostic? {
        var at: SourceLocation { SourceLocation(path: display, line: line, column: 1, sheet: sheet) }
        for i in 0..<cellCount where cells[i].isPresent {
            let cell = cells[i]
            let name = cell.name
            let verdict: AttributeCheck
            if Int(name) < attributeChecks[check.index].count, let cached = attributeChecks[check.index][Int(name)] {
                verdict = cached
            } else {
                let nameText = attributeNames[Int(name)]
                switch check.definition.attributes[nameText] {
                case .string?: verdict = .any
                case let declared?: verdict = .typed(declared)
                case nil: verdict = .undeclared(warn: nameText != "ref" && nameText != "period")
                }
                if Int(name) >= attributeChecks[check.index].count {
                    attributeChecks[check.index] += repeatElement(
                        nil, count: Int(name) + 1 - attributeChecks[check.index].count)
                }
                attributeChecks[check.index][Int(name)] = verdict
            }
            switch verdict {
            case .any:
                continue
            case .typed(let declared):
                let value =
                    cell.plain.map { AttributeValue(plainASCII: $0) } ?? AttributeValue(cell.text ?? "")
                if !declared.accepts(value) {
                    badField = Int(cell.source)
                    return .error(
                        .logBadAttribute,
                        Message(
                            .attributeWrongType,
                            ["name": attributeNames[Int(name)], "type": declared.rawValue, "value": value.text]),
                        at: at)
                }
            case .undeclared(let warn):
                guard warn, warnedAttributes.insert(Int64(check.index) << 32 | Int64(name)).inserted else { continue }
                let nameText = attributeNames[Int(name)]
                let hint = Suggestions.didYouMean(nameText, in: check.definition.attributes.keys)
                notes.append(
                    .warning(
                        .logUnknownAttribute,
                        Message(.attributeUndeclared, ["name": nameText, "type": check.name]) + hint, at: at))
            }
        }
        return nil
    }

    /// An attribute cell of the record being checked.
    private struct AttributeCell {
        /// The name's index in `attributeNames`.
        let name: Int32
        /// The source field (cell or field index in the record).
        let source: Int32
        /// The value's bytes in place when plain ASCII (then `text` is nil).
        let plain: UnsafeBufferPointer<UInt8>?
        /// The normalised value otherwise ("" when it normalised to nothing).
        let text: String?

        /// Whether the value did not normalise to "" (a plain value never does).
        var isPresent: Bool { text != "" }
    }

    /// A vocabulary entry with its required attributes resolved to name indices and per-attribute
    /// verdicts cached.
    ///
    /// A class, so the hot path reads it in place instead of copying its dictionaries.
    private final class TypeCheck {
        /// The type's index among the types met (for once-per-file warnings).
        let index: Int
        let name: String
        let definition: Vocabulary.EventType
        let requires: [(name: String, index: Int32)]

        init(index: Int, name: String, definition: Vocabulary.EventType, requires: [(name: String, index: Int32)]) {
            self.index = index
            self.name = name
            self.definition = definition
            self.requires = requires
        }
    }

    /// How an attribute of a type is checked.
    private enum AttributeCheck {
        /// Declared as a string: any value will do.
        case any
        /// Declared with a type its values must have.
        case typed(Vocabulary.AttributeType)
        /// Not declared: warned about once per file (except `ref` and `period`, which rules use as keys).
        case undeclared(warn: Bool)
    }
}
