import CareKernel
import Foundation

/// Fits a ``CalibratedModel`` to observed trips, and measures it honestly: k-fold cross-validation over
/// origin communes (every trip of an origin is in the same fold), so the reported errors are those of trips
/// the fit did not see.
///
/// The fit is robust linear least squares in log-minutes (Huber 1964, by iteratively reweighted least
/// squares), with ridge penalties that shrink each département's terms towards the national curve where
/// trips are few and a first-difference penalty that keeps the regional field smooth (a Tikhonov-regularised
/// straight-ray tomography). Duan's (1983) smearing factor turns log-space fits into unbiased minutes.
///
/// ```swift
/// let calibration = TravelCalibration(settings: .init(), name: "METRIC 2019 (DREES)")
/// let result = try calibration.run(trips: trips, territory: territory, source: source)
/// print(result.parameters.heldOut?.upTo30Minutes.medianRelativeError ?? .nan)
/// ```
/// Complexity: per fit, a few robust passes of conjugate gradients, each O(nnz) per iteration; k + 1 fits.
/// Deterministic: results do not depend on `threads`.
public struct TravelCalibration: Sendable {
    /// Grid cell, penalties, knots, robust iterations, folds and seed of the fit (checked by ``validate()``).
    public var settings: CalibratedParameters.FitSettings
    /// Threads for placing the trips' ends and predicting their minutes (≥ 1; results do not depend on it).
    public var threads: Int
    /// Name written into the parameters (shown in every summary).
    public var name: String

    /// Creates a calibration from its parts; `threads` below 1 counts as 1. The settings are checked by
    /// ``validate()`` (and by ``run(trips:territory:source:fixedLinks:progress:)``), not here.
    public init(settings: CalibratedParameters.FitSettings = .init(), threads: Int = KDTree.defaultThreadCount,
                name: String = "observed trips") {
        self.settings = settings
        self.threads = Swift.max(1, threads)
        self.name = name
    }

    /// A calibration: the model fit on every trip (with its held-out figures), and per trip the held-out
    /// and in-sample predictions.
    public struct Result: Sendable {
        /// The model fit on every trip, with its held-out error figures (``CalibratedParameters/heldOut``) when
        /// cross-validated.
        public var parameters: CalibratedParameters
        /// Minutes predicted for each trip by the fit that left its fold out (`nil` without cross-validation).
        public var heldOut: [Double]?
        /// Minutes predicted by the final model (fit on every trip).
        public var inSample: [Double]
        /// Fold of each trip.
        public var folds: [Int]
        /// Conjugate-gradient iterations of each solve, and whether every solve converged.
        public var iterations: [Int]
        /// Whether every conjugate-gradient solve converged.
        public var converged: Bool
    }

    /// Checks the settings (from options or files) before any arithmetic.
    public func validate() throws(ModelError) {
        let s = settings
        func check(_ ok: Bool, _ name: String, _ value: String, _ reason: String) throws(ModelError) {
            if !ok { throw .invalidParameter(name: name, value: value, reason: reason) }
        }
        try check(s.cellMetres.isFinite && s.cellMetres >= 1_000 && s.cellMetres <= 200_000, "cell", "\(s.cellMetres)", "must be 1,000–200,000 m")
        try check(s.departementPenalty.isFinite && s.departementPenalty >= 0 && s.departementPenalty <= 1e6, "département penalty", "\(s.departementPenalty)", "must be 0–1e6")
        try check(s.smoothness.isFinite && s.smoothness >= 0 && s.smoothness <= 1e6, "smoothness", "\(s.smoothness)", "must be 0–1e6")
        try check(s.fieldPenalty.isFinite && s.fieldPenalty > 0 && s.fieldPenalty <= 1e6, "field penalty", "\(s.fieldPenalty)", "must be > 0 and ≤ 1e6")
        try check(s.huber.isFinite && s.huber > 0 && s.huber <= 100, "huber", "\(s.huber)", "must be > 0 and ≤ 100")
        try check((2...64).contains(s.knotsKm.count) && s.knotsKm.allSatisfy({ $0.isFinite && $0 > 0 && $0 <= 2_000 })
                  && zip(s.knotsKm, s.knotsKm.dropFirst()).allSatisfy({ $0 < $1 }), "knots", s.knotsKm.map { "\($0)" }.joined(separator: ","),
                  "must be 2–64 ascending distances in (0, 2000] km")
        try check(s.curvePenalty.isFinite && s.curvePenalty >= 0 && s.curvePenalty <= 1e6, "curve penalty", "\(s.curvePenalty)", "must be 0–1e6")
        try check((1...20).contains(s.robustIterations), "robust iterations", "\(s.robustIterations)", "must be 1–20")
        try check(s.folds == 0 || (2...50).contains(s.folds), "folds", "\(s.folds)", "must be 0 (no cross-validation) or 2–50")
    }

    /// Fits the model on `trips` (ends placed in `territory`), cross-validates it when `settings.folds > 0`.
    /// Throws when there are too few trips (fewer than 20) or the settings are out of range.
    /// `fixedLinks`: pairs of commune indices joined by a road the boundaries do not show (bridges to
    /// islands, e.g. the Oléron viaduct), besides those the observed trips reveal.
    public func run(trips: [ObservedTrip], territory: Territory, source: CalibratedParameters.ObservedSource,
                    fixedLinks: [(Int, Int)] = [],
                    progress: any ProgressReporter = SilentProgress()) throws(ModelError) -> Result {
        try validate()
        guard trips.count >= 20 else {
            throw .invalidParameter(name: "observed trips", value: "\(trips.count)", reason: "at least 20 trips are needed to calibrate")
        }
        guard trips.allSatisfy({ $0.minutes.isFinite && $0.minutes > 0 && $0.metres.isFinite && $0.metres > 0 }) else {
            throw .invalidParameter(name: "observed trips", value: "", reason: "every trip needs minutes > 0 between two distinct places of one CRS zone")
        }
        let geography = CommuneGeography(territory: territory)
        let skeleton = try skeletonParameters(trips: trips, territory: territory, source: source, fixedLinks: fixedLinks,
                                              geography: geography)
        let context = TravelContext(parameters: skeleton, territory: territory, geography: geography)
        let origins = context.ends(for: trips.map(\.origin), threads: threads)
        let destinations = context.ends(for: trips.map(\.destination), threads: threads)
        if let k = trips.indices.first(where: { origins[$0].land != destinations[$0].land }) {
            throw .invalidParameter(name: "observed trip", value: "line \(trips[k].line)", reason: "its ends are on two land masses")
        }
        let design = CalibrationDesign(trips: trips, origins: origins, destinations: destinations,
                                       territory: territory, skeleton: skeleton)
        let folds = settings.folds > 0 ? Self.folds(of: trips, count: settings.folds, seed: settings.seed) : Array(repeating: 0, count: trips.count)
        let fits = settings.folds > 0 ? settings.folds + 1 : 1
        progress.begin(total: fits, label: "calibration fits")
        defer { progress.end() }
        var iterations: [Int] = [], converged = true
        var heldOut: [Double]?
        if settings.folds > 0 {
            var predictions = [Double](repeating: .nan, count: trips.count)
            for fold in 0..<settings.folds {
                let train = trips.indices.filter { folds[$0] != fold }
                let test = trips.indices.filter { folds[$0] == fold }
                guard !train.isEmpty, !test.isEmpty else { progress.advance(by: 1); continue }
                let fit = solve(design, subset: train, skeleton: skeleton)
                iterations += fit.iterations
                converged = converged && fit.converged
                let model = try CalibratedModel(parameters: fit.parameters, territory: territory, geography: geography, threads: threads)
                let minutes = try Self.minutes(model, trips: test.map { trips[$0] })
                for (k, m) in zip(test, minutes) { predictions[k] = m }
                progress.advance(by: 1)
            }
            heldOut = predictions
        }
        var final = solve(design, subset: Array(trips.indices), skeleton: skeleton)
        iterations += final.iterations
        converged = converged && final.converged
        progress.advance(by: 1)
        if let heldOut {
            let observed = trips.map(\.minutes)
            func summary(upTo limit: Double) -> TravelErrorSummary {
                let kept = trips.indices.filter { trips[$0].minutes <= limit }
                return TravelErrorSummary(observed: kept.map { observed[$0] }, modelled: kept.map { heldOut[$0] }).encodable
            }
            final.parameters.heldOut = .init(
                folds: settings.folds, upTo30Minutes: summary(upTo: 30),
                all: TravelErrorSummary(observed: observed, modelled: heldOut).encodable, upTo10Minutes: summary(upTo: 10))
        }
        let model = try CalibratedModel(parameters: final.parameters, territory: territory, geography: geography, threads: threads)
        let inSample = try Self.minutes(model, trips: trips)
        return Result(parameters: final.parameters, heldOut: heldOut, inSample: inSample, folds: folds,
                      iterations: iterations, converged: converged)
    }

    /// The fold of each trip: a hash of its origin key (FNV-1a, mixed by SplitMix64 with `seed`) modulo
    /// `count`, so that all trips of an origin share a fold whatever the order of the file.
    public static func folds(of trips: [ObservedTrip], count: Int, seed: UInt64) -> [Int] {
        trips.map { trip in
            var rng = SplitMix64(seed: FNV1a.hash(trip.originKey.utf8) ^ seed)
            return Int(rng.next() % UInt64(count))
        }
    }

    static func minutes(_ model: CalibratedModel, trips: [ObservedTrip]) throws(ModelError) -> [Double] {
        do {
            return try model.minutes(between: trips.map { PlacePair(origin: $0.origin, destination: $0.destination) })
        } catch let error as ModelError {
            throw error
        } catch {
            throw .invalidParameter(name: "travel model", value: "", reason: "\(error)")
        }
    }
}
