import ComplianceCore
import FuzzSupport

/// Parses any text as every date form: a strict date that parses prints back as itself, and a day
/// parsed from `D/M/YYYY` agrees with the same date written `YYYY-MM-DD`; no form yields a date
/// outside 1900–2199 or a duration over 36,500.
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
    // SPEC §10.0: every date read from an input lies in 1900–2199, whatever its form.
    if case .success(let day) = DateText.parseEventDate(substring, zone: zone) {
        FuzzSupport.require(day.isSupported, "\(text) reads as \(day), outside 1900–2199")
    }
    if let day = DateText.parseCalendarDate(substring) {
        FuzzSupport.require(day.isSupported, "\(text) reads as \(day), outside 1900–2199")
    }
    if case .success(let duration) = DurationSpec.checked(text) {
        FuzzSupport.require(duration.count <= DurationSpec.maximumCount, "\(text) reads as \(duration)")
    }
    return 0
}
