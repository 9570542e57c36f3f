import CareIO

/// Every French commune of `../shared/data` imported once per test process (a static shared by every test target),
/// as `careaccess import` does: with boundaries, which the calibrated travel model reads (densities, islands).
/// Suites that use it are enabled only when `SharedData.available`.
public enum NationalData {
    /// The import, or its error.
    public static let imported: Result<DataFranceImporter.Output, InputError> = Result { () throws(InputError) in
        try DataFranceImporter(boundaryTolerance: DataFranceImporter.defaultBoundaryTolerance).importFile(path: SharedData.communes)
    }

    /// The import's output (throws the import's error).
    public static func output() throws -> DataFranceImporter.Output { try imported.get() }
}
