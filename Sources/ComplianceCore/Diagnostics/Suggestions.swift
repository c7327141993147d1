/// "Did you mean …?" for misspelt keys, kinds, types, unit ids and rule ids.
public enum Suggestions {
    /// The closest candidate within a small edit distance, or nil.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String?
    where S.Element == String {
        let limit = max(2, word.count / 3)
        let x = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let y = Array(candidate.lowercased())
            // The distance is at least the difference in length, so most far-off candidates skip the table.
            guard abs(x.count - y.count) <= limit else { continue }
            let d = distance(x, y)
            if d <= limit, d < (best?.1 ?? Int.max) || (d == best?.1 && candidate < (best?.0 ?? "")) {
                best = (candidate, d)
            }
        }
        return best?.0
    }

    /// " (did you mean 'x'?)" or "".
    public static func hint<S: Sequence>(for word: String, in candidates: S) -> String where S.Element == String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
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
}
