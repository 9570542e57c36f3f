@testable import CareNetwork

/// A plain textbook Dijkstra (binary heap of (minutes, node) with lazy deletion), independent of the
/// library's indexed 4-ary heap, for equality checks. Minutes are accumulated from the source exactly like
/// the library: `start + w1 + w2 + …`.
enum ReferenceDijkstra {
    static func run(offsets: [Int32], heads: [Int32], weights: [Double], source: Int, start: Double = 0) -> [Double] {
        let n = offsets.count - 1
        var dist = [Double](repeating: .infinity, count: n)
        var done = [Bool](repeating: false, count: n)
        var heap: [(Double, Int)] = []
        func push(_ e: (Double, Int)) {
            heap.append(e)
            var i = heap.count - 1
            while i > 0, heap[(i - 1) / 2].0 > heap[i].0 { heap.swapAt(i, (i - 1) / 2); i = (i - 1) / 2 }
        }
        func pop() -> (Double, Int) {
            let top = heap[0]
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                var i = 0
                while true {
                    let l = 2 * i + 1, r = l + 1
                    var m = i
                    if l < heap.count, heap[l].0 < heap[m].0 { m = l }
                    if r < heap.count, heap[r].0 < heap[m].0 { m = r }
                    if m == i { break }
                    heap.swapAt(i, m)
                    i = m
                }
            }
            return top
        }
        dist[source] = start
        push((start, source))
        while !heap.isEmpty {
            let (d, u) = pop()
            if done[u] { continue }
            done[u] = true
            for e in Int(offsets[u])..<Int(offsets[u + 1]) {
                let v = Int(heads[e])
                let nd = d + weights[e]
                if nd < dist[v] { dist[v] = nd; push((nd, v)) }
            }
        }
        return dist
    }

    static func forward(_ g: RoadGraph, from s: Int, start: Double = 0) -> [Double] {
        run(offsets: g.offsets, heads: g.targets, weights: g.minutes, source: s, start: start)
    }

    static func reverse(_ g: RoadGraph, from s: Int, start: Double = 0) -> [Double] {
        run(offsets: g.reverseOffsets, heads: g.reverseSources, weights: g.reverseMinutes, source: s, start: start)
    }
}
