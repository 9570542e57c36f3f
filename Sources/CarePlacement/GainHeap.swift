/// A binary max-heap of (gain, item) pairs for lazy greedy: the largest gain first, ties to the lowest item.
///
/// Complexity: O(log n) push and pop, O(n) heapify.
struct GainHeap {
    private(set) var entries: [(gain: Double, item: Int)]

    init(_ entries: [(gain: Double, item: Int)]) {
        self.entries = entries
        if entries.count > 1 {
            for i in stride(from: entries.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
        }
    }

    var isEmpty: Bool { entries.isEmpty }
    var top: (gain: Double, item: Int)? { entries.first }

    @inline(__always)
    private func above(_ a: (gain: Double, item: Int), _ b: (gain: Double, item: Int)) -> Bool {
        a.gain > b.gain || (a.gain == b.gain && a.item < b.item)
    }

    mutating func push(_ e: (gain: Double, item: Int)) {
        entries.append(e)
        var i = entries.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard above(entries[i], entries[p]) else { break }
            entries.swapAt(i, p)
            i = p
        }
    }

    mutating func pop() -> (gain: Double, item: Int)? {
        guard let first = entries.first else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            siftDown(0)
        }
        return first
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        let n = entries.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < n, above(entries[l], entries[m]) { m = l }
            if r < n, above(entries[r], entries[m]) { m = r }
            if m == i { return }
            entries.swapAt(i, m)
            i = m
        }
    }
}
