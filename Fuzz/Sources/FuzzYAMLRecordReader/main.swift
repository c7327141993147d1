import FuzzSupport
import YAMLSupport

/// Streams any bytes as a YAML log: every step is a record, a rejection or one final event, and
/// nothing follows a final event.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLRecordReader(_ data: UnsafeRawPointer?, _ size: Int) -> Int32 {
    let reader = YAMLRecordReader(bytes: FuzzSupport.bytes(data, size))
    var steps = 0
    var lastLine = 0
    while let event = reader.next() {
        steps += 1
        FuzzSupport.require(steps <= size + 2, "\(steps) events from \(size) bytes")
        switch event {
        case .record(let line, let fields):
            FuzzSupport.require(line >= lastLine && line >= 1, "record line \(line) after \(lastLine)")
            lastLine = line
            var keys = Set<String>()
            for field in fields {
                FuzzSupport.require(keys.insert(field.key).inserted, "duplicate field \(field.key) accepted")
            }
        case .rejected(let line, let column, let code, _):
            FuzzSupport.require(line >= 1 && column >= 1, "rejection at \(line):\(column)")
            FuzzSupport.require(code.hasPrefix("log.") || code.hasPrefix("yaml."), "code \(code)")
            lastLine = max(lastLine, line)
        case .failed, .empty:
            FuzzSupport.require(reader.next() == nil, "an event after the final one")
            return 0
        }
    }
    return 0
}
