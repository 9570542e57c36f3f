// swift-tools-version: 6.1
//
// Benchmarks for the CareKernel k-d tree (package-benchmark, ordo-one/benchmark).
// Separate package so the root package does not depend on the benchmark tooling.
//
//     cd Benchmarks && swift package benchmark --target KernelBenchmarks
//
import PackageDescription

let package = Package(
    name: "CareAccessBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "KernelBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CareAccess", package: "main"),
            ],
            path: "Benchmarks/KernelBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
