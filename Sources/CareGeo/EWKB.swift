/// Decoder for PostGIS EWKB and OGC/ISO WKB: Point, Polygon and MultiPolygon.
///
/// Both byte orders are accepted (each nested geometry has its own order byte), with or
/// without the EWKB SRID flag (`0x20000000`); Z and M ordinates, flagged either the EWKB way
/// (`0x80000000`, `0x40000000`) or the ISO way (type + 1000/2000/3000), are read and dropped.
/// Validation: known byte order, supported type, counts that fit in the remaining bytes
/// (checked before allocating), rings of at least 4 points, no trailing bytes. Ring closure
/// is not checked.
///
/// ```swift
/// let (geometry, srid) = try EWKB.decode(hex: "0101000000B9FDFF1F27AE1340D00B00206A134740")
/// // geometry == .point(XY(x: 4.920069…, y: 46.150700…)), srid == nil
/// ```
public enum EWKB {
    /// Decodes a hexadecimal (E)WKB string (upper or lower case, no prefix or spaces).
    ///
    /// Complexity: O(n) in the length of the string.
    public static func decode(hex: some StringProtocol) throws(WKBError) -> (geometry: Geometry, srid: Int32?) {
        if let result = hex.utf8.withContiguousStorageIfAvailable({ decodeHexResult($0) }) {
            return try result.get()
        }
        return try Array(hex.utf8).withUnsafeBufferPointer { decodeHexResult($0) }.get()
    }

    /// Decodes hexadecimal (E)WKB given as raw UTF-8/ASCII bytes, e.g. a CSV field, without creating a String.
    ///
    /// ```swift
    /// let field: ArraySlice<UInt8> = line[start..<end]
    /// let shape = try EWKB.decode(hexUTF8: field).geometry
    /// ```
    /// Complexity: O(n); no copy when the collection has contiguous storage.
    public static func decode(hexUTF8: some Collection<UInt8>) throws(WKBError) -> (geometry: Geometry, srid: Int32?) {
        if let result = hexUTF8.withContiguousStorageIfAvailable({ decodeHexResult($0) }) {
            return try result.get()
        }
        return try Array(hexUTF8).withUnsafeBufferPointer { decodeHexResult($0) }.get()
    }

    /// Decodes binary (E)WKB.
    ///
    /// ```swift
    /// let (geometry, _) = try EWKB.decode(bytes: [0x01, 0x01, 0x00, 0x00, 0x00] + coordinates)
    /// ```
    /// Complexity: O(n).
    public static func decode(bytes: [UInt8]) throws(WKBError) -> (geometry: Geometry, srid: Int32?) {
        try bytes.withUnsafeBytes { decodeBinaryResult($0) }.get()
    }

    // MARK: - Internals

    typealias Decoded = (geometry: Geometry, srid: Int32?)

    private static func decodeHexResult(_ hex: UnsafeBufferPointer<UInt8>) -> Result<Decoded, WKBError> {
        Result { () throws(WKBError) -> Decoded in
            let bytes = try HexDecoder.decode(hex)
            return try bytes.withUnsafeBytes { decodeBinaryResult($0) }.get()
        }
    }

    private static func decodeBinaryResult(_ raw: UnsafeRawBufferPointer) -> Result<Decoded, WKBError> {
        Result { () throws(WKBError) -> Decoded in
            guard !raw.isEmpty else { throw WKBError(message: "empty input", offset: 0) }
            var reader = WKBReader(raw)
            let decoded = try reader.readGeometry()
            guard reader.offset == raw.count else {
                throw WKBError(
                    message: "trailing bytes: \(raw.count - reader.offset) after the geometry",
                    offset: reader.offset)
            }
            return decoded
        }
    }
}
