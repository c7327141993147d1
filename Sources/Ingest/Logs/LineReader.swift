import ComplianceCore
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
    /// Set when the file could not be opened: why, for the log's diagnostic.
    let openError: Message?
    /// Sees each byte of the file once, in order, as it is read (a digest made while reading).
    var observer: ((UnsafeRawBufferPointer) -> Void)?

    /// How many bytes from the start of the file the observer has seen (bytes read again after a
    /// restart in the middle are not shown twice).
    private(set) var observedUpTo = 0

    /// Opens `path` for reading; `offset` (a line start, after `linesBefore` lines) is where reading
    /// starts, and the observer has already seen the file's first `observedUpTo` bytes.
    init(
        path: String, chunkSize: Int = 1 << 20, maxLineBytes: Int = LineReader.defaultMaxLineBytes,
        offset: Int = 0, linesBefore: Int = 0, observedUpTo: Int = 0
    ) {
        self.chunkSize = chunkSize
        self.bufferOffset = offset
        self.lineNumber = linesBefore
        self.observedUpTo = observedUpTo
        self.maxLineBytes = maxLineBytes
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            handle = nil
            openError = Message(.foundFolderNotFile)
        } else if let h = FileHandle(forReadingAtPath: path) {
            handle = h
            openError = nil
            if offset > 0 { try? h.seek(toOffset: UInt64(offset)) }
        } else {
            handle = nil
            openError = Message(.cannotOpenTheFile)
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

    /// Where the next line starts in the file.
    var nextLineOffset: Int { bufferOffset + start - dropped }

    /// The file's size in bytes (nil when unknown).
    var fileSize: Int? {
        guard let handle else { return nil }
        var info = stat()
        return fstat(handle.fileDescriptor, &info) == 0 ? Int(info.st_size) : nil
    }

    /// Up to `count` bytes from `offset`, leaving the reader where it is: empty at the end, nil on an
    /// error (the parallel reader reads blocks ahead with it).
    func readBlock(at offset: Int, count: Int) -> [UInt8]? {
        guard let handle else { return nil }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            while initialized < count, let base = buffer.baseAddress {
                let got = pread(
                    handle.fileDescriptor, base + initialized, count - initialized, off_t(offset + initialized))
                if got > 0 {
                    initialized += got
                } else if got == 0 || errno != EINTR {
                    failed = got < 0
                    break
                }
            }
        }
        return failed ? nil : bytes
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
            let offset = bufferOffset + buffer.count
            buffer.append(contentsOf: data)
            if let observer, offset + data.count > observedUpTo {
                data.withUnsafeBytes {
                    observer(UnsafeRawBufferPointer(rebasing: $0[(max(observedUpTo, offset) - offset)...]))
                }
                observedUpTo = offset + data.count
            }
        }
    }
}
