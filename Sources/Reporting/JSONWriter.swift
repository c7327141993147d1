/// A tiny JSON emitter with keys in the order we write them, so reports are byte-for-byte stable
/// (Foundation's encoders do not promise key order across platforms).
struct JSONWriter {
    private(set) var output = ""
    private var indent = 0
    private var needsComma: [Bool] = []

    mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    mutating func endObject() { close("}") }
    mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    mutating func endArray() { close("]") }

    mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        item(key)
        output += Self.quote(value)
    }

    mutating func field(_ key: String, _ value: Int?) {
        guard let value else { return }
        item(key)
        output += String(value)
    }

    mutating func value(_ value: String) {
        item(nil)
        output += Self.quote(value)
    }

    /// An array of strings on one line (evidence ids stay readable).
    mutating func inlineArray(_ key: String, _ values: [String]) {
        item(key)
        output += "[" + values.map(Self.quote).joined(separator: ", ") + "]"
    }

    private mutating func item(_ key: String?) {
        if needsComma.last == true { output += "," }
        if !needsComma.isEmpty {
            output += "\n" + String(repeating: "  ", count: indent)
            needsComma[needsComma.count - 1] = true
        }
        if let key { output += Self.quote(key) + ": " }
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        item(key)
        output += bracket
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        indent -= 1
        let hadItems = needsComma.removeLast()
        if hadItems { output += "\n" + String(repeating: "  ", count: indent) }
        output += bracket
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
