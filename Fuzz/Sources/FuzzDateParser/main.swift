import ComplianceCore
import FuzzSupport

/// Parses any text as every date form: a strict date that parses prints back as itself, and a day
/// parsed from `D/M/YYYY` agrees with the same date written `YYYY-MM-DD`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDateParser(_ data: UnsafeRawPointer?, _ size: Int) -> Int32 {
    guard let zone = FuzzSupport.zone else { return 0 }
    let text = String(decoding: FuzzSupport.bytes(data, size), as: UTF8.self)
    let substring = Substring(text)
    if let day = DateText.parseISODate(substring) {
        FuzzSupport.require(day.description == text, "\(text) reads as \(day)")
    }
    if let day = DateText.parseDayMonthYear(substring) {
        let (y, m, d) = day.components
        FuzzSupport.require(Day(year: y, month: m, day: d) == day, "\(text) does not round-trip")
    }
    if case .success(let day) = DateText.parseEventDate(substring, zone: zone) {
        FuzzSupport.require((1...9999).contains(day.year) || text.contains("T") || text.contains("t"), "\(day)")
    }
    _ = DateText.parseCalendarDate(substring)
    return 0
}
