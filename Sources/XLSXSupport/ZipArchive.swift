#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The central directory of a ZIP file: part names, sizes and where their data lies.
///
/// Only what an `.xlsx` needs: one disk, no ZIP64, no encryption, stored or deflated parts. Every
/// size is checked against `WorkbookLimits` here, before a byte is inflated.
final class ZipArchive {
    /// One part of the archive.
    struct Entry {
        let name: String
        /// 0 stored, 8 deflated.
        let method: UInt16
        let crc: UInt32
        let compressedSize: Int
        let size: Int
        let localHeaderOffset: Int
    }

    let fd: Int32
    let fileSize: Int
    let limits: WorkbookLimits
    private(set) var entries: [String: Entry] = [:]

    /// Opens `path` and reads its directory; throws `WorkbookError` for anything but a well-formed ZIP
    /// within the limits.
    init(path: String, limits: WorkbookLimits) throws {
        fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw WorkbookError.malformed(.cannotOpen(errno: errno))
        }
        self.limits = limits
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw WorkbookError.malformed(.cannotRead(errno: code))
        }
        fileSize = Int(info.st_size)
        // Fully initialised from here: a throw runs `deinit`, which closes the file.
        try readDirectory()
    }

    deinit { close(fd) }

    /// Reads `count` bytes at `offset`, all or nothing.
    func read(at offset: Int, count: Int) throws -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= fileSize - count else {
            throw Self.notZip(.partBeyondEnd)
        }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes {
                guard let base = $0.baseAddress else { return -1 }
                return pread(fd, base + done, count - done, off_t(offset + done))
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw WorkbookError.malformed(.readFailed) }
            done += n
        }
        return bytes
    }

    /// Reads up to `buffer.count` bytes at `offset`; the count read.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = pread(fd, buffer.baseAddress, buffer.count, off_t(offset))
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw WorkbookError.malformed(.readFailed) }
            return n
        }
    }

    /// Where a part's compressed data starts (after its local header).
    func dataOffset(of entry: Entry) throws -> Int {
        let header = try read(at: entry.localHeaderOffset, count: 30)
        guard header.u32(0) == 0x0403_4b50 else { throw Self.notZip(.localHeaderMissing) }
        let start = entry.localHeaderOffset + 30 + Int(header.u16(26)) + Int(header.u16(28))
        guard start <= fileSize - entry.compressedSize else {
            throw Self.notZip(.partBeyondEnd)
        }
        return start
    }

    private static func notZip(_ fault: ZipFault) -> WorkbookError {
        .malformed(.notZip(fault))
    }

    private func readDirectory() throws {
        guard fileSize <= limits.maxFileBytes else {
            throw WorkbookError.limit(.tooLarge(bytes: fileSize, limit: limits.maxFileBytes))
        }
        guard fileSize >= 22 else { throw Self.notZip(.tooShort) }
        // The end-of-directory record is in the last 22 bytes plus a comment of at most 65,535.
        let tailLength = min(fileSize, 22 + 0xFFFF)
        let tail = try read(at: fileSize - tailLength, count: tailLength)
        var end = -1
        var i = tailLength - 22
        while i >= 0 {
            if tail.u32(i) == 0x0605_4b50 {
                end = i
                break
            }
            i -= 1
        }
        guard end >= 0 else { throw Self.notZip(.noEndRecord) }
        let count = Int(tail.u16(end + 10))
        let directorySize = Int(tail.u32(end + 12))
        let directoryOffset = Int(tail.u32(end + 16))
        guard tail.u16(end + 4) == 0, tail.u16(end + 6) == 0, Int(tail.u16(end + 8)) == count else {
            throw Self.notZip(.multiVolume)
        }
        guard count != 0xFFFF, directoryOffset != 0xFFFF_FFFF, directorySize != 0xFFFF_FFFF else {
            throw Self.notZip(.zip64Archive)
        }
        guard count <= limits.maxParts else {
            throw WorkbookError.limit(.tooManyParts(count: count, limit: limits.maxParts))
        }
        let endAt = fileSize - tailLength + end
        guard directoryOffset <= endAt, directorySize <= endAt - directoryOffset else {
            throw Self.notZip(.directoryOutside)
        }
        let directory = try read(at: directoryOffset, count: directorySize)
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, directory.u32(at) == 0x0201_4b50 else {
                throw Self.notZip(.brokenEntry)
            }
            let flags = directory.u16(at + 8)
            let method = directory.u16(at + 10)
            let crc = directory.u32(at + 16)
            let compressed = Int(directory.u32(at + 20))
            let size = Int(directory.u32(at + 24))
            let nameLength = Int(directory.u16(at + 28))
            let skip = Int(directory.u16(at + 30)) + Int(directory.u16(at + 32))
            let offset = Int(directory.u32(at + 42))
            guard at + 46 + nameLength + skip <= directory.count else { throw Self.notZip(.brokenEntry) }
            let nameBytes = directory[(at + 46)..<(at + 46 + nameLength)]
            guard let name = String(validating: nameBytes, as: UTF8.self) else {
                throw Self.notZip(.nameNotUTF8)
            }
            at += 46 + nameLength + skip
            guard flags & 1 == 0 else {
                throw WorkbookError.malformed(.encrypted)
            }
            guard compressed != 0xFFFF_FFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else {
                throw Self.notZip(.zip64Part)
            }
            guard method == 0 || method == 8 else {
                throw Self.notZip(.compressionMethod(part: Self.printable(name), method: Int(method)))
            }
            try checkSizes(name: name, compressed: compressed, size: size)
            guard entries[name] == nil else { throw Self.notZip(.duplicatePart(Self.printable(name))) }
            entries[name] = Entry(
                name: name, method: method, crc: crc, compressedSize: compressed, size: size, localHeaderOffset: offset)
        }
    }

    /// The per-part limits, on the sizes the directory declares (inflating checks them again).
    func checkSizes(name: String, compressed: Int, size: Int) throws {
        guard size <= limits.maxPartBytes else {
            throw WorkbookError.limit(
                .partTooLarge(part: Self.printable(name), bytes: size, limit: limits.maxPartBytes))
        }
        guard size <= limits.maxRatio * max(compressed, 1) else {
            throw WorkbookError.limit(
                .partRatio(part: Self.printable(name), ratio: size / max(compressed, 1), limit: limits.maxRatio))
        }
    }

    /// A part name fit for a message: control characters and quotes replaced, at most 100 characters.
    static func printable(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.unicodeScalars.prefix(100).map {
                    $0.value < 0x20 || $0 == "'" || ($0.value >= 0x7F && $0.value < 0xA0) ? "?" : $0
                }))
    }
}

extension [UInt8] {
    /// A little-endian 16-bit number at `i`.
    @inline(__always)
    func u16(_ i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }

    /// A little-endian 32-bit number at `i`.
    @inline(__always)
    func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
}
