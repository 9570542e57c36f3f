import CareModel

/// The one line that names a supply gap (``CareModel/SupplyGaps``) and what was done about it, for summaries,
/// reports and CSV sidecars.
public enum SupplyGapText {
    /// E.g. "75 (20 communes, 2,187,526 inhabitants) has no GP in the supply file while 95 of the 96 other
    /// départements of 100,000+ inhabitants do: its communes and the 72 others whose 20-minute catchment
    /// reaches them (… inhabitants) are left out as no data, not scored (--accept-supply-gaps scores them)."
    public static func line(_ gaps: SupplyGaps, affected: [Int], study: Study, catchment: Double, accepted: Bool) -> String {
        let t = study.territory
        let names = gaps.gaps.map { "\($0.departement) (\($0.communes.grouped) communes, \($0.population.grouped) inhabitants)" }
        let holes = Set(gaps.holeCommunes)
        let reaching = affected.filter { !holes.contains($0) }
        let studiedHoles = affected.filter { holes.contains($0) }
        let population = reaching.reduce(0) { $0 + t.communes[$1].population }
        let verb = gaps.gaps.count == 1 ? "has" : "have"
        var text = "\(names.joined(separator: ", ")) \(verb) no GP in the supply file while \(gaps.departementsWithSupply) of the "
            + "\(gaps.departementsConsidered - gaps.gaps.count) other départements of \(SupplyGaps.minimumPopulation.grouped)+ inhabitants do: "
            + "the file is missing rows. "
        let whom = "\(studiedHoles.count.grouped) studied communes of the gap and the \(reaching.count.grouped) others whose \(catchment.formatted2)-minute catchment reaches them (\(population.grouped) inhabitants)"
        if accepted {
            text += "Scored anyway (--accept-supply-gaps): the scores of the \(whom) miss the gap's GPs and count its demand."
        } else {
            text += "The \(whom) are left out as no data, not scored; --accept-supply-gaps scores them."
        }
        return text
    }
}
