import CareKernel

extension SparseMatrix {
    /// `y = A·x`, written into `y` (resized to the row count), rows in parallel chunks: the conjugate-gradient
    /// hot loop, on raw buffers (no bounds checks: the offsets and indices were built in range by ``Builder``).
    func multiply(_ x: [Double], into y: inout [Double], threads: Int) {
        Self.product(offsets: rowOffsets, indices: rowColumns, values: rowValues, input: x, output: &y,
                     chunkSize: 4_096, threads: threads)
    }

    /// `x = Aᵀ·y`, from the column layout, written into `x` (resized to the column count).
    func multiplyTransposed(_ y: [Double], into x: inout [Double], threads: Int) {
        Self.product(offsets: columnOffsets, indices: columnRows, values: columnValues, input: y, output: &x,
                     chunkSize: 1_024, threads: threads)
    }

    /// `outputᵢ = Σ values[p] · input[indices[p]]` over `p` in `offsets[i]..<offsets[i + 1]`, one compressed
    /// layout (rows or columns), outputs in parallel chunks.
    private static func product(offsets: [Int], indices: [Int32], values: [Double], input: [Double],
                                output: inout [Double], chunkSize: Int, threads: Int) {
        let n = offsets.count - 1
        if output.count != n { output = [Double](repeating: 0, count: n) }
        offsets.withUnsafeBufferPointer { o in
            indices.withUnsafeBufferPointer { i in
                values.withUnsafeBufferPointer { v in
                    input.withUnsafeBufferPointer { x in
                        output.withUnsafeMutableBufferPointer { out in
                            let view = ProductView(offsets: o, indices: i, values: v, input: x, output: out)
                            ParallelChunks.forEach(count: n, chunkSize: chunkSize, threads: threads) { view.run($0) }
                        }
                    }
                }
            }
        }
    }
}

/// Raw views of one compressed layout, its input vector and its output, shared by the workers of one
/// product. Each worker writes only the outputs of its own chunk, and every worker ends before the buffers'
/// scope does.
private struct ProductView: @unchecked Sendable {
    let offsets: UnsafeBufferPointer<Int>
    let indices: UnsafeBufferPointer<Int32>
    let values: UnsafeBufferPointer<Double>
    let input: UnsafeBufferPointer<Double>
    let output: UnsafeMutableBufferPointer<Double>

    func run(_ range: Range<Int>) {
        for i in range {
            var s = 0.0
            for p in offsets[i]..<offsets[i + 1] { s += values[p] * input[Int(indices[p])] }
            output[i] = s
        }
    }
}
