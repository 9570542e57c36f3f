extension PBFReader {
    /// Decodes one `PrimitiveBlock` (`osmformat.proto`): string table, then every `PrimitiveGroup`, with
    /// coordinates `1e-9 × (offset + granularity × value)` degrees.
    ///
    /// `elements` chooses what is decoded and delivered: `.ways` skips node groups (and counts no node),
    /// `.nodes` skips the string table, way and relation groups (and counts no way or relation). Returns
    /// which kinds of group the block holds.
    /// Complexity: O(block size).
    @discardableResult
    static func readPrimitiveBlock<H: OSMHandler>(_ raw: [UInt8], into handler: inout H, stats: inout OSMFileStats,
                                                  elements: Elements = .all) throws(ProtobufReader.Failure) -> Contents {
        var r = ProtobufReader(data: raw, range: 0..<raw.count)
        var strings: [String] = []
        var groups: [Range<Int>] = []
        var granularity: Int64 = 100
        var latOffset: Int64 = 0
        var lonOffset: Int64 = 0
        while let (field, wire) = try r.nextKey() {
            switch (field, wire) {
            case (1, .lengthDelimited) where elements != .nodes:
                var t = try r.message()
                while let (f, w) = try t.nextKey() {
                    if f == 1, w == .lengthDelimited { strings.append(try t.string()) } else { try t.skip(w) }
                }
            case (2, .lengthDelimited): groups.append(try r.lengthDelimitedRange())
            case (17, .varint): granularity = try r.int64()
            case (19, .varint): latOffset = try r.int64()
            case (20, .varint): lonOffset = try r.int64()
            default: try r.skip(wire)
            }
        }
        guard granularity > 0 else { throw .init(message: "granularity \(granularity) must be positive") }
        let scale = Coordinates(granularity: granularity, latOffset: latOffset, lonOffset: lonOffset)
        var scratch = Scratch()
        var contents = Contents()
        let nodes = elements != .ways, ways = elements != .nodes
        for g in groups {
            var group = ProtobufReader(data: raw, range: g)
            while let (field, wire) = try group.nextKey() {
                switch (field, wire) {
                case (1, .lengthDelimited) where nodes:
                    var m = try group.message()
                    try readNode(&m, scale: scale, into: &handler)
                    stats.nodes += 1
                    contents.nodes = true
                case (2, .lengthDelimited) where nodes:
                    var m = try group.message()
                    stats.nodes += try readDenseNodes(&m, scale: scale, scratch: &scratch, into: &handler)
                    contents.nodes = true
                case (3, .lengthDelimited) where ways:
                    var m = try group.message()
                    try readWay(&m, strings: strings, scratch: &scratch, into: &handler)
                    stats.ways += 1
                    contents.ways = true
                case (4, .lengthDelimited) where ways:
                    try group.skip(wire)
                    stats.relations += 1
                default:
                    if field == 1 || field == 2 { contents.nodes = true }
                    if field == 3 { contents.ways = true }
                    try group.skip(wire)
                }
            }
        }
        return contents
    }

    /// What ``readPrimitiveBlock(_:into:stats:elements:)`` decodes.
    enum Elements: Sendable { case all, nodes, ways }

    /// Which groups a block holds (plain or dense nodes; ways).
    struct Contents: Sendable {
        var nodes = false
        var ways = false
    }

    struct Coordinates {
        var granularity: Int64, latOffset: Int64, lonOffset: Int64
        func lat(_ v: Int64) -> Double { 1e-9 * Double(latOffset &+ granularity &* v) }
        func lon(_ v: Int64) -> Double { 1e-9 * Double(lonOffset &+ granularity &* v) }
    }

    /// Reusable buffers across the groups of a block.
    struct Scratch {
        var a: [Int64] = [], b: [Int64] = [], c: [Int64] = []
        var keys: [UInt64] = [], vals: [UInt64] = []
    }

    static func readNode<H: OSMHandler>(_ m: inout ProtobufReader, scale: Coordinates,
                                        into handler: inout H) throws(ProtobufReader.Failure) {
        var id: Int64 = 0, lat: Int64 = 0, lon: Int64 = 0
        while let (f, w) = try m.nextKey() {
            switch (f, w) {
            case (1, .varint): id = try m.sint64()
            case (8, .varint): lat = try m.sint64()
            case (9, .varint): lon = try m.sint64()
            default: try m.skip(w)
            }
        }
        handler.node(id: id, lon: scale.lon(lon), lat: scale.lat(lat))
    }

    static func readDenseNodes<H: OSMHandler>(_ m: inout ProtobufReader, scale: Coordinates, scratch: inout Scratch,
                                              into handler: inout H) throws(ProtobufReader.Failure) -> Int {
        scratch.a.removeAll(keepingCapacity: true)
        scratch.b.removeAll(keepingCapacity: true)
        scratch.c.removeAll(keepingCapacity: true)
        while let (f, w) = try m.nextKey() {
            switch f {
            case 1: try m.repeatedSInt64(w, into: &scratch.a)
            case 8: try m.repeatedSInt64(w, into: &scratch.b)
            case 9: try m.repeatedSInt64(w, into: &scratch.c)
            default: try m.skip(w)
            }
        }
        let n = scratch.a.count
        guard scratch.b.count == n, scratch.c.count == n else {
            throw .init(message: "dense nodes: \(n) ids but \(scratch.b.count) lats and \(scratch.c.count) lons")
        }
        var id: Int64 = 0, lat: Int64 = 0, lon: Int64 = 0
        for i in 0..<n {
            id &+= scratch.a[i]
            lat &+= scratch.b[i]
            lon &+= scratch.c[i]
            handler.node(id: id, lon: scale.lon(lon), lat: scale.lat(lat))
        }
        return n
    }

    static func readWay<H: OSMHandler>(_ m: inout ProtobufReader, strings: [String], scratch: inout Scratch,
                                       into handler: inout H) throws(ProtobufReader.Failure) {
        var id: Int64 = 0
        scratch.keys.removeAll(keepingCapacity: true)
        scratch.vals.removeAll(keepingCapacity: true)
        scratch.a.removeAll(keepingCapacity: true)
        while let (f, w) = try m.nextKey() {
            switch f {
            case 1 where w == .varint: id = try m.int64()
            case 2: try m.repeatedVarints(w, into: &scratch.keys)
            case 3: try m.repeatedVarints(w, into: &scratch.vals)
            case 8: try m.repeatedSInt64(w, into: &scratch.a)
            default: try m.skip(w)
            }
        }
        guard scratch.keys.count == scratch.vals.count else {
            throw .init(message: "way \(id): \(scratch.keys.count) tag keys but \(scratch.vals.count) values")
        }
        var tags = OSMTags()
        for (k, v) in zip(scratch.keys, scratch.vals) {
            guard k < UInt64(strings.count), v < UInt64(strings.count) else {
                throw .init(message: "way \(id): string index \(max(k, v)) beyond the string table (\(strings.count) entries)")
            }
            tags.append(strings[Int(k)], strings[Int(v)])
        }
        var refs = [Int64]()
        refs.reserveCapacity(scratch.a.count)
        var ref: Int64 = 0
        for d in scratch.a {
            ref &+= d
            refs.append(ref)
        }
        handler.way(id: id, refs: refs, tags: tags)
    }
}
