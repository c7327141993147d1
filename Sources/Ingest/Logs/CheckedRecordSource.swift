/// Passes a file's items through the record checker: headers and sheets go to the checker, batches
/// and records come out as its `CheckedRows`, so checking — the one walk over the records' fields —
/// runs wherever the items are read (on the reading thread when wrapped in a `PrefetchedRecordSource`).
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
        while let item = source.next() {
            switch item {
            case .header(let names):
                // The checker alone reads fields: the ingesting thread has no use for the header.
                checker.checker.header(names)
            case .csvBatch(let batch):
                return .checked(checker.checker.check(batch))
            case .keyedBatch(let batch):
                return .checked(checker.checker.check(batch))
            case .records(let records):
                return .checked(checker.checker.check(records))
            case .sheet(let name):
                checker.checker.beginSheet(name)
                return item
            case .checked, .rejected, .fileError, .empty, .warning:
                return item
            }
        }
        return nil
    }
}
