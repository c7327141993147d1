import ComplianceCore

/// Parses a `YYYY-MM-DD` literal that the test knows to be valid.
func d(_ text: String) -> Day {
    DateText.parseISODate(text) ?? Day(ordinal: Int.min / 8)
}

/// The project's default zone, as the loaders build it.
let hoChiMinh = ZoneConverter(identifier: "Asia/Ho_Chi_Minh")
