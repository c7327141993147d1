import ComplianceCore

/// The work items' outputs merged in item order (rule, then unit): findings with each one's unit
/// index and rule rank, the matrix counts of findings not kept, and what the summary and silent
/// units need.
struct Gathered {
    /// Findings in item order.
    var findings: [Finding] = []
    /// Each finding's unit index.
    var units: [Int32] = []
    /// Each finding's rule rank; -1 for a base rule `--rule` left out (its findings count nowhere).
    var ranks: [Int32] = []
    /// Diagnostics of the items, at most 1,000 per code and file with exact counts (SPEC §10.6).
    var diagnostics = BoundedDiagnostics()
    var missingKeys = 0
    var outsideCalendar = false
    /// Units with at least one applicable evaluated rule.
    var applicable: [Bool]
    /// Satisfied findings counted but not kept.
    var matrix: MatrixGrid
    /// Per unit, the days covered by the evaluated rules that read events and apply to it (SPEC §10.3).
    var eventRuleSpans: [RuleSpan?]

    init(unitCount: Int, ranks: Int) {
        applicable = [Bool](repeating: false, count: unitCount)
        matrix = MatrixGrid(ranks: ranks, units: unitCount)
        eventRuleSpans = [RuleSpan?](repeating: nil, count: unitCount)
    }

    /// Adds one phase's outputs, moving their findings out (a copy retains each finding's strings,
    /// so the caller hands over its only reference).
    mutating func add(_ outputs: inout [(rule: Int, item: Engine.ItemOutput)], rules: [Rule], order: RuleOrder) {
        var existing = findings
        findings = []
        let total = existing.count + outputs.reduce(0) { $0 + $1.item.output.findings.count }
        units.reserveCapacity(total)
        ranks.reserveCapacity(total)
        findings = [Finding](unsafeUninitializedCapacity: total) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            count += Moving.move(&existing, to: base)
            for i in outputs.indices { count += Moving.move(&outputs[i].item.output.findings, to: base + count) }
        }
        for (r, out) in outputs {
            let rule = rules[r]
            outsideCalendar = outsideCalendar || out.output.outsideCalendar
            guard let rank = order.rankOfID[rule.id] else {
                units += out.findingUnits
                ranks += repeatElement(-1, count: out.findingUnits.count)
                continue
            }
            units += out.findingUnits
            ranks += repeatElement(Int32(rank), count: out.findingUnits.count)
            diagnostics.absorb(out.output.diagnostics)
            missingKeys += out.output.missingKeys
            for u in out.units { applicable[u] = true }
            for (unit, count) in out.unlistedSatisfied { matrix[rank, unit].satisfied += count }
            if rule.obligation.baseRule == nil {
                for u in out.units {
                    eventRuleSpans[u] = eventRuleSpans[u].map { $0.widened(by: rule) } ?? RuleSpan(rule)
                }
            }
        }
        outputs = []
    }

    /// Keeps the findings `wanted` accepts (given rule id, status and rank), in order; a dropped
    /// satisfied finding of an evaluated rule is still counted in the matrix.
    mutating func keep(_ wanted: (String, Finding.Status, Int32) -> Bool) {
        var kept = 0
        for i in findings.indices {
            if wanted(findings[i].rule, findings[i].status, ranks[i]) {
                if kept != i {
                    findings.swapAt(kept, i)
                    units.swapAt(kept, i)
                    ranks.swapAt(kept, i)
                }
                kept += 1
            } else if ranks[i] >= 0 && findings[i].status == .satisfied {
                matrix[Int(ranks[i]), Int(units[i])].satisfied += 1
            }
        }
        findings.removeSubrange(kept...)
        units.removeSubrange(kept...)
        ranks.removeSubrange(kept...)
    }
}

/// The days some rules are in force: the earliest `effective.from` and the latest `effective.to`
/// (nil: open-ended).
struct RuleSpan {
    var from: Day
    var to: Day?

    init(_ rule: Rule) {
        from = rule.effective.from
        to = rule.effective.to
    }

    func widened(by rule: Rule) -> RuleSpan {
        var s = self
        s.from = min(from, rule.effective.from)
        s.to = to.flatMap { t in rule.effective.to.map { max(t, $0) } }
        return s
    }
}
