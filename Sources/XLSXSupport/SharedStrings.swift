/// The shared string table: the one thing a workbook reader holds in memory (SPEC §10.7), as one
/// byte arena rather than a `String` per entry.
struct SharedStrings {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    var count: Int { ends.count }

    init() {}

    /// Reads `xl/sharedStrings.xml`: each `<si>` is the text of its `<t>` elements, plain or in rich
    /// text runs (`<r>`), without the phonetic guides (`<rPh>`).
    init(scanner: inout XMLScanner, maxBytes: Int) throws {
        var inItem = false
        var inText = false
        var phonetic = 0
        while true {
            switch try scanner.next() {
            case .eof:
                return
            case .start(let isEmpty):
                if scanner.nameIs("si") {
                    inItem = true
                    if isEmpty {
                        ends.append(bytes.count)
                        inItem = false
                    }
                } else if scanner.nameIs("rPh") {
                    if !isEmpty { phonetic += 1 }
                } else if inItem, phonetic == 0, scanner.nameIs("t") {
                    inText = !isEmpty
                }
            case .end:
                if scanner.nameIs("si") {
                    guard inItem else { continue }
                    let start = ends.last ?? 0
                    guard UTF8Validation.isValid(bytes[start...]) else {
                        throw WorkbookError.malformed(.sharedStringsNotUTF8)
                    }
                    ends.append(bytes.count)
                    inItem = false
                    phonetic = 0
                } else if scanner.nameIs("rPh") {
                    phonetic = max(0, phonetic - 1)
                } else if scanner.nameIs("t") {
                    inText = false
                }
            case .text:
                if inText {
                    bytes.append(contentsOf: scanner.text)
                    guard bytes.count <= maxBytes else {
                        throw WorkbookError.limit(.sharedStringsTooLarge(limit: maxBytes))
                    }
                }
            }
        }
    }

    /// String `index`'s bytes, nil when out of range.
    func string(_ index: Int) -> ArraySlice<UInt8>? {
        guard index >= 0, index < ends.count else { return nil }
        return bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }
}
