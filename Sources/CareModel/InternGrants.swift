import Foundation

/// Grants to interns placed in under-served zones, by the straight-line distance from their faculty of
/// medicine (``InternGrantSchedule``), and their effect on supply: an intern counts as `gpFraction` of a GP for
/// the months of the internship (`gpFraction × months / 12` GP-years), a temporary supply.
///
/// ```swift
/// let g = InternGrants(placements: p, faculties: f, schedule: .grandEstDefault, zones: zones, gpFraction: 0.5)
/// print(g.totalGrants, g.rows.filter { !$0.eligible }.count)
/// ```
/// Distances are great circles on the mean Earth radius (6,371.0088 km) between WGS84 points; road distance is
/// not used. O(placements × bands).
public struct InternGrants: Sendable {
    /// The kind of general-practice internship a placement is (raw values as in the interns file).
    public enum InternshipType: String, Sendable, Hashable, CaseIterable {
        /// The compulsory general-practice internship (stage ambulatoire de niveau 1).
        case generalPractice = "general_practice"
        /// Supervised autonomous internship (stage ambulatoire en soins primaires en autonomie supervisée).
        case saspas
    }

    /// A faculty of medicine interns are placed from, located by a WGS84 point.
    public struct Faculty: Sendable, Hashable {
        /// Identifier the placements refer to in the interns file, e.g. `reims`.
        public var id: String
        /// Name or address of the faculty, for outputs.
        public var name: String
        /// WGS84 longitude in degrees (−180…180).
        public var lon: Double
        /// WGS84 latitude in degrees (−90…90).
        public var lat: Double
        /// Creates a faculty from its parts.
        public init(id: String, name: String, lon: Double, lat: Double) {
            self.id = id
            self.name = name
            self.lon = lon
            self.lat = lat
        }
    }

    /// One intern placed in a commune for some months, from a faculty.
    public struct Placement: Sendable, Hashable {
        /// Identifier of the placement, unique in the interns file.
        public var id: String
        /// INSEE code of the commune of the placement, looked up in the zones.
        public var communeCode: String
        /// Commune name, for outputs (may be empty).
        public var communeName: String
        /// WGS84 longitude of the placement in degrees.
        public var lon: Double
        /// WGS84 latitude of the placement in degrees.
        public var lat: Double
        /// Index into the faculties.
        public var faculty: Int
        /// The kind of internship.
        public var type: InternshipType
        /// Length of the internship in months (the interns file accepts 1…12).
        public var months: Int
        /// Creates a placement from its parts.
        public init(id: String, communeCode: String, communeName: String, lon: Double, lat: Double, faculty: Int,
                    type: InternshipType, months: Int) {
            self.id = id
            self.communeCode = communeCode
            self.communeName = communeName
            self.lon = lon
            self.lat = lat
            self.faculty = faculty
            self.type = type
            self.months = months
        }
    }

    /// The outcome for one placement: distance, band, zone, eligibility, grant and supply.
    public struct Row: Sendable, Hashable {
        /// The placement this row is about.
        public var placement: Placement
        /// Great-circle distance from the faculty to the placement, km.
        public var km: Double
        /// The schedule's band (index), `nil` beyond a closed last band.
        public var band: Int?
        /// The placement's zone when zones were given (`nil`: not given, or the commune is not in the file).
        public var zone: AccessZone?
        /// Whether the placement gets its band's grant: in an eligible zone (when zones were given) and within the
        /// schedule.
        public var eligible: Bool
        /// Why it gets no grant, when it does not.
        public var reason: String?
        /// Grant paid, euros; 0 when not ``eligible``.
        public var grant: Double
        /// GP-years of temporary supply: `gpFraction × months / 12`.
        public var gpYears: Double
    }

    /// One row per placement, in the order given.
    public var rows: [Row]
    /// The distance schedule applied.
    public var schedule: InternGrantSchedule
    /// The share of a GP an intern counts for, in (0, 1].
    public var gpFraction: Double
    /// Sum of the grants paid, euros.
    public var totalGrants: Double { rows.reduce(0) { $0 + $1.grant } }
    /// Sum of the GP-years of temporary supply over every placement, eligible or not.
    public var totalGPYears: Double { rows.reduce(0) { $0 + $1.gpYears } }

    /// - Parameters:
    ///   - zones: zone of each commune code (from `access --zones`); `nil` checks no eligibility by zone.
    ///   - level: the zones that are eligible (``AccessZone/isWithin(_:)``).
    /// - Throws: ``ModelError/invalidParameter(name:value:reason:)`` for a `gpFraction` outside (0, 1] or a
    ///   placement whose faculty index is out of range.
    public init(placements: [Placement], faculties: [Faculty], schedule: InternGrantSchedule, zones: [String: AccessZone]?,
                level: AccessZone = .underServed, gpFraction: Double) throws(ModelError) {
        guard gpFraction.isFinite, gpFraction > 0, gpFraction <= 1 else {
            throw .invalidParameter(name: "GP fraction of an intern", value: "\(gpFraction)", reason: "must be in (0, 1]")
        }
        self.schedule = schedule
        self.gpFraction = gpFraction
        var rows: [Row] = []
        for p in placements {
            guard faculties.indices.contains(p.faculty) else {
                throw .invalidParameter(name: "faculty of placement \(p.id)", value: "\(p.faculty)", reason: "no such faculty")
            }
            let f = faculties[p.faculty]
            let km = Self.greatCircleKm(lon1: f.lon, lat1: f.lat, lon2: p.lon, lat2: p.lat)
            let zone = zones?[p.communeCode]
            var reason: String?
            if zones != nil, !(zone?.isWithin(level) ?? false) {
                reason = zone.map { "outside the zones (\($0.rawValue))" } ?? "commune not in the zones file"
            }
            var band: Int?, grant = 0.0
            switch schedule.grant(forKm: km) {
            case .grant(let b, let euros):
                band = b
                if reason == nil { grant = euros }
            case .beyondSchedule:
                reason = reason ?? "beyond the schedule's last band"
            }
            rows.append(Row(placement: p, km: km, band: band, zone: zone, eligible: reason == nil, reason: reason, grant: grant,
                            gpYears: gpFraction * Double(p.months) / 12))
        }
        self.rows = rows
    }

    /// Great-circle distance in km (haversine) on the mean Earth radius.
    public static func greatCircleKm(lon1: Double, lat1: Double, lon2: Double, lat2: Double) -> Double {
        let r = 6_371.008_8, rad = Double.pi / 180
        let dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad
        let a = (sin(dLat / 2) * sin(dLat / 2)) + cos(lat1 * rad) * cos(lat2 * rad) * (sin(dLon / 2) * sin(dLon / 2))
        return 2 * r * asin(min(1, a.squareRoot()))
    }
}
