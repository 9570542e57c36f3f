/// Demand, supply and the catchments linking them: the input of every floating-catchment indicator.
/// One method per indicator, each returning per-demand scores aligned with ``demand`` (after PySAL `access`).
///
/// ```swift
/// let c = try model.catchments(from: sitePlaces, to: communePlaces, within: 20)
/// let problem = try AccessibilityProblem(demand: populations, supply: gps, catchments: c)
/// let e2sfca = problem.twoStep(decay: .step(.drees)).scores      // GPs per inhabitant
/// ```
/// Complexity: O(p) per indicator for p catchment pairs.
public struct AccessibilityProblem: Sendable {
    /// Demand weight per demand point (population, or age-standardised population).
    public var demand: [Double]
    /// Capacity per site (GPs, FTE, or yearly consultations for APL).
    public var supply: [Double]
    /// Site–demand pairs within the threshold and their travel times; its site count matches ``supply``.
    public var catchments: Catchments

    /// Creates a problem from its parts, after checking they agree.
    ///
    /// - Throws: ``ModelError/invalidParameter(name:value:reason:)`` when `supply` has not one value per catchment
    ///   site, a demand or capacity is negative or not finite, or a catchment pair names a demand point beyond
    ///   `demand`.
    public init(demand: [Double], supply: [Double], catchments: Catchments) throws(ModelError) {
        guard catchments.siteCount == supply.count else {
            throw .invalidParameter(name: "supply", value: "\(supply.count) sites",
                                    reason: "catchments describe \(catchments.siteCount) sites")
        }
        guard demand.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw .invalidParameter(name: "demand", value: "", reason: "every demand must be finite and ≥ 0")
        }
        guard supply.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw .invalidParameter(name: "supply", value: "", reason: "every capacity must be finite and ≥ 0")
        }
        guard catchments.demand.allSatisfy({ Int($0) < demand.count }) else {
            throw .invalidParameter(name: "catchments", value: "", reason: "a pair refers to a demand point out of range")
        }
        self.demand = demand
        self.supply = supply
        self.catchments = catchments
    }

    /// Two-step floating catchment, with distance decay `w` (binary: 2SFCA, Luo & Wang 2003; step or
    /// Gaussian: E2SFCA, Luo & Qi 2009; power or exponential: gravity G2SFCA):
    ///
    ///     R_j = S_j / Σ_{i: t_ij ≤ T} w(t_ij) P_i        A_i = Σ_{j: t_ij ≤ T} w(t_ij) R_j
    ///
    /// A site whose weighted demand is 0 gets `R_j = 0` (its supply reaches nobody). Then Σ_i P_i A_i equals
    /// the supply of the sites that reach some demand: the indicator conserves supply.
    public func twoStep(decay: DistanceDecay) -> FCAResult {
        let w = decay.weights(catchments.minutes)
        return run(pairWeights: w, selection: nil)
    }

    /// Three-step floating catchment (Wan, Zou & Sternberg 2012): a selection weight
    /// `G_ij = w(t_ij) / Σ_{k: t_ik ≤ T} w(t_ik)` shares each demand point between the sites it reaches, then
    ///
    ///     R_j = S_j / Σ_i G_ij w(t_ij) P_i        A_i = Σ_j G_ij w(t_ij) R_j
    public func threeStep(decay: DistanceDecay) -> FCAResult {
        let w = decay.weights(catchments.minutes)
        var total = [Double](repeating: 0, count: demand.count)
        for (k, i) in catchments.demand.enumerated() { total[Int(i)] += w[k] }
        var g = [Double](repeating: 0, count: w.count)
        for (k, i) in catchments.demand.enumerated() where total[Int(i)] > 0 { g[k] = w[k] / total[Int(i)] }
        return run(pairWeights: zip(g, w).map { $0 * $1 }, selection: g)
    }

    private func run(pairWeights w: [Double], selection: [Double]?) -> FCAResult {
        let sites = catchments.siteCount
        var weightedDemand = [Double](repeating: 0, count: sites)
        var ratio = [Double](repeating: 0, count: sites)
        var scores = [Double](repeating: 0, count: demand.count)
        catchments.demand.withUnsafeBufferPointer { di in
            w.withUnsafeBufferPointer { wb in
                for j in 0..<sites {
                    var total = 0.0
                    for k in catchments.range(of: j) { total += wb[k] * demand[Int(di[k])] }
                    weightedDemand[j] = total
                    ratio[j] = total > 0 ? supply[j] / total : 0
                }
                for j in 0..<sites where ratio[j] > 0 {
                    let r = ratio[j]
                    for k in catchments.range(of: j) { scores[Int(di[k])] += wb[k] * r }
                }
            }
        }
        return FCAResult(scores: scores, siteRatios: ratio, siteWeightedDemand: weightedDemand)
    }
}

/// Scores of a floating-catchment indicator.
public struct FCAResult: Sendable, Hashable {
    /// Per demand point, in supply units per demand unit (e.g. GPs per inhabitant).
    public var scores: [Double]
    /// Per site, supply over weighted demand (`R_j`).
    public var siteRatios: [Double]
    /// Per site, the weighted demand in its catchment.
    public var siteWeightedDemand: [Double]
}
