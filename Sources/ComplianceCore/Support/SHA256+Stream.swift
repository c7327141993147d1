extension SHA256 {
    /// A digest fed in pieces, for a file hashed while it is read (SPEC §10.5: no second read).
    public struct Stream: Sendable {
        private var state: [UInt32] = [
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
        ]
        /// Bytes of an unfinished 64-byte block.
        private var pending: [UInt8] = []
        /// Bytes fed so far.
        public private(set) var byteCount = 0

        /// An empty digest.
        public init() { pending.reserveCapacity(64) }

        /// Feeds `bytes`.
        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            guard !bytes.isEmpty else { return }
            byteCount += bytes.count
            var input = bytes.bindMemory(to: UInt8.self)[...]
            if !pending.isEmpty {
                let take = min(64 - pending.count, input.count)
                pending.append(contentsOf: input.prefix(take))
                input = input.dropFirst(take)
                guard pending.count == 64 else { return }
                let block = pending
                block.withUnsafeBufferPointer { compressBlocks($0, count: 64) }
                pending.removeAll(keepingCapacity: true)
            }
            let whole = input.count / 64 * 64
            if whole > 0 {
                compressBlocks(UnsafeBufferPointer(rebasing: input.prefix(whole)), count: whole)
            }
            pending.append(contentsOf: input.dropFirst(whole))
        }

        /// Feeds `bytes`.
        public mutating func update(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { update($0) }
        }

        /// The lowercase hex digest of everything fed.
        public func hex() -> String {
            var tail = pending
            let bitLength = UInt64(byteCount) * 8
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
            var copy = self
            tail.withUnsafeBufferPointer { copy.compressBlocks($0, count: tail.count) }
            let h = copy.state
            return String(unsafeUninitializedCapacity: 64) { out in
                SHA256.writeHex(h, words: 8, into: out)
                return 64
            }
        }

        private mutating func compressBlocks(_ m: UnsafeBufferPointer<UInt8>, count: Int) {
            state.withUnsafeMutableBufferPointer { h in
                SHA256.k.withUnsafeBufferPointer { k in
                    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                        for chunk in stride(from: 0, to: count, by: 64) { SHA256.compress(m, chunk, k, w, h) }
                    }
                }
            }
        }
    }
}
