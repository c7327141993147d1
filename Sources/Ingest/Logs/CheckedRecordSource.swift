/// Passes a file's items through the record checker: batches and records come out with the
/// checker's verdicts, so checking runs wherever the items are read (on the reading thread when
/// wrapped in a `PrefetchedRecordSource`).
struct CheckedRecordSource: RawRecordSource {
    private var source: any RawRecordSource
    private let checker: RecordChecker.Box
    private let display: String
    private var started = false

    init(_ source: any RawRecordSource, checker: RecordChecker.Box, display: String) {
        self.source = source
        self.checker = checker
        self.display = display
    }

    mutating func next() -> RawItem? {
        if !started {
            started = true
            checker.checker.beginFile(display: display)
        }
        guard let item = source.next() else { return nil }
        switch item {
        case .header(let names):
            checker.checker.header(names)
            return item
        case .csvBatch(let batch):
            return .checkedCSVBatch(batch, checker.checker.check(batch))
        case .keyedBatch(let batch):
            return .checkedKeyedBatch(batch, checker.checker.check(batch))
        case .records(let records):
            return .checkedRecords(records, checker.checker.check(records))
        case .sheet(let name):
            checker.checker.beginSheet(name)
            return item
        case .checkedCSVBatch, .checkedKeyedBatch, .checkedRecords, .rejected, .fileError, .empty, .warning:
            return item
        }
    }
}
