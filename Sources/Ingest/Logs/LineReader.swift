import Foundation

/// Reads a file line by line in fixed-size chunks, so a gigabyte JSON Lines log never sits in memory.
///
/// A line longer than `maxLineBytes` is skipped whole (reported as `.tooLong`), so one missing
/// newline in a huge file cannot grow memory without bound; each byte is scanned once.
final class LineReader {
    /// One line, or the report of one that was too long to keep.
    enum Line {
        /// The line's bytes without its terminator (LF or CRLF).
        case text(ArraySlice<UInt8>)
        /// A line over the limit: its length in bytes (it was read and dropped).
        case tooLong(bytes: Int)
    }

    /// The longest line kept (16 MiB, like a CSV record).
    static let defaultMaxLineBytes = 16 << 20

    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the newline search resumes (bytes before it hold no newline).
    private var scanned = 0
    private var atEOF = false
    private let chunkSize: Int
    private let maxLineBytes: Int
    /// Bytes of the current over-long line already dropped.
    private var dropped = 0
    /// File offset of `buffer[0]`.
    private var bufferOffset = 0
    /// 1-based number of the last line returned.
    private(set) var lineNumber = 0
    /// File offset of the first byte of the last line returned.
    private(set) var lineOffset = 0
    /// Set when the file could not be opened.
    let openError: String?
    /// Sees each byte of the file once, in order, as it is read (a digest made while reading).
    var observer: ((UnsafeRawBufferPointer) -> Void)?

    /// Opens `path` for reading.
    init(path: String, chunkSize: Int = 1 << 20, maxLineBytes: Int = LineReader.defaultMaxLineBytes) {
        self.chunkSize = chunkSize
        self.maxLineBytes = maxLineBytes
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            handle = nil
            openError = "expected a file but found a folder"
        } else if let h = FileHandle(forReadingAtPath: path) {
            handle = h
            openError = nil
        } else {
            handle = nil
            openError = "cannot open the file"
        }
    }

    deinit { try? handle?.close() }

    /// The next line, or nil at the end.
    func next() -> Line? {
        while true {
            if let nl = newline(from: max(scanned, start)) {
                lineNumber += 1
                lineOffset = bufferOffset + start - dropped
                if dropped > 0 {
                    let length = dropped + (nl - start)
                    dropped = 0
                    start = nl + 1
                    scanned = start
                    return .tooLong(bytes: length)
                }
                var end = nl
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = nl + 1
                scanned = start
                return .text(line)
            }
            scanned = buffer.count
            if buffer.count - start + dropped > maxLineBytes {
                // Too long to keep: drop what we have and go on to the line's end.
                dropped += buffer.count - start
                start = buffer.count
            }
            if atEOF {
                guard start < buffer.count || dropped > 0 else { return nil }
                lineNumber += 1
                lineOffset = bufferOffset + start - dropped
                if dropped > 0 {
                    let length = dropped + (buffer.count - start)
                    dropped = 0
                    start = buffer.count
                    return .tooLong(bytes: length)
                }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = buffer.count
                return .text(line)
            }
            refill()
        }
    }

    /// The index of the first LF in `buffer` at or after `from`, found by libc's vectorised `memchr`
    /// rather than a byte-at-a-time generic search.
    private func newline(from: Int) -> Int? {
        buffer.withUnsafeBufferPointer { b in
            guard from < b.count, let base = b.baseAddress,
                let found = memchr(base + from, 0x0A, b.count - from)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private func refill() {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            bufferOffset += start
            scanned -= start
            start = 0
        }
        guard let handle else {
            atEOF = true
            return
        }
        let data = handle.readData(ofLength: chunkSize)
        if data.isEmpty {
            atEOF = true
        } else {
            buffer.append(contentsOf: data)
            if let observer { data.withUnsafeBytes(observer) }
        }
    }
}
