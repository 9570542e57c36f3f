import CareIO
import CareModel
import CarePlacement
import Foundation

/// `careaccess place` as a function of its spec: loads the study and its travel model, gathers the candidates
/// (restricted to zones, costed for a budget), computes the travel times once (``CarePlacement/PlacementProblem``)
/// and runs each chosen method on them (MCLP: Church & ReVelle 1974; LSCP: Toregas et al. 1971; p-median: Hakimi
/// 1964, Teitz & Bart 1968; p-center: Hakimi 1965; the accessibility objective greedy).
public struct PlacementRun: Sendable {
    /// The study as loaded (territory, supply, demand and notes).
    public var study: Study
    /// The candidates, the existing sites and the travel times every method shares.
    public var problem: PlacementProblem
    /// One result per method, heuristic first.
    public var results: [PlacementResult]
    /// Where the candidates come from, as the report states it.
    public var candidatesSource: String?
    /// The travel model's summary and notes.
    public var modelSummary: String
    /// The travel model's notes, for the summary.
    public var modelNotes: [Diagnostic]
    /// Seconds spent on the travel times (nearest existing site, candidate catchments), shared by the methods.
    public var travelSeconds: Double

    /// Runs `spec`; `loaded` is called once the data are loaded (the command line prints the import repairs).
    /// Throws ``StudyError`` naming the option for a spec that cannot run (no candidate in the zones, a budget
    /// without costs, a method the objective does not have), and the layers' own errors.
    public static func run(_ spec: PlacementSpec, progress: any ProgressReporter = SilentProgress(),
                           loaded: (Study) -> Void = { _ in }) throws -> PlacementRun {
        let study = try spec.study.study()
        loaded(study)
        let (model, modelNotes) = try spec.study.model(for: study, progress: progress)
        let (candidates, source) = try candidates(spec, study: study)
        let goal = try accessibilityGoal(spec, territory: study.territory)
        let target = try spec.objective.objective(accessibility: goal)
        let methods = try methods(spec, for: target)
        let clock = ContinuousClock()
        let start = clock.now
        // Travel times (nearest existing site, candidate catchments) once for every method run below.
        let problem = try PlacementProblem(
            territory: study.territory, studied: study.demand, sites: study.supply.sites, candidates: candidates,
            model: model, threshold: goal == nil ? spec.study.threshold : spec.study.indicatorCatchment,
            maxRadius: spec.maxRadius, competingDemand: goal != nil
        ).prepared(for: target)
        let elapsed = clock.now - start
        var results: [PlacementResult] = []
        for m in methods {
            if let budget = spec.budget {
                results.append(try place(problem, objective: target, budget: budget, method: m, timeLimit: spec.timeLimit))
            } else {
                results.append(try place(problem, objective: target, k: spec.k, method: m, timeLimit: spec.timeLimit, progress: progress))
            }
        }
        return PlacementRun(study: study, problem: problem, results: results, candidatesSource: source,
                            modelSummary: model.summary, modelNotes: modelNotes,
                            travelSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }

    /// The candidates (`nil`: every studied commune) and how the report names them.
    static func candidates(_ spec: PlacementSpec, study: Study) throws -> (candidates: [PlacementCandidate]?, source: String?) {
        var cands = try spec.candidatesPath.map { try CandidatesFile.load(path: $0, territory: study.territory) }
        var source = spec.candidatesPath
        if let zones = spec.zonesPath {
            let file = try ZonesFile.load(path: zones)
            let all = cands ?? PlacementProblem.communeCandidates(territory: study.territory, studied: study.demand)
            cands = file.restrict(all, to: spec.zoneLevel)
            let level = spec.zoneLevel == .underServed ? "under-served" : "complementary"
            if cands?.isEmpty ?? true {
                throw StudyError("--zones \(zones): none of the \(all.count) candidates lies in a zone of level \(level)")
            }
            source = "\(spec.candidatesPath ?? "studied communes") in the \(spec.zoneLevel == .underServed ? "under-served" : "under-served and complementary") zones of \(zones), \(all.count) before"
        } else if spec.zoneLevel != .underServed {
            throw StudyError("--zone-level goes with --zones")
        }
        if let budget = spec.budget {
            _ = try PlausibleRange.checkBudget(budget, option: "--budget")
            guard spec.objective == .mclp || spec.objective == .access else { throw StudyError("--budget is for --objective mclp or access") }
            if let siteCost = spec.siteCost {
                _ = try PlausibleRange.check(siteCost, in: PlausibleRange.euros, option: "--site-cost", what: "a cost in euros")
            }
            cands = try costed(cands ?? PlacementProblem.communeCandidates(territory: study.territory, studied: study.demand),
                               siteCost: spec.siteCost)
        } else if spec.siteCost != nil {
            throw StudyError("--site-cost goes with --budget")
        }
        return (cands, source)
    }

    /// The candidates with a cost each: their own, else `siteCost`; a candidate with neither is an error.
    static func costed(_ candidates: [PlacementCandidate], siteCost: Double?) throws(StudyError) -> [PlacementCandidate] {
        try candidates.map { c throws(StudyError) in
            var c = c
            if c.cost == nil {
                guard let siteCost else {
                    throw StudyError("--budget: candidate \(c.id) has no cost: give a cost column in --candidates or --site-cost")
                }
                c.cost = siteCost
            }
            return c
        }
    }

    /// Methods to run, heuristic first so that `both` can report its gap to the optimum.
    static func methods(_ spec: PlacementSpec, for target: PlacementObjective) throws(StudyError) -> [PlacementMethod] {
        let heuristic: PlacementMethod = spec.objective == .pmedian ? .localSearch : .greedy
        let hasExact = target.methods.contains(.exact)
        switch spec.methods ?? (hasExact ? .both : .greedy) {
        case .exact:
            guard hasExact else { throw StudyError("--objective \(spec.objective.rawValue) has no exact method: use --method greedy") }
            return [.exact]
        case .greedy: return [.greedy]
        case .localSearch:
            guard target.methods.contains(.localSearch) else {
                throw StudyError("--method local-search is for --objective pmedian: use --method greedy")
            }
            return [.localSearch]
        case .both: return hasExact ? [heuristic, .exact] : [heuristic]
        }
    }

    /// The accessibility goal of the `access` objective (`nil` for the others): the indicator, its mark and the
    /// GPs of each new site.
    static func accessibilityGoal(_ spec: PlacementSpec, territory: Territory) throws -> AccessibilityGoal? {
        guard spec.objective == .access else { return nil }
        let indicator = spec.study.indicator
        guard PlacementSpec.accessIndicators.contains(indicator.method) else {
            throw StudyError("--objective access supports --indicator \(PlacementSpec.accessIndicators.map(\.rawValue).joined(separator: ", ")), not \(indicator.method.rawValue)")
        }
        let method = try indicator.accessibilityMethod(territory: territory)
        guard let mark = spec.study.underServed ?? indicator.defaultUnderServed else {
            throw StudyError("--objective access with --indicator \(indicator.method.rawValue) needs --below (GPs per 10,000 inhabitants)")
        }
        guard spec.gpsPerSite > 0, spec.gpsPerSite.isFinite else { throw StudyError("--gps-per-site must be > 0") }
        // The same checks as every indicator run: a positive catchment that holds the weight bands.
        _ = try AccessibilityAnalysis(threshold: indicator.catchment, method: method, underServed: mark)
        return AccessibilityGoal(method: method, underServed: mark, gpsPerSite: spec.gpsPerSite)
    }
}
