import ComplianceCore
import Foundation

/// One point of the open-violations trend that `check --history` records in its result (SPEC §10.5:
/// a re-render draws the same chart without the database): a run recorded before this one, or this
/// run itself (`run` nil).
public struct HistoryTrendPoint: Sendable, Equatable {
    /// How many earlier runs of the same scope the trend shows, besides this run.
    public static let recordedRunsShown = 24

    /// The earlier run's number in the history; nil for this run.
    public var run: Int?
    /// The run's as-of date.
    public var asOf: Day
    /// Violated findings the run reported.
    public var violated: Int

    /// A point.
    public init(run: Int?, asOf: Day, violated: Int) {
        self.run = run
        self.asOf = asOf
        self.violated = violated
    }

    /// Reads `history_trend` of a saved result; nil when the field is absent (no `--history`).
    static func points(from value: Any?) throws(ResultReader.Failure) -> [HistoryTrendPoint]? {
        guard let value else { return nil }
        guard let items = value as? [[String: Any]] else {
            throw ResultReader.Failure(.resultTrendNotList)
        }
        var points: [HistoryTrendPoint] = []
        for d in items {
            guard let text = d["as_of"] as? String, let asOf = DateText.parseISODate(text),
                let violated = number(d["violated"])
            else {
                throw ResultReader.Failure(.resultTrendPointIncomplete)
            }
            points.append(HistoryTrendPoint(run: number(d["run"]), asOf: asOf, violated: violated))
        }
        return points
    }

    private static func number(_ value: Any?) -> Int? {
        if let n = value as? Int { return n }
        return (value as? NSNumber)?.intValue
    }
}

extension JSONWriter {
    /// `"history_trend": [{ "run", "as_of", "violated" }, …, { "as_of", "violated", "this_run": true }]`,
    /// only with `--history`.
    mutating func historyTrend(_ points: [HistoryTrendPoint]?) {
        guard let points else { return }
        beginArray("history_trend")
        for p in points {
            beginObject()
            field("run", p.run)
            field("as_of", p.asOf)
            field("violated", p.violated)
            if p.run == nil { field("this_run", true) }
            endObject()
        }
        endArray()
    }
}
