/// Chunk management and positions: refilling, lines and columns.
extension CSVParser {
    /// The next byte without consuming it, refilling the chunk if needed; nil at the end.
    @inline(__always)
    mutating func peekByte() -> UInt8? {
        if pos < chunk.count { return chunk[pos] }
        guard ensure(1) else { return nil }
        return chunk[pos]
    }

    /// Makes at least `count` unread bytes available in `chunk`; false when the input ends first.
    @inline(__always)
    mutating func ensure(_ count: Int) -> Bool {
        chunk.count - pos >= count || refill(toHold: count)
    }

    /// Drops consumed bytes and reads more until `count` unread bytes are held or the input ends.
    private mutating func refill(toHold count: Int) -> Bool {
        while chunk.count - pos < count {
            let more = source.read(upTo: chunkSize)
            if more.isEmpty { return false }
            dropConsumed()
            chunk = chunk.isEmpty ? more : chunk + more
        }
        return true
    }

    /// Forgets the bytes before `pos`, carrying the current line's character count for columns.
    private mutating func dropConsumed() {
        let lineIndex = lineStart - chunkStart
        let dropped = chunk.withUnsafeBufferPointer { buffer in
            UTF8Check.characterCount(UnsafeBufferPointer(rebasing: buffer[max(lineIndex, 0)..<pos]))
        }
        carriedCharacters = lineIndex >= 0 ? dropped : carriedCharacters + dropped
        chunk.removeSubrange(0..<pos)
        chunkStart += pos
        pos = 0
    }

    /// Records that the byte just consumed was a line feed.
    @inline(__always)
    mutating func newLine() {
        line += 1
        lineStart = chunkStart + pos
    }

    /// The 1-based character column of `chunk[pos]` on the current line.
    func currentColumn() -> Int {
        let lineIndex = lineStart - chunkStart
        let counted = chunk.withUnsafeBufferPointer { buffer in
            UTF8Check.characterCount(UnsafeBufferPointer(rebasing: buffer[max(lineIndex, 0)..<pos]))
        }
        return 1 + counted + (lineIndex >= 0 ? 0 : carriedCharacters)
    }

    /// Goes back to `offset` (the start of line `line`), emptying the chunk; false if the input cannot
    /// seek.
    mutating func rewind(to offset: Int, line newLine: Int) -> Bool {
        guard source.seek(to: offset) else { return false }
        chunk = []
        pos = 0
        chunkStart = offset
        line = newLine
        lineStart = offset
        carriedCharacters = 0
        return true
    }

    /// Consumes everything up to and including the next line feed (or to the end).
    mutating func skipRestOfLine() {
        while true {
            let found = chunk.withUnsafeBufferPointer { buffer -> Int in
                var index = pos
                while index < buffer.count && buffer[index] != ASCII.lf { index += 1 }
                return index
            }
            pos = found
            if pos < chunk.count {
                pos += 1
                newLine()
                return
            }
            guard ensure(1) else { return }
        }
    }
}
