import ComplianceCore
import NodeDecoding
import YAMLSupport

/// Loads a working-day calendar (SPEC §5): weekend, holidays (dates or ranges, named), make-up
/// working days, roll-forward and the range it covers.
public enum CalendarLoader {
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Keys of a date range (`covers`, waiver `periods`), both ends inclusive.
    public static let rangeFields = [
        FieldSpec("from", .date, required: true, "First day (inclusive)."),
        FieldSpec("to", .date, required: true, "Last day (inclusive)."),
    ]

    /// Keys of a holiday entry.
    public static let holidayFields = [
        FieldSpec("date", .date, "A single day off."),
        FieldSpec("from", .date, "First day of a block of days off."),
        FieldSpec("to", .date, "Last day of the block."),
        FieldSpec("name", .text, required: true, "Its name, e.g. Tết Nguyên đán."),
    ]

    /// Top-level keys of a calendar (the loader's and the JSON Schema's source).
    public static let fields = [
        FieldSpec("weekend", .list(.text), "Non-working weekdays, any letter case (default saturday, sunday)."),
        FieldSpec("roll_forward", .boolean, "Move computed due dates off non-working days (default true)."),
        FieldSpec(
            "covers", .object(rangeFields),
            "The days this calendar knows (default: the whole years its dates mention)."),
        FieldSpec("holidays", .list(.object(holidayFields)), "Named non-working days or blocks."),
        FieldSpec("working_days", .list(.date), "Make-up working days; they win over weekend and holidays."),
    ]

    /// Loads `path`; nil when any error was found.
    public static func load(path: String, display: String) -> (WorkCalendar?, [Diagnostic]) {
        let loaded = YAMLFileLoader.load(path: path, displayPath: display)
        var reader = NodeReader(path: display, prefix: "calendar")
        reader.diagnostics = loaded.diagnostics
        guard loaded.readable, loaded.diagnostics.allSatisfy({ $0.level != .error }) else {
            return (nil, reader.diagnostics)
        }
        guard let root = loaded.root else {
            // An empty file is probably a truncated one: say so, then use the weekend rule alone.
            reader.diagnostics.append(
                .warning(
                    .calendarEmptyFile, Message(.calendarEmpty),
                    at: SourceLocation(path: display, line: 1, column: 1)))
            return (WorkCalendar(), reader.diagnostics)
        }
        guard
            let m = reader.mapping(
                root, allowed: fields.names, what: "the calendar")
        else { return (nil, reader.diagnostics) }
        var weekend: Set<Int> = [6, 7]
        if let e = m["weekend"] {
            weekend = []
            for node in e.value.items ?? [e.value] where !node.isNull {
                guard let name = reader.identifier(node, what: "weekend day") else { continue }
                if let i = weekdays.firstIndex(of: name.lowercased()) {
                    weekend.insert(i + 1)
                } else {
                    reader.error(
                        "invalid-value",
                        Message(.unknownWeekday, ["name": name])
                            + Suggestions.didYouMean(name.lowercased(), in: weekdays),
                        at: node)
                }
            }
            if weekend.count == 7 {
                reader.error("invalid-value", Message(.weekendOfSevenDays), at: e.value)
            }
        }
        let roll = m["roll_forward"].flatMap { reader.boolean($0.value, what: "roll_forward") } ?? true
        var dated: [Day] = []
        var holidays: [Day: String] = [:]
        for node in m["holidays"]?.value.items ?? [] {
            guard
                let h = reader.mapping(
                    node, allowed: holidayFields.names, required: holidayFields.requiredNames, what: "holiday"),
                let name = h["name"].flatMap({ reader.text($0.value, what: "name") })
            else { continue }
            if let d = h["date"] {
                if h.has("from") || h.has("to") {
                    reader.error("invalid-value", Message(.holidayDateAndRange), at: d.key)
                    continue
                }
                if let day = reader.date(d.value, what: "date") {
                    holidays[day] = name
                    dated.append(day)
                }
            } else if let f = h["from"], let t = h["to"] {
                guard let from = reader.date(f.value, what: "from"), let to = reader.date(t.value, what: "to") else {
                    continue
                }
                if to < from {
                    reader.error(
                        "invalid-value", Message(.holidayEndsBeforeBegins, ["to": "\(to)", "from": "\(from)"]),
                        at: t.key)
                    continue
                }
                var day = from
                while day <= to {
                    holidays[day] = name
                    day = day.adding(days: 1)
                }
                dated += [from, to]
            } else {
                reader.error("missing-field", Message(.holidayNeedsDate), at: node)
            }
        }
        if let e = m["holidays"], e.value.items == nil, !e.value.isNull {
            reader.error("invalid-value", Message(.holidaysMustBeList), at: e.value)
        }
        var working: Set<Day> = []
        for node in m["working_days"]?.value.items ?? [] {
            if let day = reader.date(node, what: "working day") {
                working.insert(day)
                dated.append(day)
            }
        }
        var covers: ClosedRange<Day>?
        if let e = m["covers"] {
            if let c = reader.mapping(
                e.value, allowed: rangeFields.names, required: rangeFields.requiredNames, what: "covers", keyNode: e.key
            ),
                let f = c["from"].flatMap({ reader.date($0.value, what: "covers.from") }),
                let t = c["to"].flatMap({ reader.date($0.value, what: "covers.to") })
            {
                if t < f {
                    reader.error("invalid-value", Message(.coversToBeforeFrom), at: e.value)
                } else {
                    covers = f...t
                }
            }
        } else if let lo = dated.min(), let hi = dated.max(),
            let start = Day(year: lo.year, month: 1, day: 1), let end = Day(year: hi.year, month: 12, day: 31)
        {
            covers = start...end
        }
        if reader.hasErrors { return (nil, reader.diagnostics) }
        return (
            WorkCalendar(weekend: weekend, rollForward: roll, covers: covers, holidays: holidays, workingDays: working),
            reader.diagnostics
        )
    }
}
