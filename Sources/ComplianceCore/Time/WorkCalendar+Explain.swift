/// Due-date arithmetic written out step by step, so `dvcheck explain` can show an inspector exactly
/// which weekends and named holidays were skipped and where the date rolled.
extension WorkCalendar {
    /// `date + duration` as `add` computes it, with one sentence per step.
    public func explainAdd(_ duration: DurationSpec, to date: Day) -> (result: Day, steps: [String]) {
        var outside = false
        let result = add(duration, to: date, outside: &outside)
        var steps: [String] = []
        switch duration.unit {
        case .days:
            let raw = date.adding(days: duration.count)
            steps.append("\(date) + \(duration) = \(raw) (\(weekdayName(raw)))")
            if rollForward && raw != result {
                steps.append(
                    "\(describeOff(from: raw, until: result)) → rolled forward to \(result) (\(weekdayName(result)))")
            } else if !rollForward, reasonOff(raw) != nil {
                steps.append("\(raw) is not a working day, but the calendar does not roll forward")
            }
        case .workingDays:
            steps.append("\(date) + \(duration): counting working days strictly after \(date)")
            if duration.count == 0 {
                if result != date { steps.append("\(describeOff(from: date, until: result)) → \(result)") }
            } else {
                let skipped = offDays(from: date.adding(days: 1), until: result)
                if !skipped.isEmpty { steps.append("skipped: " + skipped.joined(separator: "; ")) }
                steps.append("the \(duration.count)th working day is \(result) (\(weekdayName(result)))")
            }
        }
        if outside, let covers {
            steps.append(
                "note: days outside the calendar's range \(covers.lowerBound)…\(covers.upperBound) used the weekend rule only"
            )
        }
        return (result, steps)
    }

    /// "2023-01-21 Saturday", or a run "2023-01-20…2023-01-26 Tết Nguyên đán".
    public func offDays(from start: Day, until end: Day) -> [String] {
        var runs: [(Day, Day, String)] = []
        var d = start
        while d < end {
            if let why = reasonOff(d) {
                if let last = runs.last, last.2 == why, last.1.adding(days: 1) == d {
                    runs[runs.count - 1].1 = d
                } else {
                    runs.append((d, d, why))
                }
            }
            d = d.adding(days: 1)
        }
        return runs.map { $0.0 == $0.1 ? "\($0.0) \($0.2)" : "\($0.0)…\($0.1) \($0.2)" }
    }

    private func describeOff(from start: Day, until end: Day) -> String {
        offDays(from: start, until: end).joined(separator: "; ") + " (not working)"
    }

    /// English weekday name.
    public func weekdayName(_ day: Day) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][day.isoWeekday - 1]
    }
}
