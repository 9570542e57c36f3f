import CareIO
import CareStudy
import CareModel
import Foundation

/// Text and CSV renderings of a coverage run.
public enum CoverageOutput {
    /// Per-commune CSV: `code,name,departement,population,nearest_site,distance_m,minutes,within_threshold`.
    /// Unreachable communes have empty site, distance and minutes.
    public static func csv(_ result: CoverageResult, study: Study) -> String {
        var out = "code,name,departement,population,nearest_site,distance_m,minutes,within_threshold\n"
        out.reserveCapacity(result.rows.count * 80)
        for r in result.rows {
            let c = study.territory.communes[r.commune]
            let site = r.nearestSite.map { study.supply.sites[$0].id } ?? ""
            out += [c.code, CSVWriter.escape(c.name), c.departement, String(c.population), site,
                    r.metres.map(CSVWriter.number) ?? "", r.nearestSite == nil ? "" : CSVWriter.number(r.minutes),
                    r.withinThreshold ? "1" : "0"].joined(separator: ",") + "\n"
        }
        return out
    }

    /// The human summary printed by `careaccess coverage`.
    public static func summary(_ result: CoverageResult, study: Study) -> String {
        let s = result.summary
        let t = s.threshold.formatted2
        var lines: [String] = []
        lines.append("CareAccess coverage — \(result.modelSummary), threshold \(t) min")
        lines.append("Territory: \(study.territorySource)")
        lines.append("Supply:    \(study.supplySummary)")
        let deps = Set(result.rows.map { study.territory.communes[$0.commune].departement }).sorted()
        lines.append("Studied:   \(s.communes) communes in \(deps.count <= 8 ? deps.joined(separator: ", ") : "\(deps.count) départements"), \(s.population.grouped) inhabitants")
        if let gap = study.supplyGap { lines.append("Data gap:  \(gap)") }
        lines.append("")
        lines.append("Population within \(t) min of a GP: \(s.populationWithin.grouped) (\(s.shareWithin.percent(2)))")
        lines.append("Beyond \(t) min: \(s.communesBeyond) communes, \(s.populationBeyond.grouped) inhabitants (\((s.population > 0 ? Double(s.populationBeyond) / Double(s.population) : 0).percent(2)))")
        if s.communesUnreachable > 0 { lines.append("No GP reachable at all: \(s.communesUnreachable) communes") }
        if let near = s.nearThreshold {
            lines.append("Within the model's typical error of \(t) min (± \(near.error.fixed(2)) min, held-out MAE): \(near.communes) communes, \(near.population.grouped) inhabitants — their side of the line is uncertain")
        }
        lines.append("Minutes to the nearest GP (population-weighted): mean \(s.meanMinutes.fixed(2)), 90th percentile \(s.p90Minutes.map { $0.fixed(2) } ?? "n/a"), max \(s.maxMinutes.map { $0.fixed(2) } ?? "n/a")")
        lines.append("GPs located in the studied départements: \(s.gpsInArea.formatted2) (\(s.gpsPer10k.fixed(2)) per 10,000 inhabitants)")
        let worst = result.rows.sorted { ($0.minutes, $1.commune) > ($1.minutes, $0.commune) }.prefix(5)
        if !worst.isEmpty {
            lines.append("Farthest communes: " + worst.map { r in
                let c = study.territory.communes[r.commune]
                return "\(c.name) (\(c.code), \(r.nearestSite == nil ? "unreachable" : r.minutes.fixed(1) + " min"))"
            }.joined(separator: "; "))
        }
        lines += departementRanking(s, limit: 10)
        let notes = study.notes.filter { $0 != study.supplyGap }.map(\.description) + result.modelCaveats.map(\.description)
        if !notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: notes.map { "Note: " + $0 })
        }
        return lines.joined(separator: "\n")
    }

    /// The studied départements with communes beyond the threshold, ranked by those communes (then population
    /// beyond): the first `limit`, or all when there are at most `limit + 2`.
    static func departementRanking(_ s: CoverageSummary, limit: Int) -> [String] {
        guard !s.departements.isEmpty else { return [] }
        let t = s.threshold.formatted2
        let beyond = s.departements.filter { $0.communesBeyond > 0 }
        let none = s.departements.count - beyond.count
        guard !beyond.isEmpty else {
            return ["", "Départements by communes beyond \(t) min: none has any (\(s.departements.count) studied)"]
        }
        var lines = ["", "Départements by communes beyond \(t) min (then population)\(none > 0 ? "; \(none) of the \(s.departements.count) studied have none" : ""):",
                     "rank  département  communes  beyond  population beyond  share of population"]
        let shown = beyond.count <= limit + 2 ? beyond[...] : beyond.prefix(limit)
        for (k, d) in shown.enumerated() {
            lines.append([String(k + 1).padding(toLength: 6, withPad: " ", startingAt: 0),
                          d.departement.padding(toLength: 13, withPad: " ", startingAt: 0),
                          String(d.communes).leftPadded(8), String(d.communesBeyond).leftPadded(8),
                          d.populationBeyond.grouped.leftPadded(19), d.shareBeyond.percent(2).leftPadded(21)].joined())
        }
        if shown.count < beyond.count {
            let rest = beyond.dropFirst(shown.count)
            lines.append("… \(rest.count) more départements: \(rest.reduce(0) { $0 + $1.communesBeyond }) communes, \(rest.reduce(0) { $0 + $1.populationBeyond }.grouped) inhabitants beyond")
        }
        return lines
    }


}
