import ComplianceCore
import Foundation
import Ingest
import Reporting

/// Digests of the registry files a run read (units, calendar, vocabulary, waivers) for the JSON
/// result, SARIF's run properties and the history; rule and log files already carry theirs.
enum InputDigests {
    /// Each existing file with its SHA-256, by project-relative path.
    static func registryFiles(_ config: ProjectConfig) -> RunReport.RegistryFiles {
        func digest(_ path: String?) -> RunReport.InputFile? {
            guard let path, let data = FileManager.default.contents(atPath: path) else { return nil }
            return RunReport.InputFile(path: config.display(path), sha256: SHA256.hex(data))
        }
        var files = RunReport.RegistryFiles()
        files.units = digest(config.units)
        files.calendar = digest(config.calendar)
        files.vocabulary = digest(config.vocabulary)
        files.waivers = digest(config.waivers)
        return files
    }
}
