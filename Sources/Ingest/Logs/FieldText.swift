import ComplianceCore

/// What a raw field name of a log record means once normalised (SPEC §4).
enum FieldName: Equatable {
    case id, unit, type, date
    /// An attribute, by normalised name.
    case attribute(String)
    /// A name that normalises to nothing: the field is dropped.
    case skip

    init(_ raw: String) {
        let key = TextNormalization.normalize(raw)
        switch key {
        case "id": self = .id
        case "unit": self = .unit
        case "type": self = .type
        case "date": self = .date
        case "": self = .skip
        default: self = .attribute(key)
        }
    }
}

/// One required field of the record being checked, as normalised bytes: the source bytes themselves
/// when they are plain and outlive the check (`lend`), else a copy in a buffer reused from record to
/// record (no allocation, and a plain copy rather than `Array.append(contentsOf:)`, whose generic
/// bookkeeping cost more than the copy for these short fields).
struct FieldText {
    private var storage = [UInt8](repeating: 0, count: 32)
    /// Plain source bytes lent for the record's check, used instead of `storage` when set.
    private var lent: UnsafeBufferPointer<UInt8>?
    private(set) var count = 0
    private(set) var present = false

    mutating func clear() {
        count = 0
        present = false
        lent = nil
    }

    /// Takes a raw value that stays valid until the record is checked: plain ASCII is used in place
    /// (most fields of a large log), anything else is normalised into the buffer.
    mutating func lend(normalizing value: UnsafeBufferPointer<UInt8>) {
        guard Self.isPlain(value) else { return store(normalizing: value) }
        lent = value
        count = value.count
        present = true
    }

    /// Stores a raw value normalised: plain ASCII is copied as it is, anything else goes through NFC
    /// and trimming first.
    mutating func store(normalizing value: UnsafeBufferPointer<UInt8>) {
        if Self.isPlain(value) {
            set(value)
        } else {
            var normalized = TextNormalization.normalize(String(decoding: value, as: UTF8.self))
            normalized.withUTF8 { set($0) }
        }
    }

    private mutating func set(_ value: UnsafeBufferPointer<UInt8>) {
        if value.count > storage.count { storage = [UInt8](repeating: 0, count: value.count * 2) }
        storage.withUnsafeMutableBufferPointer { target in
            if let to = target.baseAddress, let from = value.baseAddress { to.update(from: from, count: value.count) }
        }
        lent = nil
        count = value.count
        present = true
    }

    /// Present and not empty after normalisation.
    var isGiven: Bool { present && count > 0 }

    /// Calls `body` with the bytes.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let lent { return body(lent) }
        return storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<count])) }
    }

    /// The bytes as text (for messages).
    var text: String { withBytes { String(decoding: $0, as: UTF8.self) } }

    /// Whether bytes are ASCII with no white space at either end, so normalisation leaves them as
    /// they are.
    static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress, let first = b.first, let last = b.last else { return true }
        if isSpace(first) || isSpace(last) { return false }
        // Eight bytes at a time: a field of ids, codes and dates is one or two words.
        var i = 0
        while i + 8 <= b.count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < b.count {
            if base[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// A `YYYY-MM-DD` date read straight from its bytes; nil for any other form (or an impossible
    /// date), which then goes through `DateText`.
    static func isoDate(_ b: UnsafeBufferPointer<UInt8>) -> Day? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let d = b[i] &- UInt8(ascii: "0")
                guard d < 10 else { return nil }
                n = n * 10 + Int(d)
            }
            return n
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let date = Day(year: year, month: month, day: day), date.isSupported
        else { return nil }
        return date
    }
}

/// What each key meant in the last record read by name, by position: records of a file usually
/// repeat their keys in the same order, so comparing with the previous record's key there is cheaper
/// than hashing the name.
struct RecentKeys<Meaning> {
    private var names: [String] = []
    private var meanings: [Meaning] = []

    /// The meaning of `name` at `position` when the last record had the same key there.
    func meaning(of name: String, at position: Int) -> Meaning? {
        position < names.count && names[position] == name ? meanings[position] : nil
    }

    /// Remembers what `name` means at `position`.
    mutating func remember(_ name: String, means meaning: Meaning, at position: Int) {
        if position < names.count {
            names[position] = name
            meanings[position] = meaning
        } else if position == names.count {
            names.append(name)
            meanings.append(meaning)
        }
    }
}
