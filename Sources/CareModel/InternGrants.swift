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
    public enum InternshipType: String, Sendable, Hashable, CaseIterable {
        /// The compulsory general-practice internship (stage ambulatoire de niveau 1).
        case generalPractice = "general_practice"
        /// Supervised autonomous internship (stage ambulatoire en soins primaires en autonomie supervisée).
        case saspas
    }

    public struct Faculty: Sendable, Hashable {
        public var id: String
        public var name: String
        public var lon: Double
        public var lat: Double
        public init(id: String, name: String, lon: Double, lat: Double) {
            self.id = id
            self.name = name
            self.lon = lon
            self.lat = lat
        }
    }

    public struct Placement: Sendable, Hashable {
        public var id: String
        public var communeCode: String
        public var communeName: String
        public var lon: Double
        public var lat: Double
        /// Index into the faculties.
        public var faculty: Int
        public var type: InternshipType
        public var months: Int
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

    public struct Row: Sendable, Hashable {
        public var placement: Placement
        public var km: Double
        /// The schedule's band (index), `nil` beyond a closed last band.
        public var band: Int?
        /// The placement's zone when zones were given (`nil`: not given, or the commune is not in the file).
        public var zone: AccessZone?
        public var eligible: Bool
        /// Why it gets no grant, when it does not.
        public var reason: String?
        public var grant: Double
        /// GP-years of temporary supply: `gpFraction × months / 12`.
        public var gpYears: Double
    }

    public var rows: [Row]
    public var schedule: InternGrantSchedule
    public var gpFraction: Double
    public var totalGrants: Double { rows.reduce(0) { $0 + $1.grant } }
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
