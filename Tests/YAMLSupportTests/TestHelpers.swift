@testable import YAMLSupport

/// Composes YAML text given as a Swift string.
func compose(_ text: String, limits: YAMLLimits = YAMLLimits()) -> YAMLDocument {
    YAMLComposer.compose(bytes: Array(text.utf8), limits: limits)
}

/// All events a record reader yields for `text`, up to the end.
func recordEvents(_ text: String) -> [YAMLRecordEvent] {
    let reader = YAMLRecordReader(bytes: Array(text.utf8))
    var events: [YAMLRecordEvent] = []
    while let event = reader.next() {
        events.append(event)
        if events.count > 10_000 { break }
    }
    return events
}

/// A mark, shorter to write in expectations.
func mark(_ line: Int, _ column: Int) -> SourceMark {
    SourceMark(line: line, column: column)
}
