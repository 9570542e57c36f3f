import CareIO
import CareStudy
import CareModel
import CarePlacement
import Foundation

/// The terminal table and CSV of a placement run.
///
/// ```swift
/// let r = PlacementReport(problem: problem, study: study, results: [greedy, exact], k: 5,
///                         candidatesSource: nil, modelSummary: model.summary)
/// print(r.text())
/// ```
/// With a heuristic and an exact result of the same objective, the heuristic's gap to the proven optimum is
/// printed under it.
public struct PlacementReport: Sendable {
    /// The placement problem the results were computed on (demand, candidates, threshold).
    public var problem: PlacementProblem
    /// The study the demand comes from (territory, supply, studied communes), for the header lines.
    public var study: Study
    /// The results to print, one per method (the header states the first result's objective).
    public var results: [PlacementResult]
    /// The number of new sites asked for, printed as `k = …` (not for LSCP, nor for a budgeted placement).
    public var k: Int
    /// The candidates file, or nil for every studied commune.
    public var candidatesSource: String?
    /// The travel model's one-line summary (``CareModel/TravelTimeModel/summary``).
    public var modelSummary: String
    /// The travel model's notes (network snapping, matrix coverage), printed with the study's.
    public var modelNotes: [Diagnostic]
    /// Seconds spent on travel times before the methods ran (``PlacementProblem/prepared(for:)``), if apart.
    public var travelSeconds: Double?

    /// Creates the report from a placement's problem, study and results (`candidatesSource` nil: every studied
    /// commune was a candidate).
    public init(problem: PlacementProblem, study: Study, results: [PlacementResult], k: Int,
                candidatesSource: String?, modelSummary: String, modelNotes: [Diagnostic] = [], travelSeconds: Double? = nil) {
        self.travelSeconds = travelSeconds
        self.problem = problem
        self.study = study
        self.results = results
        self.k = k
        self.candidatesSource = candidatesSource
        self.modelSummary = modelSummary
        self.modelNotes = modelNotes
    }

    var objective: PlacementObjective { results.first?.objective ?? .mclp }
    var studiedPopulation: Double { zip(problem.population, problem.counted).reduce(0) { $0 + ($1.1 ? $1.0 : 0) } }

    /// The terminal report: study, baseline, each method's picks with their gains, value, bound and gap.
    public func text() -> String {
        var lines: [String] = []
        let t = compact(problem.threshold)
        let budget = results.first?.budget
        let kText = budget.map { "budget \(grouped($0)) €" } ?? (objective == .lscp ? "fewest sites" : "k = \(k)")
        // The accessibility objective searches candidates within the indicator's catchment, not a coverage threshold.
        var isAccess = false
        if case .accessibility = objective { isAccess = true }
        lines.append("CareAccess placement — \(objective.name), \(kText), \(isAccess ? "catchment" : "threshold") \(t) min, \(modelSummary)")
        lines.append("Territory:  \(study.territorySource)")
        lines.append("Supply:     \(study.supplySource) (\(problem.existing.count) sites with \(study.supply.countsGPs ? "GPs" : study.supply.countColumn.map(\.name) ?? "GPs"), fixed)")
        let deps = Set(study.demand.map { study.territory.communes[$0].departement }).sorted()
        lines.append("Studied:    \(study.demand.count) communes in \(deps.count <= 8 ? deps.joined(separator: ", ") : "\(deps.count) départements"), \(grouped(studiedPopulation)) inhabitants")
        lines.append("Candidates: \(problem.candidates.count) (\(candidatesSource ?? "every studied commune"))")
        if let travelSeconds {
            lines.append("Travel times (nearest existing site, candidate catchments): \(num(travelSeconds * 1000, 1)) ms, shared by the methods below")
        }
        if let first = results.first { lines.append(contentsOf: baselineLines(first)) }
        var exactValue: Double?
        if let e = results.first(where: { $0.method == .exact }), e.provenOptimal { exactValue = e.value }
        for r in results.sorted(by: { ($0.method == .exact ? 0 : 1) < ($1.method == .exact ? 0 : 1) }) {
            lines.append("")
            lines.append(contentsOf: resultLines(r, optimum: r.method == .exact ? nil : exactValue))
        }
        let notes = (study.notes + modelNotes).map(\.description)
        if !notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: notes.map { "Note: " + $0 })
        }
        return lines.joined(separator: "\n")
    }

    func baselineLines(_ r: PlacementResult) -> [String] {
        let t = compact(problem.threshold)
        switch r.objective {
        case .mclp:
            let beyond = studiedPopulation - r.baseline
            var l = ["Baseline:   \(grouped(r.baseline)) inhabitants within \(t) min (\(pct(r.baseline / max(1, studiedPopulation)))); \(grouped(beyond)) beyond"]
            if beyond == 0 { l.append("Everyone is already within \(t) min of a GP: nothing to gain. Try a lower --threshold (e.g. 10).") }
            if !r.uncoverable.isEmpty { l.append("Beyond \(t) min of every candidate too: \(r.uncoverable.count) communes (no placement covers them)") }
            return l
        case .lscp:
            var l: [String] = []
            if !r.uncoverable.isEmpty {
                let names = r.uncoverable.prefix(8).map { communeLabel(demand: $0) }
                l.append("Cannot be covered by any candidate: \(r.uncoverable.count) communes (\(grouped(r.uncoverable.reduce(0) { $0 + problem.population[$1] })) inhabitants): \(names.joined(separator: "; "))")
            }
            return l
        case .pMedian:
            return ["Baseline:   population-weighted mean \(num(r.baseline / max(1, studiedPopulation), 3)) min to the nearest GP"]
        case .pCenter:
            return ["Baseline:   worst \(num(r.baseline, 2)) min to the nearest GP"]
        case .accessibility(let g):
            return ["Baseline:   \(grouped(r.baseline)) inhabitants at \(g.method.name) ≥ \(num(g.underServed, 2)); new sites of \(num(g.gpsPerSite, 2)) GP\(g.gpsPerSite == 1 ? "" : "s") each"]
        }
    }

    func resultLines(_ r: PlacementResult, optimum: Double?) -> [String] {
        var l: [String] = []
        let how: String
        switch r.method {
        case .exact: how = r.objective == .pCenter ? "Exact (bisection over radii, LSCP by CBC)" : "Exact (CBC MILP)"
        case .greedy where r.budget != nil:
            if case .accessibility = r.objective { how = "Greedy by lifted population per euro, with re-evaluation" } else {
                how = "Greedy by gain per euro (Khuller, Moss & Naor 1999)"
            }
        case .greedy:
            switch r.objective {
            case .accessibility: how = "Greedy with re-evaluation"
            case .lscp: how = "Greedy covering"
            case .pCenter: how = "Bisection with greedy covering"
            default: how = "Greedy (lazy, Minoux 1978)"
            }
        case .localSearch: how = "Local search (greedy start, vertex substitution, Teitz & Bart 1968)"
        }
        var status = r.provenOptimal ? "proven optimum" : (r.bound == nil ? "heuristic" : "not proven optimal")
        if let size = r.modelSize, r.method == .exact { status += "; model \(size.candidates) candidates × \(size.rows) rows, \(size.nonZeros) non-zeros" }
        l.append("\(how): \(status), \(num(r.seconds * 1000, 1)) ms")
        let unit = gainUnit(r.objective)
        let costed = r.budget != nil
        l.append("   #  id           commune                             " + (costed ? "cost (€)      " : "") + unit)
        for (n, (c, g)) in zip(r.chosenCandidates, r.stepGains).enumerated() {
            let cand = problem.candidates[c]
            let name = cand.communeCode.flatMap { study.territory.index(ofCode: $0) }.map { study.territory.communes[$0].name } ?? ""
            let commune = "\(cand.communeCode ?? "") \(name)"
            let cost = costed ? pad(grouped(cand.cost ?? 0), 12, left: true) + "  " : ""
            l.append("  \(pad("\(n + 1)", 2))  \(pad(cand.id, 11, left: true))  \(pad(commune, 34, left: true))  \(cost)\(gainText(g, r.objective))")
        }
        l.append("  " + valueLine(r))
        if let budget = r.budget, let cost = r.cost {
            l.append("  Cost: \(grouped(cost)) € of the \(grouped(budget)) € budget; \(r.value > 0 && cost > 0 ? grouped(r.value / cost * 100_000) : "n/a") \(r.objective == .mclp ? "inhabitants newly within \(compact(problem.threshold)) min" : "inhabitants lifted") per 100 k€")
        }
        if let optimum, r.method != .exact {
            let gap = r.objective.maximises ? (optimum - r.value) / max(abs(optimum), 1e-12) : (r.value - optimum) / max(abs(optimum), 1e-12)
            l.append("  Gap to the proven optimum: \(pct(optimum == 0 && r.value == 0 ? 0 : gap))")
        }
        l.append(contentsOf: r.notes.map { "  Note: " + $0.description })
        return l
    }

    func valueLine(_ r: PlacementResult) -> String {
        let t = compact(problem.threshold)
        let bound = r.bound
        let gap = r.gap.map { "gap \(pct($0))" } ?? ""
        switch r.objective {
        case .mclp:
            let total = r.baseline + r.value
            return "Newly within \(t) min: \(grouped(r.value)) inhabitants (bound \(bound.map(grouped) ?? "n/a"), \(gap)) → \(grouped(total)) within \(t) min (\(pct(total / max(1, studiedPopulation))))"
        case .lscp:
            return "New sites needed: \(Int(r.value)) (lower bound \(bound.map { String(Int($0)) } ?? "n/a"), \(gap))"
        case .pMedian:
            let pop = max(1, studiedPopulation)
            return "Population-weighted mean: \(num(r.baseline / pop, 3)) → \(num(r.value / pop, 3)) min (bound \(bound.map { num($0 / pop, 3) } ?? "n/a"), \(gap))"
        case .pCenter:
            return "Worst minutes: \(num(r.baseline, 2)) → \(num(r.value, 2)) (bound \(bound.map { num($0, 2) } ?? "n/a"), \(gap))"
        case .accessibility:
            return "Lifted above the mark: \(grouped(r.value)) inhabitants (heuristic, no bound)"
        }
    }

    func gainUnit(_ o: PlacementObjective) -> String {
        switch o {
        case .mclp: return "gain (inhabitants newly within T)"
        case .lscp: return "inhabitants newly within T"
        case .pMedian: return "gain (person-minutes saved)"
        case .pCenter: return "worst minutes reduced by"
        case .accessibility: return "inhabitants lifted"
        }
    }

    func gainText(_ g: Double, _ o: PlacementObjective) -> String {
        if case .pCenter = o { return num(g, 2) }
        return grouped(g)
    }

    func communeLabel(demand i: Int) -> String {
        let place = problem.demand[i]
        if let c = study.demand.first(where: { study.territory.communes[$0].place == place }) {
            let commune = study.territory.communes[c]
            return "\(commune.name) (\(commune.code))"
        }
        return "point \(i)"
    }

    /// `rank,method,id,commune,name,gain`, one row per chosen site and method; budgeted runs add `cost` (€).
    public func csv() -> String {
        let costed = results.contains { $0.budget != nil }
        var out = "rank,method,id,commune,name,gain" + (costed ? ",cost" : "") + "\n"
        for r in results {
            for (n, (c, g)) in zip(r.chosenCandidates, r.stepGains).enumerated() {
                let cand = problem.candidates[c]
                let name = cand.communeCode.flatMap { study.territory.index(ofCode: $0) }.map { study.territory.communes[$0].name } ?? ""
                out += "\(n + 1),\(r.method.rawValue),\(CSVWriter.escape(cand.id)),\(cand.communeCode ?? ""),\(CSVWriter.escape(name)),\(CSVWriter.number(g))"
                    + (costed ? "," + CSVWriter.number(cand.cost ?? 0) : "") + "\n"
            }
        }
        return out
    }

    /// `20` for 20.0, `7.5` for 7.5.
    func compact(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e9 ? String(Int(v)) : String(v) }
    func num(_ v: Double, _ digits: Int) -> String { v.isFinite ? String(format: "%.\(digits)f", v) : "n/a" }
    func pct(_ v: Double) -> String { num(v * 100, 2) + " %" }
    func grouped(_ v: Double) -> String {
        guard v.isFinite else { return "n/a" }
        guard abs(v) < 9e15 else { return String(v) }  // beyond Int's exact range: no conversion trap
        let n = Int(v.rounded())
        let s = String(abs(n))
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0, (s.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
    func pad(_ s: String, _ w: Int, left: Bool = false) -> String {
        let n = s.count
        guard n < w else { return s }
        let fill = String(repeating: " ", count: w - n)
        return left ? s + fill : fill + s
    }
}
