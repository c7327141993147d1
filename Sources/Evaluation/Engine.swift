import ComplianceCore
import Dispatch
import Foundation

/// Runs every rule over every applicable unit.
///
/// Pure: model in, findings out — no I/O and no clock. Work is split into (rule, block of units)
/// items run on every core and merged in rule-then-unit order, so the result does not depend on
/// the number of threads.
public enum Engine {
    /// Units per work item: small enough to balance two cores, large enough to amortise a task.
    static let unitsPerItem = 256
    /// Blocks of units evaluated together when findings stream (`evaluateInBlocks`).
    static let blocksPerRound = 2

    /// Evaluates `rules` over the units of `registry` with the events of `store`.
    ///
    /// With `listSatisfied` false, satisfied findings are counted in the summary and the matrix but
    /// not kept in `findings` (a report that does not list them need not hold millions of them).
    ///
    /// Rules run in two phases: first those that read events — with the base rules of the selected
    /// `ratio` rules, also when `--rule` left them out (their findings then count nowhere) —, then
    /// the rules that read those findings (SPEC §10.2). Each phase runs on every core.
    public static func evaluate(
        rules allRules: [Rule], registry: UnitRegistry, store: EventStore, calendar: WorkCalendar, waivers: [Waiver],
        options: RunOptions, listSatisfied: Bool = true, streamingTo blockSink: ((inout [Finding]) -> Void)? = nil
    ) -> EvaluationResult {
        let rules = options.rules.isEmpty ? allRules : allRules.filter { options.rules.contains($0.id) }
        let plan = EvaluationPlan(selected: rules, all: allRules)
        let roots = options.units.compactMap { registry.index(of: $0) }
        let unitIndices = registry.units.indices.filter { u in
            roots.isEmpty || roots.contains { registry.isSelfOrDescendant(u, of: $0) }
        }
        let bounds: EvaluationWindow? =
            options.from != nil || options.to != nil
            ? EvaluationWindow(from: options.from ?? Day(ordinal: Int.min / 4), to: options.to) : nil
        let order = RuleOrder(rules)
        var gathered = Gathered(unitCount: registry.units.count, ranks: order.rankCount)
        let active = waivers.filter { options.asOf <= $0.expires }
        var usedWaivers = Set<Int>()

        if let blockSink, plan.baseIDs.isEmpty, plan.findingRules.isEmpty {
            return evaluateInBlocks(
                plan.eventRules, all: rules, units: unitIndices, registry: registry, store: store, calendar: calendar,
                waivers: waivers, active: active, options: options, bounds: bounds, order: order,
                listSatisfied: listSatisfied, gathered: gathered, blockSink: blockSink)
        }

        // Phase 1: the rules that read events; a base rule's satisfied findings are built too.
        let phase1 = plan.eventRules
        var outputs1 = run(
            phase1, units: unitIndices, registry: registry, store: store, calendar: calendar, options: options,
            bounds: bounds, bases: [:], listSatisfied: { listSatisfied || plan.baseIDs.contains($0.id) }, firstItem: 0)
        let phase1Items = outputs1.count
        gathered.add(&outputs1, rules: phase1, order: order)
        markWaived(
            &gathered.findings, units: gathered.units, from: 0, waivers: active, registry: registry, used: &usedWaivers)
        var bases: [String: BaseFindings] = [:]
        for id in plan.baseIDs {
            let items = gathered.findings.indices.filter { gathered.findings[$0].rule == id }.map { i in
                BaseFindings.Item(
                    unit: gathered.units[i], day: gathered.findings[i].sortDay, status: gathered.findings[i].status)
            }
            bases[id] = BaseFindings(items, registry: registry)
        }
        // Hidden base rules' findings count nowhere; a base rule's satisfied findings stay listed only
        // when satisfied findings are.
        if !plan.baseIDs.isEmpty {
            gathered.keep { rule, status, rank in
                rank >= 0 && (listSatisfied || status != .satisfied || !plan.baseIDs.contains(rule))
            }
        }

        // Phase 2: the rules that read phase 1's findings.
        let phase2 = plan.findingRules
        if !phase2.isEmpty {
            var outputs2 = run(
                phase2, units: unitIndices, registry: registry, store: store, calendar: calendar, options: options,
                // Few, and the KPI tables show met shares too.
                bounds: bounds, bases: bases, listSatisfied: { _ in true }, firstItem: phase1Items)
            let first = gathered.findings.count
            gathered.add(&outputs2, rules: phase2, order: order)
            markWaived(
                &gathered.findings, units: gathered.units, from: first, waivers: active, registry: registry,
                used: &usedWaivers)
        }

        var result = EvaluationResult()
        result.findings = gathered.findings
        gathered.findings = []
        let silent = conclude(
            &result, gathered, rules: rules, calendar: calendar, waivers: waivers, used: usedWaivers,
            registry: registry,
            store: store, options: options)
        finish(
            &result, kept: KeptFindings(units: gathered.units, ranks: gathered.ranks), order: order, rules: rules,
            registry: registry, language: options.language, matrix: gathered.matrix)
        result.summary.rules = rules.count
        result.summary.units = gathered.applicable.reduce(0) { $0 + ($1 ? 1 : 0) }
        result.summary.silentUnits = silent
        return result
    }

    /// Evaluates the rules (none of them `ratio` or its base) a block of units at a time.
    ///
    /// Each block runs on every core, and its completed findings, in report order, go to `blockSink`
    /// instead of being kept: a block's units all come before the next block's in SPEC §8 order, so
    /// the blocks' findings in turn are the whole run's in order. The result's `findings` are empty
    /// and `streamed` is set; everything else is what `evaluate` gives.
    ///
    /// Items keep the numbers `evaluate` gives them (rule, then block), so the diagnostic sink and
    /// the items' capped diagnostics come out as they would there.
    private static func evaluateInBlocks(
        _ rules: [Rule], all evaluated: [Rule], units unitIndices: [Int], registry: UnitRegistry, store: EventStore,
        calendar: WorkCalendar, waivers: [Waiver], active: [Waiver], options: RunOptions, bounds: EvaluationWindow?,
        order: RuleOrder, listSatisfied: Bool, gathered start: Gathered, blockSink: (inout [Finding]) -> Void
    ) -> EvaluationResult {
        var gathered = start
        var usedWaivers = Set<Int>()
        let blockCount = (unitIndices.count + unitsPerItem - 1) / unitsPerItem
        var itemDiagnostics = [BoundedDiagnostics](repeating: BoundedDiagnostics(), count: rules.count * blockCount)
        // Blocks are evaluated `blocksPerRound` at a time: a round's items (rule, block) run in one
        // parallel loop, so the cores wait for its slowest item half as often as block by block.
        let evaluateRound: @Sendable (Range<Int>) -> (outputs: [(rule: Int, item: ItemOutput)], usedWaivers: Set<Int>) =
            {
                round in
                var items: [(rule: Int, units: ArraySlice<Int>, id: Int)] = []
                for b in round {
                    let units = unitIndices[(b * unitsPerItem)..<min((b + 1) * unitsPerItem, unitIndices.count)]
                    for r in rules.indices { items.append((rule: r, units: units, id: r * blockCount + b)) }
                }
                var outputs = run(
                    items, rules: rules, registry: registry, store: store, calendar: calendar, options: options,
                    bounds: bounds, bases: [:], listSatisfied: { _ in listSatisfied })
                // Waivers, fingerprints and messages are settled here, on the workers, not after the gathering.
                let used = settle(
                    &outputs, rules: rules, first: evaluated, order: order, waivers: active, registry: registry,
                    language: options.language)
                return (outputs, used)
            }
        func gatherBlock(_ outputs: inout [(rule: Int, item: ItemOutput)], block b: Int) {
            for i in outputs.indices {
                itemDiagnostics[outputs[i].rule * blockCount + b] = outputs[i].item.output.diagnostics
                outputs[i].item.output.diagnostics = BoundedDiagnostics()
            }
            gathered.add(&outputs, rules: rules, order: order)
            var findings = gathered.findings
            gathered.findings = []
            complete(
                &findings, kept: KeptFindings(units: gathered.units, ranks: gathered.ranks), order: order,
                rules: evaluated, registry: registry, language: options.language, matrix: &gathered.matrix,
                described: true)
            gathered.units = []
            gathered.ranks = []
            blockSink(&findings)
        }
        let round: @Sendable (Int) -> Range<Int> = { r in
            (r * blocksPerRound)..<min((r + 1) * blocksPerRound, blockCount)
        }
        let roundCount = (blockCount + blocksPerRound - 1) / blocksPerRound
        var next = roundCount > 0 ? WorkAhead { evaluateRound(round(0)) } : nil
        for r in 0..<roundCount {
            guard var settled = next?.wait() else { break }
            usedWaivers.formUnion(settled.usedWaivers)
            // The next round is evaluated on the workers while this thread gathers, completes and
            // hands on this one, which would otherwise leave a core idle.
            next = r + 1 < roundCount ? WorkAhead { evaluateRound(round(r + 1)) } : nil
            // The round's outputs are block by block, each block's in rule order; each is moved out
            // (not copied), so gathering changes its findings in place.
            for (k, b) in round(r).enumerated() {
                var outputs: [(rule: Int, item: ItemOutput)] = []
                for i in (k * rules.count)..<((k + 1) * rules.count) {
                    outputs.append(settled.outputs[i])
                    settled.outputs[i].item = ItemOutput()
                }
                gatherBlock(&outputs, block: b)
            }
        }
        for d in itemDiagnostics { gathered.diagnostics.absorb(d) }
        var result = EvaluationResult()
        result.streamed = true
        let silent = conclude(
            &result, gathered, rules: evaluated, calendar: calendar, waivers: waivers, used: usedWaivers,
            registry: registry, store: store, options: options)
        summarize(&result, order: order, registry: registry, matrix: gathered.matrix)
        result.summary.rules = evaluated.count
        result.summary.units = gathered.applicable.reduce(0) { $0 + ($1 ? 1 : 0) }
        result.summary.silentUnits = silent
        return result
    }

    /// The result's diagnostics, missing keys and silent units from what was gathered; returns how
    /// many units are silent.
    private static func conclude(
        _ result: inout EvaluationResult, _ gathered: Gathered, rules: [Rule], calendar: WorkCalendar,
        waivers: [Waiver], used usedWaivers: Set<Int>, registry: UnitRegistry, store: EventStore, options: RunOptions
    ) -> Int {
        result.diagnostics = gathered.diagnostics.all
        result.itemDiagnosticCount = result.diagnostics.count
        result.missingKeys = gathered.missingKeys
        if gathered.outsideCalendar && options.calendarFileGiven, let covers = calendar.covers {
            result.diagnostics.append(
                .warning(
                    .calendarOutsideRange,
                    Message(.calendarOutsideRange, ["from": "\(covers.lowerBound)", "to": "\(covers.upperBound)"]),
                    at: options.calendarPath.map { SourceLocation(path: $0) }))
        }
        let rulesByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        result.diagnostics += waiverWarnings(waivers, used: usedWaivers, rules: rulesByID, asOf: options.asOf)
        let silent = SilentUnits.find(
            spans: gathered.eventRuleSpans, registry: registry, store: store, options: options)
        result.silentUnits = silent.map { registry.units[$0.unit].id }
        result.diagnostics += silent.map { SilentUnits.warning(registry.units[$0.unit], days: $0.days) }
        return silent.count
    }

    /// Evaluates each rule over the units, in (rule, block of units) items on every core; the
    /// outputs come back in item order with each item's rule index.
    ///
    /// Items are numbered from `firstItem` for the diagnostic sink, in the order their outputs are
    /// gathered.
    private static func run(
        _ rules: [Rule], units unitIndices: [Int], registry: UnitRegistry, store: EventStore, calendar: WorkCalendar,
        options: RunOptions, bounds: EvaluationWindow?, bases: [String: BaseFindings], listSatisfied: (Rule) -> Bool,
        firstItem: Int
    ) -> [(rule: Int, item: ItemOutput)] {
        var blocks: [(rule: Int, units: ArraySlice<Int>, id: Int)] = []
        for r in rules.indices {
            var lo = 0
            while lo < unitIndices.count {
                let hi = min(lo + unitsPerItem, unitIndices.count)
                blocks.append((r, unitIndices[lo..<hi], firstItem + blocks.count))
                lo = hi
            }
        }
        return run(
            blocks, rules: rules, registry: registry, store: store, calendar: calendar, options: options,
            bounds: bounds, bases: bases, listSatisfied: listSatisfied)
    }

    /// Runs the work `items` (a rule index, its units and the item's number for the diagnostic
    /// sink) on every core; the outputs come back in the items' order.
    private static func run(
        _ items: [(rule: Int, units: ArraySlice<Int>, id: Int)], rules: [Rule], registry: UnitRegistry,
        store: EventStore, calendar: WorkCalendar, options: RunOptions, bounds: EvaluationWindow?,
        bases: [String: BaseFindings], listSatisfied: (Rule) -> Bool
    ) -> [(rule: Int, item: ItemOutput)] {
        let lists = rules.map(listSatisfied)
        let slots = Slots<ItemOutput>(count: items.count, initial: ItemOutput())
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            let rule = rules[items[i].rule]
            // A base rule `--rule` left out reports nothing, its diagnostics included.
            let sink = options.rules.isEmpty || options.rules.contains(rule.id) ? options.diagnosticSink : nil
            slots.set(
                i,
                evaluate(
                    rule, units: items[i].units, registry: registry, store: store, calendar: calendar,
                    options: options, bounds: bounds, base: rule.obligation.baseRule.flatMap { bases[$0] },
                    listSatisfied: lists[items[i].rule], stream: sink?.stream(forItem: items[i].id)))
            sink?.finish(item: items[i].id)
        }
        return zip(items, slots.takeAll()).map { ($0.rule, $1) }
    }

    /// What one work item produced.
    struct ItemOutput: Sendable {
        var output = EvaluationOutput()
        /// The units the rule applies to.
        var units: [Int] = []
        /// Each kept finding's unit index (parallel to `output.findings`), so that no later step looks
        /// a unit up by its id.
        var findingUnits: [Int32] = []
        /// Satisfied findings counted but not kept, per unit.
        var unlistedSatisfied: [(unit: Int, count: Int)] = []
    }

    /// One rule over a block of units.
    private static func evaluate(
        _ rule: Rule, units block: ArraySlice<Int>, registry: UnitRegistry, store: EventStore, calendar: WorkCalendar,
        options: RunOptions, bounds: EvaluationWindow?, base: BaseFindings?, listSatisfied: Bool,
        stream: DiagnosticStream?
    ) -> ItemOutput {
        var item = ItemOutput()
        item.output.listsSatisfied = listSatisfied
        item.output.diagnostics.stream = stream
        guard let first = block.first else { return item }
        let evaluatesEmptyWindow = rule.obligation.evaluatesEmptyWindow
        // One context for the whole block, moved from unit to unit.
        var context = EvaluationContext(
            rule: rule, unitIndex: first, registry: registry, store: store,
            window: EvaluationWindow(from: rule.effective.from, to: rule.effective.to), asOf: options.asOf,
            calendar: calendar, runBounds: bounds)
        context.baseFindings = base
        for u in block {
            if let selector = rule.appliesTo, !selector.matches(u, in: registry) { continue }
            item.units.append(u)
            let unitFrom = registry.units[u].from
            let unitTo = registry.units[u].to
            let from = max(rule.effective.from, unitFrom ?? rule.effective.from, options.from ?? rule.effective.from)
            let to = [rule.effective.to, unitTo, options.to].compactMap { $0 }.min()
            if let to, from > to, !evaluatesEmptyWindow { continue }
            context.move(to: u, window: EvaluationWindow(from: from, to: to))
            let before = item.output.findings.count
            let countedBefore = item.output.unlistedSatisfied
            rule.obligation.evaluate(context, into: &item.output)
            if !listSatisfied {
                // Kinds count satisfied findings without building them; any built one is dropped here.
                var satisfied = item.output.unlistedSatisfied - countedBefore
                var kept = before
                for i in before..<item.output.findings.count {
                    if item.output.findings[i].status == .satisfied {
                        satisfied += 1
                    } else {
                        if kept != i { item.output.findings.swapAt(kept, i) }
                        kept += 1
                    }
                }
                if kept < item.output.findings.count { item.output.findings.removeSubrange(kept...) }
                if satisfied > 0 { item.unlistedSatisfied.append((u, satisfied)) }
            }
            let added = item.output.findings.count - before
            if added > 0 { item.findingUnits += repeatElement(Int32(u), count: added) }
        }
        return item
    }

    /// Marks violated and pending findings from `start` on waived by the first active waiver that
    /// covers them, adding the waivers used to `used`.
    private static func markWaived(
        _ findings: inout [Finding], units: [Int32], from start: Int, waivers active: [Waiver],
        registry: UnitRegistry, used: inout Set<Int>
    ) {
        guard !active.isEmpty, start < findings.count else { return }
        // Each waiver's units resolved once, not once per finding.
        let waiverUnits = active.map { w in w.units.map { ids in ids.compactMap { registry.index(of: $0) } } }
        for i in start..<findings.count {
            let f = findings[i]
            guard f.status == .violated || f.status == .pending else { continue }
            let u = Int(units[i])
            for (n, w) in active.enumerated() where w.rules.contains(f.rule) {
                if let roots = waiverUnits[n], !roots.contains(where: { registry.isSelfOrDescendant(u, of: $0) }) {
                    continue
                }
                if let p = w.periods, !(p.contains(f.waiverSpan.lowerBound) && p.contains(f.waiverSpan.upperBound)) {
                    continue
                }
                findings[i].status = .waived
                findings[i].waiver = w.index
                used.insert(w.index)
                break
            }
        }
    }

    /// `waiver.expired` for each expired waiver; `waiver.unused` for each active one that names an
    /// evaluated rule and waived nothing.
    private static func waiverWarnings(_ waivers: [Waiver], used: Set<Int>, rules: [String: Rule], asOf: Day)
        -> [Diagnostic]
    {
        var out: [Diagnostic] = []
        for w in waivers where asOf > w.expires {
            out.append(
                .warning(
                    .waiverExpired, Message(.waiverExpired, ["index": "\(w.index)", "date": "\(w.expires)"]),
                    at: w.location))
        }
        for w in waivers
        where asOf <= w.expires && !used.contains(w.index) && w.rules.contains(where: { rules[$0] != nil }) {
            out.append(.warning(.waiverUnused, Message(.waiverUnused, ["index": "\(w.index)"]), at: w.location))
        }
        return out
    }

    /// Fingerprints and messages (in parallel), report order, summary and matrix.
    private static func finish(
        _ result: inout EvaluationResult, kept: KeptFindings, order: RuleOrder, rules: [Rule], registry: UnitRegistry,
        language: Language, matrix grid: MatrixGrid
    ) {
        // The only reference to the findings from here on, so they are completed and reordered in
        // place (copying 290,000 findings retains and releases each of their strings).
        var findings = result.findings
        result.findings = []
        var matrix = grid
        complete(
            &findings, kept: kept, order: order, rules: rules, registry: registry, language: language, matrix: &matrix)
        result.findings = findings
        summarize(&result, order: order, registry: registry, matrix: matrix)
    }

    /// Counts each finding in `matrix`, gives it its fingerprint and message (in parallel) unless
    /// they were `described` already, then puts the findings in report order.
    private static func complete(
        _ findings: inout [Finding], kept: KeptFindings, order: RuleOrder, rules: [Rule], registry: UnitRegistry,
        language: Language, matrix: inout MatrixGrid, described: Bool = false
    ) {
        for i in findings.indices { matrix[Int(kept.ranks[i]), Int(kept.units[i])].add(findings[i].status) }
        if !described {
            let blocks = stride(from: 0, to: findings.count, by: 4096).map { $0..<min($0 + 4096, findings.count) }
            findings.withUnsafeMutableBufferPointer { buffer in
                let shared = SharedBuffer(buffer)
                DispatchQueue.concurrentPerform(iterations: blocks.count) { b in
                    // Each block writes its own findings only.
                    for i in blocks[b] {
                        describe(
                            &shared.buffer[i], rule: rules[order.firstRule[Int(kept.ranks[i])]],
                            unit: registry.units[Int(kept.units[i])], language: language)
                    }
                }
            }
        }
        Moving.permute(&findings, by: reportOrder(findings, kept))
    }

    /// Marks the findings of `outputs` (items of `rules`) waived as `markWaived` does, then gives them
    /// their fingerprints and messages (a pending finding's words depend on whether it was waived),
    /// an item per core; returns the waivers used.
    private static func settle(
        _ outputs: inout [(rule: Int, item: ItemOutput)], rules: [Rule], first evaluated: [Rule], order: RuleOrder,
        waivers active: [Waiver], registry: UnitRegistry, language: Language
    ) -> Set<Int> {
        let used = Slots<Set<Int>>(count: outputs.count, initial: [])
        outputs.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: buffer.count) { i in
                // Each iteration writes its own item only.
                let units = shared.buffer[i].item.findingUnits
                var usedHere = Set<Int>()
                markWaived(
                    &shared.buffer[i].item.output.findings, units: units, from: 0, waivers: active, registry: registry,
                    used: &usedHere)
                used.set(i, usedHere)
                guard let rank = order.rankOfID[rules[shared.buffer[i].rule].id] else { return }
                let rule = evaluated[order.firstRule[rank]]
                for j in units.indices {
                    describe(
                        &shared.buffer[i].item.output.findings[j], rule: rule, unit: registry.units[Int(units[j])],
                        language: language)
                }
            }
        }
        return used.takeAll().reduce(into: Set<Int>()) { $0.formUnion($1) }
    }

    /// Gives `finding` its fingerprint and message; `rule` is the first rule with the finding's id,
    /// which writes the message, as a lookup by id did.
    @inline(__always)
    private static func describe(_ finding: inout Finding, rule: Rule, unit: ComplianceCore.Unit, language: Language) {
        finding.fingerprint = Fingerprint.of(rule: finding.rule, unit: finding.unit, identity: finding.identity)
        finding.message = FindingMessages.message(for: finding, rule: rule, unit: unit, language: language)
    }

    /// The summary and the matrix rows from the counts.
    private static func summarize(
        _ result: inout EvaluationResult, order: RuleOrder, registry: UnitRegistry, matrix: MatrixGrid
    ) {
        var s = RunSummary()
        var rows: [MatrixRow] = []
        for u in registry.units.indices {
            for rank in 0..<order.rankCount {
                let c = matrix[rank, u]
                guard c.satisfied + c.violated + c.pending + c.waived > 0 else { continue }
                var row = MatrixRow(rule: order.ids[rank], unit: registry.units[u].id)
                row.satisfied = c.satisfied
                row.violated = c.violated
                row.pending = c.pending
                row.waived = c.waived
                rows.append(row)
                s.satisfied += c.satisfied
                s.violated += c.violated
                s.pending += c.pending
                s.waived += c.waived
            }
        }
        s.evaluated = s.satisfied + s.violated + s.pending + s.waived
        result.summary = s
        result.matrix = rows
    }

    /// The positions of `findings` in SPEC §8 order (`Finding.reportOrder`), stably: unit and rule
    /// compare as integers (unit indices and rule ranks follow code-point order of the ids), so
    /// strings are compared only between findings of the same rule and unit.
    static func reportOrder(_ findings: [Finding], _ kept: KeptFindings) -> [Int] {
        var permutation = Array(findings.indices)
        permutation.sort { a, b in
            let ua = kept.units[a]
            let ub = kept.units[b]
            if ua != ub { return ua < ub }
            let ra = kept.ranks[a]
            let rb = kept.ranks[b]
            if ra != rb { return ra < rb }
            let da = findings[a].sortDay
            let db = findings[b].sortDay
            if da != db { return da < db }
            return Finding.reportOrder(findings[a], findings[b])
        }
        return permutation
    }
}

/// A buffer whose disjoint parts parallel workers write (the caller keeps it alive and unshared).
struct SharedBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

/// Each kept finding's unit index and rule rank, parallel to the findings.
struct KeptFindings {
    var units: [Int32] = []
    var ranks: [Int32] = []
}

/// The rules' ids in code-point order: a rule's rank is its id's position among the distinct ids,
/// so ranks order findings and matrix rows as the ids would.
struct RuleOrder {
    /// The rank of each rule (by index in the evaluated rules); rules sharing an id share a rank.
    let rank: [Int]
    /// The distinct ids, by rank.
    let ids: [String]
    /// The first rule (index) with each rank's id.
    let firstRule: [Int]
    /// The rank of each id.
    let rankOfID: [String: Int]

    init(_ rules: [Rule]) {
        var ids: [String] = []
        var firstRule: [Int] = []
        for (i, r) in rules.enumerated() where !ids.contains(r.id) {
            ids.append(r.id)
            firstRule.append(i)
        }
        let sorted = ids.indices.sorted { ids[$0].codePointPrecedes(ids[$1]) }
        self.ids = sorted.map { ids[$0] }
        self.firstRule = sorted.map { firstRule[$0] }
        let rankOfID = Dictionary(uniqueKeysWithValues: self.ids.enumerated().map { ($1, $0) })
        self.rankOfID = rankOfID
        rank = rules.map { rankOfID[$0.id] ?? 0 }
    }

    /// How many distinct rule ids.
    var rankCount: Int { ids.count }
}

/// Finding counts per (rule rank, unit): the matrix before it is written as rows.
struct MatrixGrid {
    private var cells: [MatrixCounts]
    private let units: Int

    init(ranks: Int, units: Int) {
        cells = Array(repeating: MatrixCounts(), count: ranks * units)
        self.units = units
    }

    subscript(rank: Int, unit: Int) -> MatrixCounts {
        get { cells[rank * units + unit] }
        set { cells[rank * units + unit] = newValue }
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

    /// The values, leaving the slots empty (so that the caller holds the only reference).
    func takeAll() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        let taken = items
        items = []
        return taken
    }
}
