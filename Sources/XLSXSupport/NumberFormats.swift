/// Which cell styles show a number as a date (SPEC §10.7: "a number cell whose number format is a
/// date or datetime format, built-in or custom").
enum NumberFormats {
    /// Built-in format ids that are dates or datetimes in every locale (ECMA-376 Part 1 §18.8.30).
    ///
    /// 14 `m/d/yyyy` (shown day first in a Vietnamese Excel), 15–17 `d-mmm-yy`…, 22 `m/d/yyyy h:mm`.
    /// 18–21 and 45–47 are times of day only: such cells stay numbers.
    static let builtInDates: Set<Int> = [14, 15, 16, 17, 22]

    /// Whether a custom format code shows a date.
    ///
    /// It does when it has a day or year token (`d`, `y`, in any case) outside quoted text, escapes and `[…]` sections (colours, locales, elapsed hours). Time-only
    /// codes (`h:mm`) stay numbers; `General`, `0.00`, `0.00E+00` have neither letter.
    static func isDate(code: [UInt8]) -> Bool {
        var i = 0
        while i < code.count {
            let b = code[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                while i < code.count, code[i] != UInt8(ascii: "\"") { i += 1 }
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
                i += 1
            case UInt8(ascii: "["):
                while i < code.count, code[i] != UInt8(ascii: "]") { i += 1 }
            case UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "y"), UInt8(ascii: "Y"):
                return true
            case UInt8(ascii: ";"):
                // Only the first section (positive numbers) decides, as spreadsheet software does.
                return false
            default:
                break
            }
            i += 1
        }
        return false
    }
}

/// The styles part's facts a reader needs: per cell style (`s`), whether it shows a date.
struct CellStyles {
    private(set) var isDate: [Bool] = []

    /// Reads `xl/styles.xml`: the custom `numFmts`, then the `cellXfs` styles' format ids.
    init(scanner: inout XMLScanner) throws {
        var customDates: [Int: Bool] = [:]
        var inCellXfs = false
        while true {
            switch try scanner.next() {
            case .eof: return
            case .start(let isEmpty):
                if scanner.nameIs("numFmt") {
                    if let id = scanner.attribute("numFmtId").flatMap(Self.integer) {
                        customDates[id] = NumberFormats.isDate(code: Array(scanner.attribute("formatCode") ?? []))
                    }
                } else if scanner.nameIs("cellXfs") {
                    inCellXfs = !isEmpty
                } else if inCellXfs, scanner.nameIs("xf") {
                    let id = scanner.attribute("numFmtId").flatMap(Self.integer) ?? 0
                    isDate.append(customDates[id] ?? NumberFormats.builtInDates.contains(id))
                }
            case .end:
                if scanner.nameIs("cellXfs") { inCellXfs = false }
            case .text:
                continue
            }
        }
    }

    init() {}

    static func integer(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var v = 0
        for b in bytes {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            v = v * 10 + Int(b - UInt8(ascii: "0"))
        }
        return v
    }
}
