/// How cell values become the text a log record holds (SPEC §10.7): numbers as their shortest
/// decimal text, date serials as civil dates.
enum CellText {
    /// A number's shortest decimal text that reads back as the same double, without exponent, and
    /// an integer without `.0` (`5`, `0.1`, `44971.35416666666`, `100000000000000000000`).
    static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = "\(value)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        // Swift writes 1e-05 and 1.5e+20: move the point instead.
        var mantissa = String(text[..<e])
        let exponent = Int(text[text.index(after: e)...].filter { $0 != "+" }) ?? 0
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + (fraction == "0" ? "" : fraction)
        var point = whole.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        }
        if point >= digits.count { digits += String(repeating: "0", count: point - digits.count) }
        let intPart = digits.prefix(point)
        let fracPart = digits.dropFirst(point)
        let body = fracPart.isEmpty ? String(intPart) : intPart + "." + fracPart
        return (negative ? "-" : "") + body
    }

    /// What a date serial is.
    enum SerialDate: Equatable {
        case date(year: Int, month: Int, day: Int)
        /// Serial 60 of the 1900 system: 29 February 1900, which did not exist.
        case fictitious
        case outOfRange
    }

    /// The civil date of a serial (its time of day, if any, dropped; no time-zone conversion).
    static func date(serial: Double, uses1904: Bool) -> SerialDate {
        guard serial.isFinite, serial >= 0, serial < 3_000_000 else { return .outOfRange }
        // Excel rounds a serial to the millisecond: 0.99999999 of a day is midnight of the next.
        let days = Int(((serial * 86_400_000).rounded() / 86_400_000).rounded(.down))
        let epochOffset: Int
        if uses1904 {
            epochOffset = -24_107  // 1904-01-01 as days from 1970-01-01
        } else {
            if days == 60 { return .fictitious }
            guard days >= 1 else { return .outOfRange }
            // Serials before the fictitious day count from 1899-12-31, after it from 1899-12-30.
            epochOffset = days < 60 ? -25_568 : -25_569
        }
        let (y, m, d) = civil(fromDays: days + epochOffset)
        return .date(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD` for a date.
    static func isoText(year: Int, month: Int, day: Int) -> String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// Whether bytes are a plain decimal number as SpreadsheetML writes one (`-1.5E-3`): no `inf`,
    /// `nan`, hex or spaces, which `Double(_:)` would also take.
    static func isNumber(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        let end = bytes.endIndex
        if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
        var digits = 0
        while i < end, isDigit(bytes[i]) {
            i += 1
            digits += 1
        }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, isDigit(bytes[i]) {
                i += 1
                digits += 1
            }
        }
        guard digits > 0 else { return false }
        if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            guard i < end, isDigit(bytes[i]) else { return false }
            while i < end, isDigit(bytes[i]) { i += 1 }
        }
        return i == end
    }

    /// Whether bytes are digits with no leading zero (or just `0`), at most 15 of them: such a
    /// number is already its shortest text (the common case, copied as it stands).
    static func isPlainInteger(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, bytes.count <= 15, first != UInt8(ascii: "0") || bytes.count == 1 else {
            return false
        }
        return bytes.allSatisfy(isDigit)
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
