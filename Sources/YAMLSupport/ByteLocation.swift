/// Turns a byte offset into a line and column, because libyaml reports reader errors (bad UTF-8)
/// only as a byte offset; fed in chunks so a huge log need not be held in memory.
struct ByteLocation {
    /// Bytes at and after this offset are not counted.
    let offset: Int
    private var seen = 0
    private var line = 1
    private var column = 1
    private var previousWasCR = false

    /// Starts counting towards `offset`.
    init(offset: Int) {
        self.offset = max(offset, 0)
    }

    /// The 1-based mark of `offset`: lines break at LF, CRLF or a lone CR, columns count characters
    /// (bytes that do not continue a UTF-8 sequence); a leading UTF-8 BOM is not a character.
    var mark: SourceMark { SourceMark(line: line, column: column) }

    /// Whether every byte before `offset` has been fed.
    var isComplete: Bool { seen >= offset }

    /// Counts the next bytes of the input, in order.
    mutating func feed(_ bytes: some Collection<UInt8>) {
        for byte in bytes {
            guard seen < offset else { return }
            let isBOM = seen < 3 && line == 1 && column == 1 && [0xEF, 0xBB, 0xBF][seen] == byte
            seen += 1
            if isBOM { continue }
            if byte == UInt8(ascii: "\n") {
                if !previousWasCR { line += 1 }
                column = 1
                previousWasCR = false
            } else if byte == UInt8(ascii: "\r") {
                line += 1
                column = 1
                previousWasCR = true
            } else {
                previousWasCR = false
                if byte & 0xC0 != 0x80 { column += 1 }
            }
        }
    }

    /// The mark of `offset` in a whole input held in memory.
    static func mark(ofByteOffset offset: Int, in bytes: [UInt8]) -> SourceMark {
        var location = ByteLocation(offset: offset)
        location.feed(bytes.prefix(location.offset))
        return location.mark
    }

    /// Whether `bytes` start with a UTF-16 (or UTF-32) byte-order mark, which libyaml would accept but
    /// this project refuses.
    static func startsWithUTF16BOM(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
            || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
    }
}
