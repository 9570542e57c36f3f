import ArgumentParser
import CareIO
import CareReport
import CareStudy
import CareModel

/// `--geojson FILE`: the per-commune result as GeoJSON for QGIS (RFC 7946, WGS84), shared by `coverage`,
/// `access` and `scenario`.
///
/// ```swift
/// @OptionGroup var geojson: GeoJSONOptions
/// try geojson.stage(GeoJSONLayer.coverage(result, study: study), territory: study.territory, in: &transaction)
/// ```
struct GeoJSONOptions: ParsableArguments {
    @Option(name: .customLong("geojson"), help: ArgumentHelp(
        "Write the per-commune result as GeoJSON (WGS84, commune boundaries or points) for QGIS, atomically.",
        valueName: "file.geojson"))
    var path: String?

    /// The output file given, for ``OutputPathCheck``.
    var outputs: [OutputPathCheck.Named] { [("--geojson", path)] }

    /// Stages the layer in `transaction` when `--geojson` was given (the layer is only built then).
    func stage(_ layer: @autoclosure () -> GeoJSONLayer, territory: Territory, in transaction: inout OutputTransaction) throws {
        guard let path else { return }
        try GeoJSONWriter.stage(layer(), territory: territory, to: path, in: &transaction)
    }

    /// Says where the GeoJSON went, after the run's summary.
    func printLocation() {
        if let path { print("GeoJSON for QGIS: \(path)") }
    }
}
