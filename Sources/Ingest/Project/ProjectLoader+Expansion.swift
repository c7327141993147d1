import ComplianceCore
import NodeDecoding

/// Turning what `FileExpansion` refused into diagnostics, for rule folders and log folders.
extension ProjectLoader {
    /// A log path that will not be read, with the file error that stands for it.
    struct RefusedLog {
        /// The display path.
        let display: String
        /// The `log.unreadable` error.
        let diagnostic: Diagnostic
    }

    /// The configuration error for a refused entry of a rule (or any non-log) folder.
    static func diagnostic(for problem: FileExpansion.Problem, key: String, _ config: ProjectConfig) -> Diagnostic {
        let shown = config.display(problem.path)
        let at = SourceLocation(path: shown)
        switch problem.kind {
        case .symlinkLoop:
            return .error(
                YAMLFileLoader.symlinkLoopCode,
                Message(.inputLinkLeadsBack, ["path": shown, "key": key]), at: at)
        case .notAFile(let what):
            return .error(
                YAMLFileLoader.unreadableCode,
                Message(.inputNotRegularFile, ["path": shown, "key": key, "kind": what]),
                at: at)
        case .unreadable(let code):
            return .error(
                YAMLFileLoader.unreadableCode,
                Message(.inputNotExamined, ["path": shown, "key": key], nested: ["why": .systemError(code)]), at: at)
        case .unlistable(let code):
            return .error(
                YAMLFileLoader.unreadableCode,
                Message(.inputFolderNotListed, ["path": shown, "key": key], nested: ["why": .systemError(code)]),
                at: at)
        case .danglingLink:
            return .error(
                .configMissingFile, Message(.inputDanglingLink, ["path": shown, "key": key]),
                at: at)
        case .invalidName:
            return .error(
                YAMLFileLoader.unreadableCode,
                Message(.inputNameNotUTF8, ["path": shown, "key": key]), at: at)
        }
    }

    /// A log entry that cannot be read becomes a file error (`log.unreadable`: no events, counted once
    /// against `--max-rejected`); a symbolic-link loop is a configuration error like in rule folders.
    static func refusedLog(_ problem: FileExpansion.Problem, _ config: ProjectConfig) -> RefusedLog? {
        let shown = config.display(problem.path)
        if case .symlinkLoop = problem.kind { return nil }
        return RefusedLog(
            display: shown,
            diagnostic: .error(
                .logUnreadable, Message(.logUnreadableSkipped, nested: ["kind": problem.reason]),
                at: SourceLocation(path: shown, line: 1, column: 1)))
    }

    /// Per-file accounting in input order: the ingested files' entries with a file-error entry for each
    /// refused one (`order` says, for each input, whether it was ingested or refused).
    static func mergedStats(_ ingested: [LogFileStats], refused: [RefusedLog], order: [Bool]) -> [LogFileStats] {
        var ingestedIterator = ingested.makeIterator()
        var refusedIterator = refused.makeIterator()
        var merged: [LogFileStats] = []
        for wasIngested in order {
            if wasIngested {
                if let stats = ingestedIterator.next() { merged.append(stats) }
            } else if let refusal = refusedIterator.next() {
                var stats = LogFileStats(path: refusal.display)
                stats.fileError = true
                merged.append(stats)
            }
        }
        return merged
    }
}
