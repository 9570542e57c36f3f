import CareKernel
import CareModel

/// Loads GP supply from a BPE counts file (`CODGEO,NB_D201`) or a generic practitioners file, chosen by header.
/// With `countColumn` the file must be a BPE file with that column (`NB_D107`: maternity units), counted instead
/// of `NB_D201`; a header without it is an error naming the file, line 1 and the columns present.
public enum SupplyFile {
    /// Reads the supply file at `path` (plain or xz-compressed) and imports it as
    /// ``load(bytes:file:territory:countColumn:)`` does.
    public static func load(path: String, territory: Territory, countColumn: String? = nil) throws(InputError) -> SupplyImport {
        try load(bytes: try FileInput.bytes(path: path), file: path, territory: territory, countColumn: countColumn)
    }

    /// The supply in `bytes`: with `countColumn`, a BPE file counted on that column (``BPEImporter``); without, a
    /// BPE file when the first line names `NB_D201`, else a practitioners file (``PractitionersImporter``).
    ///
    /// Throws the importer's ``InputError``, or one naming `file`, line 1 and `NB_D201` for a BPE file of another
    /// equipment (a `CODGEO` and an `NB_…` column) read without `countColumn`.
    public static func load(bytes: [UInt8], file: String, territory: Territory,
                            countColumn: String? = nil) throws(InputError) -> SupplyImport {
        if let countColumn {
            return try BPEImporter(countColumn: countColumn).importBytes(bytes, file: file, territory: territory)
        }
        let header = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        if header.contains(BPECountColumn.generalPractitioners.name) {
            return try BPEImporter().importBytes(bytes, file: file, territory: territory)
        }
        // A BPE file of another equipment (`CODGEO,NB_D107`): say which option counts it, not "no location columns".
        let table = try CSVTableReader(bytes: bytes, file: file)
        if table.hasColumn(BPEImporter().codeColumn), let other = table.header.first(where: { $0.hasPrefix("NB_") }) {
            throw InputError(file: file, line: 1, field: BPECountColumn.generalPractitioners.name,
                             message: "missing required column (header has: \(MessageText.value(table.header.joined(separator: ", "), limit: 200))): a BPE file of another equipment; count it with --count-column \(MessageText.value(other))")
        }
        return try PractitionersImporter().importBytes(bytes, file: file, territory: territory)
    }
}
