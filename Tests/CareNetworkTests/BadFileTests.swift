import CareTestSupport
import Foundation
import Testing
@testable import CareNetwork

/// Bad inputs give one clear error naming the file and where (blob and byte for PBF, line for XML).
/// A class suite: one temporary folder per test, deleted when the test's instance goes away.
@Suite("Bad OSM files give clear errors")
final class BadFileTests {
    let dir: String

    init() throws {
        dir = try ScratchFolder().path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: dir)
    }

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = dir + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Fuzzing found it (Fuzz/Regressions/pbf): a 14-byte file starting like a PBF header trapped in the format
    /// sniffing (it read 15 bytes after checking for 14). Every prefix of a real header is now a clean error.
    @Test func everyShortPrefixOfAPBFHeaderIsACleanError() throws {
        let header: [UInt8] = [0, 0, 0, 0x0D, 0x0A, 0x09] + Array("OSMHeader".utf8) + [0x18, 0x50]
        #expect(!PBFReader.looksLikePBF(Array(header.prefix(14))))
        #expect(PBFReader.looksLikePBF(Array(header.prefix(15))))
        for n in 1...header.count {
            let path = try write(Array(header.prefix(n)), "short-\(n).osm.pbf")
            let text = message(path)
            #expect(text.hasPrefix(path + ": "), "\(n) bytes: \(text)")
        }
    }

    func message(_ path: String) -> String {
        do {
            _ = try RoadGraph.load(path: path)
            return "no error"
        } catch { return error.description }
    }

    @Test(.enabled(if: SharedRoads.available))
    func truncatedPBF() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: SharedRoads.andorra)))
        let path = try write(Array(bytes[0..<(bytes.count / 2)]), "truncated.osm.pbf")
        let m = message(path)
        #expect(m.contains("truncated.osm.pbf: blob ") && m.contains("at byte ") && m.contains("truncated file"), "\(m)")
    }

    @Test(.enabled(if: SharedRoads.available))
    func wrongMagic() throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: SharedRoads.andorra)))
        bytes[6] = UInt8(ascii: "X")  // "XSMHeader"
        let path = try write(bytes, "magic.osm.pbf")
        let m = message(path)
        #expect(m.contains("magic.osm.pbf: blob 0 at byte 0: not an OSM PBF file (bad magic"), "\(m)")
        let junk = try write(Array("PK\u{3}\u{4} this is a zip file, not OSM".utf8), "junk.osm.pbf")
        #expect(message(junk).contains("bad magic"), "\(message(junk))")
    }

    @Test(.enabled(if: SharedRoads.available))
    func corruptZlib() throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: SharedRoads.andorra)))
        // Blob 1 starts after blob 0 (4-byte length + header + datasize); damage its compressed data.
        let h0 = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
        let size0 = try PBFReader.parseBlobHeader(Array(bytes[4..<(4 + h0)])).dataSize
        let blob1 = 4 + h0 + size0
        for k in stride(from: blob1 + 60, to: blob1 + 400, by: 7) { bytes[k] ^= 0x5A }
        let path = try write(bytes, "zlib.osm.pbf")
        let m = message(path)
        #expect(m.contains("zlib.osm.pbf: blob 1 at byte \(blob1): ") && m.contains("zlib"), "\(m)")
    }

    @Test func xmlWithoutNodes() throws {
        let path = try write(Array("<?xml version='1.0'?>\n<osm version=\"0.6\">\n  <way id=\"1\">\n  </way>\n</osm>\n".utf8), "empty.osm")
        #expect(message(path) == "\(path): line 1: no <node> element: the file holds no node positions (is it an OSM extract?)")
    }

    @Test func notOSMXML() throws {
        let path = try write(Array("<?xml version='1.0'?>\n<html><body/></html>".utf8), "page.osm")
        #expect(message(path) == "\(path): line 2: not an OSM XML file: root element <html>, expected <osm>")
    }

    @Test func badNodeLine() throws {
        let xml = "<osm>\n<node id=\"1\" lat=\"43.7\" lon=\"7.4\"/>\n<node id=\"2\" lat=\"north\" lon=\"7.4\"/>\n</osm>\n"
        let path = try write(Array(xml.utf8), "node.osm")
        #expect(message(path) == "\(path): line 3: <node id='2'> lat='north' is not a valid coordinate")
    }

    @Test func truncatedXML() throws {
        let xml = "<osm>\n<node id=\"1\" lat=\"43.7\" lon=\"7.4\"/>\n<way id=\"9\">\n<nd ref=\"1\"/>\n<tag k=\"highway\" v=\"prim"
        let path = try write(Array(xml.utf8), "cut.osm")
        #expect(message(path) == "\(path): line 5: truncated XML: unterminated tag '<tag k=\"highway\" v=\"prim…'")
    }

    @Test(.enabled(if: SharedRoads.available))
    func truncatedAndCorruptGzip() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: SharedRoads.monaco)))
        let cut = try write(Array(bytes[0..<(bytes.count / 3)]), "cut.osm.gz")
        #expect(message(cut).contains("truncated"), "\(message(cut))")
        // An invalid deflate block type right after the gzip header: zlib reports it.
        var bad = bytes
        var start = 10
        if bytes[3] & 0x08 != 0 { while bytes[start] != 0 { start += 1 }; start += 1 }  // FNAME
        bad[start] = 0xFF
        let corrupt = try write(bad, "bad.osm.gz")
        #expect(message(corrupt).hasPrefix("\(corrupt): corrupt gzip data near compressed byte"), "\(message(corrupt))")
        // Damage in the middle decodes to garbage that the XML reader (or the gzip CRC at the end) rejects.
        var mid = bytes
        for k in stride(from: 5_000, to: 6_000, by: 3) { mid[k] ^= 0xFF }
        let garbled = try write(mid, "mid.osm.gz")
        #expect(message(garbled).hasPrefix("\(garbled): "), "\(message(garbled))")
    }

    @Test func missingFile() {
        #expect(message("/nonexistent/roads.osm.pbf") == "/nonexistent/roads.osm.pbf: no such file")
    }
}
