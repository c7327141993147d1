import YAMLSupport

/// YAML logs: a top-level `events:` list read one record at a time (SPEC §4).
struct YAMLLogRecordSource: RawRecordSource {
    private let reader: YAMLRecordReader

    init(path: String) { reader = YAMLRecordReader(path: path) }

    mutating func next() -> RawItem? {
        guard let event = reader.next() else { return nil }
        switch event {
        case .record(let line, let fields):
            return .record(RawRecord(line: line, fields: fields.compactMap { f in f.value.map { (f.key, $0) } }))
        case .rejected(let line, let column, let code, let message):
            return .rejected(line: line, column: column, code: code, message: message)
        case .fileError(let line, let column, let code, let message):
            return .fileError(line: line, column: column, code: code, message: message)
        case .empty:
            return .empty
        }
    }
}
