import Foundation

/// A CSV output's provenance, written beside it as `FILE.csv-metadata.json`, the sidecar name and vocabulary
/// of the W3C "Model for Tabular Data and Metadata on the Web" (CSVW, 2015): what the table is, which data and
/// travel model produced it, and what they are known to get wrong. The CSV itself stays a plain table.
///
/// ```swift
/// try CSVMetadata(title: "coverage per commune", model: model.summary, caveats: model.caveats.map(\.description),
///                 sources: [territory, supply]).write(besides: "coverage.csv")
/// ```
public struct CSVMetadata: Sendable, Equatable {
    /// What the table is, written as `dc:title` (e.g. `"CareAccess coverage per commune, threshold 20 min"`).
    public var title: String
    /// The travel model's summary line (name and held-out error).
    public var model: String?
    /// What the model is known to get wrong, already in words (the English ``CareModel/TravelCaveat`` lines).
    public var caveats: [String]
    /// The input data the table was computed from (file names or provenance lines), written as `dc:source`.
    public var sources: [String]
    /// The run's notes in words (what was left out, assumed or changed), written as `careaccess:notes` when any.
    public var notes: [String]

    /// Creates the sidecar's content; `model` is nil for a table no travel model produced (the key is then omitted).
    public init(title: String, model: String?, caveats: [String] = [], sources: [String] = [], notes: [String] = []) {
        self.title = title
        self.model = model
        self.caveats = caveats
        self.sources = sources
        self.notes = notes
    }

    /// The sidecar's path for a CSV at `path`.
    public static func path(besides path: String) -> String { path + "-metadata.json" }

    /// The JSON text (keys sorted, stable).
    public func json(forTable path: String) -> String {
        var object: [String: Any] = [
            "@context": "http://www.w3.org/ns/csvw",
            "url": (path as NSString).lastPathComponent,
            "dc:title": title,
            "dc:creator": "CareAccess \(CareAccessVersion.current)",
            "dc:source": sources,
        ]
        if let model { object["careaccess:travelModel"] = model }
        if !caveats.isEmpty { object["careaccess:knownLimitations"] = caveats }
        if !notes.isEmpty { object["careaccess:notes"] = notes }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Writes the sidecar of the CSV at `path` (atomically).
    public func write(besides path: String) throws(OutputError) {
        try AtomicFile.write(json(forTable: path), to: Self.path(besides: path))
    }

    /// Stages the sidecar of the CSV at `path` in `transaction`.
    public func stage(besides path: String, in transaction: inout OutputTransaction) throws(OutputError) {
        try transaction.stage(json(forTable: path), to: Self.path(besides: path))
    }
}
