#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Telling whether a path is one of the run's inputs, so a report can never replace a rule file, the
/// unit registry or a log (`--output units.yaml` would otherwise destroy it).
extension LoadedProject {
    /// Whether `path` (relative to the current directory, or absolute) names an input file: the same file
    /// by device and inode (so `./rules/../units.yaml`, a symbolic link or a hard link are caught), or
    /// the same normalised path when the file does not exist yet.
    public func isInput(_ path: String) -> Bool { InputFiles.contains(path, in: inputPaths) }
}

/// The same test for any command that reads files and writes a report (`check`, `test`).
public enum InputFiles {
    /// Whether `path` names one of `inputs` (absolute paths), as `LoadedProject.isInput` says.
    public static func contains(_ path: String, in inputs: [String]) -> Bool {
        let absolute = PathResolution.absolute(path, base: PathResolution.currentDirectory)
        var target = stat()
        guard stat(absolute, &target) == 0 else {
            return inputs.contains { PathResolution.normalize($0) == absolute }
        }
        return inputs.contains { input in
            var info = stat()
            return stat(input, &info) == 0 && info.st_dev == target.st_dev && info.st_ino == target.st_ino
        }
    }
}
