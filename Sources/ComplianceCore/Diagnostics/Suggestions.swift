/// "Did you mean …?" for misspelt keys, kinds, types, unit ids and rule ids.
public enum Suggestions {
    /// The closest candidate within a small edit distance, or nil.
    ///
    /// Unit ids are the large case: a log naming unknown units asks once per distinct id among tens
    /// of thousands of ids of one length. ASCII words (nearly all ids) are compared as bytes, folded
    /// on the fly, with two reused rows and a stop once no cell can come back under the limit; only
    /// words with other letters go through `Character` arrays. Both give the same distance.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String?
    where S.Element == String {
        let limit = max(2, word.count / 3)
        var query = word
        let asciiQuery = query.withUTF8 { $0.allSatisfy(isSingleByteCharacter) }
        let x = Array(word.lowercased())
        let length = word.count
        var rows = DistanceRows()
        var best: (String, Int)?
        for candidate in candidates {
            var candidate = candidate
            let d: Int? = query.withUTF8 { q in
                candidate.withUTF8 { c in
                    // The distance is at least the difference in length, so most far-off candidates
                    // skip the table.
                    if asciiQuery, c.allSatisfy(isSingleByteCharacter) {
                        guard abs(q.count - c.count) <= limit else { return nil }
                        return rows.asciiDistance(q, c, limit: limit)
                    }
                    let y = Array(String(decoding: c, as: UTF8.self).lowercased())
                    guard abs(length - y.count) <= limit else { return nil }
                    return distance(x, y)
                }
            }
            if let d, d <= limit, d < (best?.1 ?? Int.max) || (d == best?.1 && candidate < (best?.0 ?? "")) {
                best = (candidate, d)
            }
        }
        return best?.0
    }

    /// Whether a byte is a whole `Character` on its own: ASCII, except CR (CR LF is one character).
    private static func isSingleByteCharacter(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x0D }

    /// " (did you mean 'x'?)" or "".
    public static func hint<S: Sequence>(for word: String, in candidates: S) -> String where S.Element == String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The localised " (did you mean 'x'?)", or nothing.
    public static func didYouMean<S: Sequence>(_ word: String, in candidates: S) -> Message where S.Element == String {
        closest(to: word, in: candidates).map { Message(.didYouMean, ["suggestion": $0]) } ?? .empty
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.lowercased()), Array(b.lowercased()))
    }

    /// The same distance between words already lowercased and split into characters.
    private static func distance(_ x: [Character], _ y: [Character]) -> Int {
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev2 = [Int](repeating: 0, count: y.count + 1)
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    cur[j] = min(cur[j], prev2[j - 2] + 1)
                }
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[y.count]
    }

    /// The three rows of the distance table, kept from candidate to candidate.
    struct DistanceRows {
        private var prev2: [Int] = []
        private var prev: [Int] = []
        private var cur: [Int] = []

        /// `distance` between two ASCII words compared case-insensitively, or `limit + 1` as soon as
        /// it is sure to exceed `limit` (two rows in a row above it: each cell comes from the row
        /// before or, for a transposition, the one before that).
        mutating func asciiDistance(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>, limit: Int)
            -> Int
        {
            if x.isEmpty { return y.count }
            if y.isEmpty { return x.count }
            let width = y.count + 1
            if prev.count < width {
                prev2 = [Int](repeating: 0, count: width)
                prev = prev2
                cur = prev2
            }
            @inline(__always) func fold(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }
            for j in 0..<width { prev[j] = j }
            var previousMin = 0
            for i in 1...x.count {
                cur[0] = i
                var rowMin = i
                let xi = fold(x[i - 1])
                for j in 1...y.count {
                    let yj = fold(y[j - 1])
                    var v = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (xi == yj ? 0 : 1))
                    if i > 1, j > 1, xi == fold(y[j - 2]), fold(x[i - 2]) == yj { v = Swift.min(v, prev2[j - 2] + 1) }
                    cur[j] = v
                    rowMin = Swift.min(rowMin, v)
                }
                if rowMin > limit && previousMin > limit { return limit + 1 }
                previousMin = rowMin
                swap(&prev2, &prev)
                swap(&prev, &cur)
            }
            return prev[y.count]
        }
    }
}
