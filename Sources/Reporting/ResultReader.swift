import ComplianceCore
import Evaluation
import Foundation

/// Reads a saved `dvcheck.result/v1` document back into the `RunReport` it was written from, so
/// `dvcheck report` renders any format without the rules or the logs (SPEC §10.5).
public enum ResultReader {
    /// Why a file is not a result that can be rendered.
    public struct Failure: MessageError, Sendable, CustomStringConvertible {
        /// What is wrong, for a person.
        public let message: Message
        /// The same in English.
        public var description: String { message.english }

        init(_ key: MessageKey, _ arguments: [String: String] = [:]) { message = Message(key, arguments) }
    }

    /// The report a result file holds; `reasons` (`Kinds.reasons`) label the reason codes it records.
    public static func read(_ data: Data, reasons: FindingReasons) throws(Failure) -> RunReport {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            // Foundation's reason is an English sentence about bytes, not the file's line: not repeated.
            throw Failure(.resultNotJSON)
        }
        guard let root = object as? [String: Any] else { throw Failure(.resultNotObject) }
        guard root["schema"] as? String == "dvcheck.result/v1" else {
            guard let schema = root["schema"], !(schema is NSNull) else { throw Failure(.resultNoSchema) }
            throw Failure(.resultWrongSchema, ["schema": "\(schema)"])
        }
        // Only results written with the context a re-render needs (SPEC §10.5) can be rendered.
        guard root["rules"] is [Any], root["events"] is [String: Any], root["options"] is [String: Any] else {
            throw Failure(.resultWithoutContext)
        }
        var report = try Decoder(root).report()
        report.reasons = reasons
        return report
    }

    /// Field-by-field decoding with one error type.
    private struct Decoder {
        let root: [String: Any]
        init(_ root: [String: Any]) { self.root = root }

        func report() throws(Failure) -> RunReport {
            // `"as_of": null` when dvcheck.yaml's as_of was invalid: the run then used today in its
            // time zone, as a report of it made today does too.
            let asOfIsKnown = !(root["as_of"] is NSNull)
            let asOf =
                asOfIsKnown
                ? try day(root["as_of"], "as_of")
                : (ZoneConverter(identifier: root["timezone"] as? String ?? "").map { $0.today(now: Date()) }
                    ?? Day(ordinal: 0))
            let options = root["options"] as? [String: Any] ?? [:]
            let language = Language(rawValue: options["language"] as? String ?? "") ?? .vi
            let inputs = root["inputs"] as? [String: Any] ?? [:]
            let rules = try (root["rules"] as? [[String: Any]] ?? []).map { d throws(Failure) in try rule(d) }
            var evaluation = EvaluationResult()
            evaluation.summary = summary(root["summary"] as? [String: Any] ?? [:])
            evaluation.missingKeys = int((root["summary"] as? [String: Any])?["missing_keys"]) ?? 0
            evaluation.silentUnits = root["silent_units"] as? [String] ?? []
            let sources = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var marks: [String: ChangeSet.Mark] = [:]
            var previous: [String: String] = [:]
            var findings: [Finding] = []
            for d in root["findings"] as? [[String: Any]] ?? [] {
                let f = try finding(d, asOf: asOf)
                if let mark = (d["change"] as? String).flatMap(ChangeSet.Mark.init(rawValue:)) {
                    marks[f.fingerprint] = mark
                }
                if let was = d["previous_status"] as? String { previous[f.fingerprint] = was }
                findings.append(f)
            }
            // Met ratio shares written outside `findings` for the KPI tables (JSONReporter).
            for d in root["satisfied_ratios"] as? [[String: Any]] ?? [] { findings.append(try finding(d, asOf: asOf)) }
            evaluation.findings = findings
            evaluation.matrix = (root["matrix"] as? [[String: Any]] ?? []).map { d in
                var row = MatrixRow(rule: d["rule"] as? String ?? "", unit: d["unit"] as? String ?? "")
                row.satisfied = int(d["satisfied"]) ?? 0
                row.violated = int(d["violated"]) ?? 0
                row.pending = int(d["pending"]) ?? 0
                row.waived = int(d["waived"]) ?? 0
                return row
            }
            var report = RunReport(
                toolVersion: (root["tool"] as? [String: Any])?["version"] as? String ?? "", asOf: asOf,
                language: language,
                ruleFiles: digests(inputs["rules"]),
                logFiles: (inputs["logs"] as? [[String: Any]] ?? []).map { d in
                    .init(
                        path: d["path"] as? String ?? "", read: int(d["read"]) ?? 0, accepted: int(d["accepted"]) ?? 0,
                        rejected: int(d["rejected"]) ?? 0, ignored: int(d["ignored"]) ?? 0,
                        sha256: d["sha256"] as? String)
                },
                evaluation: evaluation, rules: sources, registry: try registry(root["units"]),
                diagnostics: (root["diagnostics"] as? [[String: Any]] ?? []).compactMap(diagnostic),
                includeSatisfied: options["include_satisfied"] as? Bool ?? false)
            if let resolved = root["resolved"] as? [[String: Any]] {
                report.changes = ChangeSet(marks: marks, previousStatus: previous, resolved: resolved.map(prior))
            }
            for d in root["waivers"] as? [[String: Any]] ?? [] {
                guard let index = int(d["index"]) else { continue }
                report.waivers[index] = .init(
                    reason: d["reason"] as? String ?? "", approvedBy: d["approved_by"] as? String ?? "",
                    expires: try day(d["expires"], "waivers.expires"))
            }
            report.registryFiles.units = digest(inputs["units"])
            report.registryFiles.calendar = digest(inputs["calendar"])
            report.registryFiles.vocabulary = digest(inputs["vocabulary"])
            report.registryFiles.waivers = digest(inputs["waivers"])
            report.asOfIsKnown = asOfIsKnown
            report.projectName = root["project"] as? String
            report.projectDir = root["project_dir"] as? String ?? "."
            report.docsURL = root["docs_url"] as? String
            report.timezone = root["timezone"] as? String ?? report.timezone
            let window = root["window"] as? [String: Any]
            report.windowFrom = try window?["from"].map { v throws(Failure) in try day(v, "window.from") }
            report.windowTo = try window?["to"].map { v throws(Failure) in try day(v, "window.to") }
            report.options.failOn = options["fail_on"] as? String ?? "low"
            report.options.maxRejected = int(options["max_rejected"]) ?? 0
            report.options.units = options["unit"] as? [String] ?? []
            report.options.rules = options["rule"] as? [String] ?? []
            report.options.sort = options["sort"] as? String
            report.sort = report.options.sort.flatMap(ReportSort.init(rawValue:)) ?? .severity
            report.options.failOnNew = options["fail_on_new"] as? String
            report.exitCode = Int32(int(root["exit_code"]) ?? 0)
            report.historyTrend = try HistoryTrendPoint.points(from: root["history_trend"])
            report.rejected = int((root["summary"] as? [String: Any])?["rejected"]) ?? 0
            report.untrustedShard =
                report.exitCode == 2 && report.rejected + report.missingKeys <= report.options.maxRejected
            for (id, value) in root["events"] as? [String: Any] ?? [:] {
                guard let d = value as? [String: Any] else { continue }
                report.events[id] = EvidenceEvent(
                    date: try day(d["date"], "events.\(id).date"), path: d["path"] as? String ?? "",
                    line: int(d["line"]) ?? 0, column: int(d["column"]) ?? 0, sheet: d["sheet"] as? String)
            }
            return report
        }

        func rule(_ d: [String: Any]) throws(Failure) -> ReportRule {
            guard let id = d["id"] as? String else { throw Failure(.resultRuleWithoutID) }
            let source = d["source"] as? [String: Any] ?? [:]
            let location = d["location"] as? [String: Any] ?? [:]
            let line = int(location["line"]) ?? 0
            return ReportRule(
                id: id, kind: d["kind"] as? String ?? "", title: localized(d["title"]) ?? LocalizedText(id),
                message: localized(d["message"]), description: localized(d["description"]),
                severity: Severity(rawValue: d["severity"] as? String ?? "") ?? .info,
                binding: Binding(rawValue: d["binding"] as? String ?? "") ?? .law,
                source: RuleSource(
                    document: source["document"] as? String ?? "", clause: source["clause"] as? String,
                    basis: source["basis"] as? String, url: source["url"] as? String),
                location: SourceLocation(
                    path: location["path"] as? String ?? "", line: line, column: int(location["column"]) ?? 0),
                endLine: int(location["end_line"]) ?? line)
        }

        func finding(_ d: [String: Any], asOf: Day) throws(Failure) -> Finding {
            guard let rule = d["rule"] as? String, let unit = d["unit"] as? String,
                let status = (d["status"] as? String).flatMap(Finding.Status.init(rawValue:))
            else { throw Failure(.resultFindingIncomplete) }
            let period = d["period"] as? String
            let due = try (d["due"]).map { v throws(Failure) in try day(v, "due") }
            let date = Self.findingDay(period: period, due: due) ?? asOf
            // A ratio finding (SPEC §10.2): decimal expected/actual and the base items it counts.
            let items = d["items"] as? [String: Any]
            var f = Finding(
                rule: rule, unit: unit, status: status, reason: d["reason"] as? String,
                severity: Severity(rawValue: d["severity"] as? String ?? "") ?? .info, period: period, due: due,
                expected: items == nil ? int(d["expected"]) : nil, actual: items == nil ? int(d["actual"]) : nil,
                daysLate: int(d["days_late"]),
                ref: d["ref"] as? String, events: d["events"] as? [String] ?? [], distanceDays: int(d["distance_days"]),
                sortDay: date, waiverSpan: date...date, identity: d["fingerprint"] as? String ?? "")
            if let items {
                f.share = Share(
                    threshold: tenths(d["expected"]) ?? Tenths(tenths: 0), satisfied: int(items["satisfied"]) ?? 0,
                    violated: int(items["violated"]) ?? 0, pending: int(items["pending"]) ?? 0)
            }
            f.waiver = int(d["waiver"])
            f.fingerprint = d["fingerprint"] as? String ?? ""
            f.message = d["message"] as? String ?? ""
            return f
        }

        /// The day a finding is ordered by (SPEC §8), from what the result shows: a date label or
        /// a gap's start, a period label's first day, or (for `once`) the due date.
        static func findingDay(period: String?, due: Day?) -> Day? {
            guard let period else { return due }
            if period.utf8.count >= 10, let d = DateText.parseISODate(period.prefix(10)) { return d }
            let parts = period.split(separator: "-")
            guard let year = parts.first.flatMap({ Int($0) }) else { return due }
            guard parts.count == 2 else { return Day(year: year, month: 1, day: 1) }
            let tail = parts[1]
            if let month = Int(tail) { return Day(year: year, month: month, day: 1) }
            let number = Int(tail.dropFirst()) ?? 1
            switch tail.first {
            case "Q": return Day(year: year, month: (number - 1) * 3 + 1, day: 1)
            case "H": return Day(year: year, month: number == 1 ? 1 : 7, day: 1)
            case "W":
                // ISO week 1 holds 4 January; its Monday is week 1's start.
                guard let jan4 = Day(year: year, month: 1, day: 4) else { return due }
                return jan4.adding(days: 1 - jan4.isoWeekday + 7 * (number - 1))
            default: return due
            }
        }

        func registry(_ value: Any?) throws(Failure) -> UnitRegistry? {
            guard let list = value as? [[String: Any]] else { return nil }
            let units = list.map { d in
                Unit(
                    id: d["id"] as? String ?? "", name: d["name"] as? String ?? "", level: d["level"] as? String ?? "",
                    kind: d["kind"] as? String ?? "", parent: d["parent"] as? String, tags: [], from: nil, to: nil,
                    successor: nil, location: SourceLocation(path: ""))
            }
            return UnitRegistry(units: units)
        }

        func prior(_ d: [String: Any]) -> PriorFinding {
            PriorFinding(
                fingerprint: d["fingerprint"] as? String ?? "", rule: d["rule"] as? String ?? "",
                unit: d["unit"] as? String ?? "", status: d["status"] as? String ?? "",
                severity: d["severity"] as? String ?? "", reason: d["reason"] as? String,
                period: d["period"] as? String, due: d["due"] as? String, ref: d["ref"] as? String,
                message: d["message"] as? String ?? "")
        }

        func diagnostic(_ d: [String: Any]) -> Diagnostic? {
            guard let code = d["code"] as? String,
                let level = (d["level"] as? String).flatMap(Diagnostic.Level.init(rawValue:))
            else { return nil }
            if let omitted = int(d["omitted"]) {
                // The entry standing for the diagnostics the list left out (SPEC §10.6).
                return Diagnostic(omitted: omitted, level: level, code: code, path: d["path"] as? String)
            }
            let location = (d["path"] as? String).map {
                SourceLocation(
                    path: $0, line: int(d["line"]) ?? 0, column: int(d["column"]) ?? 0, sheet: d["sheet"] as? String)
            }
            return Diagnostic(saved: level, code: code, message: d["message"] as? String ?? "", at: location)
        }

        func summary(_ d: [String: Any]) -> RunSummary {
            var s = RunSummary()
            s.rules = int(d["rules"]) ?? 0
            s.units = int(d["units"]) ?? 0
            s.evaluated = int(d["evaluated"]) ?? 0
            s.satisfied = int(d["satisfied"]) ?? 0
            s.violated = int(d["violated"]) ?? 0
            s.pending = int(d["pending"]) ?? 0
            s.waived = int(d["waived"]) ?? 0
            s.silentUnits = int(d["silent_units"]) ?? 0
            return s
        }

        func digests(_ value: Any?) -> [RunReport.InputFile] { (value as? [Any] ?? []).compactMap(digest) }

        func digest(_ value: Any?) -> RunReport.InputFile? {
            guard let d = value as? [String: Any], let path = d["path"] as? String else { return nil }
            return RunReport.InputFile(path: path, sha256: d["sha256"] as? String ?? "")
        }

        func localized(_ value: Any?) -> LocalizedText? {
            guard let d = value as? [String: Any] else { return nil }
            return LocalizedText(vi: d["vi"] as? String, en: d["en"] as? String)
        }

        func int(_ value: Any?) -> Int? {
            if let n = value as? Int { return n }
            if let n = value as? NSNumber { return n.intValue }
            return nil
        }

        /// A decimal with at most one decimal place (`57.5`), as tenths.
        func tenths(_ value: Any?) -> Tenths? {
            guard let n = value as? NSNumber else { return nil }
            return Tenths(tenths: Int((n.doubleValue * 10).rounded()))
        }

        func day(_ value: Any?, _ what: String) throws(Failure) -> Day {
            guard let text = value as? String, let d = DateText.parseISODate(text) else {
                throw Failure(.resultFieldNotDate, ["field": what])
            }
            return d
        }
    }
}
