import CLibYAML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Owns one libyaml parser and its input, and hands out events as Swift values; the only type that
/// touches libyaml's memory, so every allocation is freed in one `deinit`.
final class LibYAMLEventParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private var input: UnsafeMutableBufferPointer<UInt8>?
    private var file: UnsafeMutablePointer<FILE>?
    private let initialized: Bool

    /// Parses a copy of `bytes`, which libyaml needs to stay alive while it reads; its marks count
    /// lines from `firstLine` (0-based), for a chunk of a larger file.
    init(bytes: [UInt8], firstLine: Int = 0) {
        parser = .allocate(capacity: 1)
        initialized = yaml_parser_initialize(parser) != 0
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        input = buffer
        if initialized, let base = buffer.baseAddress {
            yaml_parser_set_input_string(parser, base, bytes.count)
            parser.pointee.mark.line = firstLine
        }
    }

    /// Parses an open file, read in small blocks so memory stays constant; takes ownership of `file`.
    ///
    /// `observer` sees each byte once, in order, as libyaml reads it (a digest made while reading).
    init(file: UnsafeMutablePointer<FILE>, observer: ((UnsafeRawBufferPointer) -> Void)? = nil) {
        parser = .allocate(capacity: 1)
        initialized = yaml_parser_initialize(parser) != 0
        self.file = file
        if initialized {
            if let observer {
                let reading = FileReading(file: file, observer: observer)
                self.reading = reading
                yaml_parser_set_input(parser, fileReadHandler, Unmanaged.passUnretained(reading).toOpaque())
            } else {
                yaml_parser_set_input_file(parser, file)
            }
        }
    }

    /// The file and observer libyaml's read handler is given (kept alive by the parser).
    private var reading: FileReading?

    deinit {
        if initialized {
            yaml_parser_delete(parser)
        }
        parser.deallocate()
        input?.deallocate()
        if let file {
            fclose(file)
        }
    }

    /// The next event, or the reason libyaml stopped.
    func next() throws(ParseFailure) -> ParsedEvent {
        guard initialized else { throw .memory }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else { throw failure() }
        defer { yaml_event_delete(&event) }
        return Self.convert(&event)
    }

    /// The next event as libyaml's own value, valid only inside `body` (the log reader's fast path
    /// copies scalar bytes from it instead of building a `ParsedEvent` per node).
    func withNextEvent<R>(_ body: (inout yaml_event_t) -> R) throws(ParseFailure) -> R {
        guard initialized else { throw .memory }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else { throw failure() }
        defer { yaml_event_delete(&event) }
        return body(&event)
    }

    /// Copies a C event into a `ParsedEvent`, built in one go (filling in a default event field by
    /// field cost a copy of the whole event, one per node).
    static func convert(_ event: inout yaml_event_t) -> ParsedEvent {
        let start = mark(event.start_mark)
        let end = mark(event.end_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return ParsedEvent(kind: .streamStart, start: start, end: end)
        case YAML_DOCUMENT_START_EVENT:
            return ParsedEvent(kind: .documentStart, start: start, end: end)
        case YAML_DOCUMENT_END_EVENT:
            return ParsedEvent(kind: .documentEnd, start: start, end: end)
        case YAML_ALIAS_EVENT:
            return ParsedEvent(kind: .alias, start: start, end: end, anchor: string(event.data.alias.anchor))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = scalar.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
            }
            return ParsedEvent(
                kind: .scalar, start: start, end: end, anchor: string(scalar.anchor), tag: string(scalar.tag),
                text: text ?? "", style: style(scalar.style))
        case YAML_SEQUENCE_START_EVENT:
            let sequence = event.data.sequence_start
            return ParsedEvent(
                kind: .sequenceStart, start: start, end: end, anchor: string(sequence.anchor),
                tag: string(sequence.tag))
        case YAML_SEQUENCE_END_EVENT:
            return ParsedEvent(kind: .sequenceEnd, start: start, end: end)
        case YAML_MAPPING_START_EVENT:
            let mapping = event.data.mapping_start
            return ParsedEvent(
                kind: .mappingStart, start: start, end: end, anchor: string(mapping.anchor),
                tag: string(mapping.tag))
        case YAML_MAPPING_END_EVENT:
            return ParsedEvent(kind: .mappingEnd, start: start, end: end)
        default:  // YAML_STREAM_END_EVENT, YAML_NO_EVENT
            return ParsedEvent(kind: .streamEnd, start: start, end: end)
        }
    }

    /// Reads libyaml's error fields after a failed parse.
    private func failure() -> ParseFailure {
        let state = parser.pointee
        let problem = Self.string(state.problem) ?? "unknown error"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return .memory
        case YAML_READER_ERROR:
            if problem == "input error" { return .input }
            return .reader(
                problem: problem, byteOffset: state.problem_offset, value: Int(state.problem_value))
        default:
            let context = Self.string(state.context)
            return .syntax(
                LibYAMLSyntaxError(
                    problem: problem, problemMark: Self.mark(state.problem_mark), context: context,
                    contextMark: context == nil ? nil : Self.mark(state.context_mark)))
        }
    }

    /// A 1-based mark from libyaml's 0-based one.
    private static func mark(_ mark: yaml_mark_t) -> SourceMark {
        SourceMark(line: mark.line + 1, column: mark.column + 1)
    }

    /// A Swift string from a NUL-terminated C string, nil for a null pointer.
    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// A Swift string from a NUL-terminated libyaml string, nil for a null pointer.
    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// The `ScalarStyle` for a libyaml style.
    static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}

/// What `fileReadHandler` reads from and reports to.
private final class FileReading {
    let file: UnsafeMutablePointer<FILE>
    let observer: (UnsafeRawBufferPointer) -> Void
    init(file: UnsafeMutablePointer<FILE>, observer: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.file = file
        self.observer = observer
    }
}

/// libyaml's read handler: `fread` like its own file handler, then the bytes to the observer.
private func fileReadHandler(
    _ data: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<UInt8>?, _ size: Int,
    _ sizeRead: UnsafeMutablePointer<Int>?
) -> Int32 {
    guard let data, let buffer, let sizeRead else { return 0 }
    let reading = Unmanaged<FileReading>.fromOpaque(data).takeUnretainedValue()
    let count = fread(buffer, 1, size, reading.file)
    sizeRead.pointee = count
    if count > 0 { reading.observer(UnsafeRawBufferPointer(start: buffer, count: count)) }
    return ferror(reading.file) != 0 ? 0 : 1
}
