/// The keys seen so far in one record and where: a linear list while small (records usually have a
/// handful of fields, and hashing each key costs more), a dictionary once large (so a hostile record
/// with a million fields stays linear).
struct KeyMarks {
    private static let listLimit = 32
    private var list: [(key: String, mark: SourceMark)] = []
    private var index: [String: SourceMark]?

    /// Where `key` was first seen, nil when new.
    func firstMark(of key: String) -> SourceMark? {
        if let index { return index[key] }
        return list.first { $0.key == key }?.mark
    }

    /// Records `key` at `mark`; the caller has checked it is new.
    mutating func insert(_ key: String, at mark: SourceMark) {
        if index != nil {
            index?[key] = mark
        } else if list.count < Self.listLimit {
            list.append((key, mark))
        } else {
            var built = Dictionary(list.map { ($0.key, $0.mark) }, uniquingKeysWith: { first, _ in first })
            built[key] = mark
            index = built
            list = []
        }
    }
}
