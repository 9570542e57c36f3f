/// Travel times read from an origin–destination matrix (a national *distancier*'s export): minutes for pairs
/// of **keys** (commune indices of the territory, for instance), missing pairs unreachable.
///
/// Places carry no codes, so the model resolves each ``Place`` to a key through ``keyOfPlace``, built by the
/// I/O layer from the territory (commune points → commune index; BPE sites sit on commune points, so sites
/// resolve too). This keeps the ``TravelTimeModel`` protocol unchanged and the model independent of files.
/// A place with no key (e.g. a practitioner geocoded at an address) is unreachable, and the summary says
/// how many pairs the matrix holds. Two communes sharing one point would share a key: the lowest index wins.
///
/// ```swift
/// let model = try ODMatrixReader.read(path: "od.csv", territory: territory)   // CareIO
/// let nearest = try model.nearest(from: communes.map(\.place), to: sites.map(\.place))
/// ```
/// Storage: CSR by origin key and by destination key (12 bytes per pair each).
/// Complexity: ``nearest(from:to:)`` O(Σ row lengths of the origins); ``catchments(from:to:within:)``
/// O(Σ column lengths of the sites).
public struct ODMatrixModel: TravelTimeModel {
    /// Key of each place known to the matrix.
    public let keyOfPlace: [Place: Int32]
    /// Number of keys (e.g. communes of the territory).
    public let keyCount: Int
    /// Rows by origin key: destinations and minutes, ascending by destination.
    let rowOffsets: [Int], rowKeys: [Int32], rowMinutes: [Double]
    /// Columns by destination key: origins and minutes, ascending by origin.
    let colOffsets: [Int], colKeys: [Int32], colMinutes: [Double]
    /// Description of the source for reports.
    public var name: String

    /// One matrix entry: minutes from key `origin` to key `destination`.
    public struct Entry: Sendable, Hashable {
        /// Origin key (e.g. commune index of the territory), in `0..<keyCount`.
        public var origin: Int32
        /// Destination key, in `0..<keyCount`.
        public var destination: Int32
        /// Travel time, minutes, finite and ≥ 0.
        public var minutes: Double
        /// Creates an entry, unchecked (``ODMatrixModel/init(entries:keyCount:keyOfPlace:name:)`` checks it).
        public init(origin: Int32, destination: Int32, minutes: Double) {
            self.origin = origin
            self.destination = destination
            self.minutes = minutes
        }
    }

    /// Builds the model; `entries` must have distinct (origin, destination) pairs, keys in `0..<keyCount` and
    /// finite minutes ≥ 0 (the reader checks and locates these; here they are preconditions reported as errors).
    public init(entries: [Entry], keyCount: Int, keyOfPlace: [Place: Int32], name: String) throws(ModelError) {
        for e in entries {
            guard e.origin >= 0, Int(e.origin) < keyCount, e.destination >= 0, Int(e.destination) < keyCount else {
                throw .invalidParameter(name: "matrix key", value: "\(e.origin)→\(e.destination)", reason: "out of range 0..<\(keyCount)")
            }
            guard e.minutes.isFinite, e.minutes >= 0 else {
                throw .invalidParameter(name: "matrix minutes", value: "\(e.minutes)", reason: "must be finite and ≥ 0")
            }
        }
        self.keyCount = keyCount
        self.keyOfPlace = keyOfPlace
        self.name = name
        (rowOffsets, rowKeys, rowMinutes) = Self.csr(entries, keyCount: keyCount, by: \.origin, other: \.destination)
        (colOffsets, colKeys, colMinutes) = Self.csr(entries, keyCount: keyCount, by: \.destination, other: \.origin)
    }

    /// Number of (origin, destination) pairs the matrix holds, the diagonal included when the reader added it.
    public var pairCount: Int { rowKeys.count }

    /// Whether the matrix holds a pair from `key` to another key (the diagonal, which readers add, aside):
    /// whether the place is covered by the matrix at all. O(row length).
    public func hasPairs(fromKey key: Int32) -> Bool {
        guard key >= 0, Int(key) < keyCount else { return false }
        return rowKeys[rowOffsets[Int(key)]..<rowOffsets[Int(key) + 1]].contains { $0 != key }
    }

    /// The matrix's caveat: pairs it does not hold are unreachable (``TravelCaveat/odMatrix``).
    public var caveats: [TravelCaveat] { [.odMatrix] }

    /// `"OD matrix"`, the source ``name`` and the ``pairCount``, noting that missing pairs are unreachable.
    public var summary: String { "OD matrix \(name) (\(pairCount) pairs; missing pairs unreachable)" }

    /// Minutes from key `origin` to key `destination`, `nil` when the matrix has no such pair.
    public func minutes(from origin: Int, to destination: Int) -> Double? {
        guard origin >= 0, origin < keyCount else { return nil }
        let row = rowKeys[rowOffsets[origin]..<rowOffsets[origin + 1]]
        var lo = row.startIndex, hi = row.endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if rowKeys[mid] < Int32(destination) { lo = mid + 1 } else { hi = mid }
        }
        return lo < row.endIndex && rowKeys[lo] == Int32(destination) ? rowMinutes[lo] : nil
    }

    /// The matrix's minutes per pair: infinite for a place that is no commune point of the matrix or a pair
    /// the matrix does not hold.
    public func minutes(between pairs: [PlacePair]) throws -> [Double] {
        pairs.map { pair in
            guard let o = keyOfPlace[pair.origin], let d = keyOfPlace[pair.destination] else { return .infinity }
            return minutes(from: Int(o), to: Int(d)) ?? .infinity
        }
    }

    /// For every origin, the site with the fewest matrix minutes (ties: lowest site index); ``NearestFacility/unreachable``
    /// for an origin with no key or no pair to a site. `metres` is always nil.
    public func nearest(from origins: [Place], to sites: [Place]) throws -> [NearestFacility] {
        // Sites by key, lowest site index first.
        let sitesByKey = groupByKey(sites)
        return origins.map { origin in
            guard let o = keyOfPlace[origin] else { return .unreachable }
            var best = NearestFacility.unreachable
            for p in rowOffsets[Int(o)]..<rowOffsets[Int(o) + 1] {
                guard let js = sitesByKey[rowKeys[p]], let j = js.first else { continue }
                let m = rowMinutes[p]
                if m < best.minutes || (m == best.minutes && j < (best.site ?? .max)) {
                    best = NearestFacility(site: j, minutes: m, metres: nil)
                }
            }
            return best
        }
    }

    /// For every site, the origins the matrix reaches from it within `threshold` minutes (inclusive), ascending by
    /// origin index. Throws ``ModelError/invalidParameter(name:value:reason:)`` when `threshold` is not finite and ≥ 0.
    public func catchments(from sites: [Place], to origins: [Place], within threshold: Double) throws -> Catchments {
        guard threshold.isFinite, threshold >= 0 else {
            throw ModelError.invalidParameter(name: "threshold", value: "\(threshold)", reason: "must be a finite number of minutes ≥ 0")
        }
        let originsByKey = groupByKey(origins)
        var offsets = [0], demand: [Int32] = [], minutes: [Double] = []
        var row: [(Int32, Double)] = []
        for site in sites {
            row.removeAll(keepingCapacity: true)
            if let d = keyOfPlace[site] {
                for p in colOffsets[Int(d)]..<colOffsets[Int(d) + 1] where colMinutes[p] <= threshold {
                    for i in originsByKey[colKeys[p]] ?? [] { row.append((Int32(i), colMinutes[p])) }
                }
            }
            row.sort { $0.0 < $1.0 }
            for (i, m) in row { demand.append(i); minutes.append(m) }
            offsets.append(demand.count)
        }
        return Catchments(threshold: threshold, offsets: offsets, demand: demand, minutes: minutes)
    }

    private func groupByKey(_ places: [Place]) -> [Int32: [Int]] {
        var out: [Int32: [Int]] = [:]
        for (i, p) in places.enumerated() { if let k = keyOfPlace[p] { out[k, default: []].append(i) } }
        return out
    }

    private static func csr(_ entries: [Entry], keyCount: Int, by key: KeyPath<Entry, Int32>, other: KeyPath<Entry, Int32>)
        -> ([Int], [Int32], [Double])
    {
        var offsets = [Int](repeating: 0, count: keyCount + 1)
        for e in entries { offsets[Int(e[keyPath: key]) + 1] += 1 }
        for k in 0..<keyCount { offsets[k + 1] += offsets[k] }
        let sorted = entries.sorted { ($0[keyPath: key], $0[keyPath: other]) < ($1[keyPath: key], $1[keyPath: other]) }
        return (offsets, sorted.map { $0[keyPath: other] }, sorted.map(\.minutes))
    }
}
