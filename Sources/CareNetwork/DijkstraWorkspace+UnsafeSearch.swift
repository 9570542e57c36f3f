extension DijkstraWorkspace {
    /// The hot loop: lexicographic (minutes, label) Dijkstra over one direction of the contracted graph with an
    /// indexed 4-ary heap, on raw buffers (bounds are guaranteed by the graph's construction: every head < n,
    /// offsets monotone; the heap never holds more than n entries). Core nodes go through the heap; each
    /// contracted edge adds its chain's weights one by one (the full graph's additions, in its order); interior
    /// chain nodes get their minutes afterwards from every settled chain end, and directly from sources that
    /// lie on a chain.
    ///
    /// Complexity: O((n_c + m_c) log₄ n_c + m) for n_c core nodes and m_c core edges.
    mutating func search(_ csr: ContractedCSR, sources: [DijkstraSource], limit: Double) {
        let n = slots.count
        var touchedList = touched
        touched = []
        defer { touched = touchedList }
        csr.offsets.withUnsafeBufferPointer { off in
        csr.heads.withUnsafeBufferPointer { head in
        csr.weightStarts.withUnsafeBufferPointer { wstart in
        csr.weights.withUnsafeBufferPointer { weight in
        csr.interior.withUnsafeBufferPointer { inner in
        csr.hasChains.withUnsafeBufferPointer { chains in
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
            /// An interior chain node: never in the heap (position -3 once reached), the lexicographic minimum kept.
            @inline(__always) func offerInterior(_ v: Int, _ key: Double, _ l: Int32) {
                let state = slot[v]
                guard key < state.minutes || (key == state.minutes && l < state.label) else { return }
                if state.position == -1 { touchedList.append(Int32(v)) }
                slot[v] = NodeSlot(minutes: key, label: l, position: -3)
            }
            /// Walks edge `e` from its interior index `from` (-1: from the tail) at minutes `start`: every later
            /// interior node gets a candidate, the head is offered when `offerHead`.
            @inline(__always) func walk(_ e: Int, from: Int, start: Double, label l: Int32, offerHead: Bool) {
                let w0 = Int(wstart[e]), k = Int(wstart[e + 1]) - w0 - 1   // k interior nodes, k + 1 weights
                let i0 = w0 - e
                var nd = start
                var j = from + 1
                while j < k {
                    nd += weight[w0 + j]
                    if nd > limit { return }
                    offerInterior(Int(inner[i0 + j]), nd, l)
                    j += 1
                }
                if offerHead {
                    nd += weight[w0 + k]
                    if nd <= limit { offer(Int(head[e]), nd, l) }
                }
            }

            let direct = inner.isEmpty
            for s in sources where s.node >= 0 && Int(s.node) < n && s.minutes.isFinite && s.minutes <= limit {
                let v = Int(s.node)
                let p0 = csr.positions[2 * v]
                if p0 < 0 { offer(v, s.minutes, s.label); continue }
                offerInterior(v, s.minutes, s.label)
                for p in [p0, csr.positions[2 * v + 1]] where p >= 0 {
                    let e = csr.edge(ofInterior: Int(p))
                    walk(e, from: Int(p) - (Int(wstart[e]) - e), start: s.minutes, label: s.label, offerHead: true)
                }
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
                if direct {   // nothing contracted: one weight per edge, at the edge's own index
                    while e < end {
                        let nd = du + weight[e]
                        if nd <= limit { offer(Int(head[e]), nd, lu) }
                        e += 1
                    }
                    continue
                }
                var w = Int(wstart[e])
                while e < end {
                    let we = Int(wstart[e + 1])
                    var nd = du + weight[w]
                    w += 1
                    while w < we { nd += weight[w]; w += 1 }
                    if nd <= limit { offer(Int(head[e]), nd, lu) }
                    e += 1
                }
            }
            // Interior chain nodes, from every settled core node (touched core nodes are all settled now).
            let reached = inner.isEmpty ? 0 : touchedList.count
            var t = 0
            while t < reached {
                let u = Int(touchedList[t])
                t += 1
                guard chains[u] else { continue }
                let state = slot[u]
                guard state.position == -2 else { continue }
                var e = Int(off[u])
                let end = Int(off[u + 1])
                while e < end {
                    if Int(wstart[e + 1]) - Int(wstart[e]) > 1 {
                        walk(e, from: -1, start: state.minutes, label: state.label, offerHead: false)
                    }
                    e += 1
                }
            }
        }}}}}}}}
    }
}
