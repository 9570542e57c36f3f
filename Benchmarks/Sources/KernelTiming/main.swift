// Small timing harness printing build/query milliseconds in the same form as peer.py, on the
// synthetic uniform points of Scripts/synthetic_points.py (package-benchmark gives the
// distributions; this gives one comparable line per configuration).
//
//   swift run -c release KernelTiming --preset large --threads 1 --repeat 10
//   swift run -c release KernelTiming --preset small --out /tmp/swift-nearest.csv
import CareKernel
import SyntheticPoints

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

var preset = SyntheticPoints.Preset.small
var threads = KDTree.defaultThreadCount
var repeats = 10
var leafSize = KDTree.defaultLeafSize
var outPath: String?
var radius: Double?
var args = CommandLine.arguments.dropFirst()
while let flag = args.popFirst() {
    let value = args.popFirst() ?? ""
    switch flag {
    case "--preset": preset = SyntheticPoints.Preset(rawValue: value) ?? preset
    case "--threads": threads = Int(value) ?? threads
    case "--repeat": repeats = max(1, Int(value) ?? repeats)
    case "--leaf-size": leafSize = Int(value) ?? leafSize
    case "--out": outPath = value
    case "--radius": radius = Double(value)
    default:
        print("usage: KernelTiming [--preset small|large] [--threads N] [--repeat N] [--leaf-size N] [--radius M] [--out CSV]")
        exit(2)
    }
}

func ms(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15
}

let (demand, supply) = SyntheticPoints.preset(preset)
let clock = ContinuousClock()
var builds: [Double] = []
var queriesMs: [Double] = []
var table = NearestTable(indices: [], distances: [])
var pairs = 0
for _ in 0..<repeats {
    let t0 = clock.now
    let tree = KDTree(points: supply, leafSize: leafSize)
    let t1 = clock.now
    if let r = radius {
        pairs = tree.neighbors(of: demand, within: r, threads: threads).pairCount
    } else {
        table = tree.nearest(to: demand, threads: threads)
    }
    let t2 = clock.now
    builds.append(ms(t1 - t0))
    queriesMs.append(ms(t2 - t1))
}
func median(_ v: [Double]) -> Double {
    let s = v.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}
func f3(_ v: Double) -> String {
    let r = (v * 1000).rounded() / 1000
    return "\(r)"
}
let kind = radius.map { "radius=\($0) pairs=\(pairs)" } ?? "nearest"
print("swift preset=\(preset.rawValue) demand=\(demand.count) supply=\(supply.count) threads=\(threads) leafSize=\(leafSize) \(kind)")
print("best_of_\(repeats): build_ms=\(f3(builds.min() ?? 0)) query_ms=\(f3(queriesMs.min() ?? 0)) "
      + "median: build_ms=\(f3(median(builds))) query_ms=\(f3(median(queriesMs)))")

if let path = outPath, radius == nil {
    // id,distance_m with shortest round-trip doubles, demand ids as in synthetic_points.py.
    guard let file = fopen(path, "w") else { print("cannot write \(path)"); exit(1) }
    fputs("id,nearest_supply_id,distance_m\n", file)
    for q in 0..<table.count {
        let i = Int(table.indices[q])
        let sid = "S" + String(repeating: "0", count: max(0, 7 - String(i).count)) + String(i)
        let did = "D" + String(repeating: "0", count: max(0, 7 - String(q).count)) + String(q)
        fputs("\(did),\(sid),\(table.distances[q])\n", file)
    }
    fclose(file)
    print("wrote \(path)")
}
