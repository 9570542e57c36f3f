import Foundation

/// The demand of the APL: raw population, or population standardised by age so that a commune of older
/// inhabitants weighs more (they consult GPs more often).
///
/// ```swift
/// let demand = APLDemand.departementAgeStructure(insee2021, drees2023)
/// let w = try demand.weights(territory: t)     // one value per commune of t
/// print(w.summary, w.notes)
/// ```
/// Complexity: O(communes) after O(départements × bands) for the département indices.
public enum APLDemand: Sendable, Hashable {
    /// Population municipale, not standardised.
    case population
    /// Each commune's population × its département's consumption index (``DepartementIndex``): the commune is
    /// assumed to have its département's age structure. Communes of départements the structure lacks keep their
    /// raw population (the notes name them).
    case departementAgeStructure(DepartementAgeStructure, ConsumptionWeights)
    /// Standardised demand given per commune code (e.g. from a commune-level age structure); every commune of
    /// the territory must have one.
    case communes([String: Double], source: String)

    /// Demand per demand point, with what it is and what was assumed.
    public struct Weights: Sendable, Hashable {
        /// Demand weight per demand point, aligned with the codes given: inhabitants, or age-standardised
        /// inhabitants (population × consumption index) when ``isStandardised``.
        public var values: [Double]
        /// Whether ``values`` are age-standardised (`false` only for ``APLDemand/population``).
        public var isStandardised: Bool
        /// One line for outputs: what the demand is.
        public var summary: String
        /// Assumptions and exceptions, for the notes.
        public var notes: [Diagnostic]
    }

    /// Whether this demand is age-standardised: every case but ``population``. Decides the APL's unit
    /// (``AccessibilityMethod/unit``).
    public var isStandardised: Bool {
        if case .population = self { return false }
        return true
    }

    /// One line for outputs: what the demand is, from which data.
    public var summary: String {
        switch self {
        case .population:
            return "raw population (population municipale), not age-standardised"
        case .departementAgeStructure(let s, let w):
            return "age-standardised via the département age structure (\(s.source); \(w.source)); "
                + "assumption: every commune has its département's age structure"
        case .communes(_, let source):
            return "age-standardised by commune (\(source))"
        }
    }

    /// Demand for the communes of `territory`, in its order.
    public func weights(territory: Territory) throws(ModelError) -> Weights {
        try weights(codes: territory.communes.map(\.code), populations: territory.communes.map { Double($0.population) })
    }

    /// Demand for demand points given by commune code and population (same length).
    public func weights(codes: [String], populations: [Double]) throws(ModelError) -> Weights {
        guard codes.count == populations.count else {
            throw .invalidParameter(name: "demand", value: "\(codes.count) codes", reason: "need one population per code (\(populations.count))")
        }
        switch self {
        case .population:
            return Weights(values: populations, isStandardised: false, summary: summary,
                           notes: [.rawDemand])
        case .communes(let byCode, _):
            var values = populations, missing: [String] = []
            for (k, code) in codes.enumerated() {
                if let v = byCode[code] { values[k] = v } else { missing.append(code) }
            }
            guard missing.isEmpty else {
                throw .invalidParameter(name: "age structure", value: "\(missing.count) communes missing",
                                        reason: "no age structure for \(missing.prefix(10).joined(separator: ", "))")
            }
            return Weights(values: values, isStandardised: true, summary: summary, notes: [])
        case .departementAgeStructure(let structure, let w):
            let idx = try DepartementIndex(structure: structure, weights: w)
            var values = populations
            var missing: [String: (communes: Int, population: Double)] = [:]
            var used: [String: Double] = [:]
            for (k, code) in codes.enumerated() {
                let dep = Commune.departement(ofCode: code)
                if let f = idx.index[dep] {
                    values[k] = populations[k] * f
                    if populations[k] > 0 { used[dep] = f }
                } else {
                    missing[dep, default: (0, 0)].communes += 1
                    missing[dep, default: (0, 0)].population += populations[k]
                }
            }
            var indices: Diagnostic.IndexRange?
            if let lo = used.min(by: { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }),
               let hi = used.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }), used.count > 1 {
                indices = .between(low: lo.value, lowDepartement: lo.key, high: hi.value, highDepartement: hi.key)
            } else if let only = used.first {
                indices = .single(only.value, departement: only.key)
            }
            var notes: [Diagnostic] = [.ageStandardisedDemand(bands: structure.bands.count, year: structure.year,
                                                               meanWeight: idx.meanWeight, indices: indices)]
            if !missing.isEmpty {
                let names = missing.keys.sorted()
                let communes = missing.values.reduce(0) { $0 + $1.communes }
                let people = names.reduce(0.0) { $0 + (missing[$1]?.population ?? 0) }
                notes.append(.noAgeStructure(departements: names, communes: communes, population: Int(people.rounded())))
            }
            return Weights(values: values, isStandardised: true, summary: summary, notes: notes)
        }
    }
}
