#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an XML scanner's bytes come from: a workbook part being inflated, or bytes in memory.
protocol ByteSource: AnyObject {
    /// Fills `buffer` with the next bytes; 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Bytes held in memory, as a source (tests, small parts).
final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - position)
        guard n > 0, let target = buffer.baseAddress else { return 0 }
        bytes.withUnsafeBytes { source in
            if let from = source.baseAddress { target.copyMemory(from: from + position, byteCount: n) }
        }
        position += n
        return n
    }
}

/// A pull scanner for the XML of SpreadsheetML parts: elements, attributes and text, one token at a
/// time from a chunked stream, with at most one token (bounded by `maxTokenBytes`) held.
///
/// It is no general XML parser and needs not be: a DTD (`<!DOCTYPE`) is refused outright, so no
/// entity can be defined, expanded or fetched; only the five predefined entities and character
/// references are decoded, anything else is an error. Names are compared by their local part
/// (`x:row` is `row`), which is how SpreadsheetML writers that prefix the main namespace are read.
struct XMLScanner {
    enum Token: Equatable {
        /// A start tag; `isEmpty` for `<x/>` (no end token follows).
        case start(isEmpty: Bool)
        case end
        /// Character data (entities decoded, CDATA included) in `text`.
        case text
        case eof
    }

    private let source: ByteSource
    private let maxTokenBytes: Int
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var position = 0
    private var end = 0
    private var atEOF = false
    /// The part's name, for messages.
    let partName: String

    /// The last tag's local name, in `buffer`.
    private var nameStart = 0
    private var nameEnd = 0
    /// The last start tag's attributes: local name (in `buffer`) and decoded value (in `values`).
    private var attributeNames: [(start: Int, end: Int)] = []
    private var attributeValues: [(start: Int, end: Int)] = []
    private var values: [UInt8] = []
    /// The last text token, decoded.
    private(set) var text: [UInt8] = []

    init(source: ByteSource, partName: String, maxTokenBytes: Int) {
        self.source = source
        self.partName = partName
        self.maxTokenBytes = maxTokenBytes
        capacity = 1 << 16
        buffer = .allocate(capacity: capacity)
    }

    /// Frees the buffer (the scanner is a struct held by one owner, which calls this once).
    func release() { buffer.deallocate() }

    private func malformed(_ fault: XMLFault) -> WorkbookError {
        .malformed(.notWellFormed(part: ZipArchive.printable(partName), fault))
    }

    /// Reads more bytes, keeping `buffer[keep..<end]`; false at the end of the part.
    ///
    /// The kept bytes move to the front and `keep` becomes 0.
    private mutating func fill(keeping keep: inout Int) throws -> Bool {
        if atEOF { return false }
        let kept = end - keep
        if keep > 0 {
            buffer.update(from: buffer + keep, count: kept)
            position -= keep
            keep = 0
            end = kept
        }
        if end == capacity {
            guard capacity < maxTokenBytes + (1 << 16) else {
                throw WorkbookError.limit(.tokenTooLarge(part: ZipArchive.printable(partName), limit: maxTokenBytes))
            }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }
        let n = try source.read(into: UnsafeMutableRawBufferPointer(start: buffer + end, count: capacity - end))
        if n == 0 {
            atEOF = true
            return false
        }
        end += n
        return true
    }

    /// The next token.
    mutating func next() throws -> Token {
        while true {
            if position == end {
                var keep = end
                guard try fill(keeping: &keep) else { return .eof }
            }
            if buffer[position] != UInt8(ascii: "<") { return try readText() }
            var start = position
            // Find the end of the markup, refilling as needed.
            if position + 1 >= end {
                guard try fill(keeping: &start) else { throw malformed(.endsInsideTag) }
            }
            switch buffer[start + 1] {
            case UInt8(ascii: "!"):
                if let token = try readBang(start: &start) { return token }
            case UInt8(ascii: "?"):
                let close = try find([UInt8(ascii: "?"), UInt8(ascii: ">")], from: start + 2, keeping: &start)
                position = close + 2
            case UInt8(ascii: "/"):
                let close = try findTagEnd(keeping: &start)
                parseName(from: start + 2, to: close)
                position = close + 1
                return .end
            default:
                let close = try findTagEnd(keeping: &start)
                let isEmpty = buffer[close - 1] == UInt8(ascii: "/")
                try parseStartTag(from: start + 1, to: isEmpty ? close - 1 : close)
                position = close + 1
                return .start(isEmpty: isEmpty)
            }
        }
    }

    /// Comments and CDATA; a DTD or any other declaration is refused.
    private mutating func readBang(start: inout Int) throws -> Token? {
        while end - start < 9 {
            guard try fill(keeping: &start) else { break }
        }
        let head = Array(UnsafeBufferPointer(start: buffer + start, count: min(9, end - start)))
        if head.starts(with: Array("<!--".utf8)) {
            let close = try find(Array("-->".utf8), from: start + 4, keeping: &start)
            position = close + 3
            return nil
        }
        if head.starts(with: Array("<![CDATA[".utf8)) {
            let close = try find(Array("]]>".utf8), from: start + 9, keeping: &start)
            if !text.isEmpty { text.removeAll(keepingCapacity: true) }
            text.append(contentsOf: UnsafeBufferPointer(start: buffer + start + 9, count: close - start - 9))
            position = close + 3
            return .text
        }
        throw malformed(.declaration)
    }

    /// The offset of `pattern` at or after `from`, refilling (and moving `keep`) as needed.
    private mutating func find(_ pattern: [UInt8], from: Int, keeping keep: inout Int) throws -> Int {
        var offset = from - keep
        while true {
            var at = keep + offset
            while at + pattern.count <= end {
                if buffer[at] == pattern[0] && (1..<pattern.count).allSatisfy({ buffer[at + $0] == pattern[$0] }) {
                    return at
                }
                at += 1
            }
            offset = at - keep
            guard try fill(keeping: &keep) else {
                throw malformed(.endsInsideComment)
            }
        }
    }

    /// The offset of the `>` that ends the tag starting at `keep`, outside quoted values.
    private mutating func findTagEnd(keeping keep: inout Int) throws -> Int {
        var i = 1
        var quote: UInt8 = 0
        while true {
            while keep + i < end {
                let b = buffer[keep + i]
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if b == UInt8(ascii: ">") {
                    return keep + i
                } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    quote = b
                } else if b == UInt8(ascii: "<") {
                    throw malformed(.lessThanInTag)
                }
                i += 1
            }
            guard try fill(keeping: &keep) else { throw malformed(.endsInsideTag) }
        }
    }

    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// Sets the name to the local part of the name at `from` (up to space or `to`).
    private mutating func parseName(from: Int, to: Int) {
        var i = from
        var local = from
        while i < to, !Self.isSpace(buffer[i]) {
            if buffer[i] == UInt8(ascii: ":") { local = i + 1 }
            i += 1
        }
        nameStart = local
        nameEnd = i
    }

    private mutating func parseStartTag(from: Int, to: Int) throws {
        parseName(from: from, to: to)
        guard nameEnd > nameStart else { throw malformed(.tagWithoutName) }
        if !attributeNames.isEmpty { attributeNames.removeAll(keepingCapacity: true) }
        if !attributeValues.isEmpty { attributeValues.removeAll(keepingCapacity: true) }
        if !values.isEmpty { values.removeAll(keepingCapacity: true) }
        var i = nameEnd
        while true {
            while i < to, Self.isSpace(buffer[i]) { i += 1 }
            if i >= to { return }
            let start = i
            var local = i
            while i < to, buffer[i] != UInt8(ascii: "="), !Self.isSpace(buffer[i]) {
                if buffer[i] == UInt8(ascii: ":") { local = i + 1 }
                i += 1
            }
            let nameEnd = i
            while i < to, Self.isSpace(buffer[i]) { i += 1 }
            guard nameEnd > start, i < to, buffer[i] == UInt8(ascii: "=") else {
                throw malformed(.attributeWithoutValue)
            }
            i += 1
            while i < to, Self.isSpace(buffer[i]) { i += 1 }
            guard i < to, buffer[i] == UInt8(ascii: "\"") || buffer[i] == UInt8(ascii: "'") else {
                throw malformed(.unquotedAttribute)
            }
            let quote = buffer[i]
            i += 1
            let valueStart = i
            while i < to, buffer[i] != quote { i += 1 }
            guard i < to else { throw malformed(.unterminatedAttribute) }
            let decodedStart = values.count
            try Self.decode(
                UnsafeBufferPointer(start: buffer + valueStart, count: i - valueStart), into: &values, part: partName)
            attributeNames.append((local, nameEnd))
            attributeValues.append((decodedStart, values.count))
            i += 1
        }
    }

    /// Reads character data up to the next `<` (or the end), entities decoded.
    private mutating func readText() throws -> Token {
        if !text.isEmpty { text.removeAll(keepingCapacity: true) }
        var start = position
        while true {
            var i = start
            i = Self.index(of: UInt8(ascii: "<"), in: buffer, from: i, to: end)
            // An entity cut by the end of the buffer waits for the next fill.
            var cut = i
            if i == end, let amp = (max(start, i - 12)..<i).last(where: { buffer[$0] == UInt8(ascii: "&") }),
                !(amp..<i).contains(where: { buffer[$0] == UInt8(ascii: ";") })
            {
                cut = amp
            }
            try Self.decode(UnsafeBufferPointer(start: buffer + start, count: cut - start), into: &text, part: partName)
            guard text.count <= maxTokenBytes else {
                throw WorkbookError.limit(.textTooLarge(part: ZipArchive.printable(partName), limit: maxTokenBytes))
            }
            position = cut
            if i < end { return .text }
            start = cut
            guard try fill(keeping: &start) else {
                guard start == end else { throw malformed(.unterminatedEntity) }
                position = end
                return .text
            }
        }
    }

    /// Whether the last tag's local name is `name`.
    @inline(__always)
    func nameIs(_ name: StaticString) -> Bool {
        guard nameEnd - nameStart == name.utf8CodeUnitCount else { return false }
        let p = name.utf8Start
        for k in 0..<name.utf8CodeUnitCount where buffer[nameStart + k] != p[k] { return false }
        return true
    }

    /// The decoded value of the last start tag's attribute with local name `name`, or nil.
    func attribute(_ name: StaticString) -> ArraySlice<UInt8>? {
        let count = name.utf8CodeUnitCount
        let p = name.utf8Start
        for (k, n) in attributeNames.enumerated() where n.end - n.start == count {
            var same = true
            for j in 0..<count where buffer[n.start + j] != p[j] {
                same = false
                break
            }
            if same { return values[attributeValues[k].start..<attributeValues[k].end] }
        }
        return nil
    }

    /// The first offset of `byte` in `from..<to`, or `to` (memchr: text runs are most of a sheet).
    @inline(__always)
    static func index(of byte: UInt8, in base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let found = memchr(base + from, Int32(byte), to - from) else { return to }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Appends `raw` to `out` with the predefined entities and character references decoded.
    static func decode(
        _ raw: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], part: String
    ) throws {
        func error(_ fault: XMLFault) -> WorkbookError {
            .malformed(.notWellFormed(part: ZipArchive.printable(part), fault))
        }
        var i = 0
        let n = raw.count
        while i < n {
            guard let base = raw.baseAddress,
                case let amp = index(of: UInt8(ascii: "&"), in: base, from: i, to: n), amp < n
            else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[i..<n]))
                return
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[i..<amp]))
            guard let semi = (amp..<min(n, amp + 12)).first(where: { raw[$0] == UInt8(ascii: ";") }) else {
                throw error(.unterminatedEntity)
            }
            let entity = Array(raw[(amp + 1)..<semi])
            switch entity {
            case Array("lt".utf8): out.append(UInt8(ascii: "<"))
            case Array("gt".utf8): out.append(UInt8(ascii: ">"))
            case Array("amp".utf8): out.append(UInt8(ascii: "&"))
            case Array("quot".utf8): out.append(UInt8(ascii: "\""))
            case Array("apos".utf8): out.append(UInt8(ascii: "'"))
            default:
                guard entity.first == UInt8(ascii: "#"), let scalar = characterReference(entity.dropFirst()) else {
                    throw error(.undefinedEntity)
                }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            i = semi + 1
        }
    }

    private static func characterReference(_ digits: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var rest = digits
        var radix: UInt32 = 10
        if rest.first == UInt8(ascii: "x") {
            radix = 16
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty, rest.count <= 8 else { return nil }
        var value: UInt32 = 0
        for b in rest {
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: d = UInt32(b - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value * radix + d
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return scalar
    }
}
