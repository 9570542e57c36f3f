import CareIO
import CareModel

/// What the interns' temporary supply does to access: the DREES APL (``ScenarioFile/Baseline`` defaults: age-
/// standardised demand, derived activity level, 20-minute catchment, calibrated drive times) of the départements
/// of the eligible placements, before and with one intern post per eligible placement — `gpFraction` of a GP for
/// the months of the internship (``CareModel/ScenarioEvent/OpenSite/capacity``), on top of the GPs already there.
///
/// ```swift
/// let run = try InternsAccess.run(grants, name: file.name, territoryPath: "data/territory.catr",
///                                 supplyPath: "data/gp.csv", path: "grand-est-interns.yaml")
/// print(run.summaryText())   // the scenario summary: APL before/after, population below 2.5
/// ```
/// Complexity: one scenario evaluation on the placements' départements.
public enum InternsAccess {
    /// The scenario run of the eligible placements as intern posts; throws when none is eligible.
    public static func run(_ grants: InternGrants, name: String, territoryPath: String, supplyPath: String,
                           path: String) throws -> ScenarioRun {
        let eligible = grants.rows.filter(\.eligible)
        guard !eligible.isEmpty else {
            throw InputError(file: path, message: "no eligible placement: no intern post to add to the supply")
        }
        var baseline = ScenarioFile.Baseline()
        baseline.territoryPath = territoryPath
        baseline.supplyPath = supplyPath
        baseline.departements = Set(eligible.map { Commune.departement(ofCode: $0.placement.communeCode) }).sorted()
        let events = eligible.map { row in
            ScenarioEvent(.openSite(.init(
                id: "intern-\(row.placement.id)", name: "intern \(row.placement.id), \(row.placement.communeName)",
                location: .commune(row.placement.communeCode), kind: .internPost, fte: grants.gpFraction,
                months: Double(row.placement.months))))
        }
        let file = ScenarioFile(scenario: Scenario(name: "\(name): intern posts", events: events), baseline: baseline)
        let loaded = try baseline.study()
        let (model, notes) = try baseline.model(for: loaded)
        let study = try baseline.handlingSupplyGaps(loaded, model: model)
        return try ScenarioRun.run(file: file, study: study, path: path, model: model, travelNotes: notes)
    }
}
