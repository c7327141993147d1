import ComplianceCore

/// A deadline case's due date as extensions and pauses move it (SPEC §6.2, §10.1), written once so
/// that `check` and `explain` cannot disagree.
///
/// The events are given by index and day, each list in date order (ties by id): the evaluation
/// passes store rows, `explain` the finding's evidence. Extensions and pause ends apply in date
/// order, on the same date the extension first; a pause start is looked at after both.
public struct DeadlineClock {
    /// One change of the due date.
    public enum Step: Sendable, Equatable {
        /// Extension `index` dated `day` moved the due date `from` → `to`.
        case extended(index: Int, day: Day, from: Day, to: Day)
        /// The pause from start `start` (dated `startDay`) to end `end` (nil: the pairing ended it)
        /// dated `endDay`, `length` long in the limit's unit, moved the due date `from` → `to`.
        case pause(start: Int, startDay: Day, end: Int?, endDay: Day, length: Int, from: Day, to: Day)
    }

    /// The due date after every step.
    public private(set) var due: Day
    /// The steps, in the order they applied.
    public private(set) var steps: [Step] = []
    /// The start of a pause that neither an end nor the pairing has ended: the case is `paused`.
    public private(set) var openPause: (index: Int, day: Day)?

    /// The clock of one case.
    ///
    /// - Parameters:
    ///   - trigger: the trigger's day; `limit` the governing `within` (after overrides).
    ///   - paired: the day of the fulfilment or closing event paired with the trigger, if any.
    ///   - extensionDays, startDays, endDays: the days of the case's extension events, pause starts
    ///     and pause ends (same unit chain and key), each in date order.
    public init(
        trigger: Day, limit: DurationSpec, extensions: DeadlineObligation.Extensions?, paired: Day?,
        extensionCount: Int, extensionDay: (Int) -> Day, startCount: Int, startDay: (Int) -> Day, endCount: Int,
        endDay: (Int) -> Day, calendar: WorkCalendar, outside: inout Bool
    ) {
        due = calendar.add(limit, to: trigger, outside: &outside)
        var x = extensionCount > 0 && extensions != nil ? 0 : extensionCount
        var s = 0
        var e = 0
        var extended = 0
        // The running pause: its start and the day and end event that end it.
        var running: (start: Int, startDay: Day, endDay: Day, end: Int?)?
        while true {
            let xDay = x < extensionCount ? extensionDay(x) : nil
            let sDay = openPause == nil && s < startCount ? startDay(s) : nil
            let eDay = running?.endDay
            // The next moment: an extension, then a pause end, then a pause start on the same date.
            if let xDay, eDay.map({ xDay <= $0 }) ?? true, sDay.map({ xDay <= $0 }) ?? true {
                x += 1
                guard let extensions, extended < extensions.max, xDay > trigger, xDay <= due else { continue }
                if let paired, paired < xDay { continue }
                let from = due
                due = calendar.add(extensions.by, to: due, outside: &outside)
                extended += 1
                steps.append(.extended(index: x - 1, day: xDay, from: from, to: due))
            } else if let p = running, let eDay, sDay.map({ eDay <= $0 }) ?? true {
                running = nil
                let length = calendar.length(limit.unit, from: p.startDay, until: eDay, outside: &outside)
                let from = due
                due = calendar.add(DurationSpec(count: length, unit: limit.unit), to: due, outside: &outside)
                steps.append(
                    .pause(
                        start: p.start, startDay: p.startDay, end: p.end, endDay: eDay, length: length, from: from,
                        to: due))
            } else if let sDay {
                s += 1
                // A start counts only while the clock runs, after the trigger, by the due date, unpaired.
                guard running == nil, sDay > trigger, sDay <= due else { continue }
                if let paired, paired < sDay { continue }
                // Its end: the earliest end dated on or after it (each end ends one pause), or the
                // pairing when that comes first.
                while e < endCount, endDay(e) < sDay { e += 1 }
                let end = e < endCount ? e : nil
                if let paired, end.map({ paired < endDay($0) }) ?? true {
                    running = (s - 1, sDay, paired, nil)
                } else if let end {
                    e += 1
                    running = (s - 1, sDay, endDay(end), end)
                } else {
                    openPause = (s - 1, sDay)
                }
            } else {
                break
            }
        }
    }

    /// The indices of the extensions that applied, in date order.
    public var appliedExtensions: [Int] {
        steps.compactMap { if case .extended(let i, _, _, _) = $0 { i } else { nil } }
    }

    /// The pause events that took effect, in date order: `(start index, nil)` for a start and
    /// `(nil, end index)` for an end (a pause ended by the pairing lists its start only).
    public var pauseEvents: [(start: Int?, end: Int?)] {
        var out: [(start: Int?, end: Int?)] = []
        for step in steps {
            guard case .pause(let start, _, let end, _, _, _, _) = step else { continue }
            out.append((start, nil))
            if let end { out.append((nil, end)) }
        }
        if let open = openPause { out.append((open.index, nil)) }
        return out
    }
}
