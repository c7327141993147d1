/// Diagnostics kept for listing, at most `limit` per (code, path), with exact counts of the rest
/// (SPEC §10.6): two million rejected records must not become two million values in memory.
///
/// Every diagnostic added also goes to `stream`, when there is one (`--diagnostics FILE`).
public struct BoundedDiagnostics: Sendable {
    /// How many diagnostics of one code in one file the JSON report lists (SPEC §10.6).
    public static let listedPerGroup = 1_000
    /// How many diagnostics of one code in one file standard error shows (SPEC §10.6).
    public static let shownPerGroup = 20

    private struct Group: Hashable, Sendable {
        let code: String
        let path: String?
    }

    private struct Tally: Sendable {
        var count: Int
        let level: Diagnostic.Level
    }

    /// The diagnostics kept, in the order they were added.
    public private(set) var kept: [Diagnostic] = []
    private var tallies: [Group: Tally] = [:]
    /// The most kept per group.
    public let limit: Int
    /// Where every diagnostic added is written as it comes, if anywhere.
    public var stream: DiagnosticStream?

    /// An empty collection keeping `limit` per group.
    public init(limit: Int = BoundedDiagnostics.listedPerGroup, stream: DiagnosticStream? = nil) {
        self.limit = limit
        self.stream = stream
    }

    /// Adds one: kept if its group has room, counted in any case, streamed when there is a stream.
    public mutating func append(_ diagnostic: Diagnostic) {
        stream?.send(diagnostic)
        count(diagnostic, by: max(diagnostic.omitted, 1))
    }

    /// Adds many.
    public mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        for d in diagnostics { append(d) }
    }

    /// Adds many.
    public static func += (lhs: inout BoundedDiagnostics, rhs: [Diagnostic]) { lhs.append(contentsOf: rhs) }

    /// Takes over another collection's diagnostics and exact counts (not streamed again).
    public mutating func absorb(_ other: BoundedDiagnostics) {
        for d in other.kept { count(d, by: 1) }
        for (group, tally) in other.tallies {
            let keptThere = other.kept.lazy.filter { $0.code == group.code && $0.location?.path == group.path }.count
            let rest = tally.count - keptThere
            if rest > 0 { tallies[group, default: Tally(count: 0, level: tally.level)].count += rest }
        }
    }

    private mutating func count(_ d: Diagnostic, by n: Int) {
        let group = Group(code: d.code, path: d.location?.path)
        var tally = tallies[group] ?? Tally(count: 0, level: d.level)
        if d.omitted == 0 && tally.count < limit { kept.append(d) }
        tally.count += n
        tallies[group] = tally
    }

    /// Whether nothing was added.
    public var isEmpty: Bool { tallies.isEmpty }

    /// How many were added, exactly (kept or not).
    public var totalCount: Int { tallies.values.reduce(0) { $0 + $1.count } }

    /// The kept diagnostics, then one entry per group that had more, saying how many more.
    public var all: [Diagnostic] {
        var out = kept
        for (group, tally) in tallies where tally.count > limit {
            out.append(Diagnostic(omitted: tally.count - limit, level: tally.level, code: group.code, path: group.path))
        }
        return out
    }

    /// `diagnostics` with at most `limit` per (code, path), in their order, each group's rest folded
    /// into one entry right after its last listed diagnostic (entries already standing for left-out
    /// diagnostics are added into it).
    public static func limited(_ diagnostics: [Diagnostic], to limit: Int) -> [Diagnostic] {
        var bounded = BoundedDiagnostics(limit: limit)
        bounded.append(contentsOf: diagnostics)
        guard bounded.tallies.values.contains(where: { $0.count > limit }) || bounded.kept.count != diagnostics.count
        else { return diagnostics }
        var lastKept: [Group: Int] = [:]
        var keptCount: [Group: Int] = [:]
        for (i, d) in bounded.kept.enumerated() {
            let group = Group(code: d.code, path: d.location?.path)
            lastKept[group] = i
            keptCount[group, default: 0] += 1
        }
        var after: [Int: [Diagnostic]] = [:]
        var unplaced: [Diagnostic] = []
        let groups = bounded.tallies.sorted { ($0.key.path ?? "", $0.key.code) < ($1.key.path ?? "", $1.key.code) }
        for (group, tally) in groups where tally.count > keptCount[group, default: 0] {
            let entry = Diagnostic(
                omitted: tally.count - keptCount[group, default: 0], level: tally.level, code: group.code,
                path: group.path)
            if let i = lastKept[group] { after[i, default: []].append(entry) } else { unplaced.append(entry) }
        }
        var out: [Diagnostic] = []
        out.reserveCapacity(bounded.kept.count + after.count + unplaced.count)
        for (i, d) in bounded.kept.enumerated() {
            out.append(d)
            out += after[i] ?? []
        }
        return out + unplaced
    }

    /// How many diagnostics of `level` a list stands for, entries for left-out ones included.
    public static func count(of level: Diagnostic.Level, in diagnostics: [Diagnostic]) -> Int {
        diagnostics.reduce(0) { $0 + ($1.level == level ? max($1.omitted, 1) : 0) }
    }
}

/// Where `--diagnostics FILE` sends every diagnostic as it is found.
///
/// One JSON line each, written by the command line's sink. A class: one stream is shared by every
/// collection of a run.
public final class DiagnosticStream: @unchecked Sendable {
    private let sink: (Diagnostic, Language) -> Void
    /// The language messages are written in: English until the loader has read the project's
    /// language (set once, before the logs stream from several threads).
    public var language: Language = .en

    /// A stream that hands each diagnostic, and the language to write it in, to `sink`, on the
    /// thread that found it.
    public init(_ sink: @escaping (Diagnostic, Language) -> Void) { self.sink = sink }

    /// Sends one diagnostic on.
    public func send(_ diagnostic: Diagnostic) { sink(diagnostic, language) }
}
