import HeapModule

/// A max-heap of (gain, item) pairs for lazy greedy: the largest gain first, ties to the lowest item. A thin
/// ordering over swift-collections' `Heap` (a min-max heap).
///
/// Complexity: O(log n) push and pop, O(n) heapify.
struct GainHeap {
    /// One entry, ordered so that the heap's maximum is the largest gain with the lowest item.
    struct Entry: Comparable {
        var gain: Double
        var item: Int

        static func < (a: Entry, b: Entry) -> Bool {
            a.gain < b.gain || (a.gain == b.gain && a.item > b.item)
        }
    }

    private var heap: Heap<Entry>

    init(_ entries: [(gain: Double, item: Int)]) {
        heap = Heap(entries.map { Entry(gain: $0.gain, item: $0.item) })
    }

    var isEmpty: Bool { heap.isEmpty }
    var top: (gain: Double, item: Int)? { heap.max.map { ($0.gain, $0.item) } }

    mutating func push(_ e: (gain: Double, item: Int)) {
        heap.insert(Entry(gain: e.gain, item: e.item))
    }

    mutating func pop() -> (gain: Double, item: Int)? {
        heap.popMax().map { ($0.gain, $0.item) }
    }
}
