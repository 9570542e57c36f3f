import CareKernel
import CareTestSupport
import Foundation
import Testing
@testable import CareNetwork

/// The memory-mapped cache: a round trip gives the same graph (and the same searches), and crafted or
/// corrupt caches — with a valid checksum, so that only validation can catch them — give located errors,
/// never a trap or a huge allocation.
@Suite("Network cache: mmap round trip and validation")
final class CacheValidationTests {
    let dir: String
    init() throws { dir = try ScratchFolder().path }
    deinit { try? FileManager.default.removeItem(atPath: dir) }

    static let graph: RoadGraph = {
        // SYNTHETIC grid, small.
        (try? RoadGraph.synthetic(side: 25, seed: 3)) ?? (try? RoadGraph(points: [], edges: [], crs: .lambert93))!
    }()

    /// Byte offsets of the arrays in a cache of `g` (they end 8 bytes before the end).
    static func layout(_ g: RoadGraph, _ bytes: [UInt8]) -> (xs: Int, offsets: Int, targets: Int, minutes: Int) {
        let n = g.nodeCount, m = g.edgeCount
        let pad4 = { (k: Int) in (k * 4 + 7) / 8 * 8 }
        // Derived arrays after the main ones: reverse CSR, core count, two contracted directions.
        var derived = pad4(n + 1) + pad4(m) + 8 * m + 8
        for c in [g.contracted.forward, g.contracted.reverse] {
            derived += 8 + pad4(n + 1) + pad4(c.edgeCount) + pad4(c.edgeCount + 1) + 8 * m + pad4(m - c.edgeCount) + pad4(2 * n)
        }
        let xs = bytes.count - 8 - derived - (n * 40 + pad4(n + 1) + pad4(m) + m * 16)
        let offsets = xs + 40 * n
        let targets = offsets + pad4(n + 1)
        return (xs, offsets, targets, targets + pad4(m))
    }

    /// Recomputes the checksum of crafted bytes.
    static func reseal(_ bytes: inout [UInt8]) {
        var h = FNV1a.FourLanes()
        bytes.withUnsafeBytes { h.add(UnsafeRawBufferPointer(rebasing: $0[..<(bytes.count - 8)])) }
        let v = h.value
        withUnsafeBytes(of: v) { for k in 0..<8 { bytes[bytes.count - 8 + k] = $0[k] } }
    }

    static func put<T: BitwiseCopyable>(_ value: T, at offset: Int, in bytes: inout [UInt8]) {
        withUnsafeBytes(of: value) { for k in 0..<MemoryLayout<T>.size { bytes[offset + k] = $0[k] } }
    }

    func message(_ bytes: [UInt8]) -> String {
        let path = dir + "/crafted.carn"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return "cannot write \(path)" }
        do { _ = try RoadGraph.load(path: path); return "no error" } catch { return error.description }
    }

    @Test func mappedRoundTrip() throws {
        let g = Self.graph
        let path = dir + "/g.carn"
        try g.save(to: path)
        let back = try RoadGraph.load(path: path)
        #expect(back.xs == g.xs && back.ys == g.ys && back.lons == g.lons && back.osmIDs == g.osmIDs)
        #expect(back.offsets == g.offsets && back.targets == g.targets && back.minutes == g.minutes && back.metres == g.metres)
        #expect(back.reverseSources == g.reverseSources && back.contracted.coreCount == g.contracted.coreCount)
        #expect(back.report.droppedNodes == g.report.droppedNodes && back.report.format == "cache (synthetic)")
        #expect(back.shortestPathMinutes(from: 17, direction: .reverse) == g.shortestPathMinutes(from: 17, direction: .reverse))
        // The file is the in-memory encoding, byte for byte; no temporary file is left behind.
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == g.cacheBytes())
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["g.carn"])
    }

    @Test func corruptAndTruncated() throws {
        let bytes = Self.graph.cacheBytes()
        var flipped = bytes
        flipped[bytes.count / 3] ^= 0x10
        #expect(message(flipped) == "\(dir)/crafted.carn: checksum mismatch: the cache is truncated or corrupt")
        #expect(message(Array(bytes[..<(bytes.count - 16)])) == "\(dir)/crafted.carn: checksum mismatch: the cache is truncated or corrupt")
        #expect(message(Array(bytes[..<(bytes.count - 3)])).contains("checksum mismatch"))
        var v1 = bytes
        Self.put(UInt32(1), at: 4, in: &v1)
        #expect(message(v1).contains("unsupported network cache version 1 (this build reads 2"))
        #expect(message(Array("CARX....".utf8) + bytes.dropFirst(8)).contains("bad magic"))
        #expect(message([]).contains("unrecognised format"))
        #expect(throws: NetworkError(file: "x.carn", message: "not a CareAccess network cache (bad magic)")) { try RoadGraph.decodeCache([], file: "x.carn") }
    }

    @Test func craftedCountsAndArrays() throws {
        let g = Self.graph
        let bytes = g.cacheBytes()
        let at = Self.layout(g, bytes)
        let file = "\(dir)/crafted.carn"
        func crafted(_ edit: (inout [UInt8]) -> Void) -> String {
            var b = bytes
            edit(&b)
            Self.reseal(&b)
            return message(b)
        }
        // A node count far beyond the file: refused before anything is allocated.
        #expect(crafted { Self.put(UInt64(1) << 40, at: 12, in: &$0) } == "\(file): byte 12: field 'nodeCount'/'edgeCount': 1099511627776 nodes, \(g.edgeCount) edges (limit 2^31 - 1)")
        #expect(crafted { Self.put(UInt64(g.nodeCount) * 50, at: 12, in: &$0) }.hasPrefix("\(file): byte \(at.xs): arrays of \(g.nodeCount * 50) nodes"))
        #expect(crafted { Self.put(UInt64(g.nodeCount + 1), at: 12, in: &$0) }.hasPrefix("\(file): byte "))
        // Offsets that decrease, a target out of range, a self-loop, a NaN weight, an infinite coordinate.
        #expect(crafted { Self.put(Int32(0), at: at.offsets + 4 * 5, in: &$0) } == "\(file): byte \(at.offsets + 4 * 5): field 'offsets[5]': 0 < \(g.offsets[4]), offsets must not decrease")
        #expect(crafted { Self.put(Int32(g.nodeCount), at: at.targets + 4 * 7, in: &$0) } == "\(file): byte \(at.targets + 28): field 'targets[7]': \(g.nodeCount) must be a node, 0..<\(g.nodeCount)")
        let row0 = Int(g.offsets[3])
        #expect(crafted { Self.put(Int32(3), at: at.targets + 4 * row0, in: &$0) }.hasPrefix("\(file): byte \(at.targets + 4 * row0): field 'targets[\(row0)]': node 3's row must be strictly ascending without self-loops"))
        #expect(crafted { Self.put(Double.nan, at: at.minutes + 8 * 2, in: &$0) } == "\(file): byte \(at.minutes + 16): field 'minutes[2]': nan must be finite and ≥ 0")
        #expect(crafted { Self.put(-1.0, at: at.minutes + 8 * 2, in: &$0) }.contains("field 'minutes[2]': -1.0 must be finite and ≥ 0"))
        #expect(crafted { Self.put(Double.infinity, at: at.xs + 8, in: &$0) } == "\(file): byte \(at.xs + 8): field 'xs[1]': inf must be finite")
        // Derived arrays: a reverse source out of range, a contracted head out of range, bytes left over.
        let reverseSources = at.minutes + 16 * g.edgeCount + (g.nodeCount * 4 + 11) / 8 * 8
        #expect(crafted { Self.put(Int32(-2), at: reverseSources + 4, in: &$0) } == "\(file): byte \(reverseSources + 4): field 'reverseSources[1]': -2 must be a node, 0..<\(g.nodeCount)")
        #expect(try RoadGraph.decodeCache(bytes, file: "x").contracted.forward.heads == g.contracted.forward.heads)
        var longer = Array(bytes[..<(bytes.count - 8)]) + [UInt8](repeating: 0, count: 8) + bytes[(bytes.count - 8)...]
        Self.reseal(&longer)
        #expect(message(longer).contains("8 unexpected bytes after the arrays"))
        // The last offset must be the edge count.
        #expect(crafted { Self.put(Int32(g.edgeCount - 1), at: at.offsets + 4 * g.nodeCount, in: &$0) }.contains("field 'offsets'"))
    }
}
