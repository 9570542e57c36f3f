import Dispatch

/// Splits `0..<count` into fixed-size chunks and runs them on up to `threads` workers
/// (`DispatchQueue.concurrentPerform`), worker `w` taking chunks `w, w + t, w + 2t, …`.
///
/// ```swift
/// BatchChunks(count: 1_000_000, chunkSize: 2_048, threads: 2).run { range in work(range) }
/// ```
///
/// Chunk boundaries do not depend on `threads`, so neither do results. With one worker the chunks
/// run inline on the calling thread. Complexity: O(count / chunkSize) scheduling overhead.
struct BatchChunks: Sendable {
    /// Queries per chunk in batch nearest (each chunk restarts the seeded search once).
    static let nearestChunkSize = 2_048
    /// Queries per chunk in batch radius search.
    static let radiusChunkSize = 512

    let count: Int
    let chunkSize: Int
    let workers: Int

    /// Plans `count` items in chunks of `chunkSize` (>= 1) for `threads` workers (clamped to at
    /// least 1 and at most the number of chunks).
    init(count: Int, chunkSize: Int, threads: Int) {
        self.count = count
        self.chunkSize = Swift.max(1, chunkSize)
        workers = Swift.max(1, Swift.min(threads, chunkCountFor(count: count, chunkSize: self.chunkSize)))
    }

    /// Number of chunks.
    var chunkCount: Int { chunkCountFor(count: count, chunkSize: chunkSize) }

    /// The item range of chunk `c`.
    func range(ofChunk c: Int) -> Range<Int> {
        (c * chunkSize)..<Swift.min(count, (c + 1) * chunkSize)
    }

    /// Runs `body` once per chunk with the chunk's index and item range.
    func run(_ body: @Sendable (Int, Range<Int>) -> Void) {
        let chunks = chunkCount
        if workers <= 1 {
            for c in 0..<chunks { body(c, range(ofChunk: c)) }
            return
        }
        let workers = self.workers
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var c = w
            while c < chunks {
                body(c, range(ofChunk: c))
                c += workers
            }
        }
    }

    /// Runs `body` once per chunk with the chunk's item range.
    func run(_ body: @Sendable (Range<Int>) -> Void) {
        run { (_: Int, range: Range<Int>) in body(range) }
    }
}

private func chunkCountFor(count: Int, chunkSize: Int) -> Int {
    count <= 0 ? 0 : (count - 1) / chunkSize + 1
}
