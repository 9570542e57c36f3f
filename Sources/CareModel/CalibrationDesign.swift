import Foundation

/// The least-squares problem behind ``TravelCalibration``: one row per observed trip (log-minutes against the
/// terms of ``CalibratedParameters``) and the penalty rows that shrink département terms towards the national
/// curve and keep the fields smooth.
///
/// Columns: one per knot of the national curve (hat functions in `ln km`), origin and destination
/// log-density, then one intercept and one slope per département, then the nodes of each field.
/// Complexity: O(trips × samples) to build.
struct CalibrationDesign: Sendable {
    /// Per trip: its sparse row (columns, values) and its target (log-minutes).
    let rows: [[(column: Int, value: Double)]]
    let targets: [Double]
    let departementCodes: [String]
    /// Trips with an end in each département.
    let departementTrips: [Int]
    /// Fields with zero values (the grids), and the column of each field's first node.
    let grids: [TravelField]
    let fieldOffsets: [Int]
    let columnCount: Int
    /// Knots of the national curve, in `ln km`.
    let logKnots: [Double]
    /// Columns before the département terms: one per knot, then the two density coefficients.
    var baseColumns: Int { logKnots.count + 2 }

    /// `skeleton` carries the reference, distance and density ranges and the grids (values ignored).
    init(trips: [ObservedTrip], origins: [TravelEnd], destinations: [TravelEnd], territory: Territory,
         skeleton: CalibratedParameters) {
        var codes = Set<String>()
        func code(_ e: TravelEnd) -> String? { e.commune >= 0 ? territory.communes[Int(e.commune)].departement : nil }
        for k in trips.indices {
            if let c = code(origins[k]) { codes.insert(c) }
            if let c = code(destinations[k]) { codes.insert(c) }
        }
        departementCodes = codes.sorted()
        let index = Dictionary(uniqueKeysWithValues: departementCodes.enumerated().map { ($0.element, $0.offset) })
        let d = departementCodes.count
        grids = skeleton.fields
        let logKnots = skeleton.base.knotsKm.map { log($0) }
        self.logKnots = logKnots
        let baseColumns = logKnots.count + 2
        var offsets: [Int] = [], next = baseColumns + 2 * d
        for g in grids { offsets.append(next); next += g.values.count }
        fieldOffsets = offsets
        columnCount = next
        var counts = [Int](repeating: 0, count: d)
        var rows: [[(column: Int, value: Double)]] = [], targets: [Double] = []
        rows.reserveCapacity(trips.count)
        let p = skeleton
        for k in trips.indices {
            let o = origins[k], s = destinations[k]
            let km = trips[k].metres / 1000
            let logKm = log(Swift.min(Swift.max(km, p.distance.minimumKm), p.distance.maximumKm))
            let u = logKm - log(p.reference.distanceKm)
            var row = Self.hats(atLogKm: logKm, logKnots: logKnots)
            row += [(logKnots.count, o.logDensity), (logKnots.count + 1, s.logDensity)]
            var seen = Set<Int>()
            for e in [o, s] {
                guard let c = code(e), let j = index[c] else { continue }
                row.append((baseColumns + j, 0.5))
                row.append((baseColumns + d + j, 0.5 * u))
                if seen.insert(j).inserted { counts[j] += 1 }
            }
            if o.field >= 0 {
                let f = Int(o.field)
                grids[f].segmentWeights(fromX: o.x, y: o.y, toX: s.x, y: s.y, offset: offsets[f], into: &row)
            }
            // Beyond the fitted range minutes scale with distance: fit ln(minutes × clamped / true).
            let clamped = Swift.min(Swift.max(km, p.distance.minimumKm), p.distance.maximumKm)
            rows.append(row)
            targets.append(log(trips[k].minutes * clamped / km))
        }
        self.rows = rows
        self.targets = targets
        departementTrips = counts
    }

    /// The matrix of the trips at `subset` (in that order) followed by the penalty rows, and its targets.
    func system(subset: [Int], settings: CalibratedParameters.FitSettings) -> (matrix: SparseMatrix, targets: [Double]) {
        var builder = SparseMatrix.Builder(columns: columnCount)
        var b: [Double] = []
        b.reserveCapacity(subset.count + columnCount * 3)
        for k in subset {
            builder.append(rows[k])
            b.append(targets[k])
        }
        let d = departementCodes.count
        let dep = settings.departementPenalty.squareRoot()
        for j in 0..<(2 * d) {
            builder.append([(baseColumns + j, dep)])
            b.append(0)
        }
        // Curvature of the national curve: change of slope between knot intervals (in ln km).
        let curve = settings.curvePenalty.squareRoot()
        for k in logKnots.indices.dropFirst().dropLast() {
            let before = logKnots[k] - logKnots[k - 1], after = logKnots[k + 1] - logKnots[k]
            builder.append([(k - 1, curve / before), (k, -curve / before - curve / after), (k + 1, curve / after)])
            b.append(0)
        }
        let smooth = settings.smoothness.squareRoot(), ridge = settings.fieldPenalty.squareRoot()
        for (f, g) in grids.enumerated() {
            let base = fieldOffsets[f]
            for r in 0..<g.rows {
                for c in 0..<g.columns {
                    let n = base + r * g.columns + c
                    if c + 1 < g.columns { builder.append([(n, smooth), (n + 1, -smooth)]); b.append(0) }
                    if r + 1 < g.rows { builder.append([(n, smooth), (n + g.columns, -smooth)]); b.append(0) }
                    builder.append([(n, ridge)])
                    b.append(0)
                }
            }
        }
        return (builder.build(), b)
    }

    /// The hat-function weights of the national curve's knots at `ln km` (one or two knots, summing to 1).
    static func hats(atLogKm x: Double, logKnots: [Double]) -> [(column: Int, value: Double)] {
        guard let first = logKnots.first, let last = logKnots.last else { return [] }
        if x <= first { return [(0, 1)] }
        if x >= last { return [(logKnots.count - 1, 1)] }
        var k = 1
        while logKnots[k] < x { k += 1 }
        let t = (x - logKnots[k - 1]) / (logKnots[k] - logKnots[k - 1])
        return [(k - 1, 1 - t), (k, t)]
    }

    /// The prediction of row `k` (log-minutes) for a solution.
    func predict(_ k: Int, _ x: [Double]) -> Double {
        rows[k].reduce(0) { $0 + $1.value * x[$1.column] }
    }
}
