// The unsafe-pointer hot loops of CareKernel, kept in this one file behind the safe API of
// `KDTree` (single queries) and `KDTree+Batch.swift` (batch queries). Every pointer here comes
// from a `withUnsafe…` scope of an immutable array of the tree or of a buffer allocated by the
// caller, and never escapes it.

import Dispatch

/// One pending subtree of the traversal stack, with per-axis lower bounds on the distance from
/// the query to any point in it.
struct TraversalFrame {
    var node: Int
    var offX: Double
    var offY: Double
}

/// Read-only pointer view of a non-empty ``KDTree``, valid inside ``KDTree/withView(_:)``.
///
/// ```swift
/// tree.withView { view in view.search(x: q.x, y: q.y, into: &set, stack: stack) }
/// ```
///
/// Complexity: O(1) to form.
struct TreeView {
    let xs: UnsafePointer<Double>
    let ys: UnsafePointer<Double>
    let ids: UnsafePointer<Int32>
    let nodes: UnsafePointer<KDNode>

    /// Stack capacity: one pending frame per depth at most, and depth <= 33 for < 2^31 points.
    static let stackCapacity = 64

    /// Branch-and-bound search (Friedman, Bentley & Finkel 1977), iterative, near child first,
    /// feeding `set`.
    ///
    /// At each internal node the query goes to the child on its side of the gap between
    /// `lowMax` and `highMin`; the other child is pushed with its distance bounds only if
    /// `offX² + offY² <= set.bound`, and re-tested when popped. Per-axis offsets are recomputed
    /// from point coordinates (not updated incrementally), so every bound is, in floating point,
    /// at most the computed squared distance of any point of the subtree.
    /// Complexity: O(log n) expected for k = 1 on well-spread data, O(n) worst case.
    @inline(__always)
    func search<R: SearchResultSet>(
        x qx: Double, y qy: Double, into set: inout R, stack: UnsafeMutablePointer<TraversalFrame>
    ) {
        var depth = 0
        var node = 0
        var offX = 0.0
        var offY = 0.0
        while true {
            var n = nodes[node]
            while !n.isLeaf {
                let onX = n.tag == 0
                let q = onX ? qx : qy
                let beyondLow = q - n.lowMax    // > 0: query past the low child's largest coordinate
                let beforeHigh = n.highMin - q  // > 0: query before the high child's smallest one
                let low = 2 * node + 1
                let near: Int, far: Int, nearOff: Double, farOff: Double
                if beyondLow < beforeHigh {
                    near = low; far = low + 1; nearOff = beyondLow; farOff = beforeHigh
                } else {
                    near = low + 1; far = low; nearOff = beforeHigh; farOff = beyondLow
                }
                let farX = onX ? Swift.max(offX, farOff) : offX
                let farY = onX ? offY : Swift.max(offY, farOff)
                if farX * farX + farY * farY <= set.bound {
                    stack[depth] = TraversalFrame(node: far, offX: farX, offY: farY)
                    depth += 1
                }
                if nearOff > 0 {  // the query lies in the gap: the near child is at a distance too
                    if onX { offX = Swift.max(offX, nearOff) } else { offY = Swift.max(offY, nearOff) }
                }
                node = near
                n = nodes[node]
            }
            var i = Int(n.tag)
            let end = Int(n.end)
            while i < end {
                let dx = qx - xs[i]
                let dy = qy - ys[i]
                let d2 = dx * dx + dy * dy
                if d2 <= set.bound {
                    set.offer(squaredDistance: d2, position: i, id: ids[i])
                }
                i += 1
            }
            // Pop the next subtree still within the (possibly shrunk) bound.
            while true {
                if depth == 0 { return }
                depth -= 1
                let frame = stack[depth]
                if frame.offX * frame.offX + frame.offY * frame.offY <= set.bound {
                    node = frame.node
                    offX = frame.offX
                    offY = frame.offY
                    break
                }
            }
        }
    }

    /// Batch nearest over `count` queries stored contiguously in spatial order, each search seeded
    /// with the previous query's answer (its exact squared distance to the new query is the
    /// initial bound, so the answer is unchanged); writes `indices[j]`, `distances[j]`.
    /// Complexity: O(count log n) expected.
    func nearestBatch(
        queries: UnsafePointer<Point2D>, count: Int,
        indices: UnsafeMutablePointer<Int32>, distances: UnsafeMutablePointer<Double>,
        stack: UnsafeMutablePointer<TraversalFrame>
    ) {
        var previous = -1
        for j in 0..<count {
            let p = queries[j]
            var set = NearestResultSet()
            if previous >= 0 {
                let dx = p.x - xs[previous]
                let dy = p.y - ys[previous]
                let d2 = dx * dx + dy * dy
                if !d2.isNaN {
                    set = NearestResultSet(squaredDistance: d2, position: previous, id: ids[previous])
                }
            }
            search(x: p.x, y: p.y, into: &set, stack: stack)
            if set.bestPosition >= 0 {
                indices[j] = set.bestID
                distances[j] = set.bestSquaredDistance.squareRoot()
                previous = set.bestPosition
            } else {
                indices[j] = -1
                distances[j] = .infinity
            }
        }
    }
}

/// A pointer that may cross into `DispatchQueue.concurrentPerform` workers: each worker writes
/// only to its own disjoint set of elements, and all work ends before the owning scope returns.
struct DisjointWrites<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
}

/// A read-only pointer shared by `concurrentPerform` workers inside the owning scope.
struct SharedReads<Element>: @unchecked Sendable {
    let base: UnsafePointer<Element>
}

extension KDTree {
    /// Calls `body` with a pointer view of the tree; returns `nil` without calling it when the tree
    /// holds no finite point.
    /// Complexity: O(1) plus `body`.
    func withView<T>(_ body: (TreeView) -> T) -> T? {
        xs.withUnsafeBufferPointer { xb in
            ys.withUnsafeBufferPointer { yb in
                ids.withUnsafeBufferPointer { ib in
                    nodes.withUnsafeBufferPointer { nb in
                        guard let x = xb.baseAddress, let y = yb.baseAddress,
                              let i = ib.baseAddress, let n = nb.baseAddress, !nb.isEmpty
                        else { return nil }
                        return body(TreeView(xs: x, ys: y, ids: i, nodes: n))
                    }
                }
            }
        }
    }

    /// Runs one traversal for `query` into `set` (no-op when the tree holds no finite point).
    /// Complexity: that of ``TreeView/search(x:y:into:stack:)``.
    func search<R: SearchResultSet>(_ query: Point2D, into set: inout R) {
        withUnsafeTemporaryAllocation(of: TraversalFrame.self, capacity: TreeView.stackCapacity) { stack in
            guard let stackBase = stack.baseAddress else { return }
            _ = withView { view in view.search(x: query.x, y: query.y, into: &set, stack: stackBase) }
        }
    }

    /// Batch nearest into preallocated tables, parallel over chunks of the spatial `order`: each
    /// chunk gathers its queries into a contiguous buffer, searches them in order, then scatters
    /// the answers to their original positions (tight gather/scatter loops overlap cache misses
    /// far better than random accesses interleaved with the searches).
    func fillNearest(
        queries: [Point2D], order: [Int32], indices: inout [Int32], distances: inout [Double], threads: Int
    ) {
        let plan = BatchChunks(count: queries.count, chunkSize: BatchChunks.nearestChunkSize, threads: threads)
        let chunkSize = plan.chunkSize
        queries.withUnsafeBufferPointer { qb in
            order.withUnsafeBufferPointer { ob in
                indices.withUnsafeMutableBufferPointer { ib in
                    distances.withUnsafeMutableBufferPointer { db in
                        guard let q = qb.baseAddress, let o = ob.baseAddress,
                              let i = ib.baseAddress, let d = db.baseAddress
                        else { return }
                        let reads = (SharedReads(base: q), SharedReads(base: o))
                        let writes = (DisjointWrites(base: i), DisjointWrites(base: d))
                        _ = withView { view in
                            plan.run { range in
                                withNearestScratch(capacity: chunkSize) { stack, localQ, localI, localD in
                                    let order = reads.1.base + range.lowerBound
                                    let n = range.count
                                    for j in 0..<n {
                                        localQ[j] = reads.0.base[Int(order[j])]
                                    }
                                    view.nearestBatch(
                                        queries: localQ, count: n, indices: localI, distances: localD, stack: stack)
                                    for j in 0..<n {
                                        let target = Int(order[j])
                                        writes.0.base[target] = localI[j]
                                        writes.1.base[target] = localD[j]
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Calls `body` with stack-allocated scratch for one batch-nearest chunk: a traversal stack and
/// `capacity` slots each of gathered queries, answer indices and answer distances (uninitialised
/// trivial types: written before being read).
private func withNearestScratch(
    capacity: Int,
    _ body: (UnsafeMutablePointer<TraversalFrame>, UnsafeMutablePointer<Point2D>,
             UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Double>) -> Void
) {
    withUnsafeTemporaryAllocation(of: TraversalFrame.self, capacity: TreeView.stackCapacity) { stack in
        withUnsafeTemporaryAllocation(of: Point2D.self, capacity: capacity) { queries in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: capacity) { indices in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: capacity) { distances in
                    guard let s = stack.baseAddress, let q = queries.baseAddress,
                          let i = indices.baseAddress, let d = distances.baseAddress
                    else { return }
                    body(s, q, i, d)
                }
            }
        }
    }
}

/// `TreeView` only holds pointers into the immutable arrays of a `KDTree` (itself `Sendable`),
/// read and never written, and is used only inside the `withView` scope that keeps them alive.
extension TreeView: @unchecked Sendable {}

/// One chunk's radius results, rows in the chunk's query order.
struct RadiusChunkOutput {
    var ids: [Int32] = []
    var distances: [Double] = []
}

extension KDTree {
    /// Batch radius search into a CSR table: chunks of the spatial `order` are searched in
    /// parallel into chunk-local buffers, then copied in parallel to each row's final offset.
    /// Rows are sorted by `(distance, index)` when `sorted`, else left in traversal order.
    /// Requires `radius >= 0` and a tree with at least one finite point.
    /// Complexity: O(n log n' + pairs) expected for n queries over n' points.
    func radiusTable(queries: [Point2D], order: [Int32], radius: Double, sorted: Bool, threads: Int) -> NeighborTable {
        let n = queries.count
        let plan = BatchChunks(count: n, chunkSize: BatchChunks.radiusChunkSize, threads: threads)
        let found = searchChunks(queries: queries, order: order, radius: radius, sorted: sorted, plan: plan)
        var offsets = [Int](repeating: 0, count: n + 1)
        for q in 0..<n { offsets[q + 1] = offsets[q] + found.rowCounts[q] }
        let total = offsets[n]
        var indices = [Int32](repeating: 0, count: total)
        var distances = [Double](repeating: 0, count: total)
        Self.gatherRows(found, order: order, offsets: offsets, plan: plan, indices: &indices, distances: &distances)
        return NeighborTable(offsets: offsets, indices: indices, distances: distances)
    }

    /// Phase 1 of ``radiusTable(queries:order:radius:sorted:threads:)``: each chunk of `order` searched in
    /// parallel into its own buffer; per query, its row's length and its start in its chunk's buffer.
    private func searchChunks(queries: [Point2D], order: [Int32], radius: Double, sorted: Bool, plan: BatchChunks)
        -> (rowCounts: [Int], rowStarts: [Int], outputs: [RadiusChunkOutput]) {
        let n = queries.count
        var rowCounts = [Int](repeating: 0, count: n)
        var rowStarts = [Int](repeating: 0, count: n)
        var outputs = [RadiusChunkOutput](repeating: RadiusChunkOutput(), count: plan.chunkCount)
        queries.withUnsafeBufferPointer { qb in
            order.withUnsafeBufferPointer { ob in
                rowCounts.withUnsafeMutableBufferPointer { cb in
                    rowStarts.withUnsafeMutableBufferPointer { sb in
                        outputs.withUnsafeMutableBufferPointer { outb in
                            guard let q = qb.baseAddress, let o = ob.baseAddress, let c = cb.baseAddress,
                                  let s = sb.baseAddress, let out = outb.baseAddress
                            else { return }
                            let reads = (SharedReads(base: q), SharedReads(base: o))
                            let writes = (DisjointWrites(base: c), DisjointWrites(base: s), DisjointWrites(base: out))
                            _ = withView { view in
                                plan.run { (chunk: Int, range: Range<Int>) in
                                    withUnsafeTemporaryAllocation(
                                        of: TraversalFrame.self, capacity: TreeView.stackCapacity
                                    ) { stack in
                                        guard let st = stack.baseAddress else { return }
                                        var local = RadiusChunkOutput()
                                        var set = RadiusResultSet(radius: radius)
                                        for j in range {
                                            let qi = Int(reads.1.base[j])
                                            let p = reads.0.base[qi]
                                            set.removeAll()
                                            view.search(x: p.x, y: p.y, into: &set, stack: st)
                                            if sorted { set.sort() }
                                            writes.1.base[qi] = local.ids.count
                                            writes.0.base[qi] = set.count
                                            local.ids.append(contentsOf: set.ids)
                                            for d2 in set.squared { local.distances.append(d2.squareRoot()) }
                                        }
                                        writes.2.base[chunk] = local
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (rowCounts, rowStarts, outputs)
    }

    /// Phase 2: every row copied in parallel from its chunk's buffer to its final offset in the CSR arrays.
    private static func gatherRows(_ found: (rowCounts: [Int], rowStarts: [Int], outputs: [RadiusChunkOutput]), order: [Int32],
                                   offsets: [Int], plan: BatchChunks, indices: inout [Int32], distances: inout [Double]) {
        let (rowCounts, rowStarts, outputs) = found
        order.withUnsafeBufferPointer { ob in
            offsets.withUnsafeBufferPointer { offb in
                rowCounts.withUnsafeBufferPointer { cb in
                    rowStarts.withUnsafeBufferPointer { sb in
                        outputs.withUnsafeBufferPointer { outb in
                            indices.withUnsafeMutableBufferPointer { ib in
                                distances.withUnsafeMutableBufferPointer { db in
                                    guard let o = ob.baseAddress, let off = offb.baseAddress,
                                          let c = cb.baseAddress, let s = sb.baseAddress,
                                          let out = outb.baseAddress
                                    else { return }
                                    // Empty final arrays (no pair at all): nothing to copy.
                                    guard let i = ib.baseAddress, let d = db.baseAddress else { return }
                                    let reads = (SharedReads(base: o), SharedReads(base: off),
                                                 SharedReads(base: c), SharedReads(base: s),
                                                 SharedReads(base: out))
                                    let writes = (DisjointWrites(base: i), DisjointWrites(base: d))
                                    plan.run { (chunk: Int, range: Range<Int>) in
                                        let local = reads.4.base[chunk]
                                        local.ids.withUnsafeBufferPointer { lib in
                                            local.distances.withUnsafeBufferPointer { ldb in
                                                guard let li = lib.baseAddress, let ld = ldb.baseAddress
                                                else { return }
                                                for j in range {
                                                    let qi = Int(reads.0.base[j])
                                                    let count = reads.2.base[qi]
                                                    if count == 0 { continue }
                                                    let from = reads.3.base[qi]
                                                    let to = reads.1.base[qi]
                                                    (writes.0.base + to).update(from: li + from, count: count)
                                                    (writes.1.base + to).update(from: ld + from, count: count)
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension SpatialOrder {
    /// The Hilbert order permutation of `points`: a stable parallel counting sort (per-worker
    /// histograms over contiguous input ranges, one exclusive prefix over (cell, worker), then
    /// per-worker scatter), so the result does not depend on `threads`.
    /// Complexity: O(n + t·cells) time and memory, t = min(threads, 8, n / 65_536 + 1).
    static func hilbert(_ points: [Point2D], threads: Int) -> [Int32] {
        let n = points.count
        guard n > 1 else { return n == 1 ? [0] : [] }
        let grid = Grid(points)
        let cells = grid.cellCount
        let workers = Swift.max(1, Swift.min(threads, 8, n / 65_536 + 1))
        let plan = BatchChunks(count: n, chunkSize: (n + workers - 1) / workers, threads: workers)
        var keys = [Int32](repeating: 0, count: n)
        var starts = [Int32](repeating: 0, count: plan.chunkCount * cells)
        var order = [Int32](repeating: 0, count: n)
        points.withUnsafeBufferPointer { pb in
            keys.withUnsafeMutableBufferPointer { kb in
                starts.withUnsafeMutableBufferPointer { sb in
                    order.withUnsafeMutableBufferPointer { ob in
                        guard let p = pb.baseAddress, let k = kb.baseAddress,
                              let s = sb.baseAddress, let o = ob.baseAddress
                        else { return }
                        let points = SharedReads(base: p)
                        let keys = DisjointWrites(base: k)
                        let starts = DisjointWrites(base: s)
                        let order = DisjointWrites(base: o)
                        plan.run { (chunk: Int, range: Range<Int>) in
                            let histogram = starts.base + chunk * cells
                            for i in range {
                                let key = grid.key(points.base[i])
                                keys.base[i] = Int32(truncatingIfNeeded: key)
                                histogram[key] += 1
                            }
                        }
                        var running: Int32 = 0
                        for c in 0..<cells {
                            for w in 0..<plan.chunkCount {
                                let slot = starts.base + (w * cells + c)
                                let h = slot.pointee
                                slot.pointee = running
                                running += h
                            }
                        }
                        plan.run { (chunk: Int, range: Range<Int>) in
                            let next = starts.base + chunk * cells
                            for i in range {
                                let key = Int(keys.base[i])
                                order.base[Int(next[key])] = Int32(truncatingIfNeeded: i)
                                next[key] += 1
                            }
                        }
                    }
                }
            }
        }
        return order
    }
}
