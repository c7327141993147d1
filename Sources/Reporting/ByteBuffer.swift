import Foundation

/// Growable memory that a report's bytes are appended to.
///
/// `Array.append` asks the runtime whether the storage is uniquely referenced on every call, and
/// that costs more than the bytes themselves when a report of hundreds of megabytes is written as
/// millions of short pieces. This buffer cannot be copied, so it owns its memory outright and an
/// append is a capacity check and a store.
struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written so far.
    private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes before it grows.
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toAtLeast: count + 1) }
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if count + bytes.count > capacity { grow(toAtLeast: count + bytes.count) }
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// A literal's UTF-8 bytes.
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    mutating func append(_ byte: UInt8, count n: Int) {
        guard n > 0 else { return }
        if count + n > capacity { grow(toAtLeast: count + n) }
        (base + count).initialize(repeating: byte, count: n)
        count += n
    }

    /// The decimal digits of `value`, written in place (no `String` as `String(value)` would make).
    mutating func appendDecimal(_ value: UInt) {
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        if count + digits > capacity { grow(toAtLeast: count + digits) }
        rest = value
        for i in (count..<count + digits).reversed() {
            base[i] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += digits
    }

    /// Calls `body` with the bytes written so far.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Forgets the bytes written (a streamed report has handed them on), keeping the memory.
    mutating func removeAll() { count = 0 }

    /// The bytes as `Data`, handed over without a copy: a report can be hundreds of megabytes.
    consuming func data() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .custom { pointer, _ in pointer.deallocate() })
        discard self
        return data
    }

    /// Moves the bytes to a block of twice the size (or `needed`, if more), so appends stay
    /// amortised constant time.
    private mutating func grow(toAtLeast needed: Int) {
        let newCapacity = max(needed, 2 * capacity)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
