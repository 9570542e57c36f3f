import CareKernel
import CareTestSupport
import Foundation
import Testing
@testable import CareNetwork

/// Hostile road files stop at documented bounds with one located error (issue 14, resource limits): gzip
/// output, one XML markup, a PBF blob's raw size, the synthetic grid's side. The bounds are lowered explicitly
/// so that the inputs stay small.
@Suite("hostile input: network resource limits")
final class NetworkResourceLimitTests {
    let dir: String

    init() throws {
        dir = try ScratchFolder().path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: dir)
    }

    static let smallOSM = "<?xml version='1.0'?>\n<osm version=\"0.6\">\n<node id=\"1\" lat=\"43.7\" lon=\"7.4\"/>\n"
        + "<node id=\"2\" lat=\"43.71\" lon=\"7.41\"/>\n<way id=\"9\">\n<nd ref=\"1\"/>\n<nd ref=\"2\"/>\n"
        + "<tag k=\"highway\" v=\"residential\"/>\n</way>\n</osm>\n"

    func write(_ text: String, _ name: String) throws -> String {
        let path = dir + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `text` gzipped by the system gzip into `name`.
    func writeGzip(_ text: String, _ name: String) throws -> String {
        let plain = try write(text, name + ".plain")
        let path = dir + "/" + name
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "gzip -c '\(plain)' > '\(path)'"]
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
        return path
    }

    @Test func gzipOutputBeyondTheLimitIsRefusedNamingTheFile() throws {
        // 300 KB of blank lines before </osm>: compresses to a few hundred bytes.
        let padded = Self.smallOSM.replacingOccurrences(of: "</osm>", with: String(repeating: "\n", count: 300_000) + "</osm>")
        let path = try writeGzip(padded, "bomb.osm.gz")
        var counter = CountingHandler()
        let limit = DecompressionLimit(maximumBytes: 100_000)
        #expect(throws: NetworkError(file: path, message: "decompressed data exceeds the limit of 100000 bytes; set CAREACCESS_MAX_INPUT_BYTES to raise it")) {
            _ = try OSMXMLReader.read(path: path, into: &counter, decompressionLimit: limit)
        }
        // The same file within a sufficient limit reads.
        var ok = CountingHandler()
        let stats = try OSMXMLReader.read(path: path, into: &ok, decompressionLimit: DecompressionLimit(maximumBytes: 400_000))
        #expect(stats.nodes == 2 && ok.ways == 1)
    }

    @Test func unterminatedCommentStopsAtTheMarkupLimitWithItsLine() throws {
        let xml = "<?xml version='1.0'?>\n<osm version=\"0.6\">\n<node id=\"1\" lat=\"43.7\" lon=\"7.4\"/>\n<!-- "
            + String(repeating: "no end in sight ", count: 20_000)
        let path = try writeGzip(xml, "comment.osm.gz")
        var counter = CountingHandler()
        #expect(throws: NetworkError(file: path, location: "line 4", message:
            "markup '<!-- no end …' is longer than the limit of 65536 bytes (an unterminated comment or tag?)")) {
            _ = try OSMXMLReader.read(path: path, into: &counter, maximumMarkupBytes: 65_536)
        }
        // An unterminated tag too (plain XML this time).
        let tag = try write("<osm>\n\n<node id=\"1\" lat=\"" + String(repeating: "4", count: 100_000), "tag.osm")
        #expect(throws: NetworkError(file: tag, location: "line 3", message:
            "markup '<node id=\"1\"…' is longer than the limit of 65536 bytes (an unterminated comment or tag?)")) {
            _ = try OSMXMLReader.read(path: tag, into: &counter, maximumMarkupBytes: 65_536)
        }
    }

    /// The scan of an incomplete markup resumes where it stopped: every split of the input into chunks gives the
    /// same tags, lines and attribute values as the whole input at once.
    @Test func tokenizerGivesTheSameTagsForEveryChunking() throws {
        let xml = "<?xml version='1.0'?>\n<osm>\n<!-- a > b -- c -->\n<node id=\"1\" v='x>y' k=\"a'b\"/>\n"
            + "<!DOCTYPE osm>\n<way id=\"2\">\n<tag k=\"n\" v=\"&lt;&amp;\"/>\n</way>\n<!---->\n</osm>\n"
        let bytes = Array(xml.utf8)
        func tags(chunk: Int) throws -> [String] {
            var t = OSMXMLTokenizer()
            var out: [String] = []
            var k = 0
            while k < bytes.count {
                let piece = Array(bytes[k..<min(bytes.count, k + chunk)])
                try piece.withUnsafeBufferPointer { buf throws(OSMXMLTokenizer.Failure) in
                    try t.consume(buf) { tag in
                        out.append("\(tag.line) \(tag.isEnd ? "/" : "")\(tag.name) \(tag.attributes.map { "\($0.0)=\($0.1)" }) \(tag.isEmpty)")
                    }
                }
                k += chunk
            }
            try t.finish()
            return out
        }
        let whole = try tags(chunk: bytes.count)
        #expect(whole.count == 6)
        #expect(whole[1] == #"4 node ["id=1", "v=x>y", "k=a\'b"] true"#)
        for chunk in 1...12 { #expect(try tags(chunk: chunk) == whole, "chunk \(chunk)") }
    }

    @Test func pbfBlobRawSizeAboveTheFormatBoundIsRefused() {
        #expect(Zlib.maximumBlobRawSize == 32 << 20)
        do {
            _ = try Zlib.inflate([0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01][...], expectedSize: (32 << 20) + 1)
            Issue.record("no error")
        } catch {
            #expect(error.message == "raw_size 33554433 is out of range (0…32 MiB, the PBF bound on a blob)")
        }
    }

    /// A dense-node group whose packed ids claim 300 million bytes (≥ 100 million nodes) in a few bytes: refused
    /// before anything is reserved (packed values are appended as they are decoded, so capacity follows the bytes).
    @Test func denseNodesClaimingMoreThanTheirBytesAreRefused() {
        func varint(_ v: Int) -> [UInt8] {
            var v = v, out: [UInt8] = []
            while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
            return out + [UInt8(v)]
        }
        let dense: [UInt8] = [0x0A] + varint(300_000_000) + [0, 0, 0]
        let group: [UInt8] = [0x12] + varint(dense.count) + dense
        let block: [UInt8] = [0x12] + varint(group.count) + group
        var counter = CountingHandler()
        var stats = OSMFileStats()
        do {
            try PBFReader.readPrimitiveBlock(block, into: &counter, stats: &stats)
            Issue.record("no error")
        } catch {
            #expect(error.message == "field of 300000000 bytes overruns its message (3 left) at byte 10")
        }
        #expect(counter.nodes == 0)
    }

    @Test func syntheticGridSideIsBounded() {
        #expect(throws: NetworkError(file: "synthetic grid", message: "side 100000 is out of range (1…5000: at most 25 M nodes)")) {
            _ = try RoadGraph.synthetic(side: 100_000)
        }
        #expect(throws: NetworkError(file: "synthetic grid", message: "side -3 is out of range (1…5000: at most 25 M nodes)")) {
            _ = try RoadGraph.synthetic(side: -3)
        }
        #expect(RoadGraph.maximumSyntheticSide == 5_000)
    }
}
