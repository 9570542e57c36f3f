// swift-tools-version: 6.1
//
// Fuzz targets for every CareAccess reader, built with libFuzzer and AddressSanitizer (Linux):
//
//   swift build -c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//
// `Scripts/fuzz.sh` builds them and runs each on its seed corpus (Fuzz/Corpus/<target>) for a fixed time.
// Each target is one executable: `LLVMFuzzerTestOneInput` reads one input, and `<module>_main` (which SwiftPM
// links as `main`) runs libFuzzer's driver, `LLVMFuzzerRunDriver` (declared by the CLibFuzzer target).
import PackageDescription

/// The targets, one per reader (``CareFuzzTargets/FuzzTarget``): the executable is `fuzz-<name>`.
let readers = [
    "bpe",
    "practitioners",
    "candidates",
    "od",
    "age",
    "pairs",
    "observed",
    "datafrance",
    "ewkb",
    "territory-csv",
    "catr",
    "model",
    "scenario",
    "compare",
    "sweep",
    "pbf",
    "osmxml",
    "carn",
    "zones",
    "interns",
]

let package = Package(
    name: "CareAccessFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "CareAccess", path: "..")],
    targets: [.target(name: "CLibFuzzer")] + readers.map { name in
        .executableTarget(name: "fuzz-\(name)", dependencies: ["CLibFuzzer", .product(name: "CareAccessFuzzTargets", package: "CareAccess")])
    }
)
