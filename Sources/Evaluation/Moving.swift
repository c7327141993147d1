import ComplianceCore

/// Moves findings between arrays instead of copying them.
///
/// A copy of a finding retains each of its strings and arrays (and dropping the original releases
/// them again); gathering and reordering 290,000 findings that way, swaps included, took a tenth of
/// evaluation at ten million events. Moved-out places are refilled with `Finding.vacated`, which
/// holds no storage, so the source arrays stay valid until they are dropped.
enum Moving {
    /// Moves `source`'s elements to the uninitialised `destination`; returns how many.
    static func move(_ source: inout [Finding], to destination: UnsafeMutablePointer<Finding>) -> Int {
        let filler = Finding.vacated
        return source.withUnsafeMutableBufferPointer { src in
            guard let base = src.baseAddress else { return 0 }
            destination.moveInitialize(from: base, count: src.count)
            base.initialize(repeating: filler, count: src.count)
            return src.count
        }
    }

    /// `items` reordered so that position `i` holds what was at `permutation[i]` (a permutation of
    /// `items.indices`); `items` is left holding fillers.
    static func permuted(_ items: inout [Finding], by permutation: [Int]) -> [Finding] {
        precondition(permutation.count == items.count, "a permutation of the findings")
        guard !items.isEmpty else { return [] }
        let filler = Finding.vacated
        return items.withUnsafeMutableBufferPointer { src in
            let from = src.baseAddress.unsafelyUnwrapped
            return [Finding](unsafeUninitializedCapacity: permutation.count) { out, count in
                let to = out.baseAddress.unsafelyUnwrapped
                for (i, p) in permutation.enumerated() {
                    (to + i).moveInitialize(from: from + p, count: 1)
                    (from + p).initialize(to: filler)
                }
                count = permutation.count
            }
        }
    }
}

extension Finding {
    /// A finding with no storage of its own, left where a finding was moved out.
    static let vacated = Finding(
        rule: "", unit: "", status: .satisfied, sortDay: Day(ordinal: 0), waiverSpan: Day(ordinal: 0)...Day(ordinal: 0),
        identity: "")
}
