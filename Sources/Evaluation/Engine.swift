import ComplianceCore
import Dispatch
import Foundation
import RuleKit

/// Runs every rule over every applicable unit.
///
/// Pure: model in, findings out — no I/O and no clock.
public enum Engine {
    /// Evaluates `rules` over the units of `registry` with the events of `store`.
    public static func evaluate(
        rules allRules: [Rule], registry: UnitRegistry, store: EventStore, calendar: WorkCalendar, waivers: [Waiver],
        options: RunOptions
    ) -> EvaluationResult {
        let rules = options.rules.isEmpty ? allRules : allRules.filter { options.rules.contains($0.id) }
        let roots = options.units.compactMap { registry.index(of: $0) }
        let unitIndices = registry.units.indices.filter { u in
            roots.isEmpty || roots.contains { registry.isSelfOrDescendant(u, of: $0) }
        }
        let bounds: EvaluationWindow? =
            options.from != nil || options.to != nil
            ? EvaluationWindow(from: options.from ?? Day(ordinal: Int.min / 4), to: options.to) : nil

        // Work items: one per rule; units inside. Evaluated in parallel, merged in a fixed order.
        let slots = Slots<(EvaluationOutput, [Int])>(count: rules.count, initial: (EvaluationOutput(), []))
        DispatchQueue.concurrentPerform(iterations: rules.count) { r in
            let rule = rules[r]
            var out = EvaluationOutput()
            var units: [Int] = []
            for u in unitIndices {
                if let selector = rule.appliesTo, !selector.matches(u, in: registry) { continue }
                units.append(u)
                let unit = registry.units[u]
                let from = max(
                    rule.effective.from, unit.from ?? rule.effective.from, options.from ?? rule.effective.from)
                let to = [rule.effective.to, unit.to, options.to].compactMap { $0 }.min()
                let window = EvaluationWindow(from: from, to: to)
                if let to, from > to, type(of: rule.obligation) != OnceObligation.self { continue }
                let context = EvaluationContext(
                    rule: rule, unitIndex: u, registry: registry, store: store, window: window, asOf: options.asOf,
                    calendar: calendar, runBounds: bounds)
                rule.obligation.evaluate(context, into: &out)
            }
            slots.set(r, (out, units))
        }
        let outputs = slots.values.map(\.0)
        let applicable = slots.values.map(\.1)

        var result = EvaluationResult()
        var outsideCalendar = false
        var applicableUnits: Set<Int> = []
        for (r, out) in outputs.enumerated() {
            result.findings += out.findings
            result.diagnostics += out.diagnostics
            result.missingKeys += out.missingKeys
            outsideCalendar = outsideCalendar || out.outsideCalendar
            applicableUnits.formUnion(applicable[r])
        }
        if outsideCalendar && options.calendarFileGiven, let covers = calendar.covers {
            result.diagnostics.append(
                .warning(
                    "calendar.outside-range",
                    "a date computation used days outside the calendar's range \(covers.lowerBound)…\(covers.upperBound); only the weekend rule applied there"
                ))
        }
        let rulesByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        applyWaivers(&result, waivers: waivers, registry: registry, rules: rulesByID, options: options)
        finish(&result, rules: rulesByID, registry: registry, language: options.language)
        result.summary.rules = rules.count
        result.summary.units = applicableUnits.count
        return result
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

    private static func finish(
        _ result: inout EvaluationResult, rules: [String: Rule], registry: UnitRegistry, language: Language
    ) {
        for i in result.findings.indices {
            var f = result.findings[i]
            f.fingerprint = String(SHA256.hex(f.rule + "\u{0}" + f.unit + "\u{0}" + f.identity).prefix(32))
            if let rule = rules[f.rule], let unit = registry.unit(f.unit) {
                f.message = FindingMessages.message(for: f, rule: rule, unit: unit, language: language)
            }
            result.findings[i] = f
        }
        result.findings.sort(by: Finding.reportOrder)
        var matrix: [MatrixRow] = []
        var s = RunSummary()
        for f in result.findings {
            s.evaluated += 1
            if matrix.last?.rule != f.rule || matrix.last?.unit != f.unit {
                matrix.append(MatrixRow(rule: f.rule, unit: f.unit))
            }
            switch f.status {
            case .satisfied:
                s.satisfied += 1
                matrix[matrix.count - 1].satisfied += 1
            case .violated:
                s.violated += 1
                matrix[matrix.count - 1].violated += 1
            case .pending:
                s.pending += 1
                matrix[matrix.count - 1].pending += 1
            case .waived:
                s.waived += 1
                matrix[matrix.count - 1].waived += 1
            }
        }
        result.summary = s
        result.matrix = matrix
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
