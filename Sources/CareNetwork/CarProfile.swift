/// Which OSM ways a car may use, at what speed and in which direction.
///
/// **Drivable** `highway=*` values and default speeds (km/h), overridable through ``speeds``:
///
/// | class | km/h | | class | km/h |
/// |---|---|---|---|---|
/// | motorway | 110 | | motorway_link | 60 |
/// | trunk | 90 | | trunk_link | 50 |
/// | primary | 80 | | primary_link | 50 |
/// | secondary | 70 | | secondary_link | 40 |
/// | tertiary | 60 | | tertiary_link | 40 |
/// | unclassified | 50 | | residential | 30 |
/// | road | 40 | | living_street | 10 |
/// | service | 20 | | | |
///
/// Sources and assumptions: French limits are 130 km/h on motorways, 110 on dual carriageways, 80 on
/// two-lane rural roads (since 2018), 50 in built-up areas, 20 in *zones de rencontre*. The table uses
/// *average* car speeds below those limits, in the range used by OSRM's car profile (motorway 90, trunk 85,
/// primary 65, secondary 55, tertiary 40, unclassified 25, residential 25, living_street 10, service 15) and
/// IGN BD TOPO's `vitesse_moyenne_vl` by road importance (motorways 110–130, main roads 60–90, local roads
/// 30–50). Links are slower than their road (ramps, curves). `road` (unknown class) is a cautious 40.
///
/// **Excluded** highway values (not drivable, or not yet built): `track`, `path`, `footway`, `cycleway`,
/// `bridleway`, `pedestrian`, `steps`, `corridor`, `construction`, `proposed`, `abandoned`, `platform`,
/// `bus_guideway`, `busway`, `escape`, `raceway`, `elevator`, and any value not in the table. Values
/// `X_bridge` / `X_tunnel` count as class `X` (see ``baseClass(_:in:)``).
/// A way is also excluded when `motor_vehicle=no` or `motorcar=no`, or when `access=no`/`private` unless
/// `motor_vehicle`/`motorcar` grants access (`yes`, `designated`, `permissive`, `destination`).
/// Closed ways tagged `area=yes` are surfaces, not roads, and are excluded too.
///
/// **Speed** of a way: its class speed, lowered to `maxspeed` when tagged lower (numbers in km/h, `"50 mph"`,
/// `"FR:urban"` 50, `"FR:rural"` 80, `"FR:motorway"` 130, `"FR:zone30"` 30, `"walk"` 6; `none`, `signals` and
/// unparsable values keep the class speed). A `maxspeed` above the class speed never raises it: a motorway's
/// legal 130 is not its average speed.
///
/// **Direction**: `oneway=yes|true|1` forward, `-1|reverse` backward, `no|false|0` both ways; with no `oneway`
/// tag, `junction=roundabout|circular` and `highway=motorway` (and `motorway_link`) are one-way forward.
///
/// ```swift
/// var car = CarProfile.car
/// car.speeds["residential"] = 25        // override one class
/// car.way(OSMTags([("highway", "primary"), ("maxspeed", "FR:urban")]))   // speed 50, .both
/// ```
public struct CarProfile: Sendable, Hashable {
    /// Average speed in km/h by `highway` value; a value absent from the table is not drivable.
    public var speeds: [String: Double]

    /// The default speed table (see the type's documentation for sources).
    public static let defaultSpeeds: [String: Double] = [
        "motorway": 110, "motorway_link": 60,
        "trunk": 90, "trunk_link": 50,
        "primary": 80, "primary_link": 50,
        "secondary": 70, "secondary_link": 40,
        "tertiary": 60, "tertiary_link": 40,
        "unclassified": 50, "residential": 30, "road": 40,
        "living_street": 10, "service": 20,
    ]

    /// Highway values that are deliberately not drivable (documentation and reports).
    public static let excludedClasses: [String] = [
        "track", "path", "footway", "cycleway", "bridleway", "pedestrian", "steps", "corridor", "construction",
        "proposed", "abandoned", "platform", "bus_guideway", "busway", "escape", "raceway", "elevator",
    ]

    /// The profile with ``defaultSpeeds``.
    public static let car = CarProfile(speeds: defaultSpeeds)

    /// A profile with the average speed table `speeds` (km/h by `highway` value); a value absent from it, or with a
    /// speed of 0 or less, is not drivable.
    public init(speeds: [String: Double]) {
        self.speeds = speeds
    }

    /// Travel direction(s) of a way relative to its node order.
    public enum Direction: Sendable, Hashable { case both, forward, backward }

    /// How a car uses a way, or `nil` when it is not drivable.
    public struct WayUse: Sendable, Hashable {
        /// The way's class in the speed table: its `highway` value, with a `_bridge`/`_tunnel` suffix folded
        /// (``CarProfile/baseClass(_:in:)``).
        public var highway: String
        /// The average speed a car drives the way at, km/h (> 0): the class speed, lowered to `maxspeed` when lower.
        public var speedKmh: Double
        /// The direction(s) a car may drive the way, relative to the order of its nodes.
        public var direction: Direction
    }

    /// The car use of a way with these tags, or `nil` when cars cannot drive it.
    public func way(_ tags: OSMTags) -> WayUse? {
        guard let tagged = tags["highway"] else { return nil }
        let highway = Self.baseClass(tagged, in: speeds)
        guard let classSpeed = speeds[highway], classSpeed > 0 else { return nil }
        if tags["area"] == "yes" { return nil }
        let grants: Set<String> = ["yes", "designated", "permissive", "destination"]
        let motorcar = tags["motorcar"], motorVehicle = tags["motor_vehicle"]
        if motorcar == "no" || motorVehicle == "no" { return nil }
        if let access = tags["access"], access == "no" || access == "private" {
            let granted = (motorcar.map(grants.contains) ?? false) || (motorVehicle.map(grants.contains) ?? false)
            if !granted { return nil }
        }
        var speed = classSpeed
        if let tagged = tags["maxspeed"].flatMap(Self.parseMaxspeed), tagged > 0 { speed = min(speed, tagged) }
        return WayUse(highway: highway, speedKmh: speed, direction: Self.direction(tags, highway: highway))
    }

    /// The table class of a `highway` value: the value itself, or `X` for `X_bridge` / `X_tunnel` when `X` is in
    /// the table (some converted extracts, e.g. the Monaco–Riviera network file, fold `bridge=yes` and
    /// `tunnel=yes` into the highway value; dropping them would cut the network at every bridge and tunnel).
    ///
    /// ```swift
    /// CarProfile.baseClass("primary_bridge", in: CarProfile.defaultSpeeds)   // "primary"
    /// ```
    public static func baseClass(_ highway: String, in speeds: [String: Double]) -> String {
        if speeds[highway] != nil { return highway }
        for suffix in ["_bridge", "_tunnel"] where highway.hasSuffix(suffix) {
            let base = String(highway.dropLast(suffix.count))
            if speeds[base] != nil { return base }
        }
        return highway
    }

    /// The direction implied by `oneway`, `junction` and the highway class.
    public static func direction(_ tags: OSMTags, highway: String) -> Direction {
        switch tags["oneway"] {
        case "yes", "true", "1": return .forward
        case "-1", "reverse": return .backward
        case "no", "false", "0": return .both
        default: break
        }
        if let j = tags["junction"], j == "roundabout" || j == "circular" { return .forward }
        if highway == "motorway" || highway == "motorway_link" { return .forward }
        return .both
    }

    /// A `maxspeed` value in km/h, or `nil` when it is not a usable limit.
    ///
    /// ```swift
    /// CarProfile.parseMaxspeed("50")          // 50
    /// CarProfile.parseMaxspeed("30 mph")      // 48.28032
    /// CarProfile.parseMaxspeed("FR:rural")    // 80
    /// CarProfile.parseMaxspeed("none")        // nil
    /// ```
    public static func parseMaxspeed(_ raw: String) -> Double? {
        let s = raw.lowercased().filter { $0 != " " }
        let zones: [String: Double] = [
            "fr:urban": 50, "fr:rural": 80, "fr:motorway": 130, "fr:zone30": 30, "fr:zone20": 20, "fr:walk": 6,
            "fr:living_street": 20, "fr:trunk": 110, "walk": 6, "living_street": 10,
        ]
        if let z = zones[s] { return z }
        // "50;70" or "50|70": the lowest applies (conservative).
        if s.contains(";") || s.contains("|") {
            return s.split(whereSeparator: { $0 == ";" || $0 == "|" }).compactMap { parseMaxspeed(String($0)) }.min()
        }
        var factor = 1.0
        var number = Substring(s)
        if s.hasSuffix("mph") { factor = 1.609344; number = number.dropLast(3) }
        else if s.hasSuffix("km/h") { number = number.dropLast(4) }
        else if s.hasSuffix("kmh") { number = number.dropLast(3) }
        else if s.hasSuffix("knots") { factor = 1.852; number = number.dropLast(5) }
        guard let v = Double(number), v.isFinite, v > 0, v < 400 else { return nil }
        return v * factor
    }
}
