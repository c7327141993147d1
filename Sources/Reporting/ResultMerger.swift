import ComplianceCore
import Evaluation

/// Merges saved results of one audit run in shards (`check --unit …` per subtree) into the report
/// of the whole (SPEC §10.5).
public enum ResultMerger {
    /// Why results cannot be merged: `merge.incompatible` or `merge.overlap` (exit 2).
    public struct Failure: Error, Sendable {
        /// The diagnostic to print.
        public let diagnostic: Diagnostic
    }

    /// The merged report; `names` are the results' paths, for messages.
    public static func merge(_ reports: [RunReport], names: [String]) throws(Failure) -> RunReport {
        guard var merged = reports.first else { throw incompatible(Message(.noResultToMerge)) }
        guard reports.count > 1 else { return merged }
        let first = reports[0]
        var rules = first.rules
        var owner: [String: Int] = [:]
        for row in first.evaluation.matrix { owner[row.rule + "\u{0}" + row.unit] = 0 }
        for (i, r) in reports.enumerated().dropFirst() {
            if let difference = difference(first, r) {
                throw incompatible(
                    Message(
                        .notShardsOfOneAudit, ["first": names[i], "second": names[0]],
                        nested: ["difference": difference]))
            }
            for (id, rule) in r.rules {
                if let known = rules[id], known != rule {
                    throw incompatible(
                        Message(.ruleDefinedDifferently, ["first": names[i], "second": names[0], "rule": id]))
                }
                rules[id] = rule
            }
            for row in r.evaluation.matrix {
                let key = row.rule + "\u{0}" + row.unit
                if let j = owner[key] {
                    throw Failure(
                        diagnostic: .error(
                            .mergeOverlap,
                            Message(
                                .shardsOverlap,
                                ["first": names[j], "second": names[i], "rule": row.rule, "unit": row.unit])
                        ))
                }
                owner[key] = i
            }
        }
        merged.rules = rules
        merged.evaluatedRuleIDs = nil
        var evaluation = EvaluationResult()
        // Each (rule, unit) pair comes from one result, whose order within it is kept (stable sort).
        evaluation.findings = stableSorted(reports.flatMap(\.evaluation.findings)) { a, b in
            a.unit != b.unit ? a.unit.codePointPrecedes(b.unit) : a.rule.codePointPrecedes(b.rule)
        }
        evaluation.matrix = reports.flatMap(\.evaluation.matrix).sorted { a, b in
            a.unit != b.unit ? a.unit.codePointPrecedes(b.unit) : a.rule.codePointPrecedes(b.rule)
        }
        evaluation.missingKeys = reports.reduce(0) { $0 + $1.evaluation.missingKeys }
        evaluation.summary = summary(reports, ruleCount: rules.count)
        evaluation.silentUnits = reports.flatMap(\.evaluation.silentUnits).sorted { $0.codePointPrecedes($1) }
        merged.evaluation = evaluation
        merged.registry = units(reports)
        for r in reports.dropFirst() {
            merged.events.merge(r.events) { a, _ in a }
            merged.waivers.merge(r.waivers) { a, _ in a }
        }
        merged.options.units = reports.flatMap(\.options.units)
        merged.options.rules = unique(reports.flatMap(\.options.rules))
        merged.logFiles = logs(reports)
        let fileErrors = reports.map { r in r.rejected - r.logFiles.reduce(0) { $0 + $1.rejected } }.max() ?? 0
        merged.rejected = merged.logFiles.reduce(0) { $0 + $1.rejected } + max(fileErrors, 0)
        // Capped again (SPEC §10.6): each shard listed up to the cap, the merge lists up to it too.
        merged.diagnostics = BoundedDiagnostics.limited(diagnostics(reports), to: BoundedDiagnostics.listedPerGroup)
        merged.changes = changes(reports)
        // Each shard's trend is of its own scope; a sum of them would be no run's count.
        merged.historyTrend = nil
        // A shard that could not be trusted for another reason than its rejected records keeps the
        // merge untrusted too.
        merged.untrustedShard = reports.contains(where: \.untrustedInputs)
        return merged
    }

    /// What differs between two results that must agree, or nil.
    static func difference(_ a: RunReport, _ b: RunReport) -> Message? {
        if a.toolVersion != b.toolVersion { return Message(.mergeToolVersions) }
        if a.asOf != b.asOf { return Message(.mergeAsOfDates) }
        if a.timezone != b.timezone { return Message(.mergeTimeZones) }
        if a.windowFrom != b.windowFrom || a.windowTo != b.windowTo { return Message(.mergeWindows) }
        if a.includeSatisfied != b.includeSatisfied { return Message(.mergeIncludeSatisfied) }
        if a.ruleFiles != b.ruleFiles { return Message(.mergeRuleFiles) }
        if a.registryFiles != b.registryFiles { return Message(.mergeRegistryFiles) }
        return nil
    }

    static func incompatible(_ message: Message) -> Failure {
        Failure(diagnostic: .error(.mergeIncompatible, message))
    }

    static func stableSorted<T>(_ items: [T], by less: (T, T) -> Bool) -> [T] {
        items.enumerated().sorted { a, b in
            less(a.element, b.element) || (!less(b.element, a.element) && a.offset < b.offset)
        }.map(\.element)
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// Counts added, except `rules` (the rules of the audit, once) and `units` (each unit once).
    static func summary(_ reports: [RunReport], ruleCount: Int) -> RunSummary {
        var s = RunSummary()
        for r in reports {
            let t = r.evaluation.summary
            s.units += t.units
            s.evaluated += t.evaluated
            s.satisfied += t.satisfied
            s.violated += t.violated
            s.pending += t.pending
            s.waived += t.waived
            s.silentUnits += t.silentUnits
        }
        // A unit in the matrices of several results (a roll-up job beside the shards) counts once.
        var holders: [String: Set<Int>] = [:]
        for (i, r) in reports.enumerated() {
            for row in r.evaluation.matrix { holders[row.unit, default: []].insert(i) }
        }
        s.units -= holders.values.reduce(0) { $0 + $1.count - 1 }
        s.rules = ruleCount
        return s
    }

    /// Every unit any result names, once.
    static func units(_ reports: [RunReport]) -> UnitRegistry? {
        guard reports.allSatisfy({ $0.registry != nil }) else { return nil }
        var byID: [String: Unit] = [:]
        for r in reports { for u in r.registry?.units ?? [] where byID[u.id] == nil { byID[u.id] = u } }
        return UnitRegistry(units: Array(byID.values))
    }

    /// Logs listed once per distinct (path, sha256), in first-seen order, counts taken once.
    static func logs(_ reports: [RunReport]) -> [RunReport.LogFile] {
        var seen = Set<String>()
        var out: [RunReport.LogFile] = []
        for r in reports {
            for log in r.logFiles where seen.insert(log.path + "\u{0}" + (log.sha256 ?? "")).inserted {
                out.append(log)
            }
        }
        return out
    }

    /// Diagnostics de-duplicated and sorted by path, line, column, code.
    ///
    /// Duplicates share level, code, path, line, column and message. A waiver is unused by the whole audit only when every shard found it
    /// unused: one shard's `waiver.unused` may be another's waived finding.
    static func diagnostics(_ reports: [RunReport]) -> [Diagnostic] {
        var seen = Set<String>()
        var unusedCounts: [String: Int] = [:]
        for r in reports {
            for d in Set(r.diagnostics) where d.code == "waiver.unused" { unusedCounts[key(d), default: 0] += 1 }
        }
        var out: [Diagnostic] = []
        for r in reports {
            for d in r.diagnostics where d.code != "waiver.unused" || unusedCounts[key(d)] == reports.count {
                // An entry for left-out diagnostics is a count: two shards' entries add up, never merge.
                if d.omitted > 0 || seen.insert(key(d)).inserted { out.append(d) }
            }
        }
        return stableSorted(out) { a, b in
            let la = a.location ?? SourceLocation(path: "")
            let lb = b.location ?? SourceLocation(path: "")
            if la.path != lb.path { return la.path.codePointPrecedes(lb.path) }
            if la.line != lb.line { return la.line < lb.line }
            if la.column != lb.column { return la.column < lb.column }
            return a.code.codePointPrecedes(b.code)
        }
    }

    /// What makes two diagnostics the same: level, code, path, line, column, message.
    static func key(_ d: Diagnostic) -> String {
        let loc = d.location
        return [
            d.level.rawValue, d.code, loc?.path ?? "", String(loc?.line ?? 0), String(loc?.column ?? 0), d.message,
        ].joined(separator: "\u{0}")
    }

    /// The comparisons with earlier runs, joined, when every result carries one.
    static func changes(_ reports: [RunReport]) -> ChangeSet? {
        let all = reports.compactMap(\.changes)
        guard all.count == reports.count else { return nil }
        var marks: [String: ChangeSet.Mark] = [:]
        var previous: [String: String] = [:]
        for c in all {
            marks.merge(c.marks) { a, _ in a }
            previous.merge(c.previousStatus) { a, _ in a }
        }
        let resolved = all.flatMap(\.resolved).sorted(by: PriorFinding.reportOrder)
        return ChangeSet(marks: marks, previousStatus: previous, resolved: resolved)
    }
}
