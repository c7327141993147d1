#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opening the input and turning libyaml failures into final events.
extension YAMLRecordReader {
    /// A parser over the input, after refusing UTF-16/32 and unreadable paths.
    func openParser() throws(Stop) -> LibYAMLEventParser {
        switch input {
        case .bytes(let bytes, let firstLine):
            if ByteLocation.startsWithUTF16BOM(bytes) { throw Self.notUTF8() }
            return LibYAMLEventParser(bytes: bytes, firstLine: firstLine)
        case .path(let path):
            // Non-blocking open so a named pipe cannot hang the run; only regular files are read.
            let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw Self.unreadable(.cannotOpen(path: path, errno: errno))
            }
            var info = stat()
            if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(descriptor)
                throw Self.unreadable(.isDirectory(path: path))
            }
            if (info.st_mode & S_IFMT) != S_IFREG {
                close(descriptor)
                throw Self.unreadable(.notRegularFile(path: path))
            }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
            guard let file = fdopen(descriptor, "rb") else {
                let code = errno
                close(descriptor)
                throw Self.unreadable(.cannotOpen(path: path, errno: code))
            }
            var head = [UInt8](repeating: 0, count: 4)
            let count = fread(&head, 1, 4, file)
            if ByteLocation.startsWithUTF16BOM(head.prefix(count)) {
                fclose(file)
                throw Self.notUTF8()
            }
            rewind(file)
            return LibYAMLEventParser(file: file, observer: observer)
        }
    }

    /// The next libyaml event, or a stop carrying the file error it means.
    func nextEvent() throws(Stop) -> ParsedEvent {
        guard let parser else { throw Stop(event: nil) }
        do {
            return try parser.next()
        } catch {
            throw Stop(event: fileError(for: error))
        }
    }

    /// The final event for a libyaml failure.
    func fileError(for failure: ParseFailure) -> YAMLRecordEvent {
        let problem = failure.problem { locate(byteOffset: $0) }
        // A file libyaml cannot read is unreadable, not a syntax error (as a log's other read failures).
        guard problem.detail != .inputUnreadable else {
            return .failed(YAMLProblem(code: YAMLRecordEvent.unreadable, detail: problem.detail, mark: problem.mark))
        }
        return .failed(problem)
    }

    /// The line and column of a byte offset, re-reading a file's prefix in blocks if need be.
    private func locate(byteOffset offset: Int) -> SourceMark {
        switch input {
        case .bytes(let bytes, _):
            return ByteLocation.mark(ofByteOffset: offset, in: bytes)
        case .path(let path):
            var location = ByteLocation(offset: offset)
            guard let file = fopen(path, "rb") else { return location.mark }
            defer { fclose(file) }
            var block = [UInt8](repeating: 0, count: 1 << 16)
            while !location.isComplete {
                let count = fread(&block, 1, block.count, file)
                if count == 0 { break }
                location.feed(block.prefix(count))
            }
            return location.mark
        }
    }

    /// The stop for input that is not UTF-8.
    private static func notUTF8() -> Stop {
        Stop(
            event: .failed(
                YAMLProblem(
                    code: YAMLProblem.invalidUTF8, detail: .notUTF8Encoding, mark: SourceMark(line: 1, column: 1))))
    }

    /// The stop for a path that cannot be read.
    private static func unreadable(_ detail: YAMLProblemDetail) -> Stop {
        Stop(
            event: .failed(
                YAMLProblem(code: YAMLRecordEvent.unreadable, detail: detail, mark: SourceMark(line: 1, column: 1))))
    }
}
