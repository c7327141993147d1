import Foundation

/// Reads a file line by line in fixed-size chunks, so a gigabyte JSON Lines log never sits in memory.
final class LineReader {
    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEOF = false
    private let chunkSize: Int
    /// 1-based number of the last line returned.
    private(set) var lineNumber = 0
    /// Set when the file could not be opened.
    let openError: String?

    /// Opens `path` for reading.
    init(path: String, chunkSize: Int = 1 << 20) {
        self.chunkSize = chunkSize
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

    /// The next line without its terminator (LF or CRLF), or nil at the end.
    func next() -> ArraySlice<UInt8>? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                var end = nl
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = nl + 1
                lineNumber += 1
                return line
            }
            if atEOF {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                start = buffer.count
                lineNumber += 1
                return line
            }
            refill()
        }
    }

    private func refill() {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        guard let handle else {
            atEOF = true
            return
        }
        let data = handle.readData(ofLength: chunkSize)
        if data.isEmpty { atEOF = true } else { buffer.append(contentsOf: data) }
    }
}
