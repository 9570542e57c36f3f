/// Deterministic parallel map over `0..<count` in fixed-size chunks: each chunk's results are computed by
/// one worker and the chunks are concatenated in order, so the output does not depend on the number of
/// threads (nor, for floating-point work done within a chunk, does any rounding).
///
/// ```swift
/// let squares = ParallelChunks.map(count: 10_000, chunkSize: 512, threads: 2) { range in
///     range.map { Double($0 * $0) }
/// }
/// ```
/// Complexity: the work of `body` plus O(count) to concatenate; at most `threads` workers.
public enum ParallelChunks {
    /// Runs `body` on each chunk of `0..<count` (chunks of `chunkSize`, the last one shorter) on up to
    /// `threads` workers and returns the concatenation of the chunks' results in chunk order.
    public static func map<T: Sendable>(count: Int, chunkSize: Int, threads: Int,
                              _ body: @Sendable (Range<Int>) -> [T]) -> [T] {
        guard count > 0 else { return [] }
        let plan = BatchChunks(count: count, chunkSize: chunkSize, threads: threads)
        var parts = [[T]](repeating: [], count: plan.chunkCount)
        parts.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let out = DisjointWrites(base: base)
            plan.run { (chunk: Int, range: Range<Int>) in
                out.base[chunk] = body(range)
            }
        }
        var result: [T] = []
        result.reserveCapacity(count)
        for part in parts { result.append(contentsOf: part) }
        return result
    }

    /// Runs `body` on each chunk of `0..<count` for its side effects on disjoint state, on up to `threads`
    /// workers. Chunk boundaries do not depend on `threads`.
    public static func forEach(count: Int, chunkSize: Int, threads: Int, _ body: @Sendable (Range<Int>) -> Void) {
        guard count > 0 else { return }
        BatchChunks(count: count, chunkSize: chunkSize, threads: threads).run(body)
    }
}
