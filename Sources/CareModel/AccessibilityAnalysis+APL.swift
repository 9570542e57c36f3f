import Foundation

extension AccessibilityAnalysis {
    /// The APL's supply (yearly activity per site), demand (per commune of the territory), the labelled lines
    /// saying what they are, and notes on what was assumed.
    struct APLInputs {
        var capacity: [Double]
        var demand: [Double]
        var inputs: [AccessibilityResult.Input]
        var notes: [Diagnostic]
    }

    static func aplInputs(_ o: APLOptions, territory: Territory, sites: [SupplySite]) throws -> APLInputs {
        var notes: [Diagnostic] = []
        let s = sites.map { o.supply(of: $0) }
        let counted = s.filter(\.counted).count
        let listed = s.count - counted
        var activity: [String] = []
        var imputed = 0
        if counted > 0 {
            activity.append("\(o.activityPerGP.grouped(decimals: 0)) consultations + visits + teleconsultations per GP a year "
                            + "for the \(counted) sites given as GP counts (\(o.activitySource))")
            if o.excludeAgeAtLeast != nil { notes.append(.gpCountsOnly(sites: counted)) }
        }
        if listed > 0 {
            imputed = s.reduce(0) { $0 + $1.imputed }
            activity.append("recorded consultations + visits + teleconsultations of the practitioners of \(listed) sites, "
                            + "\(o.imputedActivity.grouped(decimals: 0)) per FTE imputed to \(imputed) new to practice or without a record")
        }
        let uncapped = s.filter(\.uncapped).count
        if uncapped > 0 { notes.append(.uncappedCentres(sites: uncapped)) }
        if let a = o.excludeAgeAtLeast {
            notes.append(.practitionersExcluded(count: s.reduce(0) { $0 + $1.excluded }, age: a, year: o.referenceYear))
        }
        let w = try o.demand.weights(territory: territory)
        notes += w.notes
        let inputs = [
            AccessibilityResult.Input(label: "Demand", text: w.summary, detail: .demand(o.demand)),
            AccessibilityResult.Input(label: "Activity", text: activity.joined(separator: "; "),
                                      detail: .activity(countedSites: counted, perGP: o.activityPerGP, source: o.activitySource,
                                                        listedSites: listed, imputedPerFTE: o.imputedActivity, imputed: imputed)),
            AccessibilityResult.Input(label: "Caps", text: APLOptions.capsSummary, detail: .caps),
        ]
        return APLInputs(capacity: s.map(\.activity), demand: w.values, inputs: inputs, notes: notes)
    }

}
