/// Reading one item of the `events` list into a record or a rejection.
extension YAMLRecordReader {
    /// Why reading an item stopped early: the item is refused, or the whole file stops.
    enum ItemFailure: Error {
        /// The item is refused at `event`; reading goes on after it.
        case refused(event: ParsedEvent, code: String, detail: YAMLProblemDetail)
        /// Reading the file stops.
        case stopped(Stop)
    }

    /// The next item as a record or a rejection; nil at the end of the list.
    func readItem() throws(Stop) -> YAMLRecordEvent? {
        let first = try nextEvent()
        var open = 0
        do throws(ItemFailure) {
            switch first.kind {
            case .sequenceEnd:
                return nil
            case .mappingStart:
                open = 1
                try refuseAnchorOrTag(first)
                let fields = try readFields(open: &open)
                return .record(line: first.start.line, fields: fields)
            default:
                try refuseNonMapping(first, open: &open)
            }
        } catch {
            switch error {
            case .stopped(let stop):
                throw stop
            case .refused(let event, let code, let detail):
                try skip(open: open)
                return .rejected(line: event.start.line, column: event.start.column, code: code, detail: detail)
            }
        }
    }

    /// Reads `key: value` pairs up to the end of the item's mapping.
    private func readFields(open: inout Int) throws(ItemFailure) -> [YAMLRecordField] {
        var fields: [YAMLRecordField] = []
        var keyMarks = KeyMarks()
        while true {
            let key = try nextItemEvent()
            if key.kind == .mappingEnd {
                open = 0
                return fields
            }
            try refuseNonScalar(key, open: &open, part: .name)
            if let previous = keyMarks.firstMark(of: key.text) {
                throw .refused(
                    event: key, code: YAMLRecordEvent.malformedRow, detail: .duplicateField(key.text, first: previous))
            }
            keyMarks.insert(key.text, at: key.start)
            let value = try nextItemEvent()
            try refuseNonScalar(value, open: &open, part: .value(of: key.text))
            let isNull =
                value.style == .plain && value.tag != YAMLCoreSchema.strTag
                && YAMLCoreSchema.isNull(value.text)
            fields.append(
                YAMLRecordField(
                    key: key.text, value: isNull ? nil : value.text, style: value.style, mark: value.start))
        }
    }

    /// Refuses an item that is a list or a scalar where a record's mapping must be (`open` counts the
    /// list, which is skipped after the refusal).
    func refuseNonMapping(_ first: ParsedEvent, open: inout Int) throws(ItemFailure) -> Never {
        let isList = first.kind == .sequenceStart
        if isList { open = 1 }
        try refuseAnchorOrTag(first)
        throw .refused(
            event: first, code: YAMLRecordEvent.malformedRow, detail: .recordNotMapping(found: isList ? .list : .scalar)
        )
    }

    /// Refuses an alias, an anchor, a foreign tag or a collection where a scalar must be.
    func refuseNonScalar(_ event: ParsedEvent, open: inout Int, part: LogFieldPart) throws(ItemFailure) {
        if event.kind == .sequenceStart || event.kind == .mappingStart {
            open += 1
        }
        try refuseAnchorOrTag(event)
        switch event.kind {
        case .scalar:
            return
        case .sequenceStart, .mappingStart:
            let found: YAMLNodeShape = event.kind == .sequenceStart ? .list : .mapping
            throw .refused(
                event: event, code: YAMLRecordEvent.malformedRow, detail: .fieldNotScalar(part, found: found))
        default:
            throw .refused(event: event, code: YAMLRecordEvent.malformedRow, detail: .fieldMissing(part))
        }
    }

    /// Refuses aliases and anchors (logs forbid them) and tags other than the standard ones.
    func refuseAnchorOrTag(_ event: ParsedEvent) throws(ItemFailure) {
        if event.kind == .alias {
            throw .refused(event: event, code: YAMLRecordEvent.yamlAlias, detail: .aliasInRecord(event.anchor ?? ""))
        }
        if let anchor = event.anchor {
            throw .refused(event: event, code: YAMLRecordEvent.yamlAlias, detail: .anchorInRecord(anchor))
        }
        if !YAMLCoreSchema.isAllowed(tag: event.tag), let tag = event.tag {
            throw .refused(
                event: event, code: YAMLRecordEvent.malformedRow, detail: .tagInRecord(YAMLCoreSchema.shortForm(tag)))
        }
    }

    /// The next event inside an item.
    func nextItemEvent() throws(ItemFailure) -> ParsedEvent {
        do {
            return try nextEvent()
        } catch {
            throw .stopped(error)
        }
    }

    /// Skips the rest of an item with `open` collections still open.
    func skip(open: Int) throws(Stop) {
        var depth = open
        while depth > 0 {
            let event = try nextEvent()
            switch event.kind {
            case .sequenceStart, .mappingStart:
                depth += 1
                if depth > maxSkipDepth {
                    throw Stop(
                        event: .failed(
                            YAMLProblem(
                                code: YAMLProblem.limit, detail: .nestedTooDeep(limit: maxSkipDepth),
                                mark: event.start)))
                }
            case .sequenceEnd, .mappingEnd:
                depth -= 1
            default:
                break
            }
        }
    }
}
