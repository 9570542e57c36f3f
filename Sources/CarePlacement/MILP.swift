/// A mixed-integer linear programme in column-compressed (CSC) form, ready for a solver:
///
///     optimise  Σ_j c_j x_j   subject to   rowLower ≤ A x ≤ rowUpper,   colLower ≤ x ≤ colUpper,
///                                         x_j integer where isInteger[j].
///
/// ```swift
/// var m = MILP(sense: .maximize)
/// let x = m.addColumn(objective: 3, lower: 0, upper: 1, integer: true)
/// let y = m.addColumn(objective: 2, lower: 0, upper: 1, integer: true)
/// m.addRow([(x, 1), (y, 1)], lower: -.infinity, upper: 1)   // x + y ≤ 1
/// let s = try MILPSolver.solve(m)                          // x = 1, objective 3
/// ```
/// Rows are collected as triplets and compressed once (``cscMatrix()``, a counting sort), O(nnz + columns).
public struct MILP: Sendable {
    /// Whether the objective is minimised or maximised.
    public enum Sense: Sendable { case minimize, maximize }

    /// The direction of optimisation.
    public var sense: Sense
    /// Objective coefficient `c_j` of each column, by column index.
    public private(set) var objective: [Double] = []
    /// Lower bound of each column (`-infinity` for none).
    public private(set) var columnLower: [Double] = []
    /// Upper bound of each column (`+infinity` for none).
    public private(set) var columnUpper: [Double] = []
    /// Whether each column must take an integer value.
    public private(set) var isInteger: [Bool] = []
    /// Lower bound of each row (`-infinity` for a `≤` row).
    public private(set) var rowLower: [Double] = []
    /// Upper bound of each row (`+infinity` for a `≥` row).
    public private(set) var rowUpper: [Double] = []
    /// Non-zeros as (row, column, value) triplets.
    private var entries: [(row: Int32, column: Int32, value: Double)] = []

    /// An empty programme (no column, no row) optimised in direction `sense`.
    public init(sense: Sense) { self.sense = sense }

    /// Number of variables.
    public var columnCount: Int { objective.count }
    /// Number of constraints.
    public var rowCount: Int { rowLower.count }
    /// Number of non-zero coefficients added (zero coefficients are dropped by ``addRow(_:lower:upper:)``).
    public var nonZeroCount: Int { entries.count }

    /// Adds a variable and returns its index.
    @discardableResult
    public mutating func addColumn(objective c: Double, lower: Double, upper: Double, integer: Bool) -> Int {
        objective.append(c)
        columnLower.append(lower)
        columnUpper.append(upper)
        isInteger.append(integer)
        return objective.count - 1
    }

    /// Adds a constraint `lower ≤ Σ coefficient · x[column] ≤ upper` (use ±infinity for one-sided rows).
    public mutating func addRow(_ terms: [(column: Int, coefficient: Double)], lower: Double, upper: Double) {
        let r = Int32(rowLower.count)
        for t in terms where t.coefficient != 0 { entries.append((r, Int32(t.column), t.coefficient)) }
        rowLower.append(lower)
        rowUpper.append(upper)
    }

    /// The constraint matrix in CSC form: column `j`'s non-zeros are `rows[starts[j]..<starts[j+1]]`.
    public func cscMatrix() -> (starts: [Int32], rows: [Int32], values: [Double]) {
        var counts = [Int32](repeating: 0, count: columnCount + 1)
        for e in entries { counts[Int(e.column) + 1] += 1 }
        for j in 0..<columnCount { counts[j + 1] += counts[j] }
        var next = counts
        var rows = [Int32](repeating: 0, count: entries.count)
        var values = [Double](repeating: 0, count: entries.count)
        for e in entries {
            let p = Int(next[Int(e.column)])
            rows[p] = e.row
            values[p] = e.value
            next[Int(e.column)] += 1
        }
        return (counts, rows, values)
    }

    /// Objective value of a point.
    public func evaluate(_ x: [Double]) -> Double {
        zip(objective, x).reduce(0) { $0 + $1.0 * $1.1 }
    }
}

/// What a MILP solve returned.
public struct MILPSolution: Sendable {
    /// Values of the variables in the best integer solution found (empty when none was found).
    public var values: [Double]
    /// Objective of ``values`` (as the solver reports it).
    public var objective: Double
    /// Best proven bound on the optimum (upper bound when maximising, lower bound when minimising).
    public var bestBound: Double
    /// The solver proved ``values`` optimal.
    public var provenOptimal: Bool
    /// The solver stopped on its time limit.
    public var timeLimitReached: Bool
    /// The solver proved the problem infeasible.
    public var infeasible: Bool
    /// Whether the solver found an integer solution (``values`` is not empty).
    public var hasSolution: Bool { !values.isEmpty }
}
