import CareModel

extension AccessibilityPlacement {
    /// What a floating-catchment method needs from the problem: its decay, the capacity of a new and of each
    /// existing site in the method's units (GPs, or yearly activity for the APL), the demand in the catchments
    /// (the APL's may be age-standardised) and the note the method adds.
    struct Weighting {
        /// Weight of a demand point by its minutes to the site.
        var decay: DistanceDecay
        /// Capacity of one new site (``AccessibilityGoal/gpsPerSite``, times the activity per GP for the APL).
        var newCapacity: Double
        /// Capacity of each existing site, in the problem's order.
        var existingCapacity: [Double]
        /// Demand of each point in the catchments' denominators (the population, or its age-standardised weight).
        var load: [Double]
        /// The note the method adds to the result (the APL's demand and activity), if any.
        var note: PlacementResult.Note?

        /// The weighting of `goal`'s method on `problem`.
        ///
        /// - Throws: ``PlacementError/unsupported(_:)`` for 3SFCA, or an age-standardised APL on demand points
        ///   without commune codes.
        init(_ problem: PlacementProblem, goal: AccessibilityGoal) throws {
            load = problem.population
            note = nil
            switch goal.method {
            case .twoStep:
                decay = .binary
                newCapacity = goal.gpsPerSite
                existingCapacity = problem.existing.map(\.gps)
            case .enhanced(let d), .gravity(let d):
                decay = d
                newCapacity = goal.gpsPerSite
                existingCapacity = problem.existing.map(\.gps)
            case .apl(let o):
                decay = .step(o.weights)
                newCapacity = goal.gpsPerSite * o.activityPerGP
                existingCapacity = problem.existing.map { o.supply(of: $0).activity }
                if o.demand.isStandardised {
                    guard let codes = problem.codes else {
                        throw PlacementError.unsupported("age-standardised APL demand needs demand points with commune codes (build the problem from a territory)")
                    }
                    load = try o.demand.weights(codes: codes, populations: problem.population).values
                }
                note = .aplDemand(o.demand, activityPerGP: o.activityPerGP, activitySource: o.activitySource)
            case .threeStep:
                throw PlacementError.unsupported("3SFCA in placement (its selection weights make every site's ratio depend on the others): use 2sfca, e2sfca or apl")
            }
        }

        /// Every demand point's score with the existing sites alone, in the method's reporting units (0 where no
        /// existing site reaches it).
        func baselineScores(_ problem: PlacementProblem, scale: Double) throws -> [Double] {
            guard !problem.existing.isEmpty else { return [Double](repeating: 0, count: problem.demand.count) }
            let catchments = try problem.model.catchments(from: problem.existing.map(\.place), to: problem.demand,
                                                          within: problem.threshold)
            let fca = try AccessibilityProblem(demand: load, supply: existingCapacity, catchments: catchments)
                .twoStep(decay: decay)
            return fca.scores.map { $0 * scale }
        }

        /// The score each candidate would add to each demand point of its catchment, in reporting units, by pair
        /// of `catchments`: `w(t_ij) · R_j · scale` with `R_j = S_j / Σ_i w(t_ij) L_i` (0 for a candidate whose
        /// catchment has no demand).
        func added(_ catchments: Catchments, scale: Double) -> [Double] {
            let w = decay.weights(catchments.minutes)
            var delta = [Double](repeating: 0, count: catchments.pairCount)
            for j in 0..<catchments.siteCount {
                let r = catchments.range(of: j)
                let weighted = r.reduce(0.0) { $0 + w[$1] * load[Int(catchments.demand[$1])] }
                guard weighted > 0 else { continue }
                let ratio = newCapacity / weighted
                for p in r { delta[p] = w[p] * ratio * scale }
            }
            return delta
        }
    }
}
