/// The worksheet of each row read from a workbook log (SPEC §10.7), as runs: one entry per sheet
/// begun — its first row, its file and its name — so a workbook costs one entry per sheet, a text
/// log none, and no row carries a string.
public struct RowSheets: Sendable {
    private var starts: [Int] = []
    private var files: [Int32] = []
    private var names: [String] = []

    /// Records that the rows from `row` on (the next row) come from sheet `name` of `file`.
    mutating func begin(_ name: String, file: Int32, row: Int) {
        if starts.last == row {
            // The previous sheet gave no row.
            files[files.count - 1] = file
            names[names.count - 1] = name
        } else {
            starts.append(row)
            files.append(file)
            names.append(name)
        }
    }

    /// Forgets rows from `count` on.
    mutating func truncate(to count: Int) {
        while let last = starts.last, last >= count {
            starts.removeLast()
            files.removeLast()
            names.removeLast()
        }
    }

    /// The sheet of row `row`, read from `file`; nil for a text log's row.
    public func sheet(of row: Int, file: Int32) -> String? {
        guard let first = starts.first, first <= row else { return nil }
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= row { lo = mid } else { hi = mid - 1 }
        }
        return files[lo] == file ? names[lo] : nil
    }
}
