import ComplianceCore

/// Parses a `YYYY-MM-DD` literal that the test knows to be valid.
func d(_ text: String) -> Day {
    DateText.parseISODate(text) ?? Day(ordinal: Int.min / 8)
}

/// The project's default zone, as the loaders build it.
let hoChiMinh = ZoneConverter(identifier: "Asia/Ho_Chi_Minh")

/// A `YYYY-MM-DD` literal of any year `Day` can hold, past the range inputs are held to (1900–2199):
/// for tests of the calendar arithmetic itself.
func anyDay(_ text: String) -> Day {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    return Day(year: parts[0], month: parts[1], day: parts[2]) ?? Day(ordinal: Int.min / 8)
}
