import ComplianceCore
import Dispatch
import Foundation
import RuleKit

/// Runs every rule over every applicable unit.
///
/// Pure: model in, findings out — no I/O and no clock. Work is split into (rule, block of units)
/// items run on every core and merged in rule-then-unit order, so the result does not depend on
/// the number of threads.
public enum Engine {
    /// Units per work item: small enough to balance two cores, large enough to amortise a task.
    static let unitsPerItem = 256

    /// Evaluates `rules` over the units of `registry` with the events of `store`.
    ///
    /// With `listSatisfied` false, satisfied findings are counted in the summary and the matrix but
    /// not kept in `findings` (a report that does not list them need not hold millions of them).
    public static func evaluate(
        rules allRules: [Rule], registry: UnitRegistry, store: EventStore, calendar: WorkCalendar, waivers: [Waiver],
        options: RunOptions, listSatisfied: Bool = true
    ) -> EvaluationResult {
        let rules = options.rules.isEmpty ? allRules : allRules.filter { options.rules.contains($0.id) }
        let roots = options.units.compactMap { registry.index(of: $0) }
        let unitIndices = registry.units.indices.filter { u in
            roots.isEmpty || roots.contains { registry.isSelfOrDescendant(u, of: $0) }
        }
        let bounds: EvaluationWindow? =
            options.from != nil || options.to != nil
            ? EvaluationWindow(from: options.from ?? Day(ordinal: Int.min / 4), to: options.to) : nil

        // Work items: (rule, block of units), evaluated in parallel and merged in a fixed order.
        var blocks: [(rule: Int, units: ArraySlice<Int>)] = []
        for r in rules.indices {
            var lo = 0
            while lo < unitIndices.count {
                let hi = min(lo + unitsPerItem, unitIndices.count)
                blocks.append((r, unitIndices[lo..<hi]))
                lo = hi
            }
        }
        let items = blocks
        let slots = Slots<ItemOutput>(count: items.count, initial: ItemOutput())
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            slots.set(
                i,
                evaluate(
                    rules[items[i].rule], units: items[i].units, registry: registry, store: store, calendar: calendar,
                    options: options, bounds: bounds, listSatisfied: listSatisfied))
        }

        var result = EvaluationResult()
        var outsideCalendar = false
        var applicableUnits: Set<Int> = []
        var unlisted: [PairKey: Int] = [:]
        for (i, out) in slots.values.enumerated() {
            result.findings += out.output.findings
            result.diagnostics += out.output.diagnostics
            result.missingKeys += out.output.missingKeys
            outsideCalendar = outsideCalendar || out.output.outsideCalendar
            applicableUnits.formUnion(out.units)
            for (unit, count) in out.unlistedSatisfied {
                unlisted[PairKey(rule: rules[items[i].rule].id, unit: registry.units[unit].id), default: 0] += count
            }
        }
        if outsideCalendar && options.calendarFileGiven, let covers = calendar.covers {
            result.diagnostics.append(
                .warning(
                    "calendar.outside-range",
                    "a date computation used days outside the calendar's range \(covers.lowerBound)…\(covers.upperBound); only the weekend rule applied there",
                    at: options.calendarPath.map { SourceLocation(path: $0) }))
        }
        let rulesByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        applyWaivers(&result, waivers: waivers, registry: registry, rules: rulesByID, options: options)
        finish(&result, rules: rulesByID, registry: registry, language: options.language, unlisted: unlisted)
        result.summary.rules = rules.count
        result.summary.units = applicableUnits.count
        return result
    }

    /// What one work item produced.
    struct ItemOutput: Sendable {
        var output = EvaluationOutput()
        /// The units the rule applies to.
        var units: [Int] = []
        /// Satisfied findings counted but not kept, per unit.
        var unlistedSatisfied: [(unit: Int, count: Int)] = []
    }

    /// One rule over a block of units.
    private static func evaluate(
        _ rule: Rule, units block: ArraySlice<Int>, registry: UnitRegistry, store: EventStore, calendar: WorkCalendar,
        options: RunOptions, bounds: EvaluationWindow?, listSatisfied: Bool
    ) -> ItemOutput {
        var item = ItemOutput()
        for u in block {
            if let selector = rule.appliesTo, !selector.matches(u, in: registry) { continue }
            item.units.append(u)
            let unit = registry.units[u]
            let from = max(rule.effective.from, unit.from ?? rule.effective.from, options.from ?? rule.effective.from)
            let to = [rule.effective.to, unit.to, options.to].compactMap { $0 }.min()
            let window = EvaluationWindow(from: from, to: to)
            if let to, from > to, type(of: rule.obligation) != OnceObligation.self { continue }
            let context = EvaluationContext(
                rule: rule, unitIndex: u, registry: registry, store: store, window: window, asOf: options.asOf,
                calendar: calendar, runBounds: bounds)
            if listSatisfied {
                rule.obligation.evaluate(context, into: &item.output)
                continue
            }
            let before = item.output.findings.count
            rule.obligation.evaluate(context, into: &item.output)
            var satisfied = 0
            var kept = before
            for i in before..<item.output.findings.count {
                if item.output.findings[i].status == .satisfied {
                    satisfied += 1
                } else {
                    item.output.findings.swapAt(kept, i)
                    kept += 1
                }
            }
            item.output.findings.removeSubrange(kept...)
            if satisfied > 0 { item.unlistedSatisfied.append((u, satisfied)) }
        }
        return item
    }

    private static func applyWaivers(
        _ result: inout EvaluationResult, waivers: [Waiver], registry: UnitRegistry, rules: [String: Rule],
        options: RunOptions
    ) {
        var used = Set<Int>()
        let active = waivers.filter { options.asOf <= $0.expires }
        for w in waivers where options.asOf > w.expires {
            result.diagnostics.append(
                .warning(
                    "waiver.expired", "waiver \(w.index) expired on \(w.expires) and waives nothing", at: w.location))
        }
        if !active.isEmpty {
            for i in result.findings.indices {
                let f = result.findings[i]
                guard f.status == .violated || f.status == .pending, let u = registry.index(of: f.unit) else {
                    continue
                }
                for w in active where w.rules.contains(f.rule) {
                    if let units = w.units {
                        let covered = units.contains { id in
                            registry.index(of: id).map { registry.isSelfOrDescendant(u, of: $0) } ?? false
                        }
                        if !covered { continue }
                    }
                    if let p = w.periods, !(p.contains(f.waiverSpan.lowerBound) && p.contains(f.waiverSpan.upperBound))
                    {
                        continue
                    }
                    result.findings[i].status = .waived
                    result.findings[i].waiver = w.index
                    used.insert(w.index)
                    break
                }
            }
        }
        for w in active where !used.contains(w.index) && w.rules.contains(where: { rules[$0] != nil }) {
            result.diagnostics.append(.warning("waiver.unused", "waiver \(w.index) matched no finding", at: w.location))
        }
    }

    /// Fingerprints and messages (in parallel), report order, summary and matrix.
    private static func finish(
        _ result: inout EvaluationResult, rules: [String: Rule], registry: UnitRegistry, language: Language,
        unlisted: [PairKey: Int]
    ) {
        let findings = result.findings
        let blocks = stride(from: 0, to: findings.count, by: 4096).map { $0..<min($0 + 4096, findings.count) }
        let done = Slots<[Finding]>(count: blocks.count, initial: [])
        DispatchQueue.concurrentPerform(iterations: blocks.count) { b in
            var block = Array(findings[blocks[b]])
            for i in block.indices {
                let f = block[i]
                block[i].fingerprint = String(SHA256.hex(f.rule + "\u{0}" + f.unit + "\u{0}" + f.identity).prefix(32))
                if let rule = rules[f.rule], let unit = registry.unit(f.unit) {
                    block[i].message = FindingMessages.message(for: f, rule: rule, unit: unit, language: language)
                }
            }
            done.set(b, block)
        }
        result.findings = []
        var sorted = done.values.flatMap { $0 }
        sorted.sort(by: Finding.reportOrder)
        result.findings = sorted

        var counts = unlisted.mapValues { MatrixCounts(satisfied: $0) }
        var s = RunSummary()
        for f in result.findings {
            counts[PairKey(rule: f.rule, unit: f.unit), default: MatrixCounts()].add(f.status)
        }
        var matrix: [MatrixRow] = []
        matrix.reserveCapacity(counts.count)
        for (pair, c) in counts.sorted(by: { PairKey.reportOrder($0.key, $1.key) }) {
            var row = MatrixRow(rule: pair.rule, unit: pair.unit)
            row.satisfied = c.satisfied
            row.violated = c.violated
            row.pending = c.pending
            row.waived = c.waived
            matrix.append(row)
            s.satisfied += c.satisfied
            s.violated += c.violated
            s.pending += c.pending
            s.waived += c.waived
        }
        s.evaluated = s.satisfied + s.violated + s.pending + s.waived
        result.summary = s
        result.matrix = matrix
    }
}

/// A (rule, unit) pair of the matrix.
struct PairKey: Hashable {
    let rule: String
    let unit: String

    /// The order of SPEC §8: unit id, then rule id, in code-point order.
    static func reportOrder(_ a: PairKey, _ b: PairKey) -> Bool {
        a.unit != b.unit ? a.unit.codePointPrecedes(b.unit) : a.rule.codePointPrecedes(b.rule)
    }
}

/// Finding counts by status for one matrix row.
struct MatrixCounts {
    var satisfied = 0
    var violated = 0
    var pending = 0
    var waived = 0

    mutating func add(_ status: Finding.Status) {
        switch status {
        case .satisfied: satisfied += 1
        case .violated: violated += 1
        case .pending: pending += 1
        case .waived: waived += 1
        }
    }
}

/// Result slots written by parallel workers, one slot each, read after all have finished.
final class Slots<T>: @unchecked Sendable {
    private var items: [T]
    private let lock = NSLock()

    init(count: Int, initial: T) { items = Array(repeating: initial, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        items[index] = value
        lock.unlock()
    }

    var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
