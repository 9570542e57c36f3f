// swift-tools-version: 6.1
//
// Benchmarks for the CareKernel k-d tree (package-benchmark, ordo-one/benchmark), kept out of the
// root package so that it does not depend on the benchmark tooling.
//
//     cd Benchmarks && swift package benchmark --target KernelBenchmarks
//     cd Benchmarks && swift package benchmark --target NationalBenchmarks   # real national data (../shared)
//     cd Benchmarks && swift package benchmark --target TravelBenchmarks     # calibration on DREES METRIC times
//     cd Benchmarks && swift package benchmark --target SweepBenchmarks      # sweep throughput, national data
//     cd Benchmarks && swift run -c release KernelTiming --preset large --threads 1
//     cd Benchmarks && swift run -c release NetworkTiming bench synthetic:1000   # road-network timings
//     bash Scripts/bench-kernel-peer.sh          # Swift vs scipy cKDTree table (from the root)
//
import Foundation
import PackageDescription

// The root package is referenced by path, so its identity is the name of the checkout folder
// ("main" here, something else in CI or on a user's machine).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "CareAccessBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Where the real data is (../shared or $CAREACCESS_SHARED), for the benchmarks on real data.
        .target(name: "BenchmarkSupport"),
        // Synthetic uniform points, bit-identical to Scripts/synthetic_points.py.
        .target(
            name: "SyntheticPoints",
            dependencies: [.product(name: "CareAccess", package: root)]
        ),
        // Plain timing harness (best/median of N, like peer.py), also writes nearest CSVs.
        .executableTarget(
            name: "KernelTiming",
            dependencies: ["SyntheticPoints", .product(name: "CareAccess", package: root)]
        ),
        // Road-network timings for the peer scripts (Scripts/bench-network-peer.sh, bench-france-roads.sh).
        .executableTarget(
            name: "NetworkTiming",
            dependencies: [
                .product(name: "CareAccess", package: root),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "KernelBenchmarks",
            dependencies: [
                "SyntheticPoints",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CareAccess", package: root),
            ],
            path: "Benchmarks/KernelBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "NationalBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CareAccess", package: root),
            ],
            path: "Benchmarks/NationalBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SweepBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CareAccess", package: root),
            ],
            path: "Benchmarks/SweepBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "NetworkBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CareAccess", package: root),
            ],
            path: "Benchmarks/NetworkBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "TravelBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CareAccess", package: root),
            ],
            path: "Benchmarks/TravelBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "PlacementBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CareAccess", package: root),
            ],
            path: "Benchmarks/PlacementBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
