/// Reads a YAML log (`events:` followed by a list of flat mappings) one record at a time with
/// libyaml's event API, so memory stays constant however large the log is.
public final class YAMLRecordReader {
    /// Where the bytes come from.
    enum Input {
        case path(String)
        case bytes([UInt8], firstLine: Int)
    }

    /// How far reading has gone.
    enum Phase {
        case start, items, finished
    }

    /// Thrown inside the reader to end reading with a last event (`.fileError` or `.empty`), or with
    /// none when `event` is nil.
    struct Stop: Error {
        let event: YAMLRecordEvent?
    }

    let input: Input
    @exclusivity(unchecked) var parser: LibYAMLEventParser?
    var phase = Phase.start
    /// Deepest nesting tolerated inside an item being skipped, so libyaml's own stacks stay small.
    let maxSkipDepth = YAMLLimits().maxDepth

    // A reader is used by one thread at a time: its hot per-field state is exempt from the dynamic
    // exclusivity check, which was a twentieth of a chunk's parsing time.
    /// The field names met so far, numbered (the batch reading).
    @exclusivity(unchecked) var keyTable = YAMLKeyTable()
    /// The styles of the fields of the record being read into a batch.
    @exclusivity(unchecked) var styles: [ScalarStyle] = []

    /// Sees each byte of the file once, in order, as it is read (a digest made while reading).
    let observer: ((UnsafeRawBufferPointer) -> Void)?

    /// Reads the file at `path`, opened on the first `next()`.
    ///
    /// An unreadable path gives a file error; `observer` sees each byte once, in order, as it is read.
    public init(path: String, observer: ((UnsafeRawBufferPointer) -> Void)? = nil) {
        input = .path(path)
        self.observer = observer
    }

    /// Reads a log held in memory (tests, and chunks of a large log, whose marks count lines from
    /// `firstLine`, 0-based).
    public init(bytes: [UInt8], firstLine: Int = 0) {
        input = .bytes(bytes, firstLine: firstLine)
        observer = nil
    }

    /// Items of the `events` list passed over without being read (a sequential reading resumed
    /// after the items a chunked reading handed on).
    public var itemsToSkip = 0

    /// Where the stream ended (0-based line), once reading ended cleanly.
    public private(set) var endLine: Int?

    /// The next record, rejection or final event; nil after the end.
    public func next() -> YAMLRecordEvent? {
        do {
            guard try enterItems() else { return nil }
            if let event = try readItem() {
                return event
            }
            try readTrailer()
            return finish(nil)
        } catch let stop {
            return finish(stop.event)
        }
    }

    /// Opens the file and reads up to its list on the first call; false once there are no more items
    /// (reading has ended, or the list is null).
    func enterItems() throws(Stop) -> Bool {
        switch phase {
        case .finished:
            return false
        case .start:
            parser = try openParser()
            guard try readHeader() else {
                try readTrailer()
                _ = finish(nil)
                return false
            }
            phase = .items
            return true
        case .items:
            return true
        }
    }

    /// Ends reading, releasing libyaml and the file at once.
    func finish(_ event: YAMLRecordEvent?) -> YAMLRecordEvent? {
        phase = .finished
        parser = nil
        return event
    }

    /// Reads up to the start of the `events` list; true when a list follows, false when it is null.
    func readHeader() throws(Stop) -> Bool {
        _ = try nextEvent()  // stream start
        let document = try nextEvent()
        if document.kind == .streamEnd { throw Stop(event: .empty) }
        let top = try nextEvent()
        guard top.kind == .mappingStart else {
            throw wrongTopLevel(at: top, .logNotMapping)
        }
        let key = try nextEvent()
        guard key.kind == .scalar, key.text == "events" else {
            if key.kind == .mappingEnd {
                throw wrongTopLevel(at: top, .logWithoutEvents)
            }
            throw wrongTopLevel(at: key, .unexpectedTopLevelKey(Self.scalarText(key)))
        }
        let value = try nextEvent()
        switch value.kind {
        case .sequenceStart:
            if value.anchor != nil { throw wrongTopLevel(at: value, .eventsWithAnchor) }
            return true
        case .scalar where value.style == .plain && YAMLCoreSchema.isNull(value.text) && value.tag == nil:
            return false
        default:
            throw wrongTopLevel(at: value, .eventsNotList)
        }
    }

    /// Reads what follows the `events` list: the end of the mapping, of the document and of the stream.
    func readTrailer() throws(Stop) {
        let end = try nextEvent()
        guard end.kind == .mappingEnd else {
            throw wrongTopLevel(at: end, .unexpectedTopLevelKey(Self.scalarText(end)))
        }
        _ = try nextEvent()  // document end
        let after = try nextEvent()
        if after.kind == .streamEnd { endLine = after.start.line - 1 }
        if after.kind == .documentStart {
            throw Stop(
                event: .failed(
                    YAMLProblem(code: YAMLProblem.multipleDocuments, detail: .secondLogDocument, mark: after.start)))
        }
    }

    /// A `log.wrong-top-level` stop pointing at `event`.
    func wrongTopLevel(at event: ParsedEvent, _ detail: YAMLProblemDetail) -> Stop {
        Stop(event: .failed(YAMLProblem(code: YAMLRecordEvent.wrongTopLevel, detail: detail, mark: event.start)))
    }

    /// A scalar event's text, nil for any other event, to name a key in a message.
    static func scalarText(_ event: ParsedEvent) -> String? {
        event.kind == .scalar ? event.text : nil
    }
}
