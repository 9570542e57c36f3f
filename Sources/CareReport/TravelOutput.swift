import CareIO
import CareStudy
import CareModel
import Foundation

/// Text and CSV renderings of `careaccess travel calibrate`, `travel validate` and `travel pairs`.
public enum TravelOutput {
    /// The error figures of one set of trips on one line.
    public static func line(_ s: TravelErrorSummary) -> String {
        var text = "\(s.trips) trips: MAE \(s.meanAbsoluteError.fixed(2)) min, median error \(s.medianRelativeError.percent(1)), 90th percentile \(s.p90RelativeError.percent(1)), bias \(s.bias.signedFixed(2)) min, off by > 5 min \(s.shareOver5Minutes.percent(1))"
        if s.unreachable > 0 { text += "; \(s.unreachable) unreachable in the model" }
        return text
    }

    /// Overall, ≤ 30 min, bands and the départements with the largest bias.
    public static func breakdown(_ v: TravelValidation, trips: [ObservedTrip], territory: Territory) -> [String] {
        var lines = ["  trips ≤ 30 min   \(line(v.upTo30Minutes))", "  all trips        \(line(v.all))"]
        for (label, s) in v.bands where s.trips > 0 {
            lines.append("  \(label.padding(toLength: 16, withPad: " ", startingAt: 0)) \(line(s))")
        }
        let departements = v.departementsUpTo30(trips: trips, territory: territory, minimumTrips: 30)
        if !departements.isEmpty {
            let worst = departements.sorted { abs($0.summary.bias) > abs($1.summary.bias) || (abs($0.summary.bias) == abs($1.summary.bias) && $0.code < $1.code) }
            let within = departements.filter { abs($0.summary.bias) <= 1.5 }.count
            lines.append("  départements with ≥ 30 modelled trips ≤ 30 min: \(departements.count); bias within ±1.5 min in \(within); largest |bias|: "
                + worst.prefix(5).map { "\($0.code) \($0.summary.bias.signedFixed(2)) min" }.joined(separator: ", "))
            let worstMedian = departements.sorted { $0.summary.medianRelativeError > $1.summary.medianRelativeError || ($0.summary.medianRelativeError == $1.summary.medianRelativeError && $0.code < $1.code) }
            lines.append("  largest median error: " + worstMedian.prefix(5).map { "\($0.code) \($0.summary.medianRelativeError.percent(1))" }.joined(separator: ", "))
        }
        return lines
    }

    /// The summary of a calibration.
    public static func calibration(_ result: TravelCalibration.Result, observed: ObservedTripsFile,
                                   territory: Territory, territorySource: String, out: String) -> String {
        let p = result.parameters
        var lines: [String] = []
        lines.append("CareAccess travel calibration — \(p.name)")
        lines.append("Observed:  \(observed.source.file): \(observed.trips.count) trips (\(observed.source.description))")
        lines.append("Territory: \(territorySource)")
        lines.append("Model:     ln minutes = national curve of ln km (\(p.distance.minimumKm.fixed(3))–\(p.distance.maximumKm.fixed(0)) km) + end densities + département terms (\(p.departements.count), shrunk, penalty \(p.fit.departementPenalty.formatted2)) + regional field (\(p.fields.map { "EPSG:\($0.epsg) \($0.columns)×\($0.rows)" }.joined(separator: ", ")), \(Int(p.fit.cellMetres / 1000)) km cells, smoothness \(p.fit.smoothness.formatted2)); Huber \(p.fit.huber.formatted2), smearing \(p.smearing.fixed(4))")
        let b = p.base
        let curve = zip(b.knotsKm, b.values).map { "\($0.formatted2) km \((exp($1) * p.smearing).fixed(1))" }.joined(separator: ", ")
        lines.append("National:  minutes at \(p.reference.densityPerKm2.formatted2) inhabitants/km² — \(curve); ln density at origin \(b.originLogDensity.fixed(4)), at destination \(b.destinationLogDensity.fixed(4))")
        if !p.isolatedLand.isEmpty {
            let shown = p.isolatedLand.prefix(8).map { land -> String in
                let first = land.communes.first.flatMap { territory.index(ofCode: $0) }.map { territory.communes[$0].name } ?? "?"
                return land.communes.count == 1 ? first : "\(first) +\(land.communes.count - 1)"
            }
            lines.append("Islands:   \(p.isolatedLand.count) land masses without a road to the mainland (\(p.isolatedLand.reduce(0) { $0 + $1.communes.count }) communes): \(shown.joined(separator: ", "))\(p.isolatedLand.count > 8 ? ", …" : "")")
        }
        if let heldOut = result.heldOut {
            lines.append("")
            lines.append("Held out (\(p.fit.folds)-fold cross-validation over origin communes, seed \(p.fit.seed)):")
            lines += breakdown(TravelValidation(trips: observed.trips, modelled: heldOut, territory: territory), trips: observed.trips, territory: territory)
        }
        lines.append("")
        lines.append("In sample (the final fit on every trip; optimistic, for contrast):")
        lines.append("  trips ≤ 30 min   " + line(TravelValidation(trips: observed.trips, modelled: result.inSample, territory: territory).upTo30Minutes))
        lines.append("Solver:    \(result.iterations.count) least-squares passes, \(result.iterations.min() ?? 0)–\(result.iterations.max() ?? 0) conjugate-gradient iterations each")
        if !result.converged { lines.append("Warning: a least-squares solve stopped before its tolerance (\(result.iterations.max() ?? 0) iterations).") }
        lines.append("")
        lines += observed.notes.map { "Note: " + $0.description }
        lines.append("Model written to \(out)")
        return lines.joined(separator: "\n")
    }

    /// The summary of a validation.
    public static func validation(_ v: TravelValidation, modelSummary: String, observed: ObservedTripsFile,
                                  territory: Territory, territorySource: String, inSample: Bool) -> String {
        var lines = ["CareAccess travel validation — \(modelSummary)",
                     "Observed:  \(observed.source.file): \(observed.trips.count) trips (\(observed.source.description))",
                     "Territory: \(territorySource)", ""]
        lines += breakdown(v, trips: observed.trips, territory: territory)
        if inSample {
            lines.append("")
            lines.append("Note: this model was fit on these very trips: the figures above are in sample (optimistic); its held-out figures are in its summary line.")
        }
        lines += observed.notes.map { "Note: " + $0.description }
        return lines.joined(separator: "\n")
    }

    /// Per-trip CSV: `line,origin,destination,distance_km,observed_min,modelled_min,error_min,relative_error[,fold,held_out_min]`.
    public static func tripsCSV(_ trips: [ObservedTrip], modelled: [Double], folds: [Int]? = nil,
                                heldOut: [Double]? = nil) -> String {
        var out = "line,origin,destination,origin_departement,distance_km,observed_min,modelled_min,error_min,relative_error"
        if heldOut != nil { out += ",fold,held_out_min,held_out_error_min" }
        out += "\n"
        for (k, t) in trips.enumerated() {
            let m = modelled[k]
            var cells = [String(t.line), CSVWriter.escape(key(t.originCode, t.origin)), CSVWriter.escape(key(t.destinationCode, t.destination)),
                         t.originCode.map { Commune.departement(ofCode: $0) } ?? "",
                         CSVWriter.number(t.metres / 1000), CSVWriter.number(t.minutes),
                         m.isFinite ? CSVWriter.number(m) : "", m.isFinite ? CSVWriter.number(m - t.minutes) : "",
                         m.isFinite ? CSVWriter.number(abs(m - t.minutes) / t.minutes) : ""]
            if let heldOut {
                let h = heldOut[k]
                cells += [folds.map { String($0[k]) } ?? "", h.isFinite ? CSVWriter.number(h) : "",
                          h.isFinite ? CSVWriter.number(h - t.minutes) : ""]
            }
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    static func key(_ code: String?, _ place: Place) -> String {
        code ?? "\(CSVWriter.number(place.point.x)) \(CSVWriter.number(place.point.y))"
    }

}
