import Foundation

/// Where the package and its built `dvcheck` executable are, for tests that run the real binary.
public enum BuiltExecutable {
    /// The package root, found by walking up from this file to the folder holding `Package.swift`.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// The built `dvcheck` executable.
    ///
    /// It sits in the same build folder as the test binary, whatever the scratch path
    /// (`.build/debug`, `--scratch-path` elsewhere): on Linux the test binary is
    /// `<bin>/dvcheckPackageTests.xctest`, on macOS a bundle inside `<bin>`. `DVCHECK_BIN` overrides.
    public static let dvcheck: String? = {
        let fm = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["DVCHECK_BIN"], fm.isExecutableFile(atPath: explicit) {
            return explicit
        }
        var starts: [URL] = [Bundle(for: BundleMarker.self).bundleURL]
        if let main = Bundle.main.executableURL { starts.append(main) }
        if let first = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: first)) }
        for start in starts {
            var dir = start.deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = dir.appendingPathComponent("dvcheck").path
                var isDirectory: ObjCBool = false
                if fm.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                    fm.isExecutableFile(atPath: candidate)
                {
                    return candidate
                }
                dir = dir.deletingLastPathComponent()
            }
        }
        let fallback = packageRoot.appendingPathComponent(".build/debug/dvcheck").path
        return fm.isExecutableFile(atPath: fallback) ? fallback : nil
    }()
}

/// Marks this module's bundle for `Bundle(for:)`.
private final class BundleMarker {}
