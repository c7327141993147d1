/// One libyaml event copied into Swift values, so no C memory outlives the call that produced it.
struct ParsedEvent {
    /// The event kinds this package reacts to.
    enum Kind {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias, scalar, sequenceStart, sequenceEnd, mappingStart, mappingEnd
    }

    /// What happened.
    var kind: Kind
    /// Where the event's text starts.
    var start: SourceMark
    /// Where the event's text ends.
    var end: SourceMark
    /// The anchor defined on a node, or the anchor an alias refers to.
    var anchor: String?
    /// The resolved explicit tag, nil when none was written.
    var tag: String?
    /// A scalar's text (empty for other kinds).
    var text: String = ""
    /// A scalar's style (plain for other kinds).
    var style: ScalarStyle = .plain
}

/// Why libyaml stopped, before it is turned into a `YAMLProblem` or a record-reader event.
enum ParseFailure: Error {
    /// A scanner or parser error, with libyaml's texts and positions.
    case syntax(LibYAMLSyntaxError)
    /// A reader error (bad UTF-8, forbidden character) at a byte offset of the input.
    case reader(problem: String, byteOffset: Int, value: Int)
    /// The file could not be read.
    case input
    /// libyaml could not allocate memory.
    case memory
}
