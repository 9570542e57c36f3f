/// Weighted linear least squares on a sparse matrix, `min Σᵢ wᵢ (aᵢ·x − bᵢ)²`, by conjugate gradients on the
/// normal equations in the CGLS form of Hestenes & Stiefel (1952) as given by Björck (1996, §7.4), with the
/// columns scaled to unit weighted norm (Jacobi preconditioning) and an optional warm start.
///
/// ```swift
/// let fit = WeightedLeastSquares.solve(a, b, weights: w, start: previous, threads: 2)
/// print(fit.iterations, fit.converged)
/// ```
/// Complexity: O(nnz) per iteration; iterations grow with the condition number of the scaled matrix.
/// Results do not depend on `threads` (see ``SparseMatrix``; dot products are serial).
struct WeightedLeastSquares: Sendable {
    var solution: [Double]
    var iterations: Int
    var converged: Bool

    /// Solves to a relative tolerance on the normal-equation residual `‖Aᵀ W (b − A x)‖`.
    static func solve(_ a: SparseMatrix, _ b: [Double], weights: [Double], start: [Double]? = nil,
                      tolerance: Double = 1e-9, maxIterations: Int = 5_000, threads: Int) -> WeightedLeastSquares {
        let n = a.columnCount
        let root = weights.map { $0.squareRoot() }
        let norms = a.columnNorms(rowWeights: weights)
        let scale = norms.map { $0 > 0 ? 1 / $0 : 0 }
        // z = x / scale (columns without any entry stay at 0).
        var z = [Double](repeating: 0, count: n)
        if let start {
            for j in 0..<n where scale[j] > 0 { z[j] = start[j] / scale[j] }
        }
        // M = diag(√w) · A · diag(scale); work vectors are reused across iterations.
        let m = a.rowCount
        var scaled = [Double](repeating: 0, count: n), weighted = [Double](repeating: 0, count: m)
        func apply(_ v: [Double], into out: inout [Double]) {
            for j in 0..<n { scaled[j] = v[j] * scale[j] }
            a.multiply(scaled, into: &out, threads: threads)
            for i in 0..<m { out[i] *= root[i] }
        }
        func applyTransposed(_ r: [Double], into out: inout [Double]) {
            for i in 0..<m { weighted[i] = r[i] * root[i] }
            a.multiplyTransposed(weighted, into: &out, threads: threads)
            for j in 0..<n { out[j] *= scale[j] }
        }
        var r = [Double](repeating: 0, count: m)
        apply(z, into: &r)
        for i in 0..<m { r[i] = root[i] * b[i] - r[i] }
        var s = [Double](repeating: 0, count: n)
        applyTransposed(r, into: &s)
        var p = s
        var gamma = dot(s, s)
        var normal = [Double](repeating: 0, count: n)
        applyTransposed((0..<m).map { root[$0] * b[$0] }, into: &normal)
        let reference = dot(normal, normal).squareRoot()
        let target = tolerance * max(reference, .leastNormalMagnitude)
        var iterations = 0
        var converged = gamma.squareRoot() <= target
        var q = [Double](repeating: 0, count: m)
        while !converged, iterations < maxIterations {
            iterations += 1
            apply(p, into: &q)
            let qq = dot(q, q)
            guard qq > 0 else { break }
            let alpha = gamma / qq
            for j in 0..<n { z[j] += alpha * p[j] }
            for i in 0..<m { r[i] -= alpha * q[i] }
            applyTransposed(r, into: &s)
            let next = dot(s, s)
            if next.squareRoot() <= target { converged = true; break }
            let beta = next / gamma
            for j in 0..<n { p[j] = s[j] + beta * p[j] }
            gamma = next
        }
        return WeightedLeastSquares(solution: (0..<n).map { z[$0] * scale[$0] }, iterations: iterations,
                                    converged: converged)
    }

    private static func dot(_ u: [Double], _ v: [Double]) -> Double {
        var s = 0.0
        for i in u.indices { s += u[i] * v[i] }
        return s
    }
}
