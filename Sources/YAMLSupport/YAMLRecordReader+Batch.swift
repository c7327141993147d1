import CLibYAML

/// Reading records straight into a `YAMLRecordBatch`: scalar bytes are copied from libyaml's
/// event, keys numbered by their bytes, and no `String` is built for a plain record. Anything
/// unusual (a tag, an anchor, an alias, a collection) goes through `ParsedEvent` and the checks of
/// the record-by-record reading, so both readings give the same records, refusals and file errors.
extension YAMLRecordReader {
    /// What reading one item into a batch gave.
    private enum BatchItem {
        /// A record was added to the batch.
        case appended
        /// The item is this event (a refusal, or a record handed on as text).
        case event(YAMLRecordEvent)
        /// The `events` list ended.
        case endOfList
    }

    /// Reads records into `batch` until it is full, the file ends, or an item comes that is not a
    /// batched record; returns that item — a rejection, a record with an empty or huge value (handed
    /// on as text, which the loader reads differently), the file's last event — or nil.
    ///
    /// Reading has ended when `isFinished`; the batch's records come before the returned event.
    public func read(into batch: inout YAMLRecordBatch) -> YAMLRecordEvent? {
        defer { batch.keyNames = keyTable.names }
        do {
            guard try enterItems() else { return nil }
            while itemsToSkip > 0 {
                itemsToSkip -= 1
                if try skipItem() {
                    try readTrailer()
                    return finish(nil)
                }
            }
            while !batch.isFull {
                switch try readItem(into: &batch) {
                case .appended:
                    continue
                case .event(let event):
                    return event
                case .endOfList:
                    try readTrailer()
                    return finish(nil)
                }
            }
            return nil
        } catch let stop {
            batch.dropOpenRecord()
            return finish(stop.event)
        }
    }

    /// Whether reading has ended (nothing more comes from `read(into:)` or `next()`).
    public var isFinished: Bool { phase == .finished }

    /// The next libyaml event, seen in place by `body`.
    private func withEvent<R>(_ body: (inout yaml_event_t) -> R) throws(Stop) -> R {
        guard let parser else { throw Stop(event: nil) }
        do {
            return try parser.withNextEvent(body)
        } catch {
            throw Stop(event: fileError(for: error))
        }
    }

    /// Passes over the next item; true when the list ended instead.
    private func skipItem() throws(Stop) -> Bool {
        let first = try nextEvent()
        switch first.kind {
        case .sequenceEnd: return true
        case .mappingStart, .sequenceStart: try skip(open: 1)
        default: break
        }
        return false
    }

    /// The first event of an item, read in place when it is a plain mapping's start.
    private enum ItemStart {
        case mapping(line: Int)
        case endOfList
        case other(ParsedEvent)
    }

    /// Reads the next item of the list into `batch`.
    private func readItem(into batch: inout YAMLRecordBatch) throws(Stop) -> BatchItem {
        let start = try withEvent { event -> ItemStart in
            switch event.type {
            case YAML_SEQUENCE_END_EVENT:
                return .endOfList
            case YAML_MAPPING_START_EVENT
            where event.data.mapping_start.anchor == nil && event.data.mapping_start.tag == nil:
                return .mapping(line: Int(event.start_mark.line) + 1)
            default:
                return .other(LibYAMLEventParser.convert(&event))
            }
        }
        var open = 0
        do throws(ItemFailure) {
            switch start {
            case .endOfList:
                return .endOfList
            case .mapping(let line):
                open = 1
                return try readFields(line: line, open: &open, into: &batch)
            case .other(let first):
                switch first.kind {
                case .sequenceEnd:
                    return .endOfList
                case .mappingStart:
                    open = 1
                    try refuseAnchorOrTag(first)
                    return try readFields(line: first.start.line, open: &open, into: &batch)
                default:
                    try refuseNonMapping(first, open: &open)
                }
            }
        } catch {
            batch.dropOpenRecord()
            switch error {
            case .stopped(let stop):
                throw stop
            case .refused(let event, let code, let detail):
                try skip(open: open)
                return .event(
                    .rejected(line: event.start.line, column: event.start.column, code: code, detail: detail))
            }
        }
    }

    /// A key read in place: the end of the mapping, a plain scalar's id, or anything else.
    private enum KeyStep {
        case end
        case key(Int32, SourceMark)
        case other(ParsedEvent)
    }

    /// A value read in place: added to the batch, a null, or anything else.
    private enum ValueStep {
        case added(empty: Bool)
        case null
        case other(ParsedEvent)
    }

    /// Reads `key: value` pairs into the batch up to the end of the item's mapping.
    private func readFields(line: Int, open: inout Int, into batch: inout YAMLRecordBatch) throws(ItemFailure)
        -> BatchItem
    {
        keyTable.beginRecord()
        styles.removeAll(keepingCapacity: true)
        var asText = false
        var position = 0
        while true {
            let key = try nextStep { event -> KeyStep in
                if event.type == YAML_MAPPING_END_EVENT { return .end }
                let scalar = event.data.scalar
                guard event.type == YAML_SCALAR_EVENT, scalar.anchor == nil, scalar.tag == nil else {
                    return .other(LibYAMLEventParser.convert(&event))
                }
                let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.value == nil ? 0 : scalar.length)
                return .key(keyTable.id(of: bytes, at: position), Self.mark(event.start_mark))
            }
            let id: Int32
            let keyMark: SourceMark
            switch key {
            case .end:
                open = 0
                if asText {
                    return .event(
                        .record(line: line, fields: batch.takeOpenRecord(styles: styles, names: keyTable.names)))
                }
                batch.endRecord(line: line)
                return .appended
            case .key(let known, let mark):
                id = known
                keyMark = mark
            case .other(let event):
                // Never a mapping's end: the step above reads that as `.end`.
                try refuseNonScalar(event, open: &open, part: .name)
                id = Array(event.text.utf8).withUnsafeBufferPointer { keyTable.id(of: $0, at: position) }
                keyMark = event.start
            }
            // The key table keeps the key's bytes as written, for the messages below.
            let keyPosition = position
            position += 1
            if let previous = keyTable.claim(id, at: keyMark) {
                throw .refused(
                    event: ParsedEvent(kind: .scalar, start: keyMark, end: keyMark), code: YAMLRecordEvent.malformedRow,
                    detail: .duplicateField(keyText(at: keyPosition), first: previous))
            }
            let value = try nextStep { event -> ValueStep in
                let scalar = event.data.scalar
                guard event.type == YAML_SCALAR_EVENT, scalar.anchor == nil, scalar.tag == nil else {
                    return .other(LibYAMLEventParser.convert(&event))
                }
                let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.value == nil ? 0 : scalar.length)
                let style = LibYAMLEventParser.style(scalar.style)
                if style == .plain && Self.isNull(bytes) { return .null }
                let mark = event.start_mark
                batch.appendField(key: id, value: bytes, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                styles.append(style)
                return .added(empty: bytes.isEmpty || bytes.count > YAMLRecordBatch.maxValueBytes)
            }
            switch value {
            case .null:
                continue
            case .added(let empty):
                asText = asText || empty
            case .other(let event):
                try refuseNonScalar(event, open: &open, part: .value(of: keyText(at: keyPosition)))
                let isNull =
                    event.style == .plain && event.tag != YAMLCoreSchema.strTag && YAMLCoreSchema.isNull(event.text)
                if isNull { continue }
                var text = event.text
                text.withUTF8 {
                    batch.appendField(key: id, value: $0, line: event.start.line, column: event.start.column)
                }
                styles.append(event.style)
                asText = asText || text.isEmpty || text.utf8.count > YAMLRecordBatch.maxValueBytes
            }
        }
    }

    /// The record's key at `position`, as written (for messages).
    private func keyText(at position: Int) -> String {
        String(decoding: keyTable.spelling(at: position), as: UTF8.self)
    }

    /// The next event inside an item, seen in place by `body`.
    private func nextStep<R>(_ body: (inout yaml_event_t) -> R) throws(ItemFailure) -> R {
        do {
            return try withEvent(body)
        } catch {
            throw .stopped(error)
        }
    }

    /// A 1-based mark from libyaml's 0-based one.
    private static func mark(_ mark: yaml_mark_t) -> SourceMark {
        SourceMark(line: mark.line + 1, column: mark.column + 1)
    }

    /// Whether plain bytes read as null (`YAMLCoreSchema.isNull` without a `String`).
    private static func isNull(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        switch b.count {
        case 0: return true
        case 1: return b[0] == UInt8(ascii: "~")
        case 4:
            let n = UInt8(ascii: "n")
            let u = UInt8(ascii: "u")
            let l = UInt8(ascii: "l")
            let (c0, c1, c2, c3) = (b[0], b[1], b[2], b[3])
            if c0 == n && c1 == u && c2 == l && c3 == l { return true }  // null
            if c0 == UInt8(ascii: "N") && c1 == u && c2 == l && c3 == l { return true }  // Null
            return c0 == UInt8(ascii: "N") && c1 == UInt8(ascii: "U") && c2 == UInt8(ascii: "L")
                && c3 == UInt8(ascii: "L")  // NULL
        default: return false
        }
    }
}
