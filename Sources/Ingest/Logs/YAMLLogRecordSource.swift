import ComplianceCore
import NodeDecoding
import YAMLSupport

/// YAML logs: a top-level `events:` list read one record at a time (SPEC §4).
///
/// Records are handed on in batches of up to `batchSize`; a refused record or a file problem ends
/// the batch before it, so items stay in file order.
struct YAMLLogRecordSource: RawRecordSource {
    private let reader: YAMLRecordReader
    private let batchSize: Int
    /// An item read after a batch that had to be handed on first.
    private var held: RawItem?

    init(path: String, batchSize: Int = 256, observer: ((UnsafeRawBufferPointer) -> Void)? = nil) {
        reader = YAMLRecordReader(path: path, observer: observer)
        self.batchSize = batchSize
    }

    mutating func next() -> RawItem? {
        if let item = held {
            held = nil
            return item
        }
        var records: [RawRecord] = []
        while records.count < batchSize, let event = reader.next() {
            let item: RawItem
            switch event {
            case .record(let line, let fields):
                let present = fields.filter { $0.value != nil }
                records.append(
                    RawRecord(
                        line: line, fields: present.map { ($0.key, $0.value ?? "") },
                        positions: present.map { FieldPosition(line: $0.mark.line, column: $0.mark.column) }))
                continue
            case .rejected(let line, let column, let code, let message):
                item = .rejected(
                    line: line, column: column, code: .named(code),
                    message: Message(.yamlLogProblem, ["detail": message]))
            case .fileError(let line, let column, let code, let message):
                item = .fileError(
                    line: line, column: column, code: .named(code),
                    message: Message(.yamlLogProblem, ["detail": message]))
            case .failed(let problem):
                item = .fileError(
                    line: problem.mark.line, column: problem.mark.column, code: .named(problem.code),
                    message: Message(.yamlLogProblem, nested: ["detail": problem.detail.message]))
            case .empty:
                item = .empty
            }
            if records.isEmpty { return item }
            held = item
            break
        }
        return records.isEmpty ? nil : .records(records)
    }
}
