import ComplianceCore
import Foundation
import NodeDecoding
import YAMLSupport

/// YAML logs: a top-level `events:` list read one record at a time (SPEC §4).
///
/// Records come out in `KeyedBatch`es, read from libyaml's events without a `String` per field
/// (a large log in chunks parsed on both cores, `YAMLChunkedRecordReader`); a refused record, a
/// record handed on as text (an empty or huge value, which the checker reads as a present field) or
/// a file problem ends the batch before it, so items stay in file order. `byText` keeps the reading
/// of before the batches (records as `RawRecord`s of `String`s), which tests compare them with;
/// `DVCHECK_YAML_BY_TEXT=1` selects it for a whole run.
struct YAMLLogRecordSource: RawRecordSource {
    private enum Reading {
        case batches(YAMLChunkedRecordReader)
        case byText(YAMLRecordReader)
    }

    private let reading: Reading
    private let batchSize: Int
    /// An item read after a batch that had to be handed on first.
    private var held: RawItem?

    /// Whether runs read YAML logs the way of before the batches (for comparisons).
    static let byTextByDefault = ProcessInfo.processInfo.environment["DVCHECK_YAML_BY_TEXT"] != nil

    /// A source reading `path`, in chunks on worker threads when `blocks` allow and the file is large.
    init(
        path: String, batchSize: Int = 256, byText: Bool = Self.byTextByDefault, blocks: LogBlocks = .standard,
        observer: ((UnsafeRawBufferPointer) -> Void)? = nil
    ) {
        if byText {
            reading = .byText(YAMLRecordReader(path: path, observer: observer))
        } else {
            reading = .batches(
                YAMLChunkedRecordReader(
                    path: path, observer: observer, chunkBytes: blocks.blockBytes,
                    minimumBytes: blocks.enabled ? blocks.minimumBytes : .max))
        }
        self.batchSize = batchSize
    }

    mutating func next() -> RawItem? {
        if let item = held {
            held = nil
            return item
        }
        switch reading {
        case .batches(let reader):
            switch reader.next() {
            case .batch(let batch)?: return .keyedBatch(KeyedBatch(batch))
            case .event(let event)?: return Self.item(event)
            case nil: return nil
            }
        case .byText(let reader):
            return nextByText(reader)
        }
    }

    /// The next records read as text (up to `batchSize`), or the item that ended them.
    private mutating func nextByText(_ reader: YAMLRecordReader) -> RawItem? {
        var records: [RawRecord] = []
        while records.count < batchSize, let event = reader.next() {
            if case .record = event {
                records.append(contentsOf: Self.records(event))
                continue
            }
            let item = Self.item(event)
            if records.isEmpty { return item }
            held = item
            break
        }
        return records.isEmpty ? nil : .records(records)
    }

    /// A record event's record (absent fields left out), none for other events.
    private static func records(_ event: YAMLRecordEvent) -> [RawRecord] {
        guard case .record(let line, let fields) = event else { return [] }
        let present = fields.filter { $0.value != nil }
        return [
            RawRecord(
                line: line, fields: present.map { ($0.key, $0.value ?? "") },
                positions: present.map { FieldPosition(line: $0.mark.line, column: $0.mark.column) })
        ]
    }

    /// The item for a reader event.
    private static func item(_ event: YAMLRecordEvent) -> RawItem {
        switch event {
        case .record:
            return .records(records(event))
        case .rejected(let line, let column, let code, let detail):
            return .rejected(
                line: line, column: column, code: .named(code),
                message: Message(.yamlLogProblem, nested: ["detail": detail.message]))
        case .failed(let problem):
            return .fileError(
                line: problem.mark.line, column: problem.mark.column, code: .named(problem.code),
                message: Message(.yamlLogProblem, nested: ["detail": problem.detail.message]))
        case .empty:
            return .empty
        }
    }
}
