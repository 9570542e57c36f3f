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
    enum Method: String, ExpressibleByArgument, CaseIterable { case exact, greedy, localSearch = "local-search", both }
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
            let loaded = try study.load()
            Diagnostics.printImportNotes(loaded)
            let (model, modelNotes) = try travel.travelTimeModel(for: loaded)
            var cands = try candidates.map { try CandidatesFile.load(path: $0, territory: loaded.territory) }
            var candidatesSource = candidates
            if let zones {
                let file = try ZonesFile.load(path: zones)
                let all = cands ?? PlacementProblem.communeCandidates(territory: loaded.territory, studied: loaded.demand)
                cands = file.restrict(all, to: zoneLevel.zone)
                if cands?.isEmpty ?? true {
                    throw ValidationError("--zones \(zones): none of the \(all.count) candidates lies in a zone of level \(zoneLevel.rawValue)")
                }
                candidatesSource = "\(candidates ?? "studied communes") in the \(zoneLevel == .underServed ? "under-served" : "under-served and complementary") zones of \(zones), \(all.count) before"
            } else if zoneLevel != .underServed {
                throw ValidationError("--zone-level goes with --zones")
            }
            if let budget {
                _ = try PlausibleRange.checkBudget(budget, option: "--budget")
                guard objective == .mclp || objective == .access else { throw ValidationError("--budget is for --objective mclp or access") }
                if let siteCost {
                    _ = try PlausibleRange.check(siteCost, in: PlausibleRange.euros, option: "--site-cost", what: "a cost in euros")
                }
                cands = try costed(cands ?? PlacementProblem.communeCandidates(territory: loaded.territory, studied: loaded.demand))
            } else if siteCost != nil {
                throw ValidationError("--site-cost goes with --budget")
            }
            let goal = try accessibilityGoal(territory: loaded.territory)
            let target = try objective.objective(accessibility: goal)
            let methods = try chosenMethods(for: target)
            let clock = ContinuousClock()
            let start = clock.now
            // Travel times (nearest existing site, candidate catchments) once for every method run below.
            let problem = try PlacementProblem(
                territory: loaded.territory, studied: loaded.demand, sites: loaded.supply.sites, candidates: cands,
                model: model, threshold: goal == nil ? threshold : catchment, maxRadius: maxRadius, competingDemand: goal != nil
            ).prepared(for: target)
            let travelSeconds = (clock.now - start).seconds
            // --export-candidates and --out are staged and renamed into place together, after the placement.
            var transaction = OutputTransaction()
            if let exportCandidates {
                do { try transaction.stage(CandidatesFile.peerCSV(problem.candidates), to: exportCandidates) } catch {
                    transaction.discard()
                    throw error
                }
            }
            let report: PlacementReport
            do {
                var results: [PlacementResult] = []
                for m in methods {
                    if let budget {
                        results.append(try place(problem, objective: target, budget: budget, method: m, timeLimit: timeLimit))
                    } else {
                        results.append(try place(problem, objective: target, k: k, method: m, timeLimit: timeLimit,
                                                 progress: travel.quiet.progress))
                    }
                }
                report = PlacementReport(problem: problem, study: loaded, results: results, k: k,
                                         candidatesSource: candidatesSource, modelSummary: model.summary, modelNotes: modelNotes,
                                         travelSeconds: travelSeconds)
                if let out { try transaction.stage(report.csv(), to: out) }
            } catch {
                transaction.discard()
                throw error
            }
            try transaction.commit()
            print(report.text())
            if let out { print("Chosen sites: \(out)") }
        }
    }

    /// The candidates with a cost each: their own, else --site-cost; a candidate with neither is an error.
    func costed(_ candidates: [PlacementCandidate]) throws -> [PlacementCandidate] {
        try candidates.map { c in
            var c = c
            if c.cost == nil {
                guard let siteCost else {
                    throw ValidationError("--budget: candidate \(c.id) has no cost: give a cost column in --candidates or --site-cost")
                }
                c.cost = siteCost
            }
            return c
        }
    }

    /// Methods to run, heuristic first so that `both` can report its gap to the optimum.
    func chosenMethods(for target: PlacementObjective) throws -> [PlacementMethod] {
        let heuristic: PlacementMethod = objective == .pmedian ? .localSearch : .greedy
        let hasExact = target.methods.contains(.exact)
        switch method ?? (hasExact ? .both : .greedy) {
        case .exact:
            guard hasExact else { throw ValidationError("--objective \(objective.rawValue) has no exact method: use --method greedy") }
            return [.exact]
        case .greedy: return [.greedy]
        case .localSearch:
            guard target.methods.contains(.localSearch) else {
                throw ValidationError("--method local-search is for --objective pmedian: use --method greedy")
            }
            return [.localSearch]
        case .both: return hasExact ? [heuristic, .exact] : [heuristic]
        }
    }

    func accessibilityGoal(territory: Territory) throws -> AccessibilityGoal? {
        guard objective == .access else { return nil }
        var spec = IndicatorSpec(method: indicator.method)
        spec.catchment = catchment
        spec.demand = rawPopulation ? .population : .standardised
        let method = try spec.accessibilityMethod(territory: territory)
        guard let mark = below ?? spec.defaultUnderServed else {
            throw ValidationError("--objective access with --indicator \(indicator.rawValue) needs --below (GPs per 10,000 inhabitants)")
        }
        guard gpsPerSite > 0, gpsPerSite.isFinite else { throw ValidationError("--gps-per-site must be > 0") }
        // The same checks as every indicator run: a positive catchment that holds the weight bands.
        _ = try AccessibilityAnalysis(threshold: catchment, method: method, underServed: mark)
        return AccessibilityGoal(method: method, underServed: mark, gpsPerSite: gpsPerSite)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
