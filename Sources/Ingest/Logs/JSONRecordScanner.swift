import ComplianceCore

/// Reads JSON Lines records into a `KeyedBatch`, numbering the file's distinct keys.
///
/// Nearly every line of a real log is a flat object of plain keys and of strings without escapes,
/// numbers and literals; the fast path copies such values straight from the line, one pass, no
/// `String`. Anything else — an escape, a non-ASCII key, a duplicate key, any error — goes to
/// `FlatJSONObject`, the full parser, which alone decides what a line means and words every
/// refusal. The fast path gives up rather than guess, so both paths agree by construction (a test
/// and the JSON Lines fuzz target compare them).
struct JSONRecordScanner {
    /// The file's raw keys, numbered in the order they were first met.
    private var table = ByteKeyTable(capacity: 64)
    /// The raw key of each id.
    private(set) var names: [String] = []
    /// Per key id, the last record that used it (to see a key used twice in one object).
    private var lastUse: [Int] = []
    private var serial = 0
    /// The key id at each position of the last plain record: the next record most likely repeats
    /// its keys in the same order, so the guess is checked before the table is asked.
    private var recentKeys: [Int32] = []

    /// Reads `line` (valid UTF-8, not blank) as record `number` into `batch`, or returns why it is
    /// refused (the batch is then unchanged).
    mutating func scan(
        _ line: ArraySlice<UInt8>, number: Int, into batch: inout KeyedBatch
    ) -> FlatJSONObject.Failure? {
        if line.withUnsafeBufferPointer({ scanPlain($0, into: &batch) }) {
            batch.endRecord(line: number)
            return nil
        }
        batch.dropOpenRecord()
        do {
            let (fields, columns) = try FlatJSONObject.parseWithColumns(line)
            for ((name, value), column) in zip(fields, columns) {
                var value = value
                let key = id(of: name)
                value.withUTF8 { batch.appendField(key: key, value: $0, column: column) }
            }
            batch.endRecord(line: number)
            return nil
        } catch {
            return error
        }
    }

    /// The fields the fast path alone reads from `line`, nil when it gives the line to the full
    /// parser (tests and the fuzz target check it against `FlatJSONObject`).
    mutating func fastPathFields(_ line: ArraySlice<UInt8>) -> [(name: String, value: String)]? {
        var batch = KeyedBatch()
        guard line.withUnsafeBufferPointer({ scanPlain($0, into: &batch) }) else { return nil }
        batch.endRecord(line: 1)
        batch.keyNames = names
        return batch.fields(of: 0)
    }

    /// The id of a raw key, numbering it when new.
    mutating func id(of name: String) -> Int32 {
        var name = name
        return name.withUTF8 { id(of: $0) }
    }

    @inline(__always)
    private mutating func id(of key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let (index, inserted) = table.insert(key)
        if inserted {
            names.append(String(decoding: key, as: UTF8.self))
            lastUse.append(0)
        }
        return Int32(index)
    }

    /// The fast path: appends the fields of a plain record and returns true, or returns false as soon
    /// as the line holds anything it does not handle (leaving a partly built record to drop).
    private mutating func scanPlain(_ p: UnsafeBufferPointer<UInt8>, into batch: inout KeyedBatch) -> Bool {
        serial += 1
        let n = p.count
        var i = 0
        @inline(__always) func skipSpace() {
            while i < n, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0D || p[i] == 0x0A { i += 1 }
        }
        /// Moves past a string's body to its closing quote; false on an escape or a control byte
        /// (and, for keys, on non-ASCII: keys that differ in bytes may still be the same text).
        @inline(__always) func stringBody(asciiOnly: Bool) -> Bool {
            // Eight bytes at a time while none of them needs a look: no quote, backslash or control
            // byte (nor, for a key, a non-ASCII one). Each test is exact about whether a byte matches.
            if let base = p.baseAddress {
                let raw = UnsafeRawPointer(base)
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                while i + 8 <= n {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let quote = word ^ 0x2222_2222_2222_2222
                    let backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
                    var special = (quote &- ones) & ~quote
                    special |= (backslash &- ones) & ~backslash
                    special |= (word &- 0x2020_2020_2020_2020) & ~word
                    if asciiOnly { special |= word }
                    if special & highs != 0 { break }
                    i += 8
                }
            }
            while i < n {
                let b = p[i]
                if b == UInt8(ascii: "\"") { return true }
                if b == UInt8(ascii: "\\") || b < 0x20 || (asciiOnly && b >= 0x80) { return false }
                i += 1
            }
            return false
        }
        @inline(__always) func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard i + count <= n else { return false }
            for k in 0..<count where p[i + k] != word.utf8Start[k] { return false }
            i += count
            return true
        }
        @inline(__always) func digits() -> Int {
            let s = i
            while i < n, p[i] &- 48 < 10 { i += 1 }
            return i - s
        }

        var position = 0
        skipSpace()
        guard i < n, p[i] == UInt8(ascii: "{") else { return false }
        i += 1
        skipSpace()
        if i < n, p[i] == UInt8(ascii: "}") {
            i += 1
            skipSpace()
            return i == n
        }
        while true {
            guard i < n, p[i] == UInt8(ascii: "\"") else { return false }
            i += 1
            let keyStart = i
            guard stringBody(asciiOnly: true) else { return false }
            let keyBytes = UnsafeBufferPointer(rebasing: p[keyStart..<i])
            let key: Int32
            if position < recentKeys.count, table.key(Int(recentKeys[position]), is: keyBytes) {
                key = recentKeys[position]
            } else {
                key = id(of: keyBytes)
                if position < recentKeys.count { recentKeys[position] = key } else { recentKeys.append(key) }
            }
            position += 1
            i += 1
            guard lastUse[Int(key)] != serial else { return false }
            lastUse[Int(key)] = serial
            skipSpace()
            guard i < n, p[i] == UInt8(ascii: ":") else { return false }
            i += 1
            skipSpace()
            guard i < n else { return false }
            let valueStart = i
            switch p[i] {
            case UInt8(ascii: "\""):
                i += 1
                guard stringBody(asciiOnly: false) else { return false }
                batch.appendField(
                    key: key, value: UnsafeBufferPointer(rebasing: p[(valueStart + 1)..<i]), column: valueStart + 1)
                i += 1
            case UInt8(ascii: "t"):
                guard literal("true") else { return false }
                batch.appendField(
                    key: key, value: UnsafeBufferPointer(rebasing: p[valueStart..<i]), column: valueStart + 1)
            case UInt8(ascii: "f"):
                guard literal("false") else { return false }
                batch.appendField(
                    key: key, value: UnsafeBufferPointer(rebasing: p[valueStart..<i]), column: valueStart + 1)
            case UInt8(ascii: "n"):
                guard literal("null") else { return false }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if p[i] == UInt8(ascii: "-") { i += 1 }
                // Long numbers and exponents go to the full parser, which refuses those a double
                // cannot hold (SPEC §10.0).
                let whole = digits()
                guard whole > 0, whole <= 300 else { return false }
                if i < n, p[i] == UInt8(ascii: ".") {
                    i += 1
                    guard digits() > 0 else { return false }
                }
                if i < n, p[i] | 0x20 == UInt8(ascii: "e") {
                    i += 1
                    if i < n, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
                    guard digits() > 0 else { return false }
                    let text = String(decoding: UnsafeBufferPointer(rebasing: p[valueStart..<i]), as: UTF8.self)
                    guard Double(text)?.isFinite == true else { return false }
                }
                batch.appendField(
                    key: key, value: UnsafeBufferPointer(rebasing: p[valueStart..<i]), column: valueStart + 1)
            default:
                return false
            }
            skipSpace()
            guard i < n else { return false }
            if p[i] == UInt8(ascii: ",") {
                i += 1
                skipSpace()
                continue
            }
            guard p[i] == UInt8(ascii: "}") else { return false }
            i += 1
            break
        }
        skipSpace()
        return i == n
    }
}

/// The JSON Lines fast path checked against the full parser, for tests and the fuzz target (which
/// cannot see the module's internals).
@_spi(Fuzzing)
public enum JSONLinesFastPathCheck {
    /// How a line was read.
    public enum Outcome: Equatable, Sendable {
        /// The fast path read it, and the full parser reads the same fields from it.
        case fastPath
        /// The fast path left it to the full parser.
        case fullParser
        /// The fast path read something the full parser reads differently (a bug).
        case disagreement(String)
    }

    /// Reads `line` with the fast path and, when it takes the line, with the full parser too.
    public static func compare(_ line: [UInt8]) -> Outcome {
        var scanner = JSONRecordScanner()
        guard let fast = scanner.fastPathFields(line[...]) else { return .fullParser }
        switch Result(catching: { () throws(FlatJSONObject.Failure) in try FlatJSONObject.parse(line[...]) }) {
        case .failure(let failure):
            return .disagreement("the fast path read \(fast.count) fields; the full parser refused: \(failure.message)")
        case .success(let full):
            guard full.count == fast.count, zip(full, fast).allSatisfy({ $0.name == $1.name && $0.value == $1.value })
            else { return .disagreement("the fast path read \(fast), the full parser \(full)") }
            return .fastPath
        }
    }
}
