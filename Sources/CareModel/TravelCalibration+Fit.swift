import CareKernel
import Foundation

extension TravelCalibration {
    /// One robust fit on the trips at `subset`: the parameters (rounded as written to a file, so that the
    /// model evaluated is the model saved), and the conjugate-gradient iterations of each pass.
    func solve(_ design: CalibrationDesign, subset: [Int], skeleton: CalibratedParameters)
        -> (parameters: CalibratedParameters, iterations: [Int], converged: Bool)
    {
        let (matrix, targets) = design.system(subset: subset, settings: settings)
        var weights = [Double](repeating: 1, count: matrix.rowCount)
        var x: [Double]?
        var iterations: [Int] = [], converged = true
        for pass in 0..<settings.robustIterations {
            let fit = WeightedLeastSquares.solve(matrix, targets, weights: weights, start: x, tolerance: 1e-7,
                                                 maxIterations: 4_000, threads: threads)
            x = fit.solution
            iterations.append(fit.iterations)
            converged = converged && fit.converged
            guard pass + 1 < settings.robustIterations else { break }
            // Huber weights on the trip rows, scale from the median absolute residual (Huber 1964).
            let residuals = subset.indices.map { r in targets[r] - design.predict(subset[r], fit.solution) }
            let scale = 1.4826 * TravelErrorSummary.quantile(residuals.map(abs).sorted(), 0.5)
            let limit = settings.huber * Swift.max(scale, 1e-6)
            for r in subset.indices {
                let e = abs(residuals[r])
                weights[r] = e <= limit ? 1 : limit / e
            }
        }
        let solution = x ?? [Double](repeating: 0, count: design.columnCount)
        var p = skeleton
        func round(_ v: Double, _ digits: Double) -> Double { (v * digits).rounded() / digits }
        let knots = design.logKnots.count
        p.base = .init(knotsKm: skeleton.base.knotsKm, values: (0..<knots).map { round(solution[$0], 1e6) },
                       originLogDensity: round(solution[knots], 1e6), destinationLogDensity: round(solution[knots + 1], 1e6))
        let d = design.departementCodes.count, base = design.baseColumns
        var terms: [String: CalibratedParameters.DepartementTerms] = [:]
        for (j, code) in design.departementCodes.enumerated() {
            terms[code] = .init(intercept: round(solution[base + j], 1e6),
                                slope: round(solution[base + d + j], 1e6),
                                trips: design.departementTrips[j])
        }
        p.departements = terms
        p.fields = design.grids.enumerated().map { f, grid in
            var g = grid
            let start = design.fieldOffsets[f]
            g.values = (0..<grid.values.count).map { round(solution[start + $0], 1e5) }
            return g
        }
        // Duan's smearing estimate with the rounded coefficients.
        let rounded = Self.solutionVector(of: p, design: design)
        var smear = 0.0
        for k in subset { smear += exp(design.targets[k] - design.predict(k, rounded)) }
        p.smearing = round(smear / Double(Swift.max(subset.count, 1)), 1e6)
        return (p, iterations, converged)
    }

    /// The column vector of parameters `p` in the layout of `design`.
    static func solutionVector(of p: CalibratedParameters, design: CalibrationDesign) -> [Double] {
        var x = [Double](repeating: 0, count: design.columnCount)
        let knots = design.logKnots.count
        for k in 0..<knots { x[k] = p.base.values[k] }
        x[knots] = p.base.originLogDensity
        x[knots + 1] = p.base.destinationLogDensity
        let d = design.departementCodes.count, base = design.baseColumns
        for (j, code) in design.departementCodes.enumerated() {
            let t = p.terms(ofDepartement: code)
            x[base + j] = t.intercept
            x[base + d + j] = t.slope
        }
        for (f, field) in p.fields.enumerated() where f < design.fieldOffsets.count {
            for (k, v) in field.values.enumerated() { x[design.fieldOffsets[f] + k] = v }
        }
        return x
    }

    /// Everything but the coefficients: ranges, reference, grids (zero) and isolated land masses.
    func skeletonParameters(trips: [ObservedTrip], territory: Territory, source: CalibratedParameters.ObservedSource,
                            fixedLinks: [(Int, Int)], geography: CommuneGeography) throws(ModelError) -> CalibratedParameters {
        let kms = trips.map { $0.metres / 1000 }
        let minKm = Swift.max(0.05, ((kms.min() ?? 0.05) * 1000).rounded(.down) / 1000)
        let maxKm = Swift.max(minKm * 2, (kms.max() ?? 1).rounded(.up))
        var densities: [Double] = []
        for (i, c) in territory.communes.enumerated() where geography.areasKm2[i] > 0 {
            densities.append(Double(c.population) / geography.areasKm2[i])
        }
        densities.sort()
        let range = CalibratedParameters.DensityRange(minimum: 1, maximum: 50_000, fallback: 1)
        let median = TravelErrorSummary.quantile(densities, 0.5)
        let fallback = median.isFinite ? Swift.min(Swift.max((median * 10).rounded() / 10, range.minimum), range.maximum) : 50
        var p = CalibratedParameters(
            name: name, observed: source,
            base: .init(knotsKm: settings.knotsKm, values: settings.knotsKm.map { _ in 0 }, originLogDensity: 0, destinationLogDensity: 0),
            reference: .init(), distance: .init(minimumKm: minKm, maximumKm: maxKm),
            density: .init(minimum: range.minimum, maximum: range.maximum, fallback: fallback),
            smearing: 1, departements: [:], fields: [], isolatedLand: [], fit: settings)
        // Land masses: boundaries, joined where an observed road trip links two of them.
        let lookup = TravelContext(parameters: p, territory: territory, geography: geography)
        let links = trips.compactMap { t -> (Int, Int)? in
            let a = lookup.end(for: t.origin).commune, b = lookup.end(for: t.destination).commune
            return a >= 0 && b >= 0 ? (Int(a), Int(b)) : nil
        }
        p.isolatedLand = LandMasses.isolated(in: territory, linkedBy: links + fixedLinks).map { indices in
            .init(communes: indices.map { territory.communes[$0].code })
        }
        p.fields = Self.grids(for: trips, cell: settings.cellMetres)
        if let problem = p.problem() {
            throw .invalidParameter(name: "calibration", value: "", reason: problem)
        }
        return p
    }

    /// One zero field per CRS zone with trips, covering the trips' ends with a cell of margin.
    static func grids(for trips: [ObservedTrip], cell: Double) -> [TravelField] {
        var boxes: [Int: (minX: Double, minY: Double, maxX: Double, maxY: Double)] = [:]
        for t in trips {
            for p in [t.origin, t.destination] {
                let b = boxes[p.crs.epsg] ?? (p.point.x, p.point.y, p.point.x, p.point.y)
                boxes[p.crs.epsg] = (Swift.min(b.minX, p.point.x), Swift.min(b.minY, p.point.y),
                                     Swift.max(b.maxX, p.point.x), Swift.max(b.maxY, p.point.y))
            }
        }
        return boxes.keys.sorted().compactMap { epsg in
            guard let b = boxes[epsg] else { return nil }
            let x0 = ((b.minX - cell) / cell).rounded(.down) * cell
            let y0 = ((b.minY - cell) / cell).rounded(.down) * cell
            let columns = Int(((b.maxX + cell - x0) / cell).rounded(.up)) + 1
            let rows = Int(((b.maxY + cell - y0) / cell).rounded(.up)) + 1
            return TravelField(epsg: epsg, originX: x0, originY: y0, cellMetres: cell, columns: Swift.max(2, columns),
                               rows: Swift.max(2, rows), values: Array(repeating: 0, count: Swift.max(2, columns) * Swift.max(2, rows)))
        }
    }
}
