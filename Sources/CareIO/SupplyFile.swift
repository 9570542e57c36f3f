import CareModel

/// Loads GP supply from a BPE counts file (`CODGEO,NB_D201`) or a generic practitioners file, chosen by header.
public enum SupplyFile {
    public static func load(path: String, territory: Territory) throws(InputError) -> SupplyImport {
        try load(bytes: try FileInput.bytes(path: path), file: path, territory: territory)
    }

    public static func load(bytes: [UInt8], file: String, territory: Territory) throws(InputError) -> SupplyImport {
        let header = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        if header.contains("NB_D201") {
            return try BPEImporter().importBytes(bytes, file: file, territory: territory)
        }
        return try PractitionersImporter().importBytes(bytes, file: file, territory: territory)
    }
}
