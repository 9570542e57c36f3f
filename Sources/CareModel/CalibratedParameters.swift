import Foundation

/// Everything a ``CalibratedModel`` needs, as written to and read from a small JSON file
/// (`careaccess travel calibrate --out model.json`; format in `docs/travel-model.md`).
///
/// For a trip from origin `o` to destination `s`, `d` km apart in a straight line (clamped to
/// ``DistanceRange/minimumKm``…``DistanceRange/maximumKm``), `u = ln(d / referenceKm)`:
///
/// ```text
/// ln minutes = B(ln d) + cₒ·(ln ρₒ − ln ρ₀) + c_s·(ln ρ_s − ln ρ₀)
///            + ½(aₒ + a_s) + ½(sₒ + s_s)·u + F̄(o → s)
/// minutes    = exp(ln minutes) × smearing × (d_true / d  outside the clamped range)
/// ```
/// `B` is the national curve, piecewise linear in `ln d` through ``BaseTerms/values`` at
/// ``BaseTerms/knotsKm`` (a linear spline: short trips have their own minutes per km, as do long ones).
/// `ρ` is the population density of the commune at each end, `a`/`s` the intercept and slope of the
/// département at each end (shrunk towards 0, the national curve), `F̄` the mean of the ``TravelField`` along
/// the segment, and `smearing` Duan's (1983) retransformation factor. Places on two land masses with no
/// road between them (``isolatedLand``) are unreachable; places at the same point are 0 minutes apart.
///
/// ```swift
/// let p = try JSONDecoder().decode(CalibratedParameters.self, from: data)
/// if let problem = p.problem() { print(problem) }
/// ```
public struct CalibratedParameters: Codable, Sendable, Equatable {
    /// The `format` value of every CareAccess travel-model file.
    public static let formatName = "careaccess-travel-model"
    /// The version this build reads and writes.
    public static let currentVersion = 1

    /// File-format tag; must equal ``formatName`` for ``problem()`` to accept the file.
    public var format: String = Self.formatName
    /// File-format version; only ``currentVersion`` is accepted.
    public var version: Int = Self.currentVersion
    /// Short name shown in summaries, e.g. `"METRIC 2019 (DREES)"`.
    public var name: String
    /// The observed trips the model was fit on.
    public var observed: ObservedSource
    /// The national curve `B` and the density coefficients `cₒ`, `c_s`.
    public var base: BaseTerms
    /// The reference distance and density (`ρ₀`) the terms are centred on.
    public var reference: Reference
    /// The straight-line distances the curve was fit on, and the same-place threshold.
    public var distance: DistanceRange
    /// The clamp and fallback applied to commune densities, inhabitants per km².
    public var density: DensityRange
    /// Duan's smearing factor, `mean(exp(residual))` over the fitted trips.
    public var smearing: Double
    /// Per-département terms, by département code.
    public var departements: [String: DepartementTerms]
    /// One field per projected CRS zone with trips.
    public var fields: [TravelField]
    /// Land masses without a road to the rest of their CRS zone (islands with no bridge), by commune code.
    public var isolatedLand: [IsolatedLand]
    /// The settings the model was fit with, so that the fit can be repeated.
    public var fit: FitSettings
    /// Cross-validated (held-out) error of this model form on the observed trips.
    public var heldOut: HeldOutFigures?

    /// Creates a parameter set from its parts; call ``problem()`` before using parameters from an untrusted source.
    public init(name: String, observed: ObservedSource, base: BaseTerms, reference: Reference,
                distance: DistanceRange, density: DensityRange, smearing: Double,
                departements: [String: DepartementTerms], fields: [TravelField], isolatedLand: [IsolatedLand],
                fit: FitSettings, heldOut: HeldOutFigures? = nil) {
        self.name = name
        self.observed = observed
        self.base = base
        self.reference = reference
        self.distance = distance
        self.density = density
        self.smearing = smearing
        self.departements = departements
        self.fields = fields
        self.isolatedLand = isolatedLand
        self.fit = fit
        self.heldOut = heldOut
    }

    /// Where the observed trips came from.
    public struct ObservedSource: Codable, Sendable, Equatable {
        /// Plain description, e.g. `"DREES 2019 access to emergency care, METRIC road times (SU_SMUR rows)"`.
        public var description: String
        /// File name (no directory).
        public var file: String
        /// Size in bytes and FNV-1a 64 hash (hex) of the file, to recognise in-sample validation.
        public var bytes: Int
        /// FNV-1a 64-bit hash of the file, in hex (see ``bytes``).
        public var fnv1a: String
        /// Trips used for the fit.
        public var trips: Int

        /// Creates a source record; `bytes` and `fnv1a` identify the file for the in-sample check.
        public init(description: String, file: String, bytes: Int, fnv1a: String, trips: Int) {
            self.description = description
            self.file = file
            self.bytes = bytes
            self.fnv1a = fnv1a
            self.trips = trips
        }
    }

    /// National curve (log-minutes at each knot, linear in `ln km` between them, constant beyond the first
    /// and last knot before the distance scaling) and end-density coefficients.
    public struct BaseTerms: Codable, Sendable, Equatable {
        /// Knot distances, km, ascending.
        public var knotsKm: [Double]
        /// Log-minutes at each knot (reference density, national département terms, zero field).
        public var values: [Double]
        /// Coefficient `cₒ` on the origin's log-density relative to the reference (log-minutes per unit of `ln ρ − ln ρ₀`).
        public var originLogDensity: Double
        /// Coefficient `c_s` on the destination's log-density relative to the reference (log-minutes per unit of `ln ρ − ln ρ₀`).
        public var destinationLogDensity: Double

        /// Default knots: dense where trips to a GP are (1–10 km), sparser beyond.
        public static let defaultKnotsKm: [Double] = [0.25, 0.5, 1, 2, 3, 5, 7, 10, 14, 20, 28, 40]

        /// Creates the curve; `values` needs one log-minutes value per knot in `knotsKm`.
        public init(knotsKm: [Double], values: [Double], originLogDensity: Double, destinationLogDensity: Double) {
            self.knotsKm = knotsKm
            self.values = values
            self.originLogDensity = originLogDensity
            self.destinationLogDensity = destinationLogDensity
        }

        /// The curve at `ln km` (`logKnots` = `knotsKm` in logs, precomputed by the caller).
        @inline(__always)
        func value(atLogKm x: Double, logKnots: [Double]) -> Double {
            guard let first = logKnots.first, let last = logKnots.last else { return 0 }
            if x <= first { return values[0] }
            if x >= last { return values[values.count - 1] }
            var k = 1
            while logKnots[k] < x { k += 1 }
            let t = (x - logKnots[k - 1]) / (logKnots[k] - logKnots[k - 1])
            return values[k - 1] + t * (values[k] - values[k - 1])
        }
    }

    /// Centring constants: distance and density at which the intercepts apply.
    public struct Reference: Codable, Sendable, Equatable {
        /// Reference distance, km: `u = ln(d / distanceKm)` is 0 here, so the département slopes pivot on it.
        public var distanceKm: Double
        /// Reference density `ρ₀`, inhabitants per km²: the density terms are 0 for an end this dense.
        public var densityPerKm2: Double

        /// Creates the centring constants (defaults: 10 km, 100 inhabitants per km²).
        public init(distanceKm: Double = 10, densityPerKm2: Double = 100) {
            self.distanceKm = distanceKm
            self.densityPerKm2 = densityPerKm2
        }
    }

    /// The distances the curve was fit on; outside them minutes scale linearly with distance.
    public struct DistanceRange: Codable, Sendable, Equatable {
        /// Shortest fitted distance, km; shorter trips are clamped to it, then scaled by their true distance.
        public var minimumKm: Double
        /// Longest fitted distance, km; longer trips are clamped to it, then scaled by their true distance.
        public var maximumKm: Double
        /// Places closer than this are the same place (0 minutes), metres.
        public var samePlaceMetres: Double

        /// Creates the distance range, km (`samePlaceMetres` in metres).
        public init(minimumKm: Double, maximumKm: Double, samePlaceMetres: Double = 1) {
            self.minimumKm = minimumKm
            self.maximumKm = maximumKm
            self.samePlaceMetres = samePlaceMetres
        }
    }

    /// Densities are clamped to this range (inhabitants per km²); `fallback` is used for a commune whose
    /// area is unknown (a territory without boundaries).
    public struct DensityRange: Codable, Sendable, Equatable {
        /// Lowest density used, inhabitants per km²; sparser communes are raised to it.
        public var minimum: Double
        /// Highest density used, inhabitants per km²; denser communes are lowered to it.
        public var maximum: Double
        /// Density assumed for a commune without a known area, inhabitants per km² (within ``minimum``…``maximum``).
        public var fallback: Double

        /// Creates the density range, inhabitants per km² (defaults 1 to 50 000).
        public init(minimum: Double = 1, maximum: Double = 50_000, fallback: Double) {
            self.minimum = minimum
            self.maximum = maximum
            self.fallback = fallback
        }
    }

    /// A département's deviation from the national curve (log-minutes): intercept, and slope on `u`.
    public struct DepartementTerms: Codable, Sendable, Equatable {
        /// Département intercept `a`, log-minutes added (half at each end) to the national curve.
        public var intercept: Double
        /// Département slope `s` on `u = ln(d / referenceKm)`, log-minutes per unit of `u` (half at each end).
        public var slope: Double
        /// Observed trips with an end in the département (how much the terms are backed by data).
        public var trips: Int

        /// Creates a département's terms (log-minutes) and the number of trips that back them.
        public init(intercept: Double, slope: Double, trips: Int) {
            self.intercept = intercept
            self.slope = slope
            self.trips = trips
        }
    }

    /// A land mass reached by no road from the rest of its CRS zone.
    public struct IsolatedLand: Codable, Sendable, Equatable {
        /// The communes on it, by INSEE code (the first names it).
        public var communes: [String]

        /// Creates a land mass from its communes' INSEE codes.
        public init(communes: [String]) { self.communes = communes }
    }

    /// How the model was fit (so that a fit can be repeated).
    public struct FitSettings: Codable, Sendable, Equatable {
        /// Node spacing of the fields, metres.
        public var cellMetres: Double
        /// Ridge penalty on each département's intercept and slope (pseudo-trips towards the national curve).
        public var departementPenalty: Double
        /// Penalty on differences between neighbouring field nodes.
        public var smoothness: Double
        /// Ridge penalty on field nodes (towards 0 where no trip passes).
        public var fieldPenalty: Double
        /// Huber threshold in robust standard deviations (Huber 1964).
        public var huber: Double
        /// Knots of the national curve, km, and the penalty on its changes of slope between knots.
        public var knotsKm: [Double]
        /// Penalty on the changes of slope of the national curve between knots (0 lets it bend freely).
        public var curvePenalty: Double
        /// Iteratively reweighted least-squares passes.
        public var robustIterations: Int
        /// Folds of the cross-validation over origin communes, and the seed that assigns them.
        public var folds: Int
        /// Seed of the random assignment of origin communes to folds.
        public var seed: UInt64

        /// Creates fit settings; the defaults are those `careaccess travel calibrate` uses.
        public init(cellMetres: Double = 10_000, departementPenalty: Double = 1, smoothness: Double = 1,
                    fieldPenalty: Double = 0.01, knotsKm: [Double] = BaseTerms.defaultKnotsKm, curvePenalty: Double = 1,
                    huber: Double = 1.345, robustIterations: Int = 4, folds: Int = 5, seed: UInt64 = 2019) {
            self.cellMetres = cellMetres
            self.knotsKm = knotsKm
            self.curvePenalty = curvePenalty
            self.departementPenalty = departementPenalty
            self.smoothness = smoothness
            self.fieldPenalty = fieldPenalty
            self.huber = huber
            self.robustIterations = robustIterations
            self.folds = folds
            self.seed = seed
        }
    }

    /// Held-out figures of the k-fold cross-validation: on trips of at most 30 observed minutes (the
    /// headline: the range where coverage thresholds sit) and on all trips.
    public struct HeldOutFigures: Codable, Sendable, Equatable {
        /// Number of folds of the cross-validation.
        public var folds: Int
        /// Held-out error on trips of at most 30 observed minutes (the headline figure).
        public var upTo30Minutes: TravelErrorSummary
        /// Held-out error on all trips.
        public var all: TravelErrorSummary
        /// Trips of at most 10 observed minutes (most trips to a GP are this short).
        public var upTo10Minutes: TravelErrorSummary?

        /// Creates the held-out figures; without `upTo10Minutes`, ``caveats`` reports no held-out-error caveat.
        public init(folds: Int, upTo30Minutes: TravelErrorSummary, all: TravelErrorSummary,
                    upTo10Minutes: TravelErrorSummary? = nil) {
            self.folds = folds
            self.upTo30Minutes = upTo30Minutes
            self.all = all
            self.upTo10Minutes = upTo10Minutes
        }
    }
}

extension CalibratedParameters {
    /// Checks every field of a decoded file (a checksum detects accidents, not crafted files): a reason when
    /// the parameters cannot be used.
    public func problem() -> String? {
        guard format == Self.formatName else { return "not a CareAccess travel model (format '\(format)')" }
        guard version == Self.currentVersion else { return "version \(version) is not supported (this build reads version \(Self.currentVersion))" }
        guard (2...64).contains(base.knotsKm.count), base.values.count == base.knotsKm.count else { return "the national curve needs 2–64 knots and one value per knot" }
        guard base.knotsKm.allSatisfy({ $0.isFinite && $0 > 0 && $0 <= 2_000 }), zip(base.knotsKm, base.knotsKm.dropFirst()).allSatisfy({ $0 < $1 })
        else { return "curve knots must be ascending distances in (0, 2000] km" }
        let coefficients = base.values + [base.originLogDensity, base.destinationLogDensity]
        guard coefficients.allSatisfy({ $0.isFinite && abs($0) < 20 }) else { return "a base coefficient is not finite or absurd" }
        guard reference.distanceKm.isFinite, reference.distanceKm > 0, reference.distanceKm <= 1_000,
              reference.densityPerKm2.isFinite, reference.densityPerKm2 > 0, reference.densityPerKm2 <= 100_000
        else { return "reference distance or density out of range" }
        guard distance.minimumKm.isFinite, distance.minimumKm > 0, distance.maximumKm.isFinite,
              distance.maximumKm > distance.minimumKm, distance.maximumKm <= 2_000,
              distance.samePlaceMetres.isFinite, distance.samePlaceMetres >= 0, distance.samePlaceMetres <= 100
        else { return "distance range out of bounds" }
        guard density.minimum.isFinite, density.minimum > 0, density.maximum.isFinite,
              density.maximum >= density.minimum, density.maximum <= 1_000_000, density.fallback.isFinite,
              density.fallback >= density.minimum, density.fallback <= density.maximum
        else { return "density range out of bounds" }
        guard smearing.isFinite, smearing > 0.5, smearing < 2 else { return "smearing factor \(smearing) is not in 0.5–2" }
        guard departements.count <= 1_000 else { return "too many départements" }
        for (code, t) in departements {
            guard !code.isEmpty, code.count <= 3 else { return "département code '\(code)' is not a code" }
            guard t.intercept.isFinite, t.slope.isFinite, abs(t.intercept) < 5, abs(t.slope) < 5, t.trips >= 0
            else { return "département \(code): terms not finite or absurd" }
        }
        guard fields.count <= 16 else { return "too many fields" }
        for f in fields {
            if let p = f.problem() { return "field EPSG:\(f.epsg): \(p)" }
        }
        guard Set(fields.map(\.epsg)).count == fields.count else { return "two fields for one CRS" }
        guard isolatedLand.count <= 10_000, isolatedLand.allSatisfy({ !$0.communes.isEmpty && $0.communes.count <= 50_000 })
        else { return "isolated land list out of bounds" }
        return nil
    }

    /// The département terms for a code, zero (the national curve) for a département the model has none for.
    func terms(ofDepartement code: String) -> DepartementTerms {
        departements[code] ?? DepartementTerms(intercept: 0, slope: 0, trips: 0)
    }

    /// A short description for summaries: name, trips and held-out error.
    public var summary: String {
        var s = "calibrated on \(name)"
        if let h = heldOut {
            let e = h.upTo30Minutes
            s += " (\(h.folds)-fold held-out on trips ≤ 30 min: median error \(Self.percent(e.medianRelativeError)), MAE \(Self.decimal(e.meanAbsoluteError, 2)) min, bias \(e.bias >= 0 ? "+" : "")\(Self.decimal(e.bias, 2)) min)"
        }
        return s
    }

    /// What the model is known to get wrong.
    public var caveats: [TravelCaveat] {
        var c: [TravelCaveat] = [.calibrated(trips: observed.trips, source: observed.description)]
        if let h = heldOut, let short = h.upTo10Minutes {
            let e = h.upTo30Minutes
            c.append(.heldOutError(.init(folds: h.folds, medianRelativeError: e.medianRelativeError, meanAbsoluteError: e.meanAbsoluteError,
                                         shareOver5Minutes: e.shareOver5Minutes, shortMedianRelativeError: short.medianRelativeError,
                                         shortMeanAbsoluteError: short.meanAbsoluteError)))
        }
        if !isolatedLand.isEmpty { c.append(.isolatedIslands(isolatedLand.count)) }
        return c
    }

    static func percent(_ v: Double) -> String { decimal(v * 100, 1) + " %" }

    static func decimal(_ v: Double, _ digits: Int) -> String {
        v.isFinite ? String(format: "%.\(digits)f", v) : "n/a"
    }
}
