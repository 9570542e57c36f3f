import CareIO
import CareStudy
import CareModel

/// The layers of the `coverage`, `access` and `scenario` runs, one row per reported commune, in the order
/// of the run's CSV table.
extension GeoJSONLayer {
    /// Coverage: `threshold` (min), `minutes` to the nearest GP, `distance_m`, `nearest_site` (id),
    /// `nearest_site_commune` (INSEE code), `within_t`. Unreachable communes have `null` minutes, distance
    /// and site, and `within_t` false.
    ///
    /// ```swift
    /// let layer = GeoJSONLayer.coverage(result, study: study)   // layer.rows.count == result.rows.count
    /// ```
    /// Complexity: O(rows).
    public static func coverage(_ result: CoverageResult, study: Study) -> GeoJSONLayer {
        var layer = GeoJSONLayer(name: "careaccess_coverage", fields: [
            GeoJSONField("threshold", .real), GeoJSONField("minutes", .real), GeoJSONField("distance_m", .real),
            GeoJSONField("nearest_site", .string), GeoJSONField("nearest_site_commune", .string),
            GeoJSONField("within_t", .boolean),
        ])
        let sites = study.supply.sites
        for r in result.rows {
            let site = r.nearestSite.flatMap { sites.indices.contains($0) ? sites[$0] : nil }
            layer.append(commune: r.commune, values: [
                .real(result.summary.threshold), .real(site == nil ? nil : r.minutes), .real(r.metres),
                .string(site?.id), .string(site?.communeCode), .boolean(r.withinThreshold),
            ])
        }
        return layer
    }

    /// Accessibility: `method` (2SFCA, E2SFCA, G2SFCA, 3SFCA, APL), `catchment` (min), `indicator` (GPs per
    /// 10,000 inhabitants, or APL consultations per inhabitant per year), `demand`, `below_threshold` (the
    /// under-served cut-off, `null` when none) and `below` (indicator < cut-off, `null` when no cut-off); with
    /// `zones` (from the same run), also `zone` (`under_served`, `complementary`, `other`).
    ///
    /// ```swift
    /// let layer = GeoJSONLayer.accessibility(result, study: study)
    /// ```
    /// Complexity: O(rows).
    public static func accessibility(_ result: AccessibilityResult, study: Study, zones: UnderServedZones? = nil) -> GeoJSONLayer {
        var fields = [
            GeoJSONField("method", .string), GeoJSONField("catchment", .real), GeoJSONField("indicator", .real),
            GeoJSONField("demand", .real), GeoJSONField("below_threshold", .real), GeoJSONField("below", .boolean),
        ]
        if zones != nil { fields.append(GeoJSONField("zone", .string)) }
        var layer = GeoJSONLayer(name: "careaccess_access", fields: fields)
        let cutoff = result.summary.underServed
        for (k, r) in result.rows.enumerated() {
            var values: [GeoJSONValue] = [
                .string(result.method.name), .real(result.threshold), .real(r.score), .real(r.demand),
                .real(cutoff), .boolean(cutoff.map { r.score < $0 }),
            ]
            if let zones { values.append(.string(zones.rows[k].zone.rawValue)) }
            layer.append(commune: r.commune, values: values)
        }
        return layer
    }

    /// Scenario, before and after: `threshold`, `minutes_before`/`_after`/`_change`, `within_t_before`/`_after`,
    /// `status` (`newly_covered`, `newly_uncovered`, `unchanged`), `nearest_site_before`/`_after`, `method`,
    /// `indicator_before`/`_after`/`_change`, `below_threshold`, `below_before`/`_after`.
    ///
    /// ```swift
    /// let layer = GeoJSONLayer.scenario(try ScenarioRun.run(path: "Fixtures/scenarios/ardennes-maisons-de-sante.yaml"))
    /// ```
    /// Complexity: O(rows).
    public static func scenario(_ run: ScenarioRun) -> GeoJSONLayer {
        var layer = GeoJSONLayer(name: "careaccess_scenario", fields: [
            GeoJSONField("threshold", .real), GeoJSONField("minutes_before", .real), GeoJSONField("minutes_after", .real),
            GeoJSONField("minutes_change", .real), GeoJSONField("within_t_before", .boolean),
            GeoJSONField("within_t_after", .boolean), GeoJSONField("status", .string),
            GeoJSONField("nearest_site_before", .string), GeoJSONField("nearest_site_after", .string),
            GeoJSONField("method", .string), GeoJSONField("indicator_before", .real),
            GeoJSONField("indicator_after", .real), GeoJSONField("indicator_change", .real),
            GeoJSONField("below_threshold", .real), GeoJSONField("below_before", .boolean),
            GeoJSONField("below_after", .boolean),
        ])
        let s = run.comparison.summary
        let before = run.study.supply.sites, after = run.outcome.sites
        let cutoff = s.underServed
        for r in run.comparison.rows {
            let status = r.withinBefore == r.withinAfter ? "unchanged" : (r.withinAfter ? "newly_covered" : "newly_uncovered")
            layer.append(commune: r.commune, values: [
                .real(s.threshold), .real(r.minutesBefore), .real(r.minutesAfter), .real(r.minutesAfter - r.minutesBefore),
                .boolean(r.withinBefore), .boolean(r.withinAfter), .string(status),
                .string(r.nearestBefore.flatMap { before.indices.contains($0) ? before[$0].id : nil }),
                .string(r.nearestAfter.flatMap { after.indices.contains($0) ? after[$0].id : nil }),
                .string(run.comparison.indicator.name), .real(r.scoreBefore), .real(r.scoreAfter),
                .real(r.scoreAfter - r.scoreBefore), .real(cutoff),
                .boolean(cutoff.map { r.scoreBefore < $0 }), .boolean(cutoff.map { r.scoreAfter < $0 }),
            ])
        }
        return layer
    }
}

extension GeoJSONLayer {
    /// `scenario --draws`: per commune, the baseline, mean and 5th/95th percentiles of minutes and of the
    /// indicator across the draws, and the shares of draws below the mark and beyond the threshold.
    public static func scenarioDraws(_ d: ScenarioDraws) -> GeoJSONLayer {
        var layer = GeoJSONLayer(name: "careaccess_scenario_draws", fields: [
            GeoJSONField("threshold", .real), GeoJSONField("draws", .integer), GeoJSONField("seed", .string),
            GeoJSONField("minutes_baseline", .real), GeoJSONField("minutes_mean", .real),
            GeoJSONField("minutes_p5", .real), GeoJSONField("minutes_p95", .real),
            GeoJSONField("method", .string), GeoJSONField("indicator_baseline", .real), GeoJSONField("indicator_mean", .real),
            GeoJSONField("indicator_p5", .real), GeoJSONField("indicator_p95", .real),
            GeoJSONField("below_threshold", .real), GeoJSONField("p_below", .real), GeoJSONField("p_beyond", .real),
        ])
        let s = d.first.comparison.summary
        for (k, r) in d.first.comparison.rows.enumerated() {
            let (m, score) = (d.bands.minutes[k], d.bands.scores[k])
            layer.append(commune: r.commune, values: [
                .real(s.threshold), .integer(d.bands.draws), .string(String(d.seed)),
                .real(r.minutesBefore), .real(m.mean), .real(m.p5), .real(m.p95),
                .string(d.first.comparison.indicator.name), .real(r.scoreBefore), .real(score.mean),
                .real(score.p5), .real(score.p95), .real(s.underServed),
                .real(d.bands.probabilityBelow?[k]), .real(d.bands.probabilityBeyond[k]),
            ])
        }
        return layer
    }
}
