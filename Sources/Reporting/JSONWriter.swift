import ComplianceCore
import Foundation

/// A tiny JSON emitter with keys in the order we write them, so reports are byte-for-byte stable.
///
/// Foundation's encoders do not promise key order across platforms. The writer appends UTF-8 to a
/// `ByteBuffer`: a report at 10M events has over half a million objects, and building a `String`
/// piece by piece (one allocation per quoted value, per indentation, per number) made rendering
/// slower than evaluating.
///
/// Keys are literals (`StaticString`) that need no escaping, such as `days_late` or `$schema`,
/// and are written as they are: escaping them was a quarter of the rendering time.
struct JSONWriter: ~Copyable {
    private var out: ByteBuffer
    /// How many arrays and objects are open.
    private var indent = 0
    /// Whether the innermost open array or object has an item yet (then the next one needs a comma).
    private var hasItems = false
    /// `hasItems` of each enclosing array or object, innermost last.
    private var enclosingHasItems: [Bool] = []

    /// A writer with room for `capacity` bytes before its buffer grows (an estimate of the size).
    init(capacity: Int = 4096) { out = ByteBuffer(capacity: capacity) }

    /// A writer for a run of items inside an array open at depth `depth` of a document written
    /// elsewhere, so that parts of a long array can be rendered on several threads and joined with
    /// `append(part:)`.
    init(partAtDepth depth: Int, capacity: Int) {
        out = ByteBuffer(capacity: capacity)
        indent = depth
    }

    /// The bytes of a writer made with `init(partAtDepth:capacity:)`.
    consuming func partData() -> Data { out.data() }

    /// Appends a part rendered at this writer's current depth: the same bytes as writing its items
    /// here (the part's first item wrote no comma, not knowing what came before it).
    mutating func append(part: Data) {
        guard !part.isEmpty else { return }
        if hasItems { out.append(JSONByte.comma) }
        hasItems = true
        part.withUnsafeBytes { out.append($0.bindMemory(to: UInt8.self)) }
    }

    /// Hands the bytes written so far to `sink` and forgets them; the writer goes on where it was.
    mutating func drain(into sink: ReportSink) {
        out.withBytes { sink.append($0) }
        out.removeAll()
    }

    /// Bytes written and not yet drained.
    var pendingBytes: Int { out.count }

    /// Ends a streamed document: the trailing newline, then everything to `sink`.
    consuming func finish(into sink: ReportSink) {
        out.append(JSONByte.newline)
        out.withBytes { sink.append($0) }
        sink.flush()
    }

    /// How many arrays and objects are open (the depth a part for the innermost one is written at).
    var depth: Int { indent }

    /// The finished document as text: what was written and a trailing newline.
    consuming func document() -> String {
        out.append(JSONByte.newline)
        return out.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// The finished document as UTF-8 bytes, with the trailing newline, without the copy and the
    /// UTF-8 validation that making a `String` of hundreds of megabytes costs.
    consuming func documentData() -> Data {
        out.append(JSONByte.newline)
        return out.data()
    }

    mutating func beginObject(_ key: StaticString? = nil) { open(key, JSONByte.openBrace) }
    mutating func endObject() { close(JSONByte.closeBrace) }
    mutating func beginArray(_ key: StaticString? = nil) { open(key, JSONByte.openBracket) }
    mutating func endArray() { close(JSONByte.closeBracket) }

    mutating func field(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        item(key)
        appendQuoted(value)
    }

    mutating func field(_ key: StaticString, _ value: Int?) {
        guard let value else { return }
        item(key)
        if value < 0 { out.append(JSONByte.hyphen) }
        out.appendDecimal(value.magnitude)
    }

    /// A number with at most one decimal: `85`, `57.5`.
    mutating func field(_ key: StaticString, _ value: Tenths?) {
        guard let value else { return }
        item(key)
        if value.tenths < 0 { out.append(JSONByte.hyphen) }
        out.appendDecimal(value.tenths.magnitude / 10)
        if value.tenths.magnitude % 10 != 0 {
            out.append(UInt8(ascii: "."))
            out.appendDecimal(value.tenths.magnitude % 10)
        }
    }

    /// A date as `"YYYY-MM-DD"`, the same text as `Day.description`, without building a string.
    mutating func field(_ key: StaticString, _ value: Day?) {
        guard let value else { return }
        let (year, month, day) = value.components
        // Years outside 0...9999 do not occur in practice; `description` decides how they look.
        guard (0...9999).contains(year) else { return field(key, value.description) }
        item(key)
        out.append(JSONByte.quote)
        appendDigits(year, width: 4)
        out.append(JSONByte.hyphen)
        appendDigits(month, width: 2)
        out.append(JSONByte.hyphen)
        appendDigits(day, width: 2)
        out.append(JSONByte.quote)
    }

    /// `"key": null`.
    mutating func nullField(_ key: StaticString) {
        item(key)
        out.append("null")
    }

    mutating func field(_ key: StaticString, _ value: Bool?) {
        guard let value else { return }
        item(key)
        out.append(value ? "true" : "false")
    }

    /// An object under a key that comes from the data (an event id), quoted and escaped like a value.
    mutating func beginObject(named key: String) {
        if indent > 0 {
            if hasItems { out.append(JSONByte.comma) }
            hasItems = true
            appendLineStart()
        }
        appendQuoted(key)
        out.append(": ")
        out.append(JSONByte.openBrace)
        indent += 1
        enclosingHasItems.append(hasItems)
        hasItems = false
    }

    mutating func value(_ value: String) {
        item(nil)
        appendQuoted(value)
    }

    /// An array of strings on one line (evidence ids stay readable).
    mutating func inlineArray(_ key: StaticString, _ values: [String]) {
        item(key)
        out.append(JSONByte.openBracket)
        for (i, value) in values.enumerated() {
            if i > 0 { out.append(", ") }
            appendQuoted(value)
        }
        out.append(JSONByte.closeBracket)
    }

    private mutating func item(_ key: StaticString?) {
        if indent > 0 {
            if hasItems { out.append(JSONByte.comma) }
            hasItems = true
            appendLineStart()
        }
        if let key {
            assert(key.withUTF8Buffer { Self.nextEscape(in: $0, from: 0) == nil }, "JSON key \(key) needs escaping")
            out.append(JSONByte.quote)
            out.append(key)
            out.append("\": ")
        }
    }

    private mutating func open(_ key: StaticString?, _ bracket: UInt8) {
        item(key)
        out.append(bracket)
        indent += 1
        enclosingHasItems.append(hasItems)
        hasItems = false
    }

    private mutating func close(_ bracket: UInt8) {
        indent -= 1
        if hasItems { appendLineStart() }
        hasItems = enclosingHasItems.removeLast()
        out.append(bracket)
    }

    /// A newline and the current indentation (two spaces a level).
    private mutating func appendLineStart() {
        out.append(JSONByte.newline)
        out.append(JSONByte.space, count: 2 * indent)
    }

    /// A non-negative number with leading zeros up to `width` digits (wider numbers are not cut).
    private mutating func appendDigits(_ value: Int, width: Int) {
        var limit = 10
        for _ in 1..<width {
            if value < limit { out.append(JSONByte.zero) }
            limit *= 10
        }
        out.appendDecimal(value.magnitude)
    }

    private mutating func appendQuoted(_ s: String) {
        // Native strings lend their UTF-8 in place; `withUTF8` would need a mutable copy.
        if s.utf8.withContiguousStorageIfAvailable({ appendQuoted($0) }) == nil {
            var s = s
            s.withUTF8 { appendQuoted($0) }
        }
    }

    /// `utf8` as a JSON string literal; see `quote` for the escapes.
    ///
    /// Copies each run of bytes that needs no escape in one go, and skips eight bytes at a time while
    /// none of them can start an escape: report values are ids, dates and sentences that almost
    /// never contain a character to escape, and testing them byte by byte was most of the cost of
    /// rendering.
    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        out.append(JSONByte.quote)
        var runStart = 0
        while let (i, escape, length) = Self.nextEscape(in: utf8, from: runStart) {
            out.append(UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            out.append(escape)
            runStart = i + length
        }
        out.append(UnsafeBufferPointer(rebasing: utf8[runStart...]))
        out.append(JSONByte.quote)
    }

    /// The first character at or after `start` that is escaped: its offset, its escape and its length
    /// in bytes.
    ///
    /// Skips eight bytes at a time while none of them can start an escape; the last eight bytes of
    /// `utf8` are tested as one word even when they overlap bytes already seen.
    private static func nextEscape(
        in utf8: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> (offset: Int, escape: StaticString, length: Int)? {
        guard let base = utf8.baseAddress else { return nil }
        let bytes = UnsafeRawPointer(base)
        let count = utf8.count
        var i = start
        while i < count {
            // The eight bytes from i, or the last eight when fewer are left.
            if count >= 8, !mayStartEscape(bytes.loadUnaligned(fromByteOffset: min(i, count - 8), as: UInt64.self)) {
                i += 8
                continue
            }
            let byte = utf8[i]
            if byte < 0x20 || byte == JSONByte.quote || byte == JSONByte.backslash || byte == 0xE2,
                let (text, length) = escape(utf8, at: i)
            {
                return (i, text, length)
            }
            i += 1
        }
        return nil
    }

    /// Whether any of the eight bytes in `word` is below 0x20, `"`, `\` or 0xE2 — the bytes that can
    /// start an escaped character.
    ///
    /// The classic bit trick: `(x - n…n) & ~x & 0x80…80` is non-zero exactly when some byte of `x`
    /// is below `n` (for `n` up to 0x80), and a byte equal to `c` is a zero byte of `word ^ c…c`.
    private static func mayStartEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highBits != 0 }
        let belowSpace = (word &- 0x20 &* ones) & ~word & highBits != 0
        return belowSpace || hasZeroByte(word ^ (UInt64(JSONByte.quote) &* ones))
            || hasZeroByte(word ^ (UInt64(JSONByte.backslash) &* ones)) || hasZeroByte(word ^ (0xE2 &* ones))
    }

    /// The escape for the character starting at `utf8[i]` and how many bytes it replaces; nil when
    /// the character is written as it is.
    ///
    /// Only bytes below 0x20, `"`, `\` and 0xE2 (the first byte of U+2028 and U+2029, `E2 80 A8`
    /// and `E2 80 A9`) can start an escaped character.
    private static func escape(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (StaticString, length: Int)? {
        switch utf8[i] {
        case JSONByte.quote: return (#"\""#, 1)
        case JSONByte.backslash: return (#"\\"#, 1)
        case JSONByte.newline: return (#"\n"#, 1)
        case JSONByte.carriageReturn: return (#"\r"#, 1)
        case JSONByte.tab: return (#"\t"#, 1)
        case 0xE2:
            guard i + 2 < utf8.count, utf8[i + 1] == 0x80 else { return nil }
            switch utf8[i + 2] {
            case 0xA8: return (#"\u2028"#, 3)
            case 0xA9: return (#"\u2029"#, 3)
            default: return nil
            }
        default: return (controlEscapes[Int(utf8[i])], 1)
        }
    }

    /// `\u0000` … `\u001f` (lowercase hex) for the control characters without a short escape.
    private static let controlEscapes: [StaticString] = [
        #"\u0000"#, #"\u0001"#, #"\u0002"#, #"\u0003"#, #"\u0004"#, #"\u0005"#, #"\u0006"#, #"\u0007"#,
        #"\u0008"#, #"\u0009"#, #"\u000a"#, #"\u000b"#, #"\u000c"#, #"\u000d"#, #"\u000e"#, #"\u000f"#,
        #"\u0010"#, #"\u0011"#, #"\u0012"#, #"\u0013"#, #"\u0014"#, #"\u0015"#, #"\u0016"#, #"\u0017"#,
        #"\u0018"#, #"\u0019"#, #"\u001a"#, #"\u001b"#, #"\u001c"#, #"\u001d"#, #"\u001e"#, #"\u001f"#,
    ]

    /// `s` as a JSON string literal (RFC 8259): quote, backslash, LF, CR and tab as two-character
    /// escapes, other control characters and U+2028/U+2029 as `\uXXXX` (lowercase hex), everything
    /// else as it is.
    static func quote(_ s: String) -> String {
        var w = JSONWriter(capacity: s.utf8.count + 2)
        w.appendQuoted(s)
        return w.out.withBytes { String(decoding: $0, as: UTF8.self) }
    }
}

/// The ASCII bytes the writer emits.
private enum JSONByte {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let quote = UInt8(ascii: "\"")
    static let comma = UInt8(ascii: ",")
    static let hyphen = UInt8(ascii: "-")
    static let zero = UInt8(ascii: "0")
    static let openBracket = UInt8(ascii: "[")
    static let backslash = UInt8(ascii: "\\")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
}
