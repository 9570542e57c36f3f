/// A coordinate reference system identified by its EPSG code.
///
/// ```swift
/// CRS.forDepartement("07")    // CRS.lambert93 (EPSG:2154)
/// CRS.forDepartement("974")   // CRS.rgr92UTM40S (EPSG:2975)
/// ```
public struct CRS: Hashable, Sendable, CustomStringConvertible {
    /// The EPSG code, e.g. 2154.
    public let epsg: Int

    /// Creates a CRS from an EPSG code; validity is checked only when a ``Projection`` is built.
    public init(epsg: Int) {
        self.epsg = epsg
    }

    /// WGS 84 geographic coordinates (EPSG:4326).
    public static let wgs84 = CRS(epsg: 4326)
    /// RGF93 v1 / Lambert-93 (EPSG:2154): metropolitan France and Corsica.
    public static let lambert93 = CRS(epsg: 2154)
    /// RGAF09 / UTM zone 20N (EPSG:5490): Guadeloupe and Martinique.
    public static let rgaf09UTM20 = CRS(epsg: 5490)
    /// RGFG95 / UTM zone 22N (EPSG:2972): Guyane.
    public static let rgfg95UTM22 = CRS(epsg: 2972)
    /// RGR92 / UTM zone 40S (EPSG:2975): La Réunion.
    public static let rgr92UTM40S = CRS(epsg: 2975)
    /// RGM04 / UTM zone 38S (EPSG:4471): Mayotte.
    public static let rgm04UTM38S = CRS(epsg: 4471)

    /// `"EPSG:<code>"`, the form PROJ accepts.
    public var description: String { "EPSG:\(epsg)" }

    /// Projected CRS used for a French département code.
    ///
    /// "01"..."95" (except "20"), "2A", "2B" → Lambert-93; "971", "972" → EPSG:5490;
    /// "973" → EPSG:2972; "974" → EPSG:2975; "976" → EPSG:4471; anything else
    /// (e.g. "975", "977", "978", "20", "1", "") → `nil`.
    ///
    /// ```swift
    /// CRS.forDepartement("2A")   // .lambert93
    /// CRS.forDepartement("975")  // nil
    /// ```
    public static func forDepartement(_ code: String) -> CRS? {
        switch code {
        case "2A", "2B": return .lambert93
        case "971", "972": return .rgaf09UTM20
        case "973": return .rgfg95UTM22
        case "974": return .rgr92UTM40S
        case "976": return .rgm04UTM38S
        default: break
        }
        let utf8 = Array(code.utf8)
        guard utf8.count == 2,
              let tens = asciiDigit(utf8[0]), let units = asciiDigit(utf8[1]) else { return nil }
        let number = tens * 10 + units
        guard (1...95).contains(number), number != 20 else { return nil }
        return .lambert93
    }

    private static func asciiDigit(_ byte: UInt8) -> Int? {
        (0x30...0x39).contains(byte) ? Int(byte - 0x30) : nil
    }
}
