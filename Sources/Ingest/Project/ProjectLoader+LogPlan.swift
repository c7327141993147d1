import ComplianceCore
import Foundation

extension ProjectLoader {
    /// The log files the configuration names, in order, with what was wrong with its entries: known
    /// before anything else is loaded, so the files can be read while the registry loads.
    struct LogPlan {
        /// The logs to read `(absolute path, display path)`.
        private(set) var files: [(path: String, display: String)] = []
        /// The log files refused outright (unreadable, not regular files), each with its diagnostic.
        private(set) var refused: [RefusedLog] = []
        /// Per log named, in order: whether it is read (else it is the next of `refused`).
        private(set) var order: [Bool] = []
        /// The entries' diagnostics, in the order they were met.
        private(set) var diagnostics: [Diagnostic] = []
        /// Whether one of them makes the inputs invalid (nothing is then evaluated).
        private(set) var invalidatesInputs = false

        init(_ config: ProjectConfig) {
            for entry in config.logs { add(entry, config) }
        }

        private mutating func add(_ entry: String, _ config: ProjectConfig) {
            let checked = FileExpansion.expandChecked(entry, extensions: LogIngestor.extensions)
            for problem in checked.problems {
                if let refusal = refusedLog(problem, config) {
                    refused.append(refusal)
                    order.append(false)
                } else {
                    diagnostics.append(diagnostic(for: problem, key: "logs", config))
                    invalidatesInputs = true
                }
            }
            guard let found = checked.files else {
                diagnostics.append(missing(entry, key: "logs", config))
                invalidatesInputs = true
                return
            }
            for f in found {
                let ext = (f.path as NSString).pathExtension.lowercased()
                if ext == "xlsx", (f.path as NSString).lastPathComponent.hasPrefix("~$") {
                    // Excel's lock file beside an open workbook: not a log (SPEC §10.7).
                    diagnostics.append(
                        .warning(
                            .logFileSkipped, Message(.excelLockFileSkipped),
                            at: SourceLocation(path: config.display(f.path))))
                } else if LogIngestor.extensions.contains(ext) {
                    files.append((f.path, config.display(f.path)))
                    order.append(true)
                } else {
                    diagnostics.append(
                        .error(
                            .configInvalidValue, Message(.unsupportedLogFormat, ["extension": ext]),
                            at: config.keyLocations["logs"] ?? SourceLocation(path: config.display(f.path))))
                    invalidatesInputs = true
                }
            }
        }
    }
}
