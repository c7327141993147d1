import Foundation

/// Texts derived from keys, each derived once and shared by every thread (a lock around a
/// dictionary); past `limit` keys it starts afresh, so memory stays bounded whatever the input.
package final class TextMemo: @unchecked Sendable {
    private let limit: Int
    private var texts: [String: String] = [:]
    private let lock = NSLock()

    package init(limit: Int) { self.limit = limit }

    /// The text for `key`, made by `make` the first time (outside the lock: two threads may both
    /// make it, and the results are equal).
    package func text(for key: String, _ make: (String) -> String) -> String {
        lock.lock()
        let known = texts[key]
        lock.unlock()
        if let known { return known }
        let made = make(key)
        lock.lock()
        if texts.count >= limit { texts.removeAll(keepingCapacity: true) }
        texts[key] = made
        lock.unlock()
        return made
    }
}
