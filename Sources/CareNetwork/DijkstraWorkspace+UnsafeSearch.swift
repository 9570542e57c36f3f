extension DijkstraWorkspace {
    /// The hot loop: lexicographic (minutes, label) Dijkstra over one CSR direction with an indexed 4-ary
    /// heap, on raw buffers (bounds are guaranteed by the graph's construction: every head < n, offsets
    /// monotone; the heap never holds more than n entries).
    ///
    /// Complexity: O((n + m) log₄ n).
    mutating func search(offsets: [Int32], heads: [Int32], weights: [Double], sources: [DijkstraSource], limit: Double) {
        let n = slots.count
        var touchedList = touched
        touched = []
        defer { touched = touchedList }
        offsets.withUnsafeBufferPointer { off in
        heads.withUnsafeBufferPointer { head in
        weights.withUnsafeBufferPointer { weight in
        slots.withUnsafeMutableBufferPointer { slot in
        heap.withUnsafeMutableBufferPointer { heap in
            var count = 0

            @inline(__always) func less(_ a: HeapEntry, _ b: HeapEntry) -> Bool {
                a.key < b.key || (a.key == b.key && a.label < b.label)
            }
            @inline(__always) func siftUp(_ start: Int, _ entry: HeapEntry) {
                var i = start
                while i > 0 {
                    let parent = (i - 1) >> 2
                    let p = heap[parent]
                    guard less(entry, p) else { break }
                    heap[i] = p
                    slot[Int(p.node)].position = Int32(i)
                    i = parent
                }
                heap[i] = entry
                slot[Int(entry.node)].position = Int32(i)
            }
            @inline(__always) func siftDown(_ entry: HeapEntry) {
                var i = 0
                while true {
                    let first = 4 * i + 1
                    if first >= count { break }
                    var best = first
                    var bestEntry = heap[first]
                    let last = min(first + 4, count)
                    var c = first + 1
                    while c < last {
                        let e = heap[c]
                        if less(e, bestEntry) { best = c; bestEntry = e }
                        c += 1
                    }
                    guard less(bestEntry, entry) else { break }
                    heap[i] = bestEntry
                    slot[Int(bestEntry.node)].position = Int32(i)
                    i = best
                }
                heap[i] = entry
                slot[Int(entry.node)].position = Int32(i)
            }
            @inline(__always) func offer(_ v: Int, _ key: Double, _ l: Int32) {
                let state = slot[v]
                let p = state.position
                if p == -2 { return }
                let old = state.minutes
                guard key < old || (key == old && l < state.label) else { return }
                if p == -1 { touchedList.append(Int32(v)) }
                slot[v].minutes = key
                slot[v].label = l
                if p >= 0 {
                    siftUp(Int(p), HeapEntry(key: key, label: l, node: Int32(v)))
                } else {
                    count += 1
                    siftUp(count - 1, HeapEntry(key: key, label: l, node: Int32(v)))
                }
            }

            for s in sources where s.node >= 0 && Int(s.node) < n && s.minutes.isFinite && s.minutes <= limit {
                offer(Int(s.node), s.minutes, s.label)
            }
            while count > 0 {
                let top = heap[0]
                count -= 1
                if count > 0 { siftDown(heap[count]) }
                let u = Int(top.node)
                slot[u].position = -2
                let du = top.key
                let lu = top.label
                var e = Int(off[u])
                let end = Int(off[u + 1])
                while e < end {
                    let v = Int(head[e])
                    let nd = du + weight[e]
                    if nd <= limit { offer(v, nd, lu) }
                    e += 1
                }
            }
        }}}}}
    }
}
