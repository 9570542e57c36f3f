import CareModel
import CareNetwork
import CareStudy

/// Text renderings of `careaccess network info` and `network calibrate` (the crow-fly fit; the speed fit is
/// ``NetworkSpeedOutput``).
public enum NetworkOutput {
    /// Nodes, edges, components, extent, length and speed table of `graph` read from `file` in `milliseconds`.
    public static func info(_ graph: RoadGraph, file: String, milliseconds: Int) -> String {
        let r = graph.report
        var lines = ["Road network \(file) (\(r.format), read and built in \(milliseconds) ms)"]
        lines.append("Graph:      \(graph.nodeCount) nodes, \(graph.edgeCount) directed edges, CRS \(graph.crs)")
        lines.append("Contracted: \(graph.contracted.coreCount) nodes kept for the searches (degree-2 chains folded, same minutes), \(graph.contracted.forward.edgeCount) edges")
        for line in r.summaryLines() { lines.append("            \(line)") }
        if let b = graph.lonLatBounds, b.maxLon != 0 || b.minLon != 0 {
            lines.append("Bbox:       lon \(b.minLon.fixed(5))…\(b.maxLon.fixed(5)), lat \(b.minLat.fixed(5))…\(b.maxLat.fixed(5))")
        }
        if let p = graph.projectedBounds {
            lines.append("Extent:     \(((p.maxX - p.minX) / 1000).fixed(1)) km × \(((p.maxY - p.minY) / 1000).fixed(1)) km")
        }
        let km = graph.metres.reduce(0, +) / 1000
        lines.append("Length:     \(km.fixed(1)) km of directed edges")
        if !r.speeds.isEmpty {
            lines.append("Speed table (km/h; maxspeed lowers, never raises):")
            for (cls, kmh) in r.speeds.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
                lines.append("  \(cls.padding(toLength: 16, withPad: " ", startingAt: 0)) \(kmh.fixed(0).leftPadded(4))   ways \(r.waysByClass[cls] ?? 0)")
            }
            if !r.excludedClasses.isEmpty {
                let ex = r.excludedClasses.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
                lines.append("Excluded highway ways by class: \(ex.joined(separator: ", "))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The crow-fly fit of `spec`: the sample, circuity and speed, the options they suggest and one slope
    /// for comparison with the defaults (``CareModel/StudyDefaults``).
    public static func crowFlyFit(_ fit: NetworkCalibration, spec: NetworkFitRun.CrowFlySpec) -> String {
        let v = StudyDefaults.crowFlySpeedKmh, c = StudyDefaults.crowFlyCircuity
        return [
            "Crow-fly calibration on \(spec.networkPath): \(fit.pairs) node pairs (seed \(spec.seed), ≥ \(spec.minimumKm.fixed(1)) km apart), fastest routes",
            "  mean crow-fly \(fit.meanCrowFlyKm.fixed(2)) km, route \(fit.meanRouteKm.fixed(2)) km, \(fit.meanMinutes.fixed(2)) min",
            "Circuity (route length / straight line): \(fit.circuity.fixed(3)) (ratio of sums), median \(fit.circuityMedian.fixed(3))",
            "Speed (route length / route time):       \(fit.speedKmh.fixed(1)) km/h (ratio of sums), median \(fit.speedMedianKmh.fixed(1)) km/h",
            "  → --speed \(fit.speedKmh.fixed(1)) --circuity \(fit.circuity.fixed(2)): crow-fly total time / network total time = \(fit.totalTimeRatio.fixed(4)); per pair median |error| \((fit.medianAbsoluteRelativeError * 100).fixed(1)) %, R² = \(fit.rSquared.fixed(3))",
            "One slope for comparison: minutes ≈ \(fit.minutesPerKm.fixed(4)) × crow-fly km, R² = \(fit.slopeRSquared.fixed(3)) (\(v.shortText) km/h with circuity \((fit.minutesPerKm * v / 60).fixed(2)), or circuity \(c.shortText) at \((60 * c / fit.minutesPerKm).fixed(1)) km/h)",
        ].joined(separator: "\n")
    }
}
