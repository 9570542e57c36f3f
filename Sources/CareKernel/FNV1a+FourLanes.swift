extension FNV1a {
    /// FNV-1a on little-endian 64-bit words in four interleaved lanes (word k goes to lane k mod 4), folded
    /// together with the word count at the end: the road-graph cache checksum (`.carn`), several GB/s, enough to
    /// notice truncation and bit rot in a multi-GB cache. Streaming: words may come in any number of calls, the
    /// lane rotation continues where the previous call stopped.
    ///
    /// ```swift
    /// var h = FNV1a.FourLanes()
    /// h.add(bytes)        // a multiple of 8 bytes per call
    /// let sum = h.value
    /// ```
    /// Complexity: O(bytes).
    public struct FourLanes: Sendable, Hashable {
        private var a: UInt64 = 0xcbf2_9ce4_8422_2325
        private var b: UInt64 = 0x8422_2325_cbf2_9ce4
        private var c: UInt64 = 0x9ce4_8422_2325_cbf2
        private var d: UInt64 = 0x2325_cbf2_9ce4_8422
        private var words = 0

        /// A fresh hash (no words).
        public init() {}

        /// Adds `bytes` (a whole number of 8-byte words; any tail is ignored, callers pad).
        public mutating func add(_ bytes: UnsafeRawBufferPointer) {
            let count = bytes.count / 8
            let word = { (k: Int) in UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)) }
            var k = 0
            // Continue the lane rotation where the previous call stopped.
            while k < count && (words + k) % 4 != 0 { step(lane: (words + k) % 4, word(k)); k += 1 }
            var (a, b, c, d) = (a, b, c, d)
            while k + 4 <= count {
                a = FNV1a.hash(word: word(k), start: a)
                b = FNV1a.hash(word: word(k + 1), start: b)
                c = FNV1a.hash(word: word(k + 2), start: c)
                d = FNV1a.hash(word: word(k + 3), start: d)
                k += 4
            }
            (self.a, self.b, self.c, self.d) = (a, b, c, d)
            while k < count { step(lane: (words + k) % 4, word(k)); k += 1 }
            words += count
        }

        private mutating func step(lane: Int, _ w: UInt64) {
            switch lane {
            case 0: a = FNV1a.hash(word: w, start: a)
            case 1: b = FNV1a.hash(word: w, start: b)
            case 2: c = FNV1a.hash(word: w, start: c)
            default: d = FNV1a.hash(word: w, start: d)
            }
        }

        /// The four lanes and the word count, folded by FNV-1a word steps from the offset basis.
        public var value: UInt64 {
            [a, b, c, d, UInt64(words)].reduce(FNV1a.offsetBasis) { FNV1a.hash(word: $1, start: $0) }
        }
    }
}
