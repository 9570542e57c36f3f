import CareIO
import CareStudy
import CareModel

/// The summary of `careaccess network calibrate --observed`.
public enum NetworkSpeedOutput {
    /// The fit's summary: the trips used (both ends within `snapLimit` metres of `network`, connectors at
    /// `accessSpeed` km/h) and left out, the speed factor, the errors at the profile's speeds and with the
    /// factor, the `--speed-factor` flag to use, and a note when fewer than 30 trips were used.
    public static func summary(_ fit: NetworkSpeedCalibration, trips: ObservedTripsFile, network: String,
                               snapLimit: Double, accessSpeed: Double) -> String {
        var lines = ["Class speeds of \(network) scaled to observed drive times: \(trips.source.file)",
                     "  \(fit.used.count) trips with both ends within \(Int(snapLimit)) m of the network (connector \(accessSpeed.formatted2) km/h); \(fit.leftOut) left out (outside the extract)"]
        for k in fit.used.prefix(12) {
            let t = trips.trips[k]
            lines.append("    line \(t.line): \(t.originCode ?? "?") → \(t.destinationCode ?? "?"), observed \(t.minutes.formatted2) min")
        }
        if fit.used.count > 12 { lines.append("    …") }
        lines.append("Speed factor (least squares on path minutes, connectors kept): \(fit.factor.formatted2)")
        lines.append("  profile speeds:   " + TravelOutput.line(fit.before))
        lines.append("  × \(fit.factor.formatted2):           " + TravelOutput.line(fit.after))
        lines.append("  → --travel network --network \(network) --speed-factor \(fit.factor.formatted2)")
        if fit.used.count < 30 {
            lines.append("Note: fewer than 30 trips: the factor is indicative only; the errors above are in sample.")
        }
        lines += trips.notes.map { "Note: " + $0.description }
        return lines.joined(separator: "\n")
    }
}
