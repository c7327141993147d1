import ComplianceTestSupport
import Foundation
import Testing

/// Where a report may land: a device or a named pipe is written into and never replaced by a file,
/// a socket or a pipe nobody reads is refused with exit 2, a regular file is replaced keeping its
/// permissions, and a symbolic link is followed to the file it names.
@Suite("Output targets")
struct OutputTargetTests {
    /// Whether the tests run as root: only root may make device nodes (CI runs as root).
    static let isRoot = geteuid() == 0

    /// Every command and format that writes a report file, as arguments with `TARGET` for the path.
    static let writers: [[String]] = [
        ["check", "--format", "text", "--output", "TARGET", "--fail-on", "never"],
        ["check", "--format", "json", "--output", "TARGET", "--fail-on", "never"],
        ["check", "--format", "sarif", "--output", "TARGET", "--fail-on", "never"],
        ["check", "--format", "junit", "--output", "TARGET", "--fail-on", "never"],
        ["check", "--format", "csv", "--output", "TARGET", "--fail-on", "never"],
        ["check", "--format", "html", "--output", "TARGET", "--fail-on", "never"],
        ["check", "--format", "ics", "--output", "TARGET", "--fail-on", "never"],
        ["rules", "doc", "--format", "md", "--output", "TARGET"],
        ["rules", "doc", "--format", "html", "--output", "TARGET"],
    ]

    /// Runs `arguments` with TARGET replaced by `target`, in the project (rules from its folder).
    static func runWriter(_ project: TestProject, _ arguments: [String], target: String) throws -> BoundedRun {
        let args = arguments.map { $0 == "TARGET" ? target : $0 }
        if args.first == "rules" {
            return try runBounded(args + ["--rules", "rules"], in: folder(project), seconds: 60)
        }
        return try run(project, args)
    }

    /// A character device made inside the project (the same numbers as /dev/null) stays a device
    /// for every report-writing path; the report is written into it.
    @Test(.enabled(if: isRoot, "mknod needs root; CI runs the tests as root"), arguments: writers)
    func deviceNodeStaysADevice(_ arguments: [String]) throws {
        let project = baseProject()
        let path = project.root + "/out.dev"
        #expect(mknod(path, S_IFCHR | 0o666, Self.nullDevice) == 0, "mknod: \(String(cString: strerror(errno)))")
        let result = try Self.runWriter(project, arguments, target: path)
        #expect(result.status == 0, "\(arguments): \(result.summary)")
        var info = stat()
        #expect(lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "\(arguments) replaced the device")
        #expect(try Self.leftovers(project).isEmpty)
    }

    /// `schema --output-dir` writes each schema through the same writer: a device among them stays one.
    @Test(.enabled(if: isRoot, "mknod needs root; CI runs the tests as root"))
    func schemaOutputDirectoryKeepsADevice() throws {
        let project = baseProject()
        try FileManager.default.createDirectory(atPath: project.root + "/schemas", withIntermediateDirectories: true)
        let path = project.root + "/schemas/rules.schema.json"
        #expect(mknod(path, S_IFCHR | 0o666, Self.nullDevice) == 0)
        let result = try runBounded(["schema", "--output-dir", "schemas"], in: folder(project))
        #expect(result.status == 0, "\(result.summary)")
        var info = stat()
        #expect(lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(FileManager.default.fileExists(atPath: project.root + "/schemas/units.schema.json"))
    }

    /// As root, `--output /dev/null` leaves /dev/null a device (it used to be renamed over).
    @Test(.enabled(if: isRoot, "only root could replace /dev/null; CI runs the tests as root"))
    func devNullStaysADevice() throws {
        let project = baseProject()
        let result = try run(project, ["check", "--format", "json", "--output", "/dev/null", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.summary)")
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    /// A named pipe with a reader receives the whole report and stays a pipe.
    @Test func namedPipeWithAReaderIsWrittenInto() throws {
        let project = baseProject()
        let path = project.root + "/report.pipe"
        #expect(mkfifo(path, 0o644) == 0)
        let received = ReceivedBytes()
        let reader = Thread {
            // A blocking open counts as a reader while it waits for the writer.
            let fd = open(path, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 65536)
            while fd >= 0 {
                let n = read(fd, &buffer, buffer.count)
                guard n > 0 else { break }
                received.bytes.append(contentsOf: buffer[0..<n])
            }
            if fd >= 0 { close(fd) }
            received.done.signal()
        }
        reader.start()
        // The writer opens without waiting, so it must not start before the reader has the pipe open.
        Thread.sleep(forTimeInterval: 0.3)
        let result = try run(project, ["check", "--format", "json", "--output", path, "--fail-on", "never"])
        #expect(result.status == 0, "\(result.summary)")
        #expect(received.done.wait(timeout: .now() + 30) == .success)
        let json = try JSONSerialization.jsonObject(with: received.bytes) as? [String: Any]
        #expect(json?["schema"] as? String == "dvcheck.result/v1")
        var info = stat()
        #expect(lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    /// A named pipe nobody reads is refused at once (exit 2), not waited on for ever nor replaced.
    @Test func namedPipeWithoutAReaderIsRefused() throws {
        let project = baseProject()
        let path = project.root + "/report.pipe"
        #expect(mkfifo(path, 0o644) == 0)
        let result = try run(project, ["check", "--format", "json", "--output", path], seconds: 30)
        #expect(!result.timedOut && result.status == 2, "\(result.summary)")
        #expect(result.stderr.contains("no process is reading the named pipe"), "\(result.summary)")
        #expect(result.stderr.contains("[output.write-failed]"))
        var info = stat()
        #expect(lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    /// A socket is refused (exit 2) and left a socket.
    @Test func socketIsRefused() throws {
        let project = baseProject()
        let path = project.root + "/r.sock"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0, "bind: \(String(cString: strerror(errno))) (path \(path.utf8.count) bytes)")
        let result = try run(project, ["check", "--format", "json", "--output", path])
        #expect(result.status == 2, "\(result.summary)")
        #expect(result.stderr.contains("socket"), "\(result.summary)")
        var info = stat()
        #expect(lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFSOCK)
    }

    /// A folder as --output is refused with exit 2.
    @Test func folderIsRefused() throws {
        let project = baseProject()
        let result = try run(project, ["check", "--format", "json", "--output", "logs"])
        #expect(result.status == 2, "\(result.summary)")
        #expect(result.stderr.contains("[output.write-failed]"), "\(result.summary)")
    }

    /// Replacing a report keeps its permission bits (a report kept private stays private).
    @Test(arguments: [0o600, 0o640, 0o604, 0o755])
    func replacedReportKeepsItsMode(_ mode: Int) throws {
        let project = baseProject()
        project.write("report.json", "old\n")
        let path = project.root + "/report.json"
        #expect(chmod(path, mode_t(mode)) == 0)
        let result = try run(project, ["check", "--format", "json", "--output", "report.json", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.summary)")
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(Int(info.st_mode & 0o7777) == mode)
        #expect(try String(contentsOfFile: path, encoding: .utf8) != "old\n")
    }

    /// As root, a replaced report keeps its owner and group.
    @Test(.enabled(if: isRoot, "only root may give a file away; CI runs the tests as root"))
    func replacedReportKeepsItsOwner() throws {
        let project = baseProject()
        project.write("report.json", "old\n")
        let path = project.root + "/report.json"
        #expect(chown(path, 1234, 4321) == 0)
        let result = try run(project, ["check", "--format", "json", "--output", "report.json", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.summary)")
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_uid == 1234 && info.st_gid == 4321)
    }

    /// A symbolic link is followed: the file it names is replaced atomically and the link stays.
    @Test func symlinkedReportIsReplacedThroughTheLink() throws {
        let project = baseProject()
        project.write("reports/real.json", "old\n")
        try FileManager.default.createSymbolicLink(
            atPath: project.root + "/latest.json", withDestinationPath: "reports/real.json")
        let result = try run(project, ["check", "--format", "json", "--output", "latest.json", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.summary)")
        var info = stat()
        #expect(lstat(project.root + "/latest.json", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        let written = try String(contentsOfFile: project.root + "/reports/real.json", encoding: .utf8)
        #expect(written.contains("dvcheck.result/v1"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: project.root + "/reports") == ["real.json"])
    }

    /// A link to a file that does not exist yet creates that file.
    @Test func danglingLinkCreatesItsTarget() throws {
        let project = baseProject()
        try FileManager.default.createDirectory(atPath: project.root + "/reports", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: project.root + "/latest.json", withDestinationPath: "reports/new.json")
        let result = try run(project, ["check", "--format", "json", "--output", "latest.json", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.summary)")
        let written = try String(contentsOfFile: project.root + "/reports/new.json", encoding: .utf8)
        #expect(written.contains("dvcheck.result/v1"))
    }

    /// A link into a folder whose name is not UTF-8 is refused: its text form would name a look-alike.
    @Test func linkToANonUTF8PathIsRefused() throws {
        let project = baseProject()
        let folderBytes = Array((project.root + "/d").utf8) + [0xFF]
        let targetBytes = Array("d".utf8) + [0xFF] + Array("/r.json".utf8)
        #expect(Self.withCString(folderBytes) { mkdir($0, 0o755) } == 0)
        #expect(Self.withCString(folderBytes + Array("/r.json".utf8)) { open($0, O_CREAT | O_WRONLY, 0o644) } >= 0)
        #expect(Self.withCString(targetBytes) { target in symlink(target, project.root + "/latest.json") } == 0)
        let result = try run(project, ["check", "--format", "json", "--output", "latest.json", "--fail-on", "never"])
        #expect(result.status == 2, "\(result.summary)")
        #expect(result.stderr.contains("not UTF-8"), "\(result.summary)")
    }

    /// Calls `body` with `bytes` as a C string.
    static func withCString<T>(_ bytes: [UInt8], _ body: ([CChar]) -> T) -> T {
        let chars = (bytes + [0]).map { CChar(bitPattern: $0) }
        return body(chars)
    }

    /// The device number of /dev/null, for nodes made like it.
    static var nullDevice: dev_t {
        var info = stat()
        _ = stat("/dev/null", &info)
        return info.st_rdev
    }

    /// Temporary report files left in the project folder.
    static func leftovers(_ project: TestProject) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: project.root).filter { $0.contains(".dvcheck-") }
    }
}

/// Bytes a reader thread received.
final class ReceivedBytes: @unchecked Sendable {
    var bytes = Data()
    let done = DispatchSemaphore(value: 0)
}
