import ComplianceCore
import Foundation
import Ingest
import Reporting

/// Digests of the registry files a run read (units, calendar, vocabulary, waivers), for SARIF's
/// run properties and the history; rule files already carry theirs.
enum InputDigests {
    /// Each existing file with its SHA-256, by project-relative path.
    static func registryFiles(_ config: ProjectConfig) -> [RunReport.RuleFile] {
        [config.units, config.calendar, config.vocabulary, config.waivers].compactMap { $0 }.compactMap { path in
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            return RunReport.RuleFile(path: config.display(path), sha256: SHA256.hex(data))
        }
    }
}
