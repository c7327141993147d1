/// Parses one JSON Lines record: an object whose values are strings, numbers, booleans or null.
///
/// Hand-written rather than `JSONSerialization` because we need the number's literal text (a JSON
/// number 2022 is the text "2022", SPEC §6), booleans told apart from numbers on Linux, the column
/// of a bad value, and no intermediate `[String: Any]` per line.
enum FlatJSONObject {
    /// Why a line was refused, with the 1-based byte column.
    struct Failure: Error {
        let column: Int
        let message: String
        /// True when the problem is a nested list or object (still valid JSON).
        let nested: Bool
    }

    /// The object's fields (null ones left out), in source order.
    static func parse(_ bytes: ArraySlice<UInt8>) throws(Failure) -> [(name: String, value: String)] {
        var p = Parser(bytes: bytes)
        return try p.object()
    }

    /// The fields and, in parallel, each value's 1-based byte column (for diagnostics about one field).
    static func parseWithColumns(
        _ bytes: ArraySlice<UInt8>
    ) throws(Failure) -> ([(name: String, value: String)], [Int]) {
        var p = Parser(bytes: bytes)
        let fields = try p.object()
        return (fields, p.valueColumns)
    }

    private struct Parser {
        let bytes: ArraySlice<UInt8>
        var i: Int
        /// The column of each field's value, in `object()`'s order.
        var valueColumns: [Int] = []

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            i = bytes.startIndex
        }

        var column: Int { i - bytes.startIndex + 1 }

        func fail(_ message: String, nested: Bool = false) -> Failure {
            Failure(column: column, message: message, nested: nested)
        }

        mutating func skipSpace() {
            while i < bytes.endIndex, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[i]) { i += 1 }
        }

        mutating func expect(_ b: UInt8) throws(Failure) {
            skipSpace()
            guard i < bytes.endIndex, bytes[i] == b else {
                throw fail("expected '\(Character(Unicode.Scalar(b)))'")
            }
            i += 1
        }

        mutating func object() throws(Failure) -> [(name: String, value: String)] {
            skipSpace()
            guard i < bytes.endIndex, bytes[i] == UInt8(ascii: "{") else {
                throw fail("a record must be a JSON object")
            }
            i += 1
            var fields: [(name: String, value: String)] = []
            fields.reserveCapacity(12)
            var seen = SeenKeys()
            skipSpace()
            if i < bytes.endIndex, bytes[i] == UInt8(ascii: "}") {
                i += 1
            } else {
                while true {
                    skipSpace()
                    let keyColumn = column
                    let key = try string()
                    guard seen.insert(key, fields: fields) else {
                        throw Failure(column: keyColumn, message: "duplicate key '\(key)'", nested: false)
                    }
                    try expect(UInt8(ascii: ":"))
                    skipSpace()
                    let valueColumn = column
                    if let v = try value(for: key) {
                        fields.append((key, v))
                        valueColumns.append(valueColumn)
                    } else {
                        seen.null(key)
                    }
                    skipSpace()
                    guard i < bytes.endIndex else { throw fail("unterminated object") }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        continue
                    }
                    if bytes[i] == UInt8(ascii: "}") {
                        i += 1
                        break
                    }
                    throw fail("expected ',' or '}'")
                }
            }
            skipSpace()
            guard i == bytes.endIndex else { throw fail("unexpected text after the object") }
            return fields
        }

        /// The keys already used in this object: its fields and the keys whose value was null.
        ///
        /// Scanned rather than hashed (records have a dozen keys; a `Set` per record cost a
        /// tenth of reading JSON Lines), with a set once an object has many keys.
        struct SeenKeys {
            private var nulls: [String] = []
            private var set: Set<String>?

            /// Records `key` (before its value is read); false when it was already used.
            mutating func insert(_ key: String, fields: [(name: String, value: String)]) -> Bool {
                if set == nil, fields.count + nulls.count > 32 { set = Set(fields.map(\.name) + nulls) }
                if let inserted = set?.insert(key).inserted { return inserted }
                return !fields.contains(where: { $0.name == key }) && !nulls.contains(key)
            }

            /// Notes that `key`'s value was null (so it is in no field).
            mutating func null(_ key: String) {
                if set == nil { nulls.append(key) }
            }
        }

        mutating func value(for key: String) throws(Failure) -> String? {
            skipSpace()
            guard i < bytes.endIndex else { throw fail("missing value") }
            switch bytes[i] {
            case UInt8(ascii: "\""): return try string()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                throw fail(
                    "field '\(key)' holds a nested \(bytes[i] == UInt8(ascii: "{") ? "object" : "list"); values must be strings, numbers or booleans",
                    nested: true)
            case UInt8(ascii: "t"): try literal("true"); return "true"
            case UInt8(ascii: "f"): try literal("false"); return "false"
            case UInt8(ascii: "n"): try literal("null"); return nil
            default: return try number()
            }
        }

        mutating func literal(_ word: String) throws(Failure) {
            for b in word.utf8 {
                guard i < bytes.endIndex, bytes[i] == b else { throw fail("invalid literal") }
                i += 1
            }
        }

        /// Whether a JSON number's value is finite as a double; only long or exponent forms can fail.
        static func fitsDouble(_ text: String, digits: Int) -> Bool {
            guard digits > 300 || text.utf8.contains(where: { $0 | 0x20 == UInt8(ascii: "e") }) else { return true }
            return Double(text).map(\.isFinite) ?? false
        }

        mutating func number() throws(Failure) -> String {
            let s = i
            if i < bytes.endIndex, bytes[i] == UInt8(ascii: "-") { i += 1 }
            var digits = 0
            while i < bytes.endIndex, (48...57).contains(bytes[i]) {
                i += 1
                digits += 1
            }
            guard digits > 0 else { throw fail("invalid value") }
            if i < bytes.endIndex, bytes[i] == UInt8(ascii: ".") {
                i += 1
                var frac = 0
                while i < bytes.endIndex, (48...57).contains(bytes[i]) {
                    i += 1
                    frac += 1
                }
                guard frac > 0 else { throw fail("invalid number") }
            }
            if i < bytes.endIndex, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.endIndex, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                var exp = 0
                while i < bytes.endIndex, (48...57).contains(bytes[i]) {
                    i += 1
                    exp += 1
                }
                guard exp > 0 else { throw fail("invalid number") }
            }
            let text = String(decoding: bytes[s..<i], as: UTF8.self)
            // SPEC §10.0: a number a double cannot hold (1e400) rejects the record, never becomes infinity.
            if !Self.fitsDouble(text, digits: digits) {
                i = s
                throw fail("the number '\(text.prefix(40))' is too large for a double")
            }
            return text
        }

        mutating func string() throws(Failure) -> String {
            guard i < bytes.endIndex, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a string") }
            i += 1
            // Most strings hold no escape: they become a String straight from the line's bytes.
            let start = i
            while i < bytes.endIndex {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return String(decoding: bytes[start..<(i - 1)], as: UTF8.self)
                }
                if b == UInt8(ascii: "\\") || b < 0x20 { break }
                i += 1
            }
            var out = Array(bytes[start..<i])
            while i < bytes.endIndex {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if b < 0x20 { throw fail("control character in a string") }
                if b == UInt8(ascii: "\\") {
                    i += 1
                    guard i < bytes.endIndex else { break }
                    let e = bytes[i]
                    i += 1
                    switch e {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard i + 1 < bytes.endIndex, bytes[i] == UInt8(ascii: "\\"),
                                bytes[i + 1] == UInt8(ascii: "u")
                            else { throw fail("unpaired surrogate") }
                            i += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let u = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                        out.append(contentsOf: Array(String(Character(u)).utf8))
                    default: throw fail("invalid escape")
                    }
                    continue
                }
                out.append(b)
                i += 1
            }
            throw fail("unterminated string")
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            guard i + 4 <= bytes.endIndex else { throw fail("invalid \\u escape") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[i]
                let d: UInt32
                switch b {
                case 48...57: d = UInt32(b - 48)
                case 65...70: d = UInt32(b - 55)
                case 97...102: d = UInt32(b - 87)
                default: throw fail("invalid \\u escape")
                }
                v = v * 16 + d
                i += 1
            }
            return v
        }
    }
}
