/// Whether bytes are well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
///
/// XML parts must be UTF-8 here (the encoding every SpreadsheetML writer uses); a cell that is not
/// is a broken part, not a value to pass on.
enum UTF8Validation {
    static func isValid<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var it = bytes.makeIterator()
        while let b0 = it.next() {
            if b0 < 0x80 { continue }
            let count: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: count = 1
            case 0xE0:
                count = 2
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: count = 2
            case 0xED:
                count = 2
                high = 0x9F
            case 0xF0:
                count = 3
                low = 0x90
            case 0xF1...0xF3: count = 3
            case 0xF4:
                count = 3
                high = 0x8F
            default: return false
            }
            for k in 0..<count {
                guard let b = it.next() else { return false }
                if k == 0 {
                    guard b >= low && b <= high else { return false }
                } else {
                    guard b >= 0x80 && b <= 0xBF else { return false }
                }
            }
        }
        return true
    }
}
