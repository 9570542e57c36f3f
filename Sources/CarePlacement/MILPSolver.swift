import CCbc
import Synchronization

/// Solves a ``MILP`` with COIN-OR CBC (`coinor-libcbc-dev`, linked as the system library `CCbc`).
///
/// This file is the only one that calls CBC's C API; everything else sees ``MILP`` and ``MILPSolution``.
///
/// ```swift
/// let s = try MILPSolver.solve(milp, timeLimit: 30, start: greedyPoint)
/// if s.provenOptimal { print(s.objective) }
/// ```
/// A time limit returns the best integer solution found and CBC's best bound; a start point (a feasible
/// solution from a heuristic) gives CBC an incumbent from the first node.
///
/// CBC 2.10's `Cbc_solve` runs the CBC command-line driver, which keeps global state: concurrent solves
/// corrupt each other. Solves are therefore serialised by a process-wide lock (callers on several threads
/// wait their turn).
public enum MILPSolver {
    private static let lock = Mutex(())

    /// Solves `milp`. `timeLimit` in seconds (`nil`: none); `start` must have one value per column.
    public static func solve(_ milp: MILP, timeLimit: Double? = nil, start: [Double]? = nil, threads: Int = 1)
        throws(PlacementError) -> MILPSolution
    {
        guard milp.columnCount > 0 else {
            return MILPSolution(values: [], objective: 0, bestBound: 0, provenOptimal: true, timeLimitReached: false, infeasible: false)
        }
        if let start, start.count != milp.columnCount {
            throw .solver("start point has \(start.count) values for \(milp.columnCount) columns")
        }
        return try lock.withLock { _ throws(PlacementError) in
            let model = try CBCModel()
            model.load(milp)
            model.configure(timeLimit: timeLimit, threads: threads)
            if let start { model.setStart(start) }
            return model.solve(columns: milp.columnCount, sense: milp.sense)
        }
    }
}

/// Owns one `Cbc_Model` and frees it in `deinit`. Not shared between threads: each solve makes its own.
final class CBCModel {
    private let handle: UnsafeMutableRawPointer

    init() throws(PlacementError) {
        guard let h = Cbc_newModel() else { throw .solver("CBC could not allocate a model") }
        handle = h
    }

    deinit { Cbc_deleteModel(handle) }

    func load(_ milp: MILP) {
        let csc = milp.cscMatrix()
        // CBC wants finite-or-COIN_DBL_MAX bounds; ±infinity is accepted as COIN_DBL_MAX is DBL_MAX-like.
        let big = Double.greatestFiniteMagnitude
        let clamp = { (v: Double) in v == .infinity ? big : (v == -.infinity ? -big : v) }
        let colL = milp.columnLower.map(clamp), colU = milp.columnUpper.map(clamp)
        let rowL = milp.rowLower.map(clamp), rowU = milp.rowUpper.map(clamp)
        csc.starts.withUnsafeBufferPointer { s in
            csc.rows.withUnsafeBufferPointer { r in
                csc.values.withUnsafeBufferPointer { v in
                    Cbc_loadProblem(handle, Int32(milp.columnCount), Int32(milp.rowCount), s.baseAddress, r.baseAddress,
                                    v.baseAddress, colL, colU, milp.objective, rowL, rowU)
                }
            }
        }
        for (j, integer) in milp.isInteger.enumerated() where integer { Cbc_setInteger(handle, Int32(j)) }
        Cbc_setObjSense(handle, milp.sense == .maximize ? -1 : 1)
    }

    func configure(timeLimit: Double?, threads: Int) {
        Cbc_setLogLevel(handle, 0)
        Cbc_setParameter(handle, "log", "0")
        Cbc_setParameter(handle, "slog", "0")
        if threads > 1 { Cbc_setParameter(handle, "threads", "\(threads)") }
        if let timeLimit { Cbc_setMaximumSeconds(handle, max(0.01, timeLimit)) }
        // Prove optimality exactly (objectives are integers or sums of minutes): no relative gap tolerance.
        Cbc_setAllowableFractionGap(handle, 0)
        Cbc_setAllowableGap(handle, 1e-7)
    }

    func setStart(_ values: [Double]) {
        let idx = (0..<Int32(values.count)).map { $0 }
        Cbc_setMIPStartI(handle, Int32(values.count), idx, values)
    }

    func solve(columns: Int, sense: MILP.Sense) -> MILPSolution {
        _ = Cbc_solve(handle)
        let optimal = Cbc_isProvenOptimal(handle) != 0
        let infeasible = Cbc_isProvenInfeasible(handle) != 0
        let timeUp = Cbc_isSecondsLimitReached(handle) != 0
        var values: [Double] = []
        if let best = Cbc_bestSolution(handle) {
            values = Array(UnsafeBufferPointer(start: best, count: columns))
        }
        let objective = Cbc_getObjValue(handle)
        var bound = Cbc_getBestPossibleObjValue(handle)
        if optimal, !values.isEmpty { bound = objective }
        // CBC reports its bound in the original sense; guard against an unset bound.
        if !bound.isFinite || abs(bound) >= 1e49 { bound = sense == .maximize ? .infinity : -.infinity }
        return MILPSolution(values: values, objective: objective, bestBound: bound, provenOptimal: optimal && !values.isEmpty,
                            timeLimitReached: timeUp, infeasible: infeasible)
    }
}
