import ArgumentParser
import CareIO
import CareReport
import CareStudy
import CareModel
import CarePlacement
import Foundation

struct PlaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "place",
        abstract: "Choose k new GP sites among candidates: MCLP, LSCP, p-median, p-center or an accessibility target.",
        discussion: """
            Existing sites stay open. Candidates default to every studied commune (its town-hall point). \
            mclp maximises the population newly within --threshold; lscp finds the fewest sites putting every \
            reachable commune within it; pmedian minimises population-weighted minutes; pcenter the worst \
            minutes; access maximises the population lifted to --below of an FCA indicator (greedy heuristic). \
            Exact methods use the CBC MILP solver and report a proven gap.
            """
    )

    typealias Objective = ObjectiveSpec
    typealias Method = PlacementSpec.Methods
    /// The indicators `place --objective access` supports (the goal's greedy gain needs a step or binary decay).
    enum Indicator: String, ExpressibleByArgument, CaseIterable {
        case apl, twoStep = "2sfca", enhanced = "e2sfca"
        var method: IndicatorSpec.Method {
            switch self {
            case .apl: .apl
            case .twoStep: .twoStep
            case .enhanced: .enhanced
            }
        }
    }

    @OptionGroup var study: StudyOptions
    @OptionGroup var travel: TravelOptions

    @Option(help: ArgumentHelp("Number of new sites (ignored by lscp).", valueName: "k"))
    var k: Int = 5

    @Option(help: "What to optimise.")
    var objective: Objective = .mclp

    @Option(help: "exact (CBC), greedy, local-search (p-median: greedy then vertex substitution), or both: the heuristic (local-search for p-median, else greedy) and exact (default where an exact method exists).")
    var method: Method?

    @Option(help: ArgumentHelp("Candidate sites CSV: id plus x,y (Lambert-93) | lon,lat | commune. Default: every studied commune.", valueName: "file.csv"))
    var candidates: String?

    @Option(help: ArgumentHelp(
        "Restrict the candidates to the communes of these zones (a CSV written by access --zones; see --zone-level).",
        valueName: "zones.csv"))
    var zones: String?

    @Option(name: .customLong("zone-level"), help: "With --zones: under-served zones only, or complementary ones too.")
    var zoneLevel: ZoneLevel = .underServed


    @Option(help: ArgumentHelp(
        "mclp, access: choose sites of total cost at most this many euros instead of k sites (knapsack budget; costs from the candidates' cost column or --site-cost).",
        valueName: "euros"))
    var budget: Double?

    @Option(name: .customLong("site-cost"), help: ArgumentHelp(
        "With --budget: the cost in euros of a candidate without one (every commune candidate, or an empty cost cell).",
        valueName: "euros"))
    var siteCost: Double?

    @Option(help: ArgumentHelp("Coverage threshold in minutes (inclusive): mclp, lscp, and who counts as covered.", valueName: "minutes"))
    var threshold: Double = StudyDefaults.coverageThreshold

    @Option(help: ArgumentHelp("access: the indicator's catchment in minutes (inclusive; its own parameter, not --threshold).", valueName: "minutes"))
    var catchment: Double = StudyDefaults.catchment

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Time limit of the exact solver per MILP, in seconds.", valueName: "seconds"))
    var timeLimit: Double = StudyDefaults.solverTimeLimit

    @Option(name: .customLong("max-radius"), help: ArgumentHelp(
        "p-median/p-center: farthest candidate minutes considered for communes no existing site reaches (default max(3T, 60)).",
        valueName: "minutes"))
    var maxRadius: Double?

    @Option(name: .customLong("gps-per-site"), help: ArgumentHelp("access: GPs of each new site.", valueName: "n"))
    var gpsPerSite: Double = 1

    @Option(help: "access: the indicator (apl: DREES APL, age-standardised demand, BPE counts at the derived activity per GP; 2sfca; e2sfca with DREES steps).")
    var indicator: Indicator = .apl

    @Flag(help: "access, apl: demand is the raw population (default: age-standardised through the département age structure).")
    var rawPopulation = false

    @Option(help: ArgumentHelp("access: the under-served mark to lift communes to (default \(StudyDefaults.underServedAPL.shortText) for apl).", valueName: "score"))
    var below: Double?

    @Option(help: ArgumentHelp("Write the chosen sites to this CSV file (written atomically).", valueName: "file.csv"))
    var out: String?

    @Option(name: .customLong("export-candidates"), help: ArgumentHelp(
        "Also write the candidates as id,x,y for the reference harness (peer.py mclp --candidates).", valueName: "file.csv"))
    var exportCandidates: String?

    func run() throws {
        try CLIErrors.exitOnFailure {
            try OutputPathCheck.refuseOverwrite(outputs: [("--out", out), ("--export-candidates", exportCandidates)],
                                                inputs: study.inputs + travel.inputs + [("--candidates", candidates), ("--zones", zones)])
            let run = try PlacementRun.run(try spec(), progress: travel.quiet.progress, loaded: Diagnostics.printImportNotes)
            let report = PlacementReport(problem: run.problem, study: run.study, results: run.results, k: k,
                                         candidatesSource: run.candidatesSource, modelSummary: run.modelSummary,
                                         modelNotes: run.modelNotes, travelSeconds: run.travelSeconds)
            // --export-candidates and --out are staged and renamed into place together, after the placement.
            try OutputTransaction.run { (transaction: inout OutputTransaction) throws in
                if let exportCandidates { try transaction.stage(CandidatesFile.peerCSV(run.problem.candidates), to: exportCandidates) }
                if let out { try transaction.stage(report.csv(), to: out) }
            }
            print(report.text())
            if let out { print("Chosen sites: \(out)") }
        }
    }

    /// The placement as the flags state it (defaults from ``StudyDefaults``).
    func spec() throws -> PlacementSpec {
        var spec = PlacementSpec()
        spec.study = try study.spec(travel: travel)
        spec.study.threshold = threshold
        spec.study.indicator = IndicatorSpec(method: indicator.method)
        spec.study.indicator.catchment = catchment
        spec.study.indicator.demand = rawPopulation ? .population : .standardised
        spec.study.underServed = below
        spec.objective = objective
        spec.k = k
        spec.methods = method
        spec.candidatesPath = candidates
        spec.zonesPath = zones
        spec.zoneLevel = zoneLevel.zone
        spec.budget = budget
        spec.siteCost = siteCost
        spec.timeLimit = timeLimit
        spec.maxRadius = maxRadius
        spec.gpsPerSite = gpsPerSite
        return spec
    }
}
