/// LSD radix sort (Hollerith's card sorters; Knuth, TAOCP vol. 3 §5.2.5) of 64-bit words by their high
/// 32 bits, for the short rows of a bounded search: a row packs `target id << 32 | payload`, and sorting a
/// few thousand such words by id in 8-bit passes is several times faster than a comparison sort.
///
/// ```swift
/// var row: [UInt64] = [3 << 32 | 0, 1 << 32 | 1]
/// var scratch: [UInt64] = []
/// RadixSort.sortByHighWord(&row, scratch: &scratch, maxKey: 3)   // [1 << 32 | 1, 3 << 32 | 0]
/// ```
/// Complexity: O(passes · (count + 256)) with `passes` = bytes of `maxKey` (at most 4). The order of
/// words with equal keys is unspecified (bounded-search rows never have any).
enum RadixSort {
    /// Sorts `words` by `words[i] >> 32`, every one of which must be ≤ `maxKey`; `scratch` is reused memory.
    static func sortByHighWord(_ words: inout [UInt64], scratch: inout [UInt64], maxKey: UInt32) {
        let n = words.count
        guard n > 1 else { return }
        if n < 64 { words.sort(); return }   // whole-word order is an order by the high word
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: repeatElement(0, count: n))
        var shift: UInt64 = 32
        var remaining = maxKey
        var counts = [Int](repeating: 0, count: 256)
        repeat {
            for b in 0..<256 { counts[b] = 0 }
            for w in words { counts[Int((w >> shift) & 0xFF)] += 1 }
            var sum = 0
            for b in 0..<256 { let c = counts[b]; counts[b] = sum; sum += c }
            for w in words {
                let b = Int((w >> shift) & 0xFF)
                scratch[counts[b]] = w
                counts[b] += 1
            }
            swap(&words, &scratch)
            shift += 8
            remaining >>= 8
        } while remaining > 0 && shift < 64
    }
}
