/// An approved exemption: findings of these rules and units, inside these dates, do not fail a run (SPEC §7).
///
/// Waived findings stay in the report, naming the waiver.
public struct Waiver: Sendable {
    /// 1-based index in the waivers file.
    public let index: Int
    /// Rule ids.
    public let rules: [String]
    /// Unit ids (each covering its descendants); nil = all units.
    public let units: [String]?
    /// Dates the waiver covers; nil = always.
    public let periods: ClosedRange<Day>?
    /// Why.
    public let reason: String
    /// Who approved it.
    public let approvedBy: String
    /// Holds through this day.
    public let expires: Day
    /// Where it is declared.
    public let location: SourceLocation

    /// A waiver.
    public init(
        index: Int, rules: [String], units: [String]?, periods: ClosedRange<Day>?, reason: String,
        approvedBy: String, expires: Day, location: SourceLocation
    ) {
        self.index = index
        self.rules = rules
        self.units = units
        self.periods = periods
        self.reason = reason
        self.approvedBy = approvedBy
        self.expires = expires
        self.location = location
    }
}
