/// The grant an intern receives by the distance from their faculty of medicine to the placement: bands of
/// distance in km, each with a grant in euros. A distance belongs to the first band whose upper limit it does
/// not exceed (a limit is inclusive: exactly 25 km is in the band up to 25 km); the last band may be open
/// (no limit). A distance beyond a closed last band gets no grant.
///
/// ```swift
/// let s = InternGrantSchedule.grandEstDefault
/// s.grant(forKm: 25)    // .grant(band: 0, euros: 600)
/// s.grant(forKm: 140)   // .grant(band: 4, euros: 3000)
/// ```
/// O(bands) per distance.
public struct InternGrantSchedule: Sendable, Hashable {
    /// One distance band of the schedule: the grant for distances up to ``upToKm``.
    public struct Band: Sendable, Hashable {
        /// Upper limit in km (inclusive); `nil` for the open last band.
        public var upToKm: Double?
        /// Grant in euros for a placement in this band (finite, ≥ 0).
        public var grant: Double
        /// Creates a band from its parts, unchecked (``InternGrantSchedule/init(bands:)`` checks them).
        public init(upToKm: Double?, grant: Double) {
            self.upToKm = upToKm
            self.grant = grant
        }
    }

    /// What the schedule gives for one distance.
    public enum Outcome: Sendable, Hashable {
        /// The distance falls in band `band` (index into ``InternGrantSchedule/bands``), worth `euros`.
        case grant(band: Int, euros: Double)
        /// Farther than the closed last band.
        case beyondSchedule
    }

    /// The bands by increasing limit; only the last may be open.
    public private(set) var bands: [Band]

    /// The default schedule, an ASSUMPTION shaped on the Grand Est scheme (600 € to 3,000 € by distance from the
    /// faculty; the region's own bands are not published with it): up to 25 km 600 €, 50 km 1,200 €, 75 km
    /// 1,800 €, 100 km 2,400 €, beyond 3,000 €.
    public static let grandEstDefault = InternGrantSchedule(checked: [
        Band(upToKm: 25, grant: 600), Band(upToKm: 50, grant: 1_200), Band(upToKm: 75, grant: 1_800),
        Band(upToKm: 100, grant: 2_400), Band(upToKm: nil, grant: 3_000),
    ])

    /// - Throws: ``ModelError/invalidParameter(name:value:reason:)`` for no band, a limit that is not finite and
    ///   > 0 or not above the one before, an open band that is not the last, or a grant that is not finite and ≥ 0.
    public init(bands: [Band]) throws(ModelError) {
        guard !bands.isEmpty else { throw .invalidParameter(name: "grant schedule", value: "", reason: "needs at least one band") }
        var last = 0.0
        for (k, b) in bands.enumerated() {
            guard b.grant.isFinite, b.grant >= 0 else {
                throw .invalidParameter(name: "grant of band \(k + 1)", value: "\(b.grant)", reason: "must be a finite number of euros ≥ 0")
            }
            if let u = b.upToKm {
                guard u.isFinite, u > last else {
                    throw .invalidParameter(name: "limit of band \(k + 1)", value: "\(u)", reason: "must be a finite number of km above the band before (\(last))")
                }
                last = u
            } else if k != bands.count - 1 {
                throw .invalidParameter(name: "band \(k + 1)", value: "", reason: "only the last band may have no limit")
            }
        }
        self.init(checked: bands)
    }

    private init(checked: [Band]) { bands = checked }

    /// The band and grant for a distance of `km` kilometres: the first band whose limit is ≥ `km`, or
    /// ``Outcome/beyondSchedule`` past a closed last band.
    public func grant(forKm km: Double) -> Outcome {
        for (k, b) in bands.enumerated() where b.upToKm.map({ km <= $0 }) ?? true {
            return .grant(band: k, euros: b.grant)
        }
        return .beyondSchedule
    }

    /// `≤ 25 km: 600 €; ≤ 50 km: 1200 €; …; beyond: 3000 €`.
    public var summary: String {
        bands.map { b in (b.upToKm.map { "≤ \(Self.text($0)) km" } ?? "beyond") + ": \(Self.text(b.grant)) €" }.joined(separator: "; ")
    }

    static func text(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v) }
}
