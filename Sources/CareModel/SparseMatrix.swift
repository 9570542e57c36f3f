import CareKernel

/// A sparse real matrix stored twice, by rows (CSR) and by columns (CSC), so that both `A·x` and `Aᵀ·y`
/// are computed row by row or column by column: each output entry is one worker's sum in a fixed order,
/// and results do not depend on the number of threads.
///
/// ```swift
/// var rows = SparseMatrix.Builder(columns: 3)
/// rows.append([(0, 1), (2, 2)])     // row 0: 1·x0 + 2·x2
/// rows.append([(1, -1)])            // row 1: −x1
/// let a = rows.build()
/// a.multiply([1, 1, 1], threads: 1) // [3, -1]
/// ```
/// Complexity: O(nnz) storage for each layout; products O(nnz).
struct SparseMatrix: Sendable {
    let rowCount: Int
    let columnCount: Int
    let rowOffsets: [Int]
    let rowColumns: [Int32]
    let rowValues: [Double]
    let columnOffsets: [Int]
    let columnRows: [Int32]
    let columnValues: [Double]

    var nonZeroCount: Int { rowValues.count }

    /// Accumulates rows; entries of one row with the same column are summed.
    struct Builder {
        let columns: Int
        private(set) var offsets: [Int] = [0]
        private(set) var indices: [Int32] = []
        private(set) var values: [Double] = []

        init(columns: Int) { self.columns = columns }

        var rowCount: Int { offsets.count - 1 }

        /// Appends one row. Columns must be in `0..<columns` (checked by a precondition: callers build them).
        mutating func append(_ entries: [(column: Int, value: Double)]) {
            let sorted = entries.count > 1 ? entries.sorted { $0.column < $1.column } : entries
            var k = 0
            while k < sorted.count {
                let c = sorted[k].column
                precondition(c >= 0 && c < columns, "sparse column out of range")
                var v = 0.0
                while k < sorted.count, sorted[k].column == c {
                    v += sorted[k].value
                    k += 1
                }
                if v != 0 {
                    indices.append(Int32(c))
                    values.append(v)
                }
            }
            offsets.append(indices.count)
        }

        func build() -> SparseMatrix {
            SparseMatrix(rows: rowCount, columns: columns, offsets: offsets, indices: indices, values: values)
        }
    }

    init(rows: Int, columns: Int, offsets: [Int], indices: [Int32], values: [Double]) {
        rowCount = rows
        columnCount = columns
        rowOffsets = offsets
        rowColumns = indices
        rowValues = values
        // CSC by counting sort (rows stay ascending within each column).
        var counts = [Int](repeating: 0, count: columns + 1)
        for c in indices { counts[Int(c) + 1] += 1 }
        for j in 0..<columns { counts[j + 1] += counts[j] }
        var next = counts
        var colRows = [Int32](repeating: 0, count: indices.count)
        var colValues = [Double](repeating: 0, count: indices.count)
        for i in 0..<rows {
            for k in offsets[i]..<offsets[i + 1] {
                let c = Int(indices[k])
                colRows[next[c]] = Int32(i)
                colValues[next[c]] = values[k]
                next[c] += 1
            }
        }
        columnOffsets = counts
        columnRows = colRows
        columnValues = colValues
    }

    /// `A·x`.
    func multiply(_ x: [Double], threads: Int) -> [Double] {
        var y: [Double] = []
        multiply(x, into: &y, threads: threads)
        return y
    }

    /// `Aᵀ·y`.
    func multiplyTransposed(_ y: [Double], threads: Int) -> [Double] {
        var x: [Double] = []
        multiplyTransposed(y, into: &x, threads: threads)
        return x
    }

    /// The Euclidean norm of each column with rows weighted by `rowWeights` (`√Σ wᵢ aᵢⱼ²`).
    func columnNorms(rowWeights: [Double]) -> [Double] {
        (0..<columnCount).map { j in
            var s = 0.0
            for k in columnOffsets[j]..<columnOffsets[j + 1] {
                let v = columnValues[k]
                s += rowWeights[Int(columnRows[k])] * v * v
            }
            return s.squareRoot()
        }
    }
}
