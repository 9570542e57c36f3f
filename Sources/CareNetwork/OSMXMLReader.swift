import CareKernel

/// Streaming reader of OpenStreetMap XML (`.osm`, and `.osm.gz` through zlib's gzip decoder), built on
/// ``OSMXMLTokenizer``: nodes are delivered as their start tags are read, ways when `</way>` closes them;
/// nothing but the current way is held.
///
/// ```swift
/// var handler = RoadGraphBuilder(profile: .car)
/// let stats = try OSMXMLReader.read(path: "monaco.osm.gz", into: &handler)
/// ```
/// Errors name the file and line: not OSM XML (root element), a node without a valid id/lat/lon, an `<nd>`
/// without `ref`, truncated XML or gzip data, and a file with no node at all.
/// Complexity: O(file size) time, O(1 MiB + one way) memory besides what the handler keeps.
public enum OSMXMLReader {
    /// The largest single markup (tag, comment, processing instruction…) accepted: 64 MiB. OSM tags are a few
    /// hundred bytes; an unterminated comment is refused at this size instead of buffered to the end of the file.
    public static let maximumMarkupBytes = 64 << 20

    /// Streams `path` into `handler`; gzip is detected by its magic bytes (1F 8B), not the file name. Gzip output is
    /// bounded by `decompressionLimit`, one markup by `maximumMarkupBytes` (errors name the file, and the line).
    public static func read<H: OSMHandler>(path: String, into handler: inout H,
                                           decompressionLimit: DecompressionLimit = .current,
                                           maximumMarkupBytes: Int = OSMXMLReader.maximumMarkupBytes) throws(NetworkError) -> OSMFileStats {
        var file = try ChunkedFile(path: path)
        defer { file.close() }
        var parser = Parser(tokenizer: OSMXMLTokenizer(maximumMarkupBytes: maximumMarkupBytes))
        let chunkSize = 1 << 20
        var first = try file.read(upTo: chunkSize)
        let gzip = first.count >= 2 && first[0] == 0x1F && first[1] == 0x8B
        do {
            if gzip {
                let inflater: GzipInflater
                do { inflater = try GzipInflater(limit: decompressionLimit) } catch { throw NetworkError(file: path, message: error.message) }
                while !first.isEmpty {
                    do {
                        try first.withUnsafeBytes { raw in
                            try inflater.feed(raw) { plain in try parser.consume(plain, into: &handler) }
                        }
                    } catch let e as Zlib.Failure {
                        throw NetworkError(file: path, message: e.message)
                    }
                    first = try file.read(upTo: chunkSize)
                }
                do { try inflater.finish() } catch { throw NetworkError(file: path, message: error.message) }
            } else {
                while !first.isEmpty {
                    try first.withUnsafeBufferPointer { try parser.consume($0, into: &handler) }
                    first = try file.read(upTo: chunkSize)
                }
            }
            try parser.finish()
        } catch let e as OSMXMLTokenizer.Failure {
            throw NetworkError(file: path, location: "line \(e.line)", message: e.message)
        } catch let e as NetworkError {
            throw e
        } catch {
            throw NetworkError(file: path, message: "\(error)")
        }
        parser.stats.bytes = file.offset
        return parser.stats
    }

    /// The OSM element state machine over tokenizer tags.
    struct Parser {
        var tokenizer = OSMXMLTokenizer()
        var stats = OSMFileStats()
        var sawRoot = false
        var inWay: (id: Int64, line: Int)?
        var inRelation = false
        var refs: [Int64] = []
        var tags = OSMTags()

        mutating func consume<H: OSMHandler>(_ bytes: UnsafeBufferPointer<UInt8>, into handler: inout H) throws(OSMXMLTokenizer.Failure) {
            // Moved out, not copied: a copy would share `pending` and make every chunk copy it (quadratic).
            var t = tokenizer
            tokenizer = OSMXMLTokenizer(maximumMarkupBytes: t.maximumMarkupBytes)
            defer { tokenizer = t }
            try t.consume(bytes) { (tag: OSMXMLTokenizer.Tag) throws(OSMXMLTokenizer.Failure) in
                try self.handle(tag, into: &handler)
            }
        }

        mutating func finish() throws(OSMXMLTokenizer.Failure) {
            try tokenizer.finish()
            if let way = inWay { throw .init(line: way.line, message: "truncated XML: way \(way.id) is never closed") }
            guard sawRoot else { throw .init(line: 1, message: "not an OSM XML file: no <osm> root element") }
            guard stats.nodes > 0 else {
                throw .init(line: 1, message: "no <node> element: the file holds no node positions (is it an OSM extract?)")
            }
        }

        mutating func handle<H: OSMHandler>(_ tag: OSMXMLTokenizer.Tag, into handler: inout H) throws(OSMXMLTokenizer.Failure) {
            if !sawRoot {
                guard tag.name == "osm", !tag.isEnd else {
                    throw .init(line: tag.line, message: "not an OSM XML file: root element <\(MessageText.value(tag.name, limit: 40))>, expected <osm>")
                }
                sawRoot = true
                return
            }
            if tag.isEnd {
                switch tag.name {
                case "way":
                    if let way = inWay { handler.way(id: way.id, refs: refs, tags: tags) }
                    inWay = nil
                case "relation": inRelation = false
                default: break
                }
                return
            }
            switch tag.name {
            case "node":
                let id = try int64(tag, "id")
                let lat = try coordinate(tag, "lat", limit: 90)
                let lon = try coordinate(tag, "lon", limit: 180)
                stats.nodes += 1
                handler.node(id: id, lon: lon, lat: lat)
            case "way":
                stats.ways += 1
                let id = try int64(tag, "id")
                refs.removeAll(keepingCapacity: true)
                tags.removeAll()
                if tag.isEmpty { handler.way(id: id, refs: [], tags: tags) } else { inWay = (id, tag.line) }
            case "nd":
                if inWay != nil { refs.append(try int64(tag, "ref")) }
            case "tag":
                if inWay != nil, let k = tag.attribute("k") { tags.append(k, tag.attribute("v") ?? "") }
            case "relation":
                stats.relations += 1
                inRelation = !tag.isEmpty
            case "bounds":
                if let a = tag.attribute("minlon").flatMap(Double.init), let b = tag.attribute("minlat").flatMap(Double.init),
                   let c = tag.attribute("maxlon").flatMap(Double.init), let d = tag.attribute("maxlat").flatMap(Double.init) {
                    stats.declaredBounds = [a, b, c, d]
                }
            default: break
            }
        }

        private func int64(_ tag: OSMXMLTokenizer.Tag, _ key: String) throws(OSMXMLTokenizer.Failure) -> Int64 {
            guard let s = tag.attribute(key) else { throw .init(line: tag.line, message: "<\(tag.name)> without '\(key)'") }
            guard let v = Int64(s) else { throw .init(line: tag.line, message: "<\(tag.name)> \(key)='\(s.prefix(30))' is not an integer") }
            return v
        }

        private func coordinate(_ tag: OSMXMLTokenizer.Tag, _ key: String, limit: Double) throws(OSMXMLTokenizer.Failure) -> Double {
            guard let s = tag.attribute(key) else {
                throw .init(line: tag.line, message: "<node id='\(tag.attribute("id") ?? "?")'> without '\(key)'")
            }
            guard let v = Double(s), v.isFinite, abs(v) <= limit else {
                throw .init(line: tag.line, message: "<node id='\(tag.attribute("id") ?? "?")'> \(key)='\(s.prefix(30))' is not a valid coordinate")
            }
            return v
        }
    }
}
