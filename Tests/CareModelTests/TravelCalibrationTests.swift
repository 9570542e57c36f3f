import CareGeo
import CareKernel
import Foundation
import Testing

@testable import CareModel

/// Calibration on SYNTHETIC trips drawn from a known SYNTHETIC model (``CalibratedModelTests``'s territory and
/// parameters): the fit must recover what generated the data, its folds must never mix train and test, and
/// its solver must agree with a dense reference.
struct TravelCalibrationTests {
    /// Every ordered pair of distinct grid communes (600 trips), minutes from `truth` times a seeded noise of
    /// ±`noise` (multiplicative, uniform).
    static func trips(truth: CalibratedParameters, territory t: Territory, noise: Double, seed: UInt64) throws -> [ObservedTrip] {
        let model = try CalibratedModel(parameters: truth, territory: t, threads: 1)
        var rng = SplitMix64(seed: seed)
        var out: [ObservedTrip] = []
        for i in 0..<25 {
            for j in 0..<25 where i != j {
                let a = t.communes[i], b = t.communes[j]
                let m = try model.minutes(between: [PlacePair(origin: a.place, destination: b.place)])[0]
                out.append(ObservedTrip(origin: a.place, destination: b.place, minutes: m * (1 + noise * (2 * rng.unit() - 1)),
                                        originCode: a.code, destinationCode: b.code, line: out.count + 2))
            }
        }
        return out
    }

    /// Truth: a curve with knots where the fit has them, no field, no isolated land.
    static func truth(knots: [Double]) -> CalibratedParameters {
        var p = CalibratedModelTests.parameters(isolated: [])
        p.base = .init(knotsKm: knots, values: knots.map { log(1.8) + 0.75 * log($0) }, originLogDensity: 0.03,
                       destinationLogDensity: -0.02)
        p.fields[0].values = p.fields[0].values.map { _ in 0 }
        p.smearing = 1
        return p
    }

    static let source = CalibratedParameters.ObservedSource(description: "synthetic", file: "synthetic.csv", bytes: 0,
                                                            fnv1a: "0", trips: 600)

    @Test func recoversTheParametersThatGeneratedNoiseFreeTrips() throws {
        let t = try CalibratedModelTests.territory()
        var settings = CalibratedParameters.FitSettings(departementPenalty: 1e-6, smoothness: 1, fieldPenalty: 1e3,
                                                        knotsKm: [2, 5, 10, 20, 40], curvePenalty: 1e-6)
        settings.folds = 0
        let truth = Self.truth(knots: settings.knotsKm)
        let trips = try Self.trips(truth: truth, territory: t, noise: 0, seed: 1)
        let r = try TravelCalibration(settings: settings, threads: 1).run(trips: trips, territory: t, source: Self.source)
        let p = r.parameters
        // Only the curve plus a département's line is identified (a common shift moves between them): the
        // curve of trips within "07" (truth: the curve itself) at knots inside the trips' range (4–23 km).
        let d26 = p.terms(ofDepartement: "26"), d07 = p.terms(ofDepartement: "07")
        for (k, km) in settings.knotsKm.enumerated() where km >= 5 && km <= 20 {
            let within07 = p.base.values[k] + d07.intercept + d07.slope * (log(km) - log(10))
            #expect(abs(within07 - truth.base.values[k]) < 2e-3, "knot \(km) km")
        }
        #expect(abs(p.base.originLogDensity - 0.03) < 2e-3)
        #expect(abs(p.base.destinationLogDensity + 0.02) < 2e-3)
        #expect(abs((d26.intercept - d07.intercept) - 0.1) < 5e-3)
        #expect(abs((d26.slope - d07.slope) - 0.05) < 1e-2)
        let m = r.inSample.enumerated().map { abs($0.element - trips[$0.offset].minutes) / trips[$0.offset].minutes }
        #expect(m.max() ?? 1 < 5e-3)
        #expect(abs(p.smearing - 1) < 1e-3)
    }

    @Test func noisyTripsGiveHeldOutErrorsNearTheNoise() throws {
        let t = try CalibratedModelTests.territory()
        var settings = CalibratedParameters.FitSettings(knotsKm: [2, 5, 10, 20, 40])
        settings.folds = 5
        let trips = try Self.trips(truth: Self.truth(knots: settings.knotsKm), territory: t, noise: 0.1, seed: 2)
        let r = try TravelCalibration(settings: settings, threads: 1).run(trips: trips, territory: t, source: Self.source)
        let held = try #require(r.parameters.heldOut)
        // Uniform ±10 % noise: median relative error about 5 %, and the fit does not chase it.
        #expect(held.all.medianRelativeError > 0.03 && held.all.medianRelativeError < 0.07)
        #expect(abs(held.all.bias) < 0.3)
        #expect(held.all.trips == trips.count)
    }

    @Test func foldsKeepEachOriginWhole() throws {
        let t = try CalibratedModelTests.territory()
        let trips = try Self.trips(truth: Self.truth(knots: [2, 10, 40]), territory: t, noise: 0, seed: 3)
        let folds = TravelCalibration.folds(of: trips, count: 5, seed: 42)
        var foldOfOrigin: [String: Int] = [:]
        for (trip, fold) in zip(trips, folds) {
            #expect((0..<5).contains(fold))
            if let seen = foldOfOrigin[trip.originKey] { #expect(seen == fold, "origin \(trip.originKey) in two folds") }
            foldOfOrigin[trip.originKey] = fold
        }
        // For every fold, no origin of the test set is in the training set.
        for fold in 0..<5 {
            let test = Set(trips.indices.filter { folds[$0] == fold }.map { trips[$0].originKey })
            let train = Set(trips.indices.filter { folds[$0] != fold }.map { trips[$0].originKey })
            #expect(test.isDisjoint(with: train))
        }
        #expect(Set(folds).count == 5)
        // The order of the file does not matter.
        let reversed = TravelCalibration.folds(of: trips.reversed(), count: 5, seed: 42)
        #expect(Array(reversed.reversed()) == folds)
        #expect(TravelCalibration.folds(of: trips, count: 5, seed: 43) != folds)
    }

    @Test func resultsDoNotDependOnThreads() throws {
        let t = try CalibratedModelTests.territory()
        var settings = CalibratedParameters.FitSettings(knotsKm: [2, 5, 10, 20, 40])
        settings.folds = 3
        let trips = try Self.trips(truth: Self.truth(knots: settings.knotsKm), territory: t, noise: 0.05, seed: 4)
        let one = try TravelCalibration(settings: settings, threads: 1).run(trips: trips, territory: t, source: Self.source)
        let two = try TravelCalibration(settings: settings, threads: 2).run(trips: trips, territory: t, source: Self.source)
        #expect(one.parameters == two.parameters)
        #expect(one.heldOut == two.heldOut)
    }

    @Test func settingsAndTripsOutOfRangeAreRefused() throws {
        let t = try CalibratedModelTests.territory()
        let trips = try Self.trips(truth: Self.truth(knots: [2, 10, 40]), territory: t, noise: 0, seed: 5)
        var bad = CalibratedParameters.FitSettings()
        bad.cellMetres = 10
        #expect(throws: ModelError.self) { try TravelCalibration(settings: bad).run(trips: trips, territory: t, source: Self.source) }
        bad = CalibratedParameters.FitSettings()
        bad.folds = 1
        #expect(throws: ModelError.self) { try TravelCalibration(settings: bad).run(trips: trips, territory: t, source: Self.source) }
        #expect(throws: ModelError.self) {
            try TravelCalibration().run(trips: Array(trips.prefix(5)), territory: t, source: Self.source)
        }
    }

    /// CGLS against the normal equations solved densely by Gaussian elimination, on a SYNTHETIC random
    /// sparse problem with weights.
    @Test func conjugateGradientsEqualADenseSolution() throws {
        var rng = SplitMix64(seed: 9)
        let rows = 60, columns = 12
        var builder = SparseMatrix.Builder(columns: columns)
        var dense = [[Double]](repeating: [Double](repeating: 0, count: columns), count: rows)
        for i in 0..<rows {
            var entries: [(column: Int, value: Double)] = []
            for _ in 0..<4 {
                let c = Int(rng.next() % UInt64(columns)), v = 2 * rng.unit() - 1
                entries.append((c, v))
                dense[i][c] += v
            }
            if i < columns { entries.append((i, 1)); dense[i][i] += 1 }   // full column rank
            builder.append(entries)
        }
        let a = builder.build()
        let b = (0..<rows).map { _ in 2 * rng.unit() - 1 }
        let w = (0..<rows).map { _ in 0.2 + rng.unit() }
        let fit = WeightedLeastSquares.solve(a, b, weights: w, tolerance: 1e-13, maxIterations: 1_000, threads: 2)
        #expect(fit.converged)
        // Normal equations AᵀWA x = AᵀWb, Gauss–Jordan with partial pivoting.
        var n = [[Double]](repeating: [Double](repeating: 0, count: columns + 1), count: columns)
        for p in 0..<columns {
            for q in 0..<columns { n[p][q] = (0..<rows).reduce(0) { $0 + w[$1] * dense[$1][p] * dense[$1][q] } }
            n[p][columns] = (0..<rows).reduce(0) { $0 + w[$1] * dense[$1][p] * b[$1] }
        }
        for c in 0..<columns {
            let pivot = (c..<columns).max { abs(n[$0][c]) < abs(n[$1][c]) } ?? c
            n.swapAt(c, pivot)
            for r in 0..<columns where r != c {
                let f = n[r][c] / n[c][c]
                for k in c...columns { n[r][k] -= f * n[c][k] }
            }
        }
        for j in 0..<columns { #expect(abs(fit.solution[j] - n[j][columns] / n[j][j]) < 1e-9, "x\(j)") }
        // The transposed product is the transpose of the product.
        let x = (0..<columns).map { _ in rng.unit() }, y = (0..<rows).map { _ in rng.unit() }
        let ax = a.multiply(x, threads: 1), aty = a.multiplyTransposed(y, threads: 2)
        let left = zip(ax, y).reduce(0) { $0 + $1.0 * $1.1 }, right = zip(aty, x).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(left - right) < 1e-12)
    }
}
