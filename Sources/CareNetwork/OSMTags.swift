/// The tags of an OSM element as key/value pairs in file order.
///
/// ```swift
/// let tags = OSMTags([("highway", "primary"), ("maxspeed", "50")])
/// tags["highway"]   // "primary"
/// ```
/// Lookup is a linear scan: ways carry a handful of tags. Complexity: O(tags) per lookup.
public struct OSMTags: Sendable, Hashable {
    /// The tags in file order (a key may in principle repeat; lookup returns its first value).
    public var pairs: [Pair]

    /// One tag.
    public struct Pair: Sendable, Hashable {
        /// The tag's key (`highway`, `maxspeed`, `oneway`…).
        public var key: String
        /// The tag's value, as written in the file (`primary`, `FR:urban`, `-1`…).
        public var value: String
        /// Creates a tag from its parts.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// Creates tags from key/value tuples.
    public init(_ pairs: [(String, String)] = []) {
        self.pairs = pairs.map { Pair(key: $0.0, value: $0.1) }
    }

    /// The value of `key`, or `nil`.
    public subscript(_ key: String) -> String? {
        for p in pairs where p.key == key { return p.value }
        return nil
    }

    /// Whether the element has no tag at all.
    public var isEmpty: Bool { pairs.isEmpty }

    mutating func append(_ key: String, _ value: String) { pairs.append(Pair(key: key, value: value)) }
    mutating func removeAll() { pairs.removeAll(keepingCapacity: true) }
}

/// Receives the elements of an OSM file as a reader streams them (nodes, then ways, in file order).
/// Relations are skipped (counted in ``OSMFileStats``).
///
/// ```swift
/// struct Count: OSMHandler {
///     var ways = 0
///     mutating func node(id: Int64, lon: Double, lat: Double) {}
///     mutating func way(id: Int64, refs: [Int64], tags: OSMTags) { ways += 1 }
/// }
/// ```
public protocol OSMHandler {
    /// A node and its WGS84 position (node tags are not delivered: a car graph does not need them).
    mutating func node(id: Int64, lon: Double, lat: Double)
    /// A way with its node references (already delta-decoded) and tags.
    mutating func way(id: Int64, refs: [Int64], tags: OSMTags)
}

/// What a reader saw in an OSM file.
public struct OSMFileStats: Sendable, Hashable {
    /// Number of nodes in the file (tagged or not, drivable or not).
    public var nodes = 0
    /// Number of ways in the file, drivable or not.
    public var ways = 0
    /// Number of relations in the file (skipped, only counted).
    public var relations = 0
    /// PBF blobs (header included) or XML bytes read, for reports.
    public var blobs = 0
    /// Bytes of the file read: through the last PBF blob, or the whole XML document.
    public var bytes = 0
    /// The file's declared bounding box (`<bounds>` or PBF HeaderBBox), WGS84 degrees: minLon, minLat, maxLon, maxLat.
    public var declaredBounds: [Double]?

    /// Statistics of nothing read yet: every count 0, no declared bounds.
    public init() {}
}
