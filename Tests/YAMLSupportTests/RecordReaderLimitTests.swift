import Testing

@testable import YAMLSupport

@Suite("YAMLRecordReader on large and deep records")
struct RecordReaderLimitTests {
    @Test("a record with many fields is read, and a late duplicate is still caught")
    func manyFields() throws {
        let fields = (0..<100).map { "f\($0): v\($0)" }.joined(separator: ", ")
        let events = recordEvents("events:\n  - {\(fields)}\n  - {\(fields), f7: again}\n  - {f1: z}\n")
        #expect(events.count == 3)
        guard case .record(2, let read) = events[0] else {
            Issue.record("expected a record, got \(events[0])")
            return
        }
        #expect(read.count == 100)
        #expect(read[99] == YAMLRecordField(key: "f99", value: "v99", style: .plain, mark: read[99].mark))
        guard case .rejected(3, _, "log.malformed-row", .duplicateField("f7", _)) = events[1] else {
            Issue.record("expected a rejection of the second f7, got \(events[1])")
            return
        }
        #expect(
            events[2]
                == .record(
                    line: 4,
                    fields: [YAMLRecordField(key: "f1", value: "z", style: .plain, mark: mark(4, 10))]))
    }

    @Test("a value nested deeper than the limit stops the file instead of growing libyaml's stacks")
    func deepValue() {
        let deep = String(repeating: "[", count: 5000)
        let events = recordEvents("events:\n  - {id: a}\n  - {id: b, x: \(deep)\n")
        #expect(events.count == 2)
        guard case .failed(let problem) = events.last, problem.code == "yaml.limit", problem.mark.line == 3 else {
            Issue.record("expected yaml.limit, got \(String(describing: events.last))")
            return
        }
    }

    @Test("a nested value within the limit is skipped and reading goes on")
    func nestedWithinLimit() {
        let nested = String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
        let events = recordEvents("events:\n  - {id: b, x: \(nested)}\n  - {id: c}\n")
        #expect(events.count == 2)
        #expect(
            events.last
                == .record(
                    line: 3,
                    fields: [YAMLRecordField(key: "id", value: "c", style: .plain, mark: mark(3, 10))]))
    }
}
