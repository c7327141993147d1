import ComplianceCore
import Foundation
import Ingest

/// Helpers every fuzz target shares, so each target file states only what it feeds and what must hold.
public enum FuzzSupport {
    /// The fuzzer's input as bytes.
    public static func bytes(_ start: UnsafeRawPointer?, _ count: Int) -> [UInt8] {
        guard let start, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// Stops the fuzzer with a message when an invariant breaks, so the input is saved as a crash.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition {
            FileHandle.standardError.write(Data(("invariant broken: " + message() + "\n").utf8))
            abort()
        }
    }

    /// A private scratch folder for this process (targets that can only read files write their input here).
    public static let scratch: String = {
        let base = ProcessInfo.processInfo.environment["DVCHECK_FUZZ_TMP"] ?? NSTemporaryDirectory()
        let path = base + "/dvcheck-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Writes `bytes` to `name` in the scratch folder and returns its path.
    public static func write(_ bytes: [UInt8], named name: String) -> String {
        let path = scratch + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Two units (`bk` and its child `pn`), loaded once through the real unit loader.
    public static let registry: UnitRegistry? = {
        let text = """
            units:
              - { id: bk, name: Tỉnh ủy Bắc Kạn, level: province, kind: party-committee, parent: null }
              - { id: pn, name: Huyện Pác Nặm, level: district, kind: people-committee, parent: bk }
            """
        let path = write(Array(text.utf8), named: "units.yaml")
        return UnitLoader.load(path: path, display: "units.yaml").0
    }()

    /// The project's default time zone.
    public static let zone = ZoneConverter(identifier: "Asia/Ho_Chi_Minh")
}
