import CZlib

/// Reads one part of the archive as a stream of inflated bytes, a chunk at a time, so a sheet of a
/// million rows never sits in memory whole.
///
/// The sizes the directory declared are enforced on what actually comes out (a ZIP bomb may lie in
/// its directory), and the CRC is checked at the end.
final class PartReader: ByteSource {
    private let archive: ZipArchive
    private let entry: ZipArchive.Entry
    private var fileOffset: Int
    private var compressedLeft: Int
    private var produced = 0
    private var crc: UInt
    private var finished = false
    private let input: UnsafeMutableRawBufferPointer
    private let inputCapacity = 1 << 16
    private var inputStart = 0
    private var inputEnd = 0
    /// Heap-allocated: zlib keeps a pointer back to its stream.
    private let stream: UnsafeMutablePointer<z_stream>?

    init(archive: ZipArchive, entry: ZipArchive.Entry) throws {
        self.archive = archive
        self.entry = entry
        fileOffset = try archive.dataOffset(of: entry)
        compressedLeft = entry.compressedSize
        crc = crc32(0, nil, 0)
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: inputCapacity, alignment: 8)
        if entry.method == 8 {
            let s = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            s.initialize(to: z_stream())
            // Negative window bits: raw deflate data, as ZIP stores it.
            guard inflateInit2_(s, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                s.deallocate()
                input.deallocate()
                throw WorkbookError.malformed(.inflateStart)
            }
            stream = s
        } else {
            stream = nil
        }
    }

    deinit {
        if let stream {
            inflateEnd(stream)
            stream.deallocate()
        }
        input.deallocate()
    }

    private var name: String { ZipArchive.printable(entry.name) }

    /// Fills `buffer` with the next inflated bytes; 0 at the end of the part.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, let out = buffer.baseAddress?.assumingMemoryBound(to: Bytef.self), buffer.count > 0 else {
            return 0
        }
        let n = entry.method == 8 ? try inflateSome(into: out, count: buffer.count) : try copySome(into: buffer)
        if n > 0 {
            produced += n
            guard produced <= entry.size else {
                throw WorkbookError.malformed(.partOverflows(part: name, size: entry.size))
            }
            crc = crc32(crc, out, uInt(n))
        }
        return n
    }

    private func copySome(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard compressedLeft > 0 else { return try finish() }
        let want = min(buffer.count, compressedLeft)
        let n = try archive.read(at: fileOffset, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]))
        guard n > 0 else { throw WorkbookError.malformed(.partCutShort(part: name)) }
        fileOffset += n
        compressedLeft -= n
        return n
    }

    private func inflateSome(into out: UnsafeMutablePointer<Bytef>, count: Int) throws -> Int {
        guard let stream, let input = input.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return 0 }
        if finishedInflating { return try finish() }
        while true {
            if inputStart == inputEnd, compressedLeft > 0 {
                let want = min(inputCapacity, compressedLeft)
                let n = try archive.read(
                    at: fileOffset, into: UnsafeMutableRawBufferPointer(start: input, count: want))
                guard n > 0 else { throw WorkbookError.malformed(.partCutShort(part: name)) }
                fileOffset += n
                compressedLeft -= n
                inputStart = 0
                inputEnd = n
            }
            stream.pointee.next_in = input + inputStart
            stream.pointee.avail_in = uInt(inputEnd - inputStart)
            stream.pointee.next_out = out
            stream.pointee.avail_out = uInt(count)
            let status = inflate(stream, Z_NO_FLUSH)
            inputStart = inputEnd - Int(stream.pointee.avail_in)
            let n = count - Int(stream.pointee.avail_out)
            switch status {
            case Z_STREAM_END:
                if n > 0 {
                    // Hand these out first; the next call checks the end.
                    finishedInflating = true
                    return n
                }
                return try finish()
            case Z_OK, Z_BUF_ERROR:
                if n > 0 { return n }
                guard compressedLeft > 0 || inputStart < inputEnd else {
                    throw WorkbookError.malformed(.partCutShort(part: name))
                }
            default:
                throw WorkbookError.malformed(.partNotDeflate(part: name))
            }
        }
    }

    private var finishedInflating = false

    /// Checks the whole part came out as declared.
    private func finish() throws -> Int {
        finished = true
        guard produced == entry.size else {
            throw WorkbookError.malformed(.partSizeMismatch(part: name, produced: produced, size: entry.size))
        }
        guard UInt32(truncatingIfNeeded: crc) == entry.crc else {
            throw WorkbookError.malformed(.partCRC(part: name))
        }
        return 0
    }
}
